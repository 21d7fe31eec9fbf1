"""Deleted sessions put back: `wizard sessions list --deleted`, `wizard sessions restore ID`
(`wizard.sessions.bin`). Restoring never replaces a session that holds the id again."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.sessions.saved import run, saved_session
from wizard.sessions.bin import SessionExists, find_deleted, list_deleted, restore
from wizard.sessions.store import SessionNotFound, SessionStore
from wizard.tree.schema import Tree


def deleted_session(store: SessionStore, tree: Tree, client: str) -> str:
    handle = saved_session(store, tree, ["china"])
    handle.set_people(client, None, None)
    handle.close()
    store.delete(handle.current.id)
    return handle.current.id


def test_restore_puts_the_same_file_back(store: SessionStore, sample_tree: Tree) -> None:
    handle = saved_session(store, sample_tree, ["overseas", 3])
    handle.close()
    sid = handle.current.id
    before = store.path(sid).read_bytes()
    store.delete(sid)
    [gone] = list_deleted(store).sessions
    assert gone.session.id == sid and gone.path.parent == store.folder / "deleted"
    assert restore(store, sid[:12]).id == sid  # a unique start of the id will do
    assert store.path(sid).read_bytes() == before
    assert list_deleted(store).sessions == []
    with store.open(sid) as reopened:  # and it opens and saves as before
        assert reopened.set_note("months", "back")


def test_the_latest_deletion_of_an_id_is_restored(store: SessionStore, sample_tree: Tree) -> None:
    handle = saved_session(store, sample_tree, ["china"])
    handle.close()
    sid = handle.current.id
    store.delete(sid)
    first = store.folder / "deleted" / f"{sid}.toml"
    os.utime(first, (time.time() - 60, time.time() - 60))  # deleted a minute ago
    store.path(sid).write_bytes(first.read_bytes())  # the same id saved again...
    with store.open(sid) as again:
        again.set_note("enrolment", "second life")
    store.delete(sid)  # ...and deleted again: ID-2.toml
    assert [d.path.name for d in list_deleted(store).sessions] == [f"{sid}-2.toml", f"{sid}.toml"]
    assert restore(store, sid).notes == {"enrolment": "second life"}  # the latest
    with pytest.raises(SessionExists):
        restore(store, sid)  # the older one waits: its id is taken
    store.delete(sid)
    assert find_deleted(store, sid).session.notes == {"enrolment": "second life"}


def test_restore_refuses_a_taken_id_and_changes_nothing(
    store: SessionStore, sample_tree: Tree
) -> None:
    sid = deleted_session(store, sample_tree, "Ana Silva")
    moved = store.folder / "deleted" / f"{sid}.toml"
    store.path(sid).write_text("someone else's\n", encoding="utf-8")  # the id taken again
    with pytest.raises(SessionExists, match="a session with that id exists again"):
        restore(store, sid)
    assert store.path(sid).read_text(encoding="utf-8") == "someone else's\n"
    assert moved.is_file()
    kept = restore(store, sid, new_id=True)  # both kept
    assert kept.id != sid and kept.client_name == "Ana Silva"
    assert store.load(kept.id).answer_values == {"enrolment": "china"}
    assert not moved.exists()


def test_restore_unknown_or_ambiguous(store: SessionStore, sample_tree: Tree) -> None:
    with pytest.raises(SessionNotFound, match="no deleted session 'nope'"):
        restore(store, "nope")
    deleted_session(store, sample_tree, "A")
    deleted_session(store, sample_tree, "B")
    with pytest.raises(SessionNotFound, match="matches several deleted sessions"):
        restore(store, "2")


def test_cli_list_deleted_and_restore(
    tmp_path: Path, sample_tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    store = SessionStore(data)
    sid = deleted_session(store, sample_tree, "Ana Silva")
    (store.folder / "deleted" / "broken.toml").write_text("not = [toml", encoding="utf-8")
    code, out, err = run(capsys, "sessions", "list", "--deleted", "--data-dir", str(data))
    assert code == 0
    head, row = out.splitlines()
    assert head.split() == ["ID", "DELETED", "CLIENT", "TREE", "PROGRESS", "OUTCOME"]
    assert row.startswith(sid) and "Ana Silva" in row
    assert "warning: broken.toml: cannot be read" in err
    code, out, _ = run(
        capsys, "sessions", "list", "--deleted", "--format", "json", "--data-dir", str(data)
    )
    [listed] = json.loads(out)
    assert listed["id"] == sid and listed["deleted"]
    code, out, _ = run(capsys, "sessions", "list", "--data-dir", str(data))
    assert sid not in out  # not among the saved ones

    code, out, err = run(capsys, "sessions", "restore", sid, "--data-dir", str(data))
    assert (code, err) == (0, "")
    assert out == f"Restored session {sid} (Ana Silva).\n"
    code, out, err = run(capsys, "sessions", "restore", sid, "--data-dir", str(data))
    assert code == 1 and out == ""
    assert err == f"wizard: no deleted session '{sid}' in {data / 'sessions' / 'deleted'}\n"


def test_cli_restore_refused_then_under_a_new_id(
    tmp_path: Path, sample_tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    store = SessionStore(data)
    sid = deleted_session(store, sample_tree, "Bo Chen")
    store.path(sid).write_bytes((store.folder / "deleted" / f"{sid}.toml").read_bytes())
    code, out, err = run(capsys, "sessions", "restore", sid, "--data-dir", str(data))
    assert code == 1 and out == ""
    assert err.startswith(f"wizard: session {sid} was not restored: a session with that id")
    code, out, err = run(capsys, "sessions", "restore", sid, "--new-id", "--data-dir", str(data))
    assert code == 0 and out.startswith("Restored session ") and sid not in out
    assert len(store.scan().sessions) == 2


def test_cli_delete_says_how_to_put_it_back(
    tmp_path: Path, sample_tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    handle = saved_session(SessionStore(data), sample_tree, ["china"])
    handle.close()
    sid = handle.current.id
    code, out, _ = run(capsys, "sessions", "delete", sid[:10], "--data-dir", str(data))
    assert code == 0 and out.rstrip().endswith(f"`wizard sessions restore {sid}` puts it back.")
