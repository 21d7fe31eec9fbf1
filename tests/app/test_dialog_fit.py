"""The export and email dialogs at 80x24: every field, any message and the buttons on screen at
once, nothing to scroll to (a counselor in a small terminal must reach Send without hunting).

The checks use the widgets' real regions on the screen, not the dialog's idea of its height."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from screens.app import WizardApp, make_app
from screens.dialogs.email import EmailDialog
from screens.dialogs.export import ExportDialog
from tests.exports.smtp import free_port
from tests.paths import VISA
from tests.pilot import NARROW, WIDE, mail_settings, to_outcome_then, wait_for

LONG_FOLDER = "a-data-folder-with-a-long-name/" * 3
"""Long enough that the outbox path in a failure message wraps over several lines."""


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WizardApp:
    monkeypatch.setenv("WIZARD_DATA_DIR", str(tmp_path / LONG_FOLDER))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("WIZARD_SMTP_PASSWORD", raising=False)
    monkeypatch.chdir(tmp_path)
    return make_app(str(VISA), animate=False)


def assert_all_visible(app: WizardApp) -> None:
    """Each input, button and shown message lies wholly inside the dialog's visible box, which
    does not scroll and lies inside the screen."""
    dialog = app.screen
    box = dialog.query_one(".dialog-box", VerticalScroll)
    assert box.max_scroll_y == 0, f"the dialog scrolls by {box.max_scroll_y} rows"
    assert Region(0, 0, *app.size).contains_region(box.region)
    shown: list[Widget] = [*dialog.query(Input), *dialog.query(Button)]
    shown += [line for line in dialog.query(".dialog-problem") if line.display]
    assert len(dialog.query(Button)) == 2
    for widget in shown:
        region = widget.region
        assert region.height > 0, f"{widget} is not laid out"
        assert box.content_region.contains_region(region), f"{widget} at {region} is cut off"


def message_under(app: WizardApp, field: str) -> Static:
    """The message line for `field`, checked to sit on the row right under the field."""
    line = app.screen.query_one(f"#{field}-problem", Static)
    assert line.display
    assert line.region.y == app.screen.query_one(f"#{field}", Input).region.bottom
    return line


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "120x40"])
async def test_the_email_dialog_fits_with_every_field(app, tmp_path: Path, size) -> None:
    mail_settings(tmp_path / "config", free_port(), user="li@example.org")  # adds Password
    async with app.run_test(size=size) as pilot:
        await to_outcome_then(pilot, "2")
        dialog = app.screen
        assert isinstance(dialog, EmailDialog)
        ids = [box.id for box in dialog.query(Input)]
        assert ids == ["mail-to", "mail-cc", "mail-from", "mail-subject", "mail-password"]
        assert_all_visible(app)


async def test_the_email_dialog_fits_with_a_wrong_address(app, tmp_path: Path) -> None:
    mail_settings(tmp_path / "config", free_port(), user="li@example.org")
    async with app.run_test(size=NARROW) as pilot:
        await to_outcome_then(pilot, "2")
        await pilot.press(*"ana at example", "ctrl+s")
        line = app.screen.query_one("#mail-to-problem", Static)
        await wait_for(pilot, lambda: line.display, "the To message")
        assert "contains a space" in str(message_under(app, "mail-to").render())
        assert_all_visible(app)


async def test_the_email_dialog_fits_with_a_send_failure(app, tmp_path: Path) -> None:
    """The longest message: connection refused, and the long path where the message is kept."""
    mail_settings(tmp_path / "config", free_port())
    async with app.run_test(size=NARROW) as pilot:
        await to_outcome_then(pilot, "2")
        await pilot.press(*"ana@example.org", "ctrl+s")
        status = app.screen.query_one("#mail-status", Static)
        await wait_for(pilot, lambda: "connection refused" in str(status.render()), "the failure")
        await wait_for(pilot, lambda: status.region.height >= 3, "the failure laid out")
        assert "connection refused" in str(status.render())
        assert status.region.height >= 3, "the message should wrap (a long outbox path)"
        assert_all_visible(app)


async def test_the_email_dialog_fits_without_a_server(app) -> None:
    async with app.run_test(size=NARROW) as pilot:
        await to_outcome_then(pilot, "2")
        await pilot.press("ctrl+s")
        server = app.screen.query_one("#mail-server")
        await wait_for(pilot, lambda: server.has_class("-error"), "the server line as an error")
        assert_all_visible(app)


async def test_the_export_dialog_fits_with_its_error(app, tmp_path: Path) -> None:
    async with app.run_test(size=NARROW) as pilot:
        await to_outcome_then(pilot, "1")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert_all_visible(app)
        target = tmp_path / LONG_FOLDER / "summary.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("keep", encoding="utf-8")
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        problem = dialog.query_one("#export-problem", Static)
        await wait_for(pilot, lambda: problem.region.height >= 2, "the refusal laid out")
        assert "already exists" in str(problem.render())
        assert problem.region.height >= 2
        assert_all_visible(app)
