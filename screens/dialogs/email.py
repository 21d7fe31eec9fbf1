"""The email dialog: To, Cc, From and the subject (a preview to edit), the SMTP server it will
use, and a password field when the server needs one and `$WIZARD_SMTP_PASSWORD` is not set (the
password is used once, never stored).

Each field is one row with its label beside it, so the whole dialog, a message under any field
and the Send button fit an 80x24 terminal. A wrong address is shown under its own field.

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
from textual.widgets import Checkbox, Input, Static

from screens.dialogs.form import (
    dialog_buttons,
    field_row,
    message_line,
    private_notes_box,
    show_line,
)
from wizard.exports import Rendered
from wizard.exports.compose import (
    Addresses,
    addresses,
    compose,
    mark_sent,
    split_addresses,
)
from wizard.exports.eml import HeaderError, default_subject, parse_mailbox
from wizard.exports.files import ExportFileError
from wizard.exports.mail import PASSWORD_ENV, MailConfig, MailError, config_path, load_config, send
from wizard.exports.outbox import record_failure, save_again
from wizard.sessions.files import data_dir


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
        self.typed_at_start: dict[str | None, str] = {}
        self.kept: Path | None = None
        """The outbox file of the last try: a retry writes over it, not a new file."""
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
            yield from self._field("To", summary.client_email, "name@example.org", "mail-to")
            yield from self._field("Cc", "", "optional; commas between addresses", "mail-cc")
            yield from self._field("From", sender, "Your Name <you@example.org>", "mail-from")
            yield from self._field("Subject", default_subject(summary), "", "mail-subject")
            if self.needs_password:
                yield from self._field("Password", "", "used once, never saved", "mail-password")
            notes = private_notes_box(self.rendered.left_out)
            if notes is not None:
                yield notes
            yield Static(self._server_line(), id="mail-server", classes="dialog-message")
            yield message_line("mail-status", under_field=False)
            yield Static(
                "Sends text and HTML, with the Markdown and JSON attached",
                classes="dialog-hint",
            )
            yield dialog_buttons(
                ("Send  Ctrl+S", "mail-send", "primary", "send"),
                ("Cancel  Esc", "mail-cancel", "default", "cancel"),
            )

    def _field(self, label: str, value: str, placeholder: str, ident: str) -> ComposeResult:
        box = Input(value, placeholder=placeholder, id=ident, compact=True)
        box.password = ident == "mail-password"
        yield field_row(label, box)
        yield message_line(f"{ident}-problem")

    def _server_line(self) -> str:
        if self.config is None:
            return f"Mail settings cannot be read: {self.config_problem}"
        if not self.config.host:
            return f"No SMTP server set: add host = ... to {config_path()}"
        who = f" as {self.config.user}" if self.config.user else ""
        return f"Via {self.config.describe()}{who}"

    def _typed(self) -> dict[str | None, str]:
        return {i.id: i.value for i in self.query(Input) if i.id != "mail-password"}

    def on_mount(self) -> None:
        self.typed_at_start = self._typed()
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

    @on(Checkbox.Changed, "#private-notes")
    def _notes_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.rendered = self.rendered.with_notes("all" if event.value else "client")

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        """A field being corrected loses its message."""
        self.query_one(f"#{event.input.id}-problem").display = False

    def action_send(self) -> None:
        if self.sending:
            return
        for line in self.query(".dialog-problem"):
            line.display = False
        server = self.query_one("#mail-server", Static)
        server.remove_class("-error")
        if self.config is None or not self.config.host:
            show_line(server, self._server_line())
            return
        value = {i.id: i.value.strip() for i in self.query(Input)}
        people = self._people(value)
        if people is None:
            return
        try:
            message = compose(self.rendered, people, value["mail-subject"])
        except HeaderError as error:  # the addresses were checked: the subject is wrong
            self._problem("mail-subject", str(error))
            return
        try:
            kept = self.kept = save_again(self.rendered, message, self.folder, self.kept)
        except ExportFileError as error:
            self._problem("mail-status", str(error))
            return
        password = os.environ.get(PASSWORD_ENV) or value.get("mail-password") or None
        self.sending = True
        show_line(
            self.query_one("#mail-status", Static), f"Sending… (saved first to {kept})", False
        )
        self._send(message, self.config, password, kept, ", ".join(m.address for m in people.to))

    def _people(self, value: dict[str | None, str]) -> Addresses | None:
        """The checked addresses, or None with the reason shown under the field it concerns."""
        fields = [("mail-to", "the To address"), ("mail-cc", "the Cc address")]
        for ident, what in [*fields, ("mail-from", "the From address")]:
            for text in split_addresses(value[ident]):
                try:
                    parse_mailbox(text, what)
                except HeaderError as error:
                    self._problem(ident, str(error))
                    return None
        for ident, empty in [
            ("mail-to", "Type the client's address."),
            ("mail-from", "Type your address."),
        ]:
            if not value[ident]:
                self._problem(ident, empty)
                return None
        try:
            return addresses(
                self.rendered,
                value["mail-from"],
                split_addresses(value["mail-to"]),
                split_addresses(value["mail-cc"]),
            )
        except HeaderError as error:  # not expected after the checks above; still shown
            self._problem("mail-status", str(error))
            return None

    # A description: Textual would otherwise build one from repr() of the arguments, password too.
    @work(thread=True, exclusive=True, description="sending the summary")
    def _send(
        self, message: EmailMessage, config: MailConfig, password: str | None, kept: Path, to: str
    ) -> None:
        try:
            send(message, config, password)
        except MailError as error:
            record_failure(kept, str(error))
            self.app.call_from_thread(self._failed, f"Not sent: {error}. Kept in {kept}.")
            return
        moved = mark_sent(kept, self.folder)
        self.app.call_from_thread(self.dismiss, f"Sent to {to}; a copy is in {moved}")

    def _failed(self, message: str) -> None:
        self.sending = False
        self._problem("mail-status", message)

    def _problem(self, ident: str, message: str) -> None:
        """Show `message` under the field `ident` (or in the status line) and go to that field."""
        line = "#mail-status" if ident == "mail-status" else f"#{ident}-problem"
        show_line(self.query_one(line, Static), message)
        if ident != "mail-status":
            self.query_one(f"#{ident}", Input).focus()

    def action_cancel(self) -> None:
        """Esc cancels; when a field was edited, it asks first (nothing typed is lost)."""
        if self.sending:
            return
        if self._typed() != self.typed_at_start:
            from screens.dialogs.session import ask_before_leaving

            ask_before_leaving(self, "the email", self.action_send)
        else:
            self.dismiss(None)
