"""The session store: saving and loading, damaged files moved aside, two writers, delete, import."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.paths import SESSION_DATA
from tests.sessions.saved import CHINA_X1, OVERSEAS_S2, dead_pid, saved_session, walked, write_lock
from wizard.sessions.model import Session
from wizard.sessions.store import (
    SessionConflict,
    SessionDamaged,
    SessionLocked,
    SessionNotFound,
    SessionStore,
)
from wizard.tree.schema import Tree

GOOD = SESSION_DATA / "good" / "20261101-a1b2c3.toml"


def test_saved_answers_load_back(store: SessionStore, sample_tree: Tree) -> None:
    with saved_session(store, sample_tree, OVERSEAS_S2) as handle:
        session = handle.current
    assert session.revision == 1 + len(OVERSEAS_S2)  # created, then one save per answer
    loaded = store.load(session.id)
    assert loaded == session
    assert loaded.answer_values == {
        "enrolment": "overseas",
        "months": 6,
        "sectors": ["ai"],
        "company": "ACME Ltd",
    }
    assert loaded.outcome == "s2"


def test_nothing_changes_nothing_is_written(store: SessionStore, sample_tree: Tree) -> None:
    with saved_session(store, sample_tree, CHINA_X1) as handle:
        revision = handle.current.revision
        assert not handle.record(walked(sample_tree, CHINA_X1))
        assert handle.current.revision == revision


def test_notes_ticks_and_people_are_saved_at_once(store: SessionStore, sample_tree: Tree) -> None:
    with saved_session(store, sample_tree, CHINA_X1) as handle:
        assert handle.set_note("field", "In a bank.")
        assert handle.set_tick("x1-remark", "approval-letter", True)
        assert handle.set_people("Ana", "ana@example.org", "Li")
        sid = handle.current.id
    loaded = store.load(sid)
    assert loaded.notes == {"field": "In a bank."}
    assert loaded.checklist == {"x1-remark": ["approval-letter"]}
    assert (loaded.client_name, loaded.client_email, loaded.counselor) == (
        "Ana",
        "ana@example.org",
        "Li",
    )


def test_list_is_filterable(store: SessionStore, sample_tree: Tree) -> None:
    first = saved_session(store, sample_tree, CHINA_X1)
    first.set_people("Ana Silva", None, None)
    second = saved_session(store, sample_tree, ["overseas"])
    second.set_people("Bo Chen", None, None)
    for handle in (first, second):
        handle.close()
    listing = store.scan()
    assert [s.client_name for s in listing.filtered("bo")] == ["Bo Chen"]
    assert [s.progress for s in listing.filtered("ana")] == ["finished"]


def test_list_orders_by_updated(store: SessionStore) -> None:
    store.folder.mkdir(parents=True)
    text = GOOD.read_text(encoding="utf-8")
    for sid, updated in [("old", "2026-01-01"), ("new", "2026-06-01"), ("mid", "2026-03-01")]:
        body = text.replace("20261101-a1b2c3", sid).replace(
            "updated = 2026-11-01T09:20:00", f"updated = {updated}T09:20:00"
        )
        (store.folder / f"{sid}.toml").write_text(body, encoding="utf-8")
    assert [s.id for s in store.scan().sessions] == ["new", "mid", "old"]


def test_damaged_files_are_moved_aside_and_the_rest_still_list(store: SessionStore) -> None:
    store.folder.mkdir(parents=True)
    shutil.copy(GOOD, store.folder)
    for path in sorted((SESSION_DATA / "broken").glob("*.toml")):
        shutil.copy(path, store.folder)
    (store.folder / "binary.toml").write_bytes(b"\xff\xfe\x00garbage")
    listing = store.scan()
    assert [s.id for s in listing.sessions] == ["20261101-a1b2c3"]
    damaged = {d.path.name: d for d in listing.damaged}
    assert set(damaged) == {p.name for p in (SESSION_DATA / "broken").glob("*.toml")} | {
        "binary.toml"
    }
    assert "not UTF-8" in damaged["binary.toml"].describe()
    assert "not valid TOML" in damaged["truncated.toml"].describe()
    for item in damaged.values():
        assert item.moved_to is not None and item.moved_to.parent == store.folder / "damaged"
        assert item.moved_to.is_file() and not item.path.exists()  # moved, not deleted
    truncated = damaged["truncated.toml"].moved_to
    assert truncated is not None
    assert truncated.read_bytes() == (SESSION_DATA / "broken" / "truncated.toml").read_bytes()
    assert store.scan().damaged == []  # reported once, then out of the way


def test_a_damaged_file_never_replaces_one_moved_aside_before(store: SessionStore) -> None:
    store.folder.mkdir(parents=True)
    for round_ in range(3):
        (store.folder / "x.toml").write_text(f"broken {round_}", encoding="utf-8")
        store.scan()
    kept = sorted(p.read_text() for p in (store.folder / "damaged").iterdir())
    assert kept == ["broken 0", "broken 1", "broken 2"]


def test_a_file_whose_id_differs_from_its_name_is_damaged(store: SessionStore) -> None:
    store.folder.mkdir(parents=True)
    shutil.copy(GOOD, store.folder / "renamed.toml")
    with pytest.raises(SessionDamaged, match="does not match its file name"):
        store.load("renamed")


def test_a_newer_format_is_reported_but_left_in_place(store: SessionStore) -> None:
    store.folder.mkdir(parents=True)
    newer = store.folder / "future.toml"
    newer.write_text('format = 2\nid = "future"\n', encoding="utf-8")
    listing = store.scan()
    assert "newer version of the wizard" in listing.damaged[0].describe()
    assert newer.is_file()


def test_find_by_unique_prefix(store: SessionStore) -> None:
    store.folder.mkdir(parents=True)
    for sid in ("20261101-a1b2c3", "20261101-a1ffff", "20261102-000000"):
        (store.folder / f"{sid}.toml").write_text("", encoding="utf-8")
    assert store.find("20261102") == "20261102-000000"
    assert store.find("20261101-a1b2c3") == "20261101-a1b2c3"
    with pytest.raises(SessionNotFound, match="matches several sessions"):
        store.find("20261101-a1")
    with pytest.raises(SessionNotFound, match="no session 'nope'"):
        store.find("nope")
    with pytest.raises(SessionNotFound):
        store.find("")


def test_find_by_any_unique_part(store: SessionStore) -> None:
    store.folder.mkdir(parents=True)
    for sid in ("20261125-ae3be6", "20261125-a1ffff", "20261126-0be601"):
        (store.folder / f"{sid}.toml").write_text("", encoding="utf-8")
    assert store.find("ae3be6") == "20261125-ae3be6"
    assert store.find("3BE6") == "20261125-ae3be6"
    assert store.find("ffff") == "20261125-a1ffff"
    assert store.find("20261126") == "20261126-0be601"
    with pytest.raises(SessionNotFound, match="matches several sessions"):
        store.find("be6")  # in two ids, the start of none
    with pytest.raises(SessionNotFound, match="matches several sessions"):
        store.find("1125-a")


class TestTwoWriters:
    """Two app instances on one session: the second is told, and neither overwrites the other."""

    def test_the_second_instance_is_told_who_has_it_open(
        self, store: SessionStore, sample_tree: Tree
    ) -> None:
        with saved_session(store, sample_tree, ["china"]) as first:
            write_lock(store.lock_for(first.current.id).path, os.getppid())
            with pytest.raises(SessionLocked, match="open in another window: process"):
                store.open(first.current.id)

    def test_a_stale_lock_of_a_killed_instance_does_not_block(
        self, store: SessionStore, sample_tree: Tree
    ) -> None:
        sid = saved_session(store, sample_tree, ["china"]).current.id  # never closed
        write_lock(store.lock_for(sid).path, dead_pid())
        with store.open(sid) as handle:
            assert handle.current.answer_values == {"enrolment": "china"}

    def test_a_save_over_a_newer_file_is_refused_and_keeps_the_answers(
        self, store: SessionStore, sample_tree: Tree
    ) -> None:
        first = saved_session(store, sample_tree, ["china"])
        sid = first.current.id
        second = store.open(sid, take_over=True)  # the user chose "open anyway"
        second.record(walked(sample_tree, ["overseas", 3]))
        with pytest.raises(SessionConflict, match="changed elsewhere"):
            first.record(walked(sample_tree, ["china", "yes"]))
        assert first.unsaved
        assert first.current.answer_values == {"enrolment": "china", "field": "yes"}
        assert store.load(sid).answer_values == {"enrolment": "overseas", "months": 3}
        with pytest.raises(SessionConflict):  # still refused on the next change
            first.set_note("field", "a note")
        copy = first.save_copy()  # nothing typed in the first window is lost
        assert copy.current.id != sid
        assert store.load(copy.current.id).answer_values == {"enrolment": "china", "field": "yes"}
        assert store.load(copy.current.id).notes == {"field": "a note"}
        assert store.load(sid).answer_values == {"enrolment": "overseas", "months": 3}
        copy.close()
        second.close()

    def test_forcing_a_save_overwrites_on_request(
        self, store: SessionStore, sample_tree: Tree
    ) -> None:
        first = saved_session(store, sample_tree, ["china"])
        second = store.open(first.current.id, take_over=True)
        second.record(walked(sample_tree, ["overseas"]))
        with pytest.raises(SessionConflict):
            first.record(walked(sample_tree, ["china", "no"]))
        first.save(force=True)
        loaded = store.load(first.current.id)
        assert loaded.answer_values == {"enrolment": "china", "field": "no"}
        assert loaded.revision > second.current.revision
        first.close()
        second.close()

    def test_reload_takes_the_file_as_it_is(self, store: SessionStore, sample_tree: Tree) -> None:
        first = saved_session(store, sample_tree, ["china"])
        second = store.open(first.current.id, take_over=True)
        second.record(walked(sample_tree, ["overseas"]))
        assert first.reload().answer_values == {"enrolment": "overseas"}
        first.record(walked(sample_tree, ["overseas", 2]))  # saves normally again
        assert store.load(first.current.id).answer_values == {"enrolment": "overseas", "months": 2}

    def test_a_session_deleted_meanwhile_is_a_conflict(
        self, store: SessionStore, sample_tree: Tree
    ) -> None:
        handle = saved_session(store, sample_tree, ["china"])
        store.path(handle.current.id).unlink()
        with pytest.raises(SessionConflict, match="is missing"):
            handle.record(walked(sample_tree, ["china", "yes"]))


def test_open_removes_temp_files_of_a_killed_write(store: SessionStore, sample_tree: Tree) -> None:
    sid = saved_session(store, sample_tree, ["china"]).current.id
    leftover = store.folder / f".{sid}.toml.abc123.tmp"
    leftover.write_text("half a sess", encoding="utf-8")
    store.lock_for(sid).path.unlink()
    with store.open(sid):
        assert not leftover.exists()


def test_delete_moves_the_file_to_deleted(store: SessionStore, sample_tree: Tree) -> None:
    handle = saved_session(store, sample_tree, CHINA_X1)
    sid = handle.current.id
    handle.close()
    moved = store.delete(sid)
    assert moved == store.folder / "deleted" / f"{sid}.toml"
    assert Session.from_toml(moved.read_text()).answer_values == handle.current.answer_values
    assert [s.id for s in store.scan().sessions] == []
    with pytest.raises(SessionNotFound):
        store.delete(sid)


def test_delete_is_refused_while_another_instance_has_it(
    store: SessionStore, sample_tree: Tree
) -> None:
    handle = saved_session(store, sample_tree, CHINA_X1)
    write_lock(store.lock_for(handle.current.id).path, os.getppid())
    with pytest.raises(SessionLocked):
        store.delete(handle.current.id)
    assert store.path(handle.current.id).is_file()


def test_import_never_replaces_an_existing_session(store: SessionStore) -> None:
    incoming = Session.from_toml(GOOD.read_text(encoding="utf-8"))
    first = store.import_session(incoming).session
    other = incoming.model_copy(update={"client_name": "Someone Else"})
    second = store.import_session(other)  # the same id, another session: a new id
    assert not second.already
    assert first.id == incoming.id and second.session.id != incoming.id
    assert first.revision == second.session.revision == 1
    assert store.load(second.session.id).answers == incoming.answers
    assert store.load(first.id).client_name == incoming.client_name
    assert not store.lock_for(first.id).path.exists()  # import leaves no lock behind


def test_the_same_export_imported_again_is_already_there(store: SessionStore) -> None:
    incoming = Session.from_toml(GOOD.read_text(encoding="utf-8"))
    assert not store.import_session(incoming).already
    again = store.import_session(incoming)
    assert again.already and again.session.id == incoming.id
    assert [s.id for s in store.scan().sessions] == [incoming.id]
    # imported under a new id once (its id was another session's): recognised there too
    other_store = SessionStore(store.folder.parent.parent / "other-data")
    other_store.import_session(incoming.model_copy(update={"client_name": "X"}))
    moved = other_store.import_session(incoming).session
    assert moved.id != incoming.id
    assert not other_store.import_session(incoming).already  # not told where to look: added
    again = other_store.import_session(incoming, [moved.id])
    assert again.already and again.session == other_store.load(moved.id)
    other_store.delete(  # the copy just added
        next(s.id for s in other_store.scan().sessions if s.id not in (moved.id, incoming.id))
    )
    assert len(other_store.scan().sessions) == 2


def test_a_concurrent_import_of_the_same_export_keeps_one(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another window imported the same export between this one's look and its write: this one
    took a new id (its id was taken), then finds the same session there and drops its copy."""
    incoming = Session.from_toml(GOOD.read_text(encoding="utf-8"))
    store.import_session(incoming)
    monkeypatch.setattr(store, "same_as", lambda *_: None)  # the look came before
    result = store.import_session(incoming)
    assert result.already and result.session.id == incoming.id
    assert [p.stem for p in store.folder.glob("*.toml")] == [incoming.id]
