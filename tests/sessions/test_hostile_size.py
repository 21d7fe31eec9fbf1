"""Session files beyond the size limit (tests/data/hostile/session-size/, one file per case: what
to make or save, and the one-line message expected): saving one is refused with a clear message,
and one on disk is listed as damaged without being parsed, left in place, the others listed."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.sessions import index as index_module
from wizard.sessions.files import SESSION_LIMIT
from wizard.sessions.index import list_sessions
from wizard.sessions.store import SessionError, SessionStore

DATA = Path(__file__).parents[1] / "data"
GOOD = DATA / "sessions" / "good" / "20261101-a1b2c3.toml"
SAMPLE = DATA / "good" / "sample.toml"
CASES = sorted((DATA / "hostile" / "session-size").glob("*.toml"))
ANSWER = '\n[[answers]]\nquestion = "enrolment"\nvalue = "china"\nat = 2026-11-01T09:01:00+00:00\n'


def _case(path: Path) -> tuple[str, dict[str, object]]:
    text = path.read_text(encoding="utf-8")
    return text.splitlines()[0].removeprefix("# expect:").strip(), tomllib.loads(text)


def _oversized(spec: dict[str, object]) -> str:
    text = GOOD.read_text(encoding="utf-8").replace("20261101-a1b2c3", "X")
    if spec["make"] == "answers":
        return text + ANSWER * int(spec["count"])  # type: ignore[call-overload]
    note = "x" * (int(spec["megabytes"]) * 2**20)  # type: ignore[call-overload]
    return text.replace("\n[checklist]", f'\n[notes]\nfield = "{note}"\n\n[checklist]', 1)


@pytest.mark.parametrize(
    "case", [c for c in CASES if "make" in c.read_text()], ids=lambda p: p.stem
)
def test_an_oversized_file_is_listed_as_damaged_unparsed(
    tmp_path: Path,
    case: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    expect, spec = _case(case)
    folder = tmp_path / "data" / "sessions"
    folder.mkdir(parents=True)
    shutil.copy(GOOD, folder / GOOD.name)
    big = folder / "X.toml"
    big.write_text(_oversized(spec), encoding="utf-8")
    size = big.stat().st_size
    assert size > SESSION_LIMIT
    parsed: list[int] = []
    real = index_module.parse_toml

    def parse(text: str) -> dict[str, object]:
        parsed.append(len(text))
        return real(text)

    monkeypatch.setattr(index_module, "parse_toml", parse)
    listed = list_sessions(tmp_path / "data")
    assert [s.id for s in listed.sessions] == ["20261101-a1b2c3"]
    [problem] = listed.problems
    assert problem.startswith(expect) and "the limit is 2 MB" in problem
    assert max(parsed) < SESSION_LIMIT  # the big file was never parsed

    assert main(["sessions", "list", "--data-dir", str(tmp_path / "data")]) == 0
    out, err = capsys.readouterr()
    assert "20261101-a1b2c3" in out
    assert err.splitlines() == [f"warning: {problem}"]
    assert big.stat().st_size == size  # kept, where it was


@pytest.mark.parametrize(
    "case", [c for c in CASES if "save" in c.read_text()], ids=lambda p: p.stem
)
def test_saving_past_the_limit_is_refused(tmp_path: Path, case: Path) -> None:
    expect, spec = _case(case)
    folder = tmp_path / "data" / "sessions"
    folder.mkdir(parents=True)
    text = GOOD.read_text(encoding="utf-8")
    text = text.replace(
        "\ntree_hash = ", f"\ntree_file = {json.dumps(str(SAMPLE))}\ntree_hash = ", 1
    )
    (folder / GOOD.name).write_text(text, encoding="utf-8")
    before = (folder / GOOD.name).read_bytes()
    store = SessionStore(tmp_path / "data")
    with store.open("20261101-a1b2c3") as handle, pytest.raises(SessionError) as refused:
        handle.set_note("field", "x" * (int(spec["megabytes"]) * 2**20))  # type: ignore[call-overload]
    message = str(refused.value)
    assert expect in message and "\n" not in message
    assert (folder / GOOD.name).read_bytes() == before
    assert [p.name for p in folder.iterdir()] == [GOOD.name]
