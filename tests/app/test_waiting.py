"""A returning counselor's first screen: how many saved sessions and the newest, reached in one
key (`s`); the sessions a tree update affects (`r`, from the recheck cache, refreshed in a thread
when stale); the unsent emails (`o`), sent again from there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from screens.dialogs.email import EmailDialog
from screens.views.waiting import OutboxScreen, RecheckScreen
from tests.paths import APP_DATA, SAMPLE
from tests.pilot import NARROW, app_for, screen_text, wait_for, wait_for_screen
from wizard.lint import load
from wizard.sessions.model import new_session, tree_hash
from wizard.sessions.store import SessionStore
from wizard.tree.walk import Walk

UNSENT = APP_DATA / "unsent.eml"
"""An email whose sending failed, as the outbox keeps it."""


def seed(data: Path) -> list[str]:
    """Two finished sessions of a copy of the sample tree, then the tree updated so that the
    first one's answers end elsewhere."""
    tree_file = data.parent / "tree.toml"
    shutil.copy(SAMPLE, tree_file)
    tree = load(tree_file)
    store = SessionStore(data)
    ids = []
    for client, answers in [
        ("Ana Silva", ["china", "yes", "2026-03-01"]),
        ("Bo Chen", ["overseas", 6, ["ai"], "ACME Ltd"]),
    ]:
        handle = store.create(new_session(tree, tree_hash(tree), tree_file=str(tree_file)))
        walk = Walk(tree)
        for answer in answers:
            walk.answer(answer)
        handle.record(walk)
        handle.set_people(client, None, None)
        handle.close()
        ids.append(handle.current.id)
    text = tree_file.read_text(encoding="utf-8")
    tree_file.write_text(text.replace("lt = 2027-01-01", "lt = 2026-01-01"), encoding="utf-8")
    return ids


def waiting(app: object) -> str:
    from textual.app import App

    assert isinstance(app, App)
    line = app.screen.query_one("#waiting", Static)
    return str(line.render()) if line.display else ""


async def test_the_first_screen_says_what_waits_and_s_reaches_the_sessions(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    ana, _ = seed(data)
    (data / "outbox").mkdir()
    shutil.copy(UNSENT, data / "outbox" / "ana-1.eml")
    app = app_for(data, counselor=True)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for(pilot, lambda: "2 saved sessions" in waiting(app), "the sessions line")
        newest = app.home.sessions[0].client_name  # both saved in the same second
        assert f"newest: {newest} · sample · " in waiting(app)
        assert "saved sessions (s)" in waiting(app)
        assert "Clients (l) and their sessions" in waiting(app)
        assert "1 unsent email (o) in the outbox" in waiting(app)
        # the recheck cache is stale (none yet): filled in a thread, then the line says so
        await wait_for(
            pilot, lambda: "1 session (r) affected by tree updates" in waiting(app), "the recheck"
        )
        assert "s Saved sessions" in screen_text(app)  # the footer names the key

        await pilot.press("s")
        await wait_for(pilot, lambda: app.screen.query_one("#sessions").has_focus, "the list")
        assert "Resume a saved session" in screen_text(app)  # scrolled into view at 80x24

        await pilot.press("r")
        await wait_for_screen(pilot, RecheckScreen)
        await wait_for(pilot, lambda: "x1-remark -> x1-later" in screen_text(app), "changes")
        assert "verdict recommended -> possible" in screen_text(app)
        assert "Bo Chen" not in screen_text(app)
        await pilot.press("e")  # her updated summary, by email
        await wait_for_screen(pilot, EmailDialog)
        assert "X1 remark, later start" in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, RecheckScreen)
        await pilot.press("enter")  # opens Ana's session
        await wait_for(
            pilot, lambda: "X1 remark, later start" in screen_text(app), "her updated outcome"
        )
        assert ana in str(app.home.sessions)


async def test_the_outbox_screen_lists_and_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    data = tmp_path / "data"
    seed(data)
    (data / "outbox").mkdir()
    shutil.copy(UNSENT, data / "outbox" / "ana-1.eml")
    app = app_for(data, counselor=True)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for(pilot, lambda: "1 unsent email" in waiting(app), "the outbox line")
        await pilot.press("o")
        await wait_for_screen(pilot, OutboxScreen)
        assert "ana@example.org" in screen_text(app)
        assert "connection refused" in screen_text(app)
        await pilot.press("enter")  # no mail settings: said, and nothing is tried
        await wait_for(pilot, lambda: "no SMTP server set" in screen_text(app), "the reason")
        assert list((data / "outbox").iterdir()) == [data / "outbox" / "ana-1.eml"]
        await pilot.press("escape")
        await wait_for(pilot, lambda: "1 unsent email" in waiting(app), "home again")
