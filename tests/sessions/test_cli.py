"""`wizard sessions ...` and `wizard resume`: no app needed, and one clear line on failure."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import SAMPLE, SESSION_DATA
from tests.sessions.saved import CHINA_X1, OVERSEAS_S2, run, saved_session
from wizard.cli.main import main
from wizard.sessions.store import SessionStore
from wizard.tree.schema import Tree

GOOD = SESSION_DATA / "good" / "20261101-a1b2c3.toml"
EXPORT = SESSION_DATA / "good" / "export.json"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def with_good_session(data: Path, tree: Path = SAMPLE) -> str:
    """The fixture session, pointed at the sample tree (it is not a shipped tree)."""
    folder = data / "sessions"
    folder.mkdir(parents=True)
    text = GOOD.read_text(encoding="utf-8")
    text = text.replace('language = "en"', f'language = "en"\ntree_file = {json.dumps(str(tree))}')
    (folder / GOOD.name).write_text(text, encoding="utf-8")
    return GOOD.stem


def test_list(data: Path, sample_tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    with_good_session(data)
    store = SessionStore(data)
    saved_session(store, sample_tree, ["overseas"]).close()
    code, out, err = run(capsys, "--data-dir", str(data), "sessions", "list")
    assert code == 0 and err == ""
    header, *rows = out.splitlines()
    assert header.split() == ["ID", "UPDATED", "CLIENT", "TREE", "PROGRESS", "OUTCOME"]
    assert len(rows) == 2
    assert rows[1].startswith("20261101-a1b2c3  2026-11-01")  # the older one last
    assert "Ana Silva  sample  finished    x1-remark" in rows[1]
    assert "1 answered" in rows[0]


def test_list_filter_json_and_data_dir_after_the_command(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_good_session(data)
    code, out, _ = run(
        capsys, "sessions", "list", "ana", "--format", "json", "--data-dir", str(data)
    )
    assert code == 0
    assert [row["client"] for row in json.loads(out)] == ["Ana Silva"]
    code, out, err = run(capsys, "sessions", "list", "nobody", "--data-dir", str(data))
    assert (code, out, err) == (0, "", "No session matches.\n")


def test_list_uses_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WIZARD_DATA_DIR", str(tmp_path / "from-env"))
    with_good_session(tmp_path / "from-env")
    code, out, _ = run(capsys, "sessions", "list")
    assert code == 0 and "20261101-a1b2c3" in out


def test_list_reports_a_damaged_file_and_lists_the_rest(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_good_session(data)
    shutil.copy(SESSION_DATA / "broken" / "missing-fields.toml", data / "sessions")
    code, out, err = run(capsys, "sessions", "list", "--data-dir", str(data))
    assert code == 0 and "20261101-a1b2c3" in out
    assert err.startswith("warning: missing-fields.toml: cannot be read (tree_version: missing")
    assert f"moved to {data / 'sessions' / 'damaged'}" in err


def test_a_session_whose_answers_are_damaged_lists_and_is_reported_when_opened(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Listing reads only the fields a list shows (10,000 sessions list fast); a file whose
    answers are damaged is found, reported and moved aside when it is opened."""
    with_good_session(data)
    shutil.copy(SESSION_DATA / "broken" / "wrong-types.toml", data / "sessions")
    code, out, _ = run(capsys, "sessions", "list", "--data-dir", str(data))
    assert code == 0 and "wrong-types" in out
    code, _, err = run(capsys, "sessions", "show", "wrong-types", "--data-dir", str(data))
    assert code == 1
    assert "wrong-types.toml: cannot be read (answers[1].value: not a valid" in err
    assert f"moved to {data / 'sessions' / 'damaged'}" in err


