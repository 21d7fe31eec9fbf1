"""The session lifecycle (`wizard.sessions.lifecycle`) without the app: when a session is
created, what every change saves, what a conflict or a late change keeps, what-if copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.lint import load
from wizard.sessions.lifecycle import SessionLifecycle
from wizard.sessions.progress import Progress
from wizard.sessions.store import SessionConflict, SessionStore
from wizard.tree.walk import Walk

TREE = Path(__file__).resolve().parents[1] / "data" / "app" / "visa.toml"


@pytest.fixture
def life(tmp_path: Path) -> SessionLifecycle:
    return SessionLifecycle(tmp_path)


def progress() -> Progress:
    return Progress(Walk(load(TREE)), str(TREE))


def test_opening_a_tree_creates_no_session_the_first_answer_does(life: SessionLifecycle) -> None:
    p = progress()
    assert life.changed(p, "start") is False
    assert life.saved() == []
    p.walk.answer("china")
    assert life.changed(p, "answer") is True
    [saved] = life.saved()
    assert saved.answers[0].question == "enrolment"
    assert saved.tree_file == str(TREE.resolve())  # not shipped: found again by its path


def test_the_first_answer_writes_the_session_once(
    life: SessionLifecycle, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Created with the answer in it: not created empty, then saved again (each write waits
    # for the disk twice).
    import wizard.sessions.store as store

    written: list[Path] = []
    real = store.atomic_write

    def counted(path: Path, data: bytes) -> None:
        written.append(path)
        real(path, data)

    monkeypatch.setattr(store, "atomic_write", counted)
    p = progress()
    p.walk.answer("china")
    assert life.changed(p, "answer") is True
    assert len(written) == 1
    p.walk.answer("x1")
    assert life.changed(p, "answer") is True
    assert len(written) == 2
    assert [a.question for a in life.saved()[0].answers] == ["enrolment", "permit"]


def test_every_change_saves_into_the_same_session(life: SessionLifecycle) -> None:
    p = progress()
    p.walk.answer("china")
    life.changed(p, "answer")
    p.walk.answer("x1")
    life.changed(p, "answer")
    [saved] = life.saved()
    assert [a.question for a in saved.answers] == ["enrolment", p.walk.path[1].question.id]


def test_a_note_alone_is_worth_a_session(life: SessionLifecycle) -> None:
    p = progress()
    p.notes["enrolment"] = "Ask about the deposit"
    assert life.changed(p, "note") is True
    assert life.saved()[0].notes == {"enrolment": "Ask about the deposit"}


def test_a_conflict_left_undecided_is_kept_as_a_copy_on_close(
    life: SessionLifecycle, tmp_path: Path
) -> None:
    p = progress()
    p.walk.answer("china")
    life.changed(p, "answer")
    mine = life.session
    assert mine is not None
    other = SessionStore(tmp_path)
    theirs = other.load(mine.id)
    other.write(theirs.model_copy(update={"client_name": "Changed elsewhere"}), theirs.revision)
    p.walk.answer("x1")
    with pytest.raises(SessionConflict):
        life.changed(p, "answer")
    life.close()
    kept = life.take_kept()
    assert kept is not None and kept != mine.id
    ids = {s.id for s in life.saved()}
    assert ids == {mine.id, kept}  # theirs untouched, mine kept beside it
    assert len(other.load(kept).answers) == 2


def test_what_if_opens_a_copy_cut_before_the_question(life: SessionLifecycle) -> None:
    p = progress()
    p.walk.answer("china")
    life.changed(p, "answer")
    p.walk.answer("x1")
    life.changed(p, "answer")
    original = life.session
    assert original is not None
    second = p.walk.path[1].question.id
    reopened = life.what_if(second)
    copy = life.session
    assert copy is not None and copy.id != original.id and copy.copied_from == original.id
    assert [s.question.id for s in reopened.progress.walk.path] == ["enrolment"]


def test_a_change_arriving_after_going_home_reaches_its_session(life: SessionLifecycle) -> None:
    p = progress()
    p.walk.answer("china")
    life.changed(p, "answer")
    session_id = life.session.id if life.session else ""
    life.leave()
    assert life.session is None
    p.walk.answer("x1")
    assert life.changed(p, "answer") is True
    assert len(life.store.load(session_id).answers) == 2
