"""Two windows writing one session, driven with Pilot: the other window saves after this one
loaded it, and this window's next answer meets the conflict dialog. Whatever the counselor
chooses, neither window's answers are lost unless they ask for it (overwrite, or drop mine)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot

from screens.app import WizardApp
from screens.dialogs.session import ChoiceDialog
from screens.views.home import HomeScreen
from screens.views.question import QuestionScreen
from tests.paths import SAMPLE
from tests.pilot import SESSIONS_SIZE, answer, app_for, dialog_text, notices, settle
from tests.sessions.saved import walked
from wizard.sessions.store import SessionStore
from wizard.tree.schema import Tree

THEIRS = {"enrolment": "overseas", "months": 3}
"""What the other window saved."""
MINE = {"enrolment": "china", "field": "yes"}
"""What this window has after its second answer..."""
MINE_DATED = {**MINE, "start-date": dt.date(2026, 3, 1)}
"""...and after its third."""


async def meet_a_conflict(pilot: Pilot[None], data: Path, tree: Tree) -> str:
    """Answer once (the session is created), let another window save its own answers into the
    same file ("open anyway" there), then answer again here: the dialog shows. Returns the id."""
    app = pilot.app
    assert isinstance(app, WizardApp)
    await settle(pilot)
    await answer(pilot, "china")
    session = app.sessions().session
    assert session is not None
    other = SessionStore(data).open(session.id, take_over=True)  # the other window
    other.record(walked(tree, ["overseas", 3]))
    await answer(pilot, "yes")
    await settle(pilot)
    assert isinstance(app.screen, ChoiceDialog)
    return session.id


async def test_the_dialog_says_what_happened_and_saving_a_copy_keeps_both(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        sid = await meet_a_conflict(pilot, data, sample_tree)
        text = dialog_text(app)
        at = SessionStore(data).load(sid).updated.astimezone().strftime("%H:%M")
        assert text.startswith(
            "This session was changed in another window Another window saved this session at "
            f"{at}, after this window last saved it. Your latest changes here are not saved yet, "
            "and nothing has been overwritten. What should happen to your changes?"
        ), text
        assert "revision" not in text
        assert (
            "1. Save my version as a new session: both versions are kept, nothing is lost" in text
        )
        assert "2. Save my version over theirs: the other window's changes are replaced" in text
        assert "3. Drop my latest changes and go on from the other window's version" in text
        assert SessionStore(data).load(sid).answer_values == THEIRS  # untouched so far
        await pilot.press("1")
        await settle(pilot)
        copy = app.sessions().session
        assert copy is not None and copy.id != sid
        assert (
            f"Both versions kept: Your version is saved as session {copy.id}, and you go on in "
            f"it here; the other window's stays as session {sid}."
        ) in notices(app)
        assert isinstance(app.screen, QuestionScreen)
        await answer(pilot, "2026-03-01")  # and this window goes on in its copy
    store = SessionStore(data)
    assert store.load(sid).answer_values == THEIRS
    assert store.load(copy.id).answer_values == MINE_DATED


async def test_overwrite_replaces_the_other_version_on_request(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        sid = await meet_a_conflict(pilot, data, sample_tree)
        await pilot.press("2")
        await settle(pilot)
        assert "Saved your version over the other window's changes." in notices(app)
    [session] = SessionStore(data).scan().sessions
    assert session.id == sid and session.answer_values == MINE


async def test_reload_shows_the_other_version(tmp_path: Path, sample_tree: Tree) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        sid = await meet_a_conflict(pilot, data, sample_tree)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.walk.answers == THEIRS  # their answers on screen, to go on from
        assert screen.question is not None and screen.question.id == "sectors"
        await pilot.press("1", "enter")  # tick the first field and go on: saved into their file
        await settle(pilot)
    [session] = SessionStore(data).scan().sessions
    assert session.id == sid and session.answer_values == {**THEIRS, "sectors": ["ai"]}


async def test_putting_it_off_asks_again_and_leaving_keeps_my_version(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        sid = await meet_a_conflict(pilot, data, sample_tree)
        await pilot.press("escape")
        await settle(pilot)
        assert "Not saved yet: Your next change will ask again" in notices(app)
        assert isinstance(app.screen, QuestionScreen)
        await answer(pilot, "2026-03-01")  # the next change asks again
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await settle(pilot)
        app.action_home()
        await settle(pilot)
        await pilot.press("enter")  # start another pathway: this window leaves the session
        await settle(pilot)
        kept = [s for s in SessionStore(data).scan().sessions if s.id != sid]
        assert len(kept) == 1 and kept[0].answer_values == MINE_DATED
        assert f"is kept as session {kept[0].id}" in notices(app)
    assert SessionStore(data).load(sid).answer_values == THEIRS


async def test_quitting_with_my_version_unsaved_keeps_it(tmp_path: Path, sample_tree: Tree) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        sid = await meet_a_conflict(pilot, data, sample_tree)
        await pilot.press("escape")
        await settle(pilot)
    sessions = {s.id: s.answer_values for s in SessionStore(data).scan().sessions}
    assert sessions.pop(sid) == THEIRS
    assert list(sessions.values()) == [MINE]


async def test_a_file_gone_unreadable_is_left_as_it_is(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await answer(pilot, "china")
        session = app.sessions().session
        assert session is not None
        path = SessionStore(data).path(session.id)
        path.write_bytes(b"\xff\xfe not a session")  # damaged by something else meanwhile
        await answer(pilot, "yes")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        text = dialog_text(app)
        assert text.startswith(
            "This session's file is missing or damaged The saved file of this session was "
            "deleted or damaged outside this window. Your latest changes here are not saved yet"
        ), text
        assert "over theirs" not in text and "other window's version" not in text
        assert "1. Save my version as a new session" in text
        assert "2. Decide later: your next change asks again" in text
        await pilot.press("1")
        await settle(pilot)
        copy = app.sessions().session
        assert copy is not None and copy.id != session.id
        app.action_home()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert f"{session.id}.toml: cannot be read" in notices(app)  # reported on listing
    store = SessionStore(data)
    assert store.load(copy.id).answer_values == MINE
    [damaged] = (store.folder / "damaged").iterdir()
    assert damaged.read_bytes() == b"\xff\xfe not a session"  # moved aside, never overwritten
