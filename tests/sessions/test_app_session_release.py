"""Back on the home screen, the window lets go of its session: another window (here a second
`SessionStore`, as `wizard` in another terminal uses) can open, change or delete it. Resuming it
again takes the lock again and reads the file again, so the other window's work is never
overwritten; a change whose message arrives after the window went home still reaches its
session, never a new one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot

from screens.app import WizardApp
from screens.dialogs.conflict import conflict_dialog
from screens.dialogs.session import ChoiceDialog
from screens.messages import WalkChanged
from screens.views.home import HomeScreen
from screens.views.question import QuestionScreen
from tests.paths import SAMPLE
from tests.pilot import SESSIONS_SIZE, answer, app_for, dialog_text, notices, settle
from tests.sessions.saved import walked
from wizard.sessions.files import FileLock
from wizard.sessions.model import Session
from wizard.sessions.progress import Progress
from wizard.sessions.store import SessionConflict, SessionStore
from wizard.tree.schema import Tree


async def answered_then_home(pilot: Pilot[None]) -> tuple[Progress, Session]:
    """Answer the first question (the session is created and locked), then go home. Returns
    the walk left and its session."""
    app = pilot.app
    assert isinstance(app, WizardApp)
    await settle(pilot)
    await answer(pilot, "china")
    progress, session = app.progress, app.sessions().session
    assert progress is not None and session is not None
    assert SessionStore(app.options.data_dir).lock_for(session.id).path.exists()  # held here
    app.action_home()
    await settle(pilot)
    assert isinstance(app.screen, HomeScreen)
    return progress, session


async def test_home_lets_go_and_resuming_reads_the_other_windows_work(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        _, session = await answered_then_home(pilot)
        lock = SessionStore(data).lock_for(session.id).path
        assert not lock.exists()
        assert app.progress is None  # nothing on screen to export any more

        other = SessionStore(data).open(session.id)  # no "open in another window" now
        other.record(walked(sample_tree, ["overseas", 3]))
        app.resume_session(session.id)  # while the other window has it: refused, and why
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        text = dialog_text(app)
        assert "This session is open in another window" in text
        assert "That window lets go of it when it goes back to its home screen" in text
        await pilot.press("escape")
        await settle(pilot)
        other.close()

        app.resume_session(session.id)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.walk.answers == {"enrolment": "overseas", "months": 3}  # read again
        assert FileLock(lock).owner() is not None  # taken again
        await pilot.press("1", "enter")  # a sector: saved on top of theirs, no conflict
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
    [saved] = SessionStore(data).scan().sessions
    assert saved.answer_values == {"enrolment": "overseas", "months": 3, "sectors": ["ai"]}
    assert not lock.exists()  # let go on quitting too


async def test_another_window_can_delete_it_once_this_one_is_home(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        _, session = await answered_then_home(pilot)
        SessionStore(data).delete(session.id)  # `wizard sessions delete` in another terminal
        await pilot.press("enter")  # start a pathway again: nothing brings the old one back
        await settle(pilot)
    assert SessionStore(data).scan().sessions == []


async def test_a_change_arriving_after_going_home_reaches_its_session(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        progress, _ = await answered_then_home(pilot)
        progress.notes["enrolment"] = "typed just before going home"
        app.post_message(WalkChanged(progress, "note"))  # its message, arriving late
        await settle(pilot)
        assert app.progress is None  # the walk left stays left
        [session] = SessionStore(data).scan().sessions  # the same session, not a new one
        assert session.notes == {"enrolment": "typed just before going home"}
        assert not SessionStore(data).lock_for(session.id).path.exists()


async def test_a_late_change_the_other_window_overtook_is_kept_as_a_copy(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        progress, session = await answered_then_home(pilot)
        with SessionStore(data).open(session.id) as other:
            other.record(walked(sample_tree, ["overseas", 3]))
        progress.notes["enrolment"] = "mine"
        app.post_message(WalkChanged(progress, "note"))
        await settle(pilot)
        sessions = {s.id: s for s in SessionStore(data).scan().sessions}
        assert sessions.pop(session.id).answer_values == {"enrolment": "overseas", "months": 3}
        [copy] = sessions.values()
        assert copy.notes == {"enrolment": "mine"} and copy.answer_values == {"enrolment": "china"}
        assert f"is kept as session {copy.id}" in notices(app)


@pytest.mark.parametrize(
    ("days_ago", "expected"),
    [(0, "saved this session at 09:05,"), (1, "saved this session on 2026-11-24 at 09:05,")],
)
def test_the_conflict_says_when_in_local_time(days_ago: int, expected: str) -> None:
    local = dt.datetime(2026, 11, 25, 9, 5).astimezone()  # 09:05 here, whatever the zone
    conflict = SessionConflict("x", "holds another version", local - dt.timedelta(days=days_ago))
    dialog = conflict_dialog(conflict, now=local)
    assert expected in dialog.message
    assert (
        "Another window saved this session, after"
        in conflict_dialog(SessionConflict("x", "already exists")).message
    )
