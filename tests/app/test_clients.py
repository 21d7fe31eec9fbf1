"""Clients in the app: `l` on the home screen lists them with their sessions (typing filters),
a client is added before any tree starts, and a new session for a client starts with their
details filled in and their name in the header."""

from __future__ import annotations

from pathlib import Path

from screens.views.clients import ClientForm, ClientsScreen, TreePick
from screens.views.question import QuestionScreen
from tests.pilot import NARROW, app_for, screen_text, wait_for, wait_for_screen
from wizard.sessions.clients import ClientStore
from wizard.sessions.store import SessionStore


async def test_add_a_client_then_start_a_session_for_them(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ClientStore(data).create("Bo Chen", "bo@example.org")
    app = app_for(data, counselor=True)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("l")
        await wait_for_screen(pilot, ClientsScreen)
        assert "Bo Chen" in screen_text(app)
        await pilot.press("ctrl+n")
        await wait_for_screen(pilot, ClientForm)
        await pilot.press(*"Ana Silva", "enter", *"ana@example.org", "enter", "enter")
        await pilot.press(*"Prefers mornings", "ctrl+s")
        await wait_for_screen(pilot, ClientsScreen)
        await wait_for(pilot, lambda: "Ana Silva" in screen_text(app), "the new client")
        [ana] = [c for c in ClientStore(data).scan().clients if c.name == "Ana Silva"]
        assert (ana.email, ana.notes) == ("ana@example.org", "Prefers mornings")

        await pilot.press(*"silva")  # the filter has the focus
        await wait_for(pilot, lambda: "Bo Chen" not in screen_text(app), "the filter")
        await pilot.press("enter", "enter")  # to the list, then Ana: a new session
        await wait_for_screen(pilot, TreePick)
        await pilot.press("2")  # the internship tree
        await wait_for_screen(pilot, QuestionScreen)
        await wait_for(pilot, lambda: "· Ana Silva" in screen_text(app), "her name in the header")
        [session] = SessionStore(data).scan().sessions
        assert (session.client_id, session.client_name, session.client_email) == (
            ana.id,
            "Ana Silva",
            "ana@example.org",
        )
