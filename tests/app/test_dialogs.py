"""Dialogs and keys found wanting by hand: the session form's email complaint, a refused
export, Tab out of an answer box."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from screens.app import make_app
from screens.dialogs.export import ExportDialog
from screens.dialogs.session import NoteDialog, SessionForm
from screens.views.outcome import OutcomeScreen
from screens.views.question import QuestionScreen
from screens.widgets.entry import AnswerInput
from tests.paths import VISA
from tests.pilot import NARROW, answer, flat, screen_text, settle, wait_for, wait_for_screen


async def test_the_email_complaint_goes_once_the_address_is_edited() -> None:
    app = make_app(str(VISA), counselor=True, animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SessionForm)
        await pilot.press(*"José Müller 王", "enter", *"jose@example", "ctrl+s")
        await pilot.pause()
        problem = app.screen.query_one("#email-problem", Static)
        assert isinstance(app.screen, SessionForm) and problem.display  # refused, with a reason
        assert "does not look like an email address" in str(problem.render())
        await pilot.press(*".org")
        await pilot.pause()
        assert not problem.display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SessionForm)


async def test_a_refused_export_says_why_where_it_can_be_seen(
    visa_app, tmp_path: Path, monkeypatch
) -> None:
    """At 80x24 the export dialog scrolls; the reason a save was refused used to stay below
    its edge, so nothing seemed to happen."""
    monkeypatch.chdir(tmp_path)
    async with visa_app.run_test(size=NARROW) as pilot:
        for value in ["china", "x1", "yes", "2026-09-01"]:
            await answer(pilot, value)
        await pilot.press("e", "1")
        await wait_for_screen(pilot, ExportDialog)
        await pilot.press("enter")
        await wait_for_screen(pilot, OutcomeScreen)  # saved
        await pilot.press("e", "1")
        await wait_for_screen(pilot, ExportDialog)
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: "already exists" in flat(screen_text(visa_app)), "the refusal on screen"
        )
        assert isinstance(visa_app.screen, ExportDialog)  # the second save was refused
    assert len(list(tmp_path.glob("data/exports/*.html"))) == 1


async def test_tab_leaves_the_answer_box_on_a_narrow_screen() -> None:
    """At 80 columns the box was the only widget to focus, so Tab stayed in it and `n` (a note)
    or `a` (your answers) were typed into the answer instead."""
    app = make_app(str(VISA), counselor=True, animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await answer(pilot, "overseas")  # then a number question
        box = app.screen.query_one(AnswerInput)
        assert box.has_focus
        await pilot.press("3", "tab", "n")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        assert box.value == "3"
        await pilot.press(*"ask HR", "ctrl+s", "tab")
        await pilot.pause()
        assert box.has_focus  # Tab comes back to the box
        await pilot.press("enter")
        await pilot.pause()
    assert app.progress.walk.answers["months"] == 3
    assert app.progress.notes == {"months": "ask HR"}


async def test_the_session_left_for_home_resumes_without_a_lock_complaint(visa_app) -> None:
    """Home from a walk, then that walk's card: the app took its own lock for another window's."""
    async with visa_app.run_test(size=NARROW) as pilot:
        await answer(pilot, "china")
        session_id = visa_app.sessions().session.id
        visa_app.action_home()
        await settle(pilot)
        visa_app.resume_session(session_id)
        await pilot.pause()
        assert isinstance(visa_app.screen, QuestionScreen), visa_app.screen
        assert visa_app.screen.question.id == "permit"
        assert "another window" not in screen_text(visa_app)
