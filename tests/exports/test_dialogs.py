"""The app's export and email dialogs, driven from the keyboard on the outcome screen."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest
from textual.dom import DOMNode
from textual.widgets import Checkbox, Input, Static

from screens.app import WizardApp
from screens.dialogs.email import EmailDialog
from screens.dialogs.export import ExportDialog
from screens.views.outcome import OutcomeScreen
from tests.pilot import WIDE, mail_settings, to_outcome_then, wait_for, wait_for_screen
from wizard.exports.mail import PASSWORD_ENV

from .smtp import Server, free_port


def problem(app: WizardApp, ident: str) -> str:
    line = app.screen.query_one(ident, Static)
    return str(line.render()) if line.display else ""


async def test_export_dialog_saves_html_with_the_ticks(app: WizardApp, tmp_path: Path) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await to_outcome_then(pilot, "1")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        path_input = dialog.query_one("#export-path", Input)
        exports = tmp_path / "data" / "exports"  # the data folder's, not the current folder
        assert path_input.value == str(exports / f"summary-{_session_id(app)}.html")
        await pilot.press("enter")
        await wait_for_screen(pilot, OutcomeScreen)
        written = exports / f"summary-{_session_id(app)}.html"
        page = written.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        assert "Add an internship remark to your X1 residence permit" in page
        assert "☑ <strong>Done:</strong> Internship approval letter" in page
        assert any(f"Saved the summary to {written}" in str(n.message) for n in app._notifications)


async def test_export_dialog_format_and_no_overwrite(app: WizardApp, tmp_path: Path) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await to_outcome_then(pilot, "1")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        target = tmp_path / "ana.html"
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("shift+tab", "down", "space")  # pick Markdown: the extension follows
        path_input = dialog.query_one("#export-path", Input)
        await wait_for(pilot, lambda: path_input.value == str(tmp_path / "ana.md"), "the .md path")
        (tmp_path / "ana.md").write_text("keep", encoding="utf-8")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: problem(app, "#export-problem"), "the refusal")
        assert app.screen is dialog
        assert "already exists: tick “Replace”" in problem(app, "#export-problem")
        assert (tmp_path / "ana.md").read_text(encoding="utf-8") == "keep"
        dialog.query_one("#export-replace", Checkbox).value = True
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, OutcomeScreen)
        assert (tmp_path / "ana.md").read_text(encoding="utf-8").startswith("# Add an internship")


async def test_email_dialog_sends_to_the_server(
    app: WizardApp, tmp_path: Path, smtp_server: Server
) -> None:
    mail_settings(tmp_path / "config", smtp_server.port)
    async with app.run_test(size=WIDE) as pilot:
        await to_outcome_then(pilot, "2")
        dialog = app.screen
        assert isinstance(dialog, EmailDialog)
        assert dialog.query_one("#mail-from", Input).value == "Li Wei <li@example.org>"
        subject = dialog.query_one("#mail-subject", Input).value
        assert subject.startswith("Your pathway summary: Add an internship remark")
        assert f"Via 127.0.0.1:{smtp_server.port} (none)" in str(
            dialog.query_one("#mail-server", Static).render()
        )
        assert dialog.query_one("#mail-to", Input).has_focus  # the first empty field
        await pilot.press(*"ana@example.org")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, OutcomeScreen)
        [envelope] = smtp_server.recorder.envelopes
        assert envelope.rcpt_tos == ["ana@example.org"]
        assert isinstance(envelope.content, bytes)
        received = message_from_bytes(envelope.content, policy=policy.default)
        assert received["Subject"] == subject
        assert [p.get_filename() for p in received.iter_attachments()] == [
            f"summary-{_session_id(app)}.md",
            f"summary-{_session_id(app)}.json",
        ]
        [sent] = (tmp_path / "data" / "sent").iterdir()
        assert any(f"a copy is in {sent}" in str(n.message) for n in app._notifications)


async def test_no_worker_describes_the_password(
    app: WizardApp, tmp_path: Path, smtp_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual describes a worker by repr() of its arguments unless told otherwise: the password
    given to the sending thread must not end up in that text (shown by Textual's devtools)."""
    mail_settings(tmp_path / "config", smtp_server.port)
    monkeypatch.setenv(PASSWORD_ENV, "s3cret-in-env")
    described: list[str] = []
    real = DOMNode.run_worker

    def spy(self: DOMNode, work: Any, *args: Any, **kwargs: Any) -> Any:
        described.append(str(kwargs.get("description")))
        return real(self, work, *args, **kwargs)

    monkeypatch.setattr(DOMNode, "run_worker", spy)
    async with app.run_test(size=WIDE) as pilot:
        await to_outcome_then(pilot, "2")
        await pilot.press(*"ana@example.org")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, OutcomeScreen)
    assert smtp_server.recorder.envelopes
    assert "sending the summary" in described
    assert not [d for d in described if "s3cret" in d]


