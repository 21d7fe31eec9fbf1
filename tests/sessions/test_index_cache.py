"""The listing's cache (`wizard.sessions.cache`): a file whose stat is unchanged is listed from
it, any change is read again, and a cache that is damaged, locked or unwritable never changes
what is listed."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from tests.sessions.saved import CHINA_X1, saved_session
from wizard.sessions.cache import CACHE_FILE, VERSION
from wizard.sessions.clients import ClientStore, attach
from wizard.sessions.index import SessionSummary, list_sessions
from wizard.sessions.store import SessionStore
from wizard.tree.schema import Tree


def _listed(store: SessionStore) -> list[SessionSummary]:
    index = list_sessions(store.folder.parent)
    assert index.problems == []
    return index.sessions


def _cached_names(store: SessionStore) -> set[str]:
    with sqlite3.connect(store.folder.parent / CACHE_FILE) as db:
        return {name for (name,) in db.execute("SELECT name FROM summaries")}


def test_a_second_listing_is_the_same_from_the_cache(
    store: SessionStore, sample_tree: Tree
) -> None:
    for answers in (["china"], CHINA_X1, []):
        saved_session(store, sample_tree, answers).close()
    first = _listed(store)
    assert _cached_names(store) == {f"{s.id}.toml" for s in first}
    assert _listed(store) == first


def test_a_saved_change_is_read_again(store: SessionStore, sample_tree: Tree) -> None:
    handle = saved_session(store, sample_tree, ["china"])
    assert [s.answered for s in _listed(store)] == [1]
    handle.set_people("Ana Silva", None, None)
    assert [(s.answered, s.client_name) for s in _listed(store)] == [(1, "Ana Silva")]
    handle.close()


def test_a_file_changed_in_place_with_the_same_size_and_time_is_read_again(
    store: SessionStore, sample_tree: Tree
) -> None:
    saved_session(store, sample_tree, ["china"]).close()
    (listed,) = _listed(store)
    path = store.path(listed.id)
    text = path.read_text(encoding="utf-8")
    before = os.stat(path)
    path.write_text(text.replace('tree = "sample"', 'tree = "sampl2"'), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # ctime still moves
    assert [s.tree for s in _listed(store)] == ["sampl2"]


def test_deleted_and_damaged_files_leave_the_cache(store: SessionStore, sample_tree: Tree) -> None:
    one = saved_session(store, sample_tree, ["china"])
    two = saved_session(store, sample_tree, CHINA_X1)
    one.close()
    two.close()
    _listed(store)
    store.path(one.current.id).unlink()
    store.path(two.current.id).write_text("not = [toml", encoding="utf-8")
    index = list_sessions(store.folder.parent)
    assert index.sessions == [] and len(index.problems) == 1  # moved aside, reported
    assert _cached_names(store) == set()


def test_a_damaged_cache_is_rebuilt(store: SessionStore, sample_tree: Tree) -> None:
    saved_session(store, sample_tree, CHINA_X1).close()
    first = _listed(store)
    (store.folder.parent / CACHE_FILE).write_bytes(b"not a database" * 100)
    assert _listed(store) == first
    assert _cached_names(store) == {f"{first[0].id}.toml"}


def test_a_locked_or_unwritable_cache_only_costs_time(
    store: SessionStore, sample_tree: Tree, tmp_path: Path
) -> None:
    saved_session(store, sample_tree, CHINA_X1).close()
    first = _listed(store)
    saved_session(store, sample_tree, ["china"]).close()
    with sqlite3.connect(store.folder.parent / CACHE_FILE, isolation_level=None) as other:
        other.execute("BEGIN EXCLUSIVE")  # another window writing it
        both = _listed(store)
        other.execute("ROLLBACK")
    assert len(both) == 2 and first[0] in both


def test_an_empty_history_makes_no_cache(store: SessionStore) -> None:
    store.folder.mkdir(parents=True)
    assert _listed(store) == []
    assert not (store.folder.parent / CACHE_FILE).exists()


def test_the_client_id_is_listed_and_an_older_cache_is_emptied(
    store: SessionStore, sample_tree: Tree
) -> None:
    client = ClientStore(store.folder.parent).create("Ana Silva", "ana@example.org")
    handle = saved_session(store, sample_tree, CHINA_X1)
    handle.apply(lambda session: attach(session, client))
    handle.close()
    assert [s.client_id for s in _listed(store)] == [client.id]
    assert [s.client_id for s in _listed(store)] == [client.id]  # from the cache
    # The cache as version 1 wrote it: the same file and stat, no client_id column.
    with sqlite3.connect(store.folder.parent / CACHE_FILE, isolation_level=None) as db:
        db.execute("CREATE TABLE old AS SELECT * FROM summaries")
        db.execute("DROP TABLE summaries")
        db.execute("ALTER TABLE old DROP COLUMN client_id")
        db.execute("ALTER TABLE old RENAME TO summaries")
        db.execute("PRAGMA user_version=1")
    assert [s.client_id for s in _listed(store)] == [client.id]
    with sqlite3.connect(store.folder.parent / CACHE_FILE) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == VERSION
        assert db.execute("SELECT client_id FROM summaries").fetchall() == [(client.id,)]
