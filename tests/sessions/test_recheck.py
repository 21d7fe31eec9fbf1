"""`wizard sessions recheck`: which saved sessions a tree update changes, and what; the digest a
session keeps of what it concluded; the cache the home screen reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.paths import SAMPLE
from wizard.cli.main import main
from wizard.lint import load
from wizard.sessions.recheck import recheck
from wizard.sessions.store import SessionStore
from wizard.sessions.waiting import CACHE, cached_count

from .saved import CHINA_X1, OVERSEAS_S2, saved_session


@pytest.fixture
def tree_file(tmp_path: Path) -> Path:
    path = tmp_path / "tree.toml"
    shutil.copy(SAMPLE, path)
    return path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def save(store: SessionStore, tree_file: Path, answers: list[object], client: str) -> str:
    handle = saved_session(store, load(tree_file), answers, tree_file)
    handle.set_people(client, None, None)
    handle.close()
    return handle.current.id


def drop_digest(store: SessionStore, session_id: str) -> None:
    """Make the file look saved by a version without `[concluded]`."""
    path = store.path(session_id)
    lines = path.read_text(encoding="utf-8").split("\n\n")
    path.write_text("\n\n".join(b for b in lines if "[concluded]" not in b), encoding="utf-8")


def test_the_digest_is_saved(store: SessionStore, tree_file: Path) -> None:
    session_id = save(store, tree_file, CHINA_X1, "Ana")
    concluded = store.load(session_id).concluded
    assert concluded is not None
    assert (concluded.outcome, concluded.verdict) == ("x1-remark", "recommended")
    assert concluded.checklist == ["approval-letter"]


def test_recheck_lists_what_each_update_changes(
    store: SessionStore, tree_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    x1 = save(store, tree_file, CHINA_X1, "Ana Silva")
    s2 = save(store, tree_file, OVERSEAS_S2, "Bo Chen")
    old = save(store, tree_file, CHINA_X1, "Old File")
    drop_digest(store, old)
    assert recheck(data).affected == []
    assert cached_count(data) == 0

    edit(tree_file, "lt = 2027-01-01", "lt = 2026-01-01")  # the X1 answers now end later
    edit(
        tree_file,
        'risks = ["s2-in-country"]\nsources',
        'risks = ["s2-in-country", "unrelated"]\nsources',
    )
    assert cached_count(data) is None  # a tree changed: the cache no longer holds

    result = recheck(data)
    found = {a.session: a.changes for a in result.affected}
    assert found == {
        x1: ["x1-remark -> x1-later", "verdict recommended -> possible"],
        s2: ["new risk: The internship must relate to your major"],
        old: ["x1-remark -> x1-later"],  # an older file: outcome changes only
    }
    assert result.checked == 3
    assert cached_count(data) == 3
    assert json.loads((data / CACHE).read_text(encoding="utf-8"))["version"] == 1

    code = main(["sessions", "recheck", "--data-dir", str(data)])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "3 of 3 sessions affected by tree updates, newest first:"
    assert f"{s2}  Bo Chen  sample  saved " in out
    assert "    x1-remark -> x1-later" in lines
    assert "    new risk: The internship must relate to your major" in lines
    assert lines[-1].startswith("Open one with `wizard resume ID`")

    code = main(["sessions", "recheck", "--tree", "other", "--data-dir", str(data)])
    assert code == 0 and capsys.readouterr().out == (
        "No session affected by tree updates (0 checked).\n"
    )


def test_recheck_names_a_new_question(
    store: SessionStore, tree_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    x1 = save(store, tree_file, CHINA_X1, "Ana")
    edit(tree_file, '  id = "yes"\n  next = "start-date"', '  id = "yes"\n  next = "paid"')
    with tree_file.open("a", encoding="utf-8") as tree:
        tree.write(
            '\n[nodes.paid]\ntype = "yesno"\nprompt = "Is it paid?"\n'
            '  [[nodes.paid.options]]\n  id = "yes"\n  next = "start-date"\n'
            '  [[nodes.paid.options]]\n  id = "no"\n  next = "not-allowed"\n'
        )
    code = main(["sessions", "recheck", "--format", "json", "--data-dir", str(data)])
    data_out = json.loads(capsys.readouterr().out)
    assert code == 0
    [affected] = data_out["affected"]
    assert affected["session"] == x1
    assert affected["changes"] == ["now stops at a new question: “Is it paid?” (paid)"]