async def test_email_failure_stays_in_the_dialog(app: WizardApp, tmp_path: Path) -> None:
    port = free_port()
    mail_settings(tmp_path / "config", port)
    async with app.run_test(size=WIDE) as pilot:
        await to_outcome_then(pilot, "2")
        dialog = app.screen
        await pilot.press(*"ana@example.org", "ctrl+s")
        await wait_for(pilot, lambda: problem(app, "#mail-status"), "the failure")
        assert app.screen is dialog
        [kept] = (tmp_path / "data" / "outbox").iterdir()
        shown = " ".join(problem(app, "#mail-status").split())
        assert f"Not sent: 127.0.0.1:{port} (none): connection refused" in shown
        assert f"Kept in {kept}" in shown
        assert dialog.query_one("#mail-to", Input).value == "ana@example.org"


async def test_email_dialog_without_a_server_says_so(app: WizardApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await to_outcome_then(pilot, "2")
        server = app.screen.query_one("#mail-server", Static)
        assert "No SMTP server set" in str(server.render())
        assert not server.has_class("-error")
        await pilot.press("ctrl+s")
        await wait_for(
            pilot, lambda: server.has_class("-error"), "the server line as an error"
        )  # the line about the server turns into the error
        assert "No SMTP server set" in str(server.render())


async def test_email_dialog_shows_a_wrong_address_under_its_field(
    app: WizardApp, tmp_path: Path
) -> None:
    mail_settings(tmp_path / "config", free_port())
    async with app.run_test(size=WIDE) as pilot:
        await to_outcome_then(pilot, "2")
        dialog = app.screen
        await pilot.press(*"ana@example.org", "tab", *"bo at example", "ctrl+s")
        await wait_for(pilot, lambda: problem(app, "#mail-cc-problem"), "the Cc message")
        assert "The Cc address 'bo at example' contains a space" in problem(app, "#mail-cc-problem")
        assert problem(app, "#mail-to-problem") == problem(app, "#mail-status") == ""
        assert dialog.query_one("#mail-cc", Input).has_focus  # taken to the field to fix
        assert not (tmp_path / "data" / "outbox").exists()

        await pilot.press("backspace")  # correcting the field clears its message
        await wait_for(pilot, lambda: problem(app, "#mail-cc-problem") == "", "no Cc message")


async def test_email_dialog_asks_for_a_to_and_a_from(app: WizardApp, tmp_path: Path) -> None:
    mail_settings(tmp_path / "config", free_port())
    async with app.run_test(size=WIDE) as pilot:
        await to_outcome_then(pilot, "2")
        dialog = app.screen
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: problem(app, "#mail-to-problem"), "the To message")
        assert "Type the client's address" in problem(app, "#mail-to-problem")
        dialog.query_one("#mail-to", Input).value = "ana@example.org"
        dialog.query_one("#mail-from", Input).value = ""
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: problem(app, "#mail-from-problem"), "the From message")
        assert problem(app, "#mail-to-problem") == ""
        assert "Type your address" in problem(app, "#mail-from-problem")
        assert dialog.query_one("#mail-from", Input).has_focus


async def test_email_dialog_buttons(app: WizardApp, tmp_path: Path, smtp_server: Server) -> None:
    mail_settings(tmp_path / "config", smtp_server.port)
    async with app.run_test(size=WIDE) as pilot:
        await to_outcome_then(pilot, "2")
        await pilot.press(*"ana@example.org")
        await pilot.click("#mail-send")
        await wait_for_screen(pilot, OutcomeScreen)
        assert [e.rcpt_tos for e in smtp_server.recorder.envelopes] == [["ana@example.org"]]

        await pilot.press("e", "2")
        await wait_for_screen(pilot, EmailDialog)
        await pilot.click("#mail-cancel")
        await wait_for_screen(pilot, OutcomeScreen)
        assert len(smtp_server.recorder.envelopes) == 1


async def test_export_dialog_buttons(app: WizardApp, tmp_path: Path) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await to_outcome_then(pilot, "1")
        await pilot.click("#export-cancel")
        await wait_for_screen(pilot, OutcomeScreen)
        assert not list(tmp_path.glob("**/summary-*"))
        await pilot.press("e", "1")
        await wait_for_screen(pilot, ExportDialog)
        await pilot.click("#export-save")
        await wait_for_screen(pilot, OutcomeScreen)
        assert (tmp_path / "data" / "exports" / f"summary-{_session_id(app)}.html").exists()


def _session_id(app: WizardApp) -> str:
    session = app.sessions().session
    assert session is not None
    return session.id
