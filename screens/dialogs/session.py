"""Small dialogs of the sessions feature: a choice to make, a notice to read, the session form,
a note, and a session to pick. Each is a `ModalScreen[T]` that dismisses with its answer."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option as ListOption

from screens.catalog import SessionCard
from screens.widgets.hanging import Hanging
from screens.widgets.lists import ChoiceList
from screens.widgets.literal import literal


class ChoiceDialog(ModalScreen[str | None]):
    """A question with a few answers (1-9 or Enter picks, Esc dismisses with None). A yes/no
    question names its two answers (`yes_no`: the choice keys for y and n), and y or n picks."""

    CSS_PATH = "sessions.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("y", "yes_no(0)", "Yes"),
        Binding("n", "yes_no(1)", "No"),
    ]

    def __init__(
        self,
        title: str,
        message: str,
        choices: list[tuple[str, str]],
        yes_no: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.message = message
        self.choices = choices
        self.yes_no = yes_no

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "yes_no":
            return self.yes_no is not None
        return True

    def action_yes_no(self, which: int) -> None:
        if self.yes_no is not None:
            self.dismiss(self.yes_no[which])

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(literal(self.title_text, "bold"), classes="dialog-title")
            yield Static(literal(self.message), classes="dialog-message")
            yield ChoiceList(
                *[
                    ListOption(
                        Hanging(Content.assemble((f"{n}. ", "$text-muted"), literal(label))), id=key
                    )
                    for n, (key, label) in enumerate(self.choices, 1)
                ],
                id="dialog-choices",
            )
            if self.yes_no is not None:
                labels = dict(self.choices)
                yes, no = (labels.get(key, key) for key in self.yes_no)
                yield Static(literal(f"y: {yes} · n: {no} · Esc cancels"), classes="dialog-hint")

    @on(OptionList.OptionSelected, "#dialog-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_before_leaving(screen: ModalScreen[object], what: str, save: Callable[[], None]) -> None:
    """Esc on a dialog holding unsaved text: ask, rather than lose it. "Save" runs `save`,
    "Leave" dismisses the dialog with None, Esc (or "Go back") returns to it."""

    def chosen(choice: str | None) -> None:
        if choice == "save":
            save()
        elif choice == "discard":
            screen.dismiss(None)

    screen.app.push_screen(
        ChoiceDialog(
            f"Leave {what} without saving?",
            "What you typed is not saved yet. y leaves it, n or Esc goes back to it.",
            [("save", "Save it"), ("discard", "Leave without saving"), ("back", "Go back")],
            yes_no=("discard", "back"),
        ),
        chosen,
    )


class NoticeDialog(ModalScreen[None]):
    """Lines to read before going on (Enter, Space or Esc closes)."""

    CSS_PATH = "sessions.tcss"
    BINDINGS = [Binding("escape,enter,space", "close", "Continue")]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(literal(self.title_text, "bold"), classes="dialog-title")
            for line in self.lines:
                yield Static(literal(line), classes="dialog-message notice-line")
            yield Static("Press Enter to continue.", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)


People = tuple[str, str, str]
"""Client name, client email, counselor name (blank: absent)."""


class SessionForm(ModalScreen[People | None]):
    """Who the session is for: client name and email, counselor name. Enter on the last field
    (or Ctrl+S) saves; Esc closes without changing anything."""

    CSS_PATH = "sessions.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, people: People) -> None:
        super().__init__(classes="dialog")
        self.people = people

    def compose(self) -> ComposeResult:
        client, email, counselor = self.people
        with Vertical(classes="dialog-box"):
            yield Static("Session details", classes="dialog-title")
            yield Label("Client name")
            yield Input(client, placeholder="e.g. Ana Silva", id="client-name", max_length=120)
            yield Label("Client email (optional)")
            yield Input(email, placeholder="name@example.org", id="client-email", max_length=254)
            yield Static(id="email-problem", classes="dialog-problem")
            yield Label("Counselor name (optional)")
            yield Input(counselor, id="counselor-name", max_length=120)
            yield Static("Enter moves on · Ctrl+S saves · Esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#email-problem").display = False

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "counselor-name":
            self.action_save()
        else:
            self.focus_next()

    @on(Input.Changed, "#client-email")
    def _email_edited(self, event: Input.Changed) -> None:
        """A complaint about the old address must not stay under a corrected one."""
        event.stop()
        self.query_one("#email-problem").display = False

    def _values(self) -> tuple[str, ...]:
        return tuple(
            self.query_one(f"#{i}", Input).value.strip()
            for i in ("client-name", "client-email", "counselor-name")
        )

    def action_save(self) -> None:
        values = self._values()
        client, email, counselor = values
        problem = self.query_one("#email-problem", Static)
        if email and not _looks_like_email(email):
            problem.update(literal(f"{email!r} does not look like an email address."))
            problem.display = True
            self.query_one("#client-email").focus()
            return
        self.dismiss((client, email, counselor))

    def action_cancel(self) -> None:
        if self._values() != tuple(p.strip() for p in self.people):
            ask_before_leaving(self, "the session details", self.action_save)
        else:
            self.dismiss(None)


def _looks_like_email(text: str) -> bool:
    """One @, something before it, a dot after it, no spaces or header-breaking characters."""
    local, at, domain = text.rpartition("@")
    bad = any(c.isspace() or c in '<>,;"' for c in text)
    return bool(at and local and "." in domain.strip(".")) and not bad


NOTE_PRIVATE = "🔒 private"
NOTE_SHARED = "✉ for the client"
"""How a note is marked wherever the counselor sees it: private notes stay out of exports and
the email (unless asked for), notes for the client go in."""


def note_mark(shared: bool) -> str:
    return NOTE_SHARED if shared else NOTE_PRIVATE


Note = tuple[str, bool]
"""A note's text and whether it is for the client."""


