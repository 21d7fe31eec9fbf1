"""The app and the outbox: a retry from the email dialog writes over its one outbox file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from screens.app import WizardApp
from tests.pilot import WIDE, mail_settings, to_outcome_then, wait_for
from wizard.exports.outbox import unsent


def status(app: WizardApp) -> str:
    line = app.screen.query_one("#mail-status", Static)
    return str(line.render()) if line.display else ""


async def test_a_retry_in_the_dialog_writes_no_other_file(app: WizardApp, tmp_path: Path) -> None:
    from .smtp import free_port

    mail_settings(tmp_path / "config", free_port())
    async with app.run_test(size=WIDE) as pilot:
        await to_outcome_then(pilot, "2")
        await pilot.press(*"ana@example.org", "ctrl+s")
        await wait_for(pilot, lambda: "Not sent" in status(app), "the first failure")
        [kept] = (tmp_path / "data" / "outbox").iterdir()
        app.screen.query_one("#mail-status", Static).update("")
        await pilot.press("ctrl+s")
        await wait_for(
            pilot, lambda: unsent(tmp_path / "data")[0].tries == 2, "the second try recorded"
        )
        assert list((tmp_path / "data" / "outbox").iterdir()) == [kept]
        assert "connection refused" in unsent(tmp_path / "data")[0].why
