"""The email dialog: To, Cc, From and the subject (a preview to edit), the SMTP server it will
use, and a password field when the server needs one and `$WIZARD_SMTP_PASSWORD` is not set (the
password is used once, never stored).

Sending writes the message to the outbox first (`wizard.exports.compose`), then sends it in a
thread, so the app stays responsive; a failure is shown in the dialog with where the message is
kept, and nothing typed is lost."""

from __future__ import annotations

import os
from email.message import EmailMessage
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from screens.literal import literal
from wizard.exports import Rendered
from wizard.exports.compose import (
    addresses,
    compose,
    mark_sent,
    save_to_outbox,
    split_addresses,
)
from wizard.exports.eml import HeaderError, default_subject
from wizard.exports.files import ExportFileError
from wizard.mail import PASSWORD_ENV, MailConfig, MailError, config_path, load_config, send
from wizard.storage import data_dir


class EmailDialog(ModalScreen[str | None]):
    """Dismisses with a line saying where the summary was sent, or None when cancelled."""

    CSS_PATH = ["sessions.tcss", "export.tcss"]
    BINDINGS = [
        Binding("ctrl+s", "send", "Send"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, rendered: Rendered, folder: Path | None = None) -> None:
        super().__init__(classes="dialog")
        self.rendered = rendered
        self.folder = data_dir(folder)
        self.sending = False
        try:
            self.config: MailConfig | None = load_config()
            self.config_problem = ""
        except MailError as error:
            self.config, self.config_problem = None, str(error)

    @property
    def needs_password(self) -> bool:
        return bool(self.config and self.config.user and not os.environ.get(PASSWORD_ENV))

    def compose(self) -> ComposeResult:
        summary = self.rendered.summary
        sender = self.config.sender if self.config else ""
        with VerticalScroll(classes="dialog-box"):
            yield Static("Email the summary", classes="dialog-title")
            yield Label("To")
            yield Input(summary.client_email, placeholder="name@example.org", id="mail-to")
            yield Label("Cc (optional; separate addresses with commas)")
            yield Input(id="mail-cc")
            yield Label("From")
            yield Input(sender, placeholder="Your Name <you@example.org>", id="mail-from")
            yield Label("Subject")
            yield Input(default_subject(summary), id="mail-subject")
            yield Static(self._server_line(), id="mail-server", classes="dialog-message")
            if self.needs_password:
                yield Label("Password (used once, never saved)")
                yield Input(password=True, id="mail-password")
            yield Static(id="mail-problem", classes="dialog-problem")
            yield Static(
                "Text and HTML, with the Markdown and JSON attached · Ctrl+S sends · Esc cancels",
                classes="dialog-hint",
            )

    def _server_line(self) -> str:
        if self.config is None:
            return f"Mail settings cannot be read: {self.config_problem}"
        if not self.config.host:
            return f"No SMTP server set: add host = ... to {config_path()}"
        who = f" as {self.config.user}" if self.config.user else ""
        return f"Via {self.config.describe()}{who}"

    def on_mount(self) -> None:
        self.query_one("#mail-problem").display = False
        first_empty = next(
            (i for i in self.query(Input) if not i.value and i.id != "mail-cc"), None
        )
        (first_empty or self.query_one("#mail-to", Input)).focus()

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input is list(self.query(Input))[-1]:
            self.action_send()
        else:
            self.focus_next()

    def action_send(self) -> None:
        if self.sending:
            return
        if self.config is None or not self.config.host:
            self._problem(self._server_line())
            return
        value = {i.id: i.value.strip() for i in self.query(Input)}
        try:
            people = addresses(
                self.rendered,
                value["mail-from"],
                split_addresses(value["mail-to"]),
                split_addresses(value["mail-cc"]),
            )
            message = compose(self.rendered, people, value["mail-subject"])
            kept = save_to_outbox(self.rendered, message, self.folder)
        except (HeaderError, ExportFileError) as error:
            self._problem(str(error))
            return
        password = os.environ.get(PASSWORD_ENV) or value.get("mail-password") or None
        self.sending = True
        self._status(f"Sending… (saved first to {kept})")
        self._send(message, self.config, password, kept, ", ".join(m.address for m in people.to))

    @work(thread=True, exclusive=True)
    def _send(
        self, message: EmailMessage, config: MailConfig, password: str | None, kept: Path, to: str
    ) -> None:
        try:
            send(message, config, password)
        except MailError as error:
            self.app.call_from_thread(self._failed, f"Not sent: {error}. Kept in {kept}.")
            return
        moved = mark_sent(kept, self.folder)
        self.app.call_from_thread(self.dismiss, f"Sent to {to}; a copy is in {moved}")

    def _failed(self, message: str) -> None:
        self.sending = False
        self._problem(message)

    def _status(self, message: str) -> None:
        self._show(message, error=False)

    def _problem(self, message: str) -> None:
        self._show(message, error=True)

    def _show(self, message: str, error: bool) -> None:
        line = self.query_one("#mail-problem", Static)
        line.update(literal(message))
        line.set_class(error, "-error")
        line.display = True
        # In a short terminal the dialog scrolls: the message must not stay below its edge.
        self.call_after_refresh(line.scroll_visible, animate=False)

    def action_cancel(self) -> None:
        if not self.sending:
            self.dismiss(None)