class NoteDialog(ModalScreen[Note | None]):
    """The counselor's note on one question. Ctrl+S saves and closes; Ctrl+O marks it for the
    client (or private again); Esc cancels, asking first when the text was changed (nothing
    typed is lost by a stray Esc); Ctrl+Z undoes an edit."""

    CSS_PATH = "sessions.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+o", "share", "For the client / private"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, prompt: str, note: str, shared: bool = False) -> None:
        super().__init__(classes="dialog")
        self.prompt = prompt
        self.note = note
        self.shared = shared
        self.was_shared = shared

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(
                Content.assemble(("Note on ", "bold"), literal(self.prompt, "bold")),
                classes="dialog-title",
            )
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(id="note-shared")
            yield Static(
                "Ctrl+S saves · Ctrl+O for the client or private · Esc cancels",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        self._show_shared()

    def _show_shared(self) -> None:
        line = (
            "✉ For the client: in exports and the email"
            if self.shared
            else "🔒 Private: left out of exports and the email"
        )
        self.query_one("#note-shared", Static).update(line)

    def action_share(self) -> None:
        self.shared = not self.shared
        self._show_shared()

    @property
    def changed(self) -> bool:
        text = self.query_one(TextArea).text
        return text.rstrip() != self.note.rstrip() or self.shared != self.was_shared

    def action_save(self) -> None:
        self.dismiss((self.query_one(TextArea).text, self.shared))

    def action_cancel(self) -> None:
        if self.changed:
            ask_before_leaving(self, "the note", self.action_save)
        else:
            self.dismiss(None)


class SessionPicker(ModalScreen[str | None]):
    """Pick one saved session (e.g. the other side of a comparison)."""

    CSS_PATH = "sessions.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, cards: list[SessionCard]) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.cards = cards

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(literal(self.title_text, "bold"), classes="dialog-title")
            yield ChoiceList(
                *[
                    ListOption(
                        Content.assemble(
                            literal(c.title, "bold"), "\n", literal(c.detail, "$text-muted")
                        ),
                        id=c.key,
                    )
                    for c in self.cards
                ],
                id="picker",
            )

    @on(OptionList.OptionSelected, "#picker")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
