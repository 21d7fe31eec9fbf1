"""Dialogs found wanting by hand: the session form's email complaint."""

from __future__ import annotations

from textual.widgets import Static

from screens.app import make_app
from screens.session_dialogs import SessionForm
from tests.app.conftest import NARROW, VISA, settle


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