def test_show(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_good_session(data)
    code, out, err = run(capsys, "sessions", "show", "20261101", "--data-dir", str(data))
    assert code == 0, err
    assert out.splitlines()[0].startswith("Session 20261101-a1b2c3 (revision 4, updated 2026-11-01")
    assert "Client: Ana Silva <ana@example.org>   Counselor: Li Wei" in out
    assert "Tree: sample 1.0.0 “Sample pathways”" in out
    assert "  1. Where are you enrolled? [enrolment]: In China" in out
    assert "  2. Is the internship in your field of study? [field]: Yes" in out
    assert (
        "     Note (private): Studies economics; the internship is in a bank.\n"
        "                     Asked whether a second internship is possible.\n"
    ) in out
    assert "  3. When does it start? [start-date]: 2026-03-01" in out
    assert "Outcome: X1 visa with an internship remark (recommended)" in out
    assert "  [x] Internship approval letter" in out
    assert "changed since" not in out


def test_show_says_what_no_longer_fits(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = tmp_path / "sample.toml"
    text = SAMPLE.read_text(encoding="utf-8")
    tree.write_text(text.replace("lt = 2027-01-01", "lt = 2026-01-01"), encoding="utf-8")
    sid = with_good_session(data, tree)
    code, out, _ = run(capsys, "sessions", "show", sid, "--data-dir", str(data))
    assert code == 0
    assert "The tree 'sample' changed since this session was saved" in out
    assert "The outcome changed: it was 'X1 visa with an internship remark'" in out


def test_show_a_session_whose_tree_cannot_be_loaded(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = with_good_session(data, Path("/nowhere/tree.toml"))
    code, out, _ = run(capsys, "sessions", "show", sid, "--data-dir", str(data))
    assert code == 0
    assert (
        "Tree: sample 1.0.0, which cannot be loaded:\n  /nowhere/tree.toml:1: sample: error: the "
        "tree file is missing, and no shipped tree has the id 'sample' [file]\n"
    ) in out
    assert "  1. enrolment [enrolment]: china" in out  # the raw answers, still shown
    assert "Outcome: x1-remark" in out


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_show_raw(data: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    sid = with_good_session(data)
    code, out, _ = run(capsys, "sessions", "show", sid, "--format", fmt, "--data-dir", str(data))
    assert code == 0
    if fmt == "toml":
        assert out == (data / "sessions" / GOOD.name).read_text(encoding="utf-8").split("\n", 1)[
            1
        ] or ('id = "20261101-a1b2c3"' in out)
    else:
        assert json.loads(out)["answers"][2]["value"] == {"date": "2026-03-01"}


def test_show_unknown(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "sessions", "show", "nope", "--data-dir", str(data))
    assert (code, out) == (1, "")
    assert err == f"wizard: no session 'nope' in {data / 'sessions'}\n"


def test_delete(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sid = with_good_session(data)
    code, out, _ = run(capsys, "sessions", "delete", sid, "--data-dir", str(data))
    assert code == 0
    assert out.startswith(f"Deleted {sid}; the file was moved to {data / 'sessions' / 'deleted'}")
    assert not (data / "sessions" / GOOD.name).exists()
    code, _, err = run(capsys, "sessions", "delete", sid, "--data-dir", str(data))
    assert code == 1 and "no session" in err


def test_import_an_export_twice(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sessions", "import", str(EXPORT), "--data-dir", str(data))
    assert (code, out) == (0, "Imported session 20261101-a1b2c3.\n")
    code, out, err = run(capsys, "sessions", "import", str(EXPORT), "--data-dir", str(data))
    assert (code, err) == (0, "")
    assert out == (
        "Session 20261101-a1b2c3 is already there (the same as this export); nothing imported.\n"
    )
    [session] = SessionStore(data).scan().sessions
    assert session.notes["field"].startswith("Studies economics")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a JSON file"),
        ('{"outcome": {}}', "no session in this file"),
        ('{"session": {"answers": [], "id": "x"}}', "tree: missing"),
    ],
)
def test_import_refuses_what_is_not_a_session(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "in.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "sessions", "import", str(path), "--data-dir", str(data))
    assert code == 1 and err.startswith(f"wizard: {path}: ") and message in err
    assert not (data / "sessions").exists() or not list((data / "sessions").glob("*.toml"))


def test_compare(
    data: Path,
    sample_tree: Tree,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # wide enough for one line a row (see test_compare_text)
    store = SessionStore(data)
    left = saved_session(store, sample_tree, CHINA_X1, tree_file=SAMPLE)
    right = saved_session(store, sample_tree, OVERSEAS_S2, tree_file=SAMPLE)
    left.close()
    right.close()
    code, out, _ = run(
        capsys, "sessions", "compare", left.current.id, right.current.id, "--data-dir", str(data)
    )
    assert code == 0
    assert "* outcome" in out and "X1 visa with an internship remark" in out
    assert "S2 internship visa" in out
    assert "The S2 internship visa is applied for inside China only" in out


def test_resume_opens_the_app_with_the_session(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = with_good_session(data)
    opened: list[argparse.Namespace] = []
    monkeypatch.setattr("wizard.cli.main.launch_app", lambda args: opened.append(args) or 0)
    assert main(["resume", "20261101-a1", "--data-dir", str(data)]) == 0
    assert opened[0].session == sid and opened[0].data_dir == data
    code, _, err = run(capsys, "resume", "nope", "--data-dir", str(data))
    assert code == 1 and "no session 'nope'" in err


def test_listing_does_not_import_textual(data: Path) -> None:
    with_good_session(data)
    code = (
        "import sys; from wizard.cli.main import main; main(['sessions', 'list', '--data-dir', "
        f"{str(data)!r}]); main(['sessions', 'show', '20261101', '--data-dir', {str(data)!r}]); "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Ana Silva" in done.stdout


def test_a_json_export_imports_back_as_the_same_session(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = with_good_session(data)
    exported = tmp_path / "summary.json"
    code, _, err = run(
        capsys, "export", sid, "--format", "json", "-o", str(exported), "--data-dir", str(data),
        "--notes", "all",  # its note is private (saved before notes could be shared)
    )  # fmt: skip
    assert code == 0, err
    other = tmp_path / "other"
    code, out, _ = run(capsys, "sessions", "import", str(exported), "--data-dir", str(other))
    assert (code, out) == (0, f"Imported session {sid}.\n")
    original = SessionStore(data).load(sid)
    imported = SessionStore(other).load(sid)
    assert imported.model_copy(update={"updated": original.updated, "revision": 4}) == original


def test_control_characters_in_a_session_never_reach_the_terminal(
    data: Path,
    sample_tree: Tree,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An ESC, a C1 CSI or a bidi override typed into a name or a note (or slipped into an
    imported session) is written out, as in the exports, by `list`, `show` and `compare`."""
    monkeypatch.setenv("COLUMNS", "200")  # the name on one line in compare's narrowed columns
    store = SessionStore(data)
    hostile = "Eve \x1b[31mred\x9b2J \u202eabc"
    handle = saved_session(store, sample_tree, ["overseas"], SAMPLE)
    handle.set_people(hostile, None, None)
    first = handle.current.id
    handle.close()
    second = saved_session(store, sample_tree, ["china"], SAMPLE)
    second.set_people("Bo", None, None)
    second.close()
    for argv in (
        ["sessions", "list"],
        ["sessions", "show", first],
        ["sessions", "compare", first, second.current.id],
    ):
        code, out, _ = run(capsys, *argv, "--data-dir", str(data))
        assert code == 0
        assert not any(c in out for c in "\x1b\x9b\u202e"), argv
        assert "Eve \\x1b[31mred\\x9b2J \\u202eabc" in out, argv
