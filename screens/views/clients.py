"""The clients (`l` on the home screen): each with their sessions, newest first; typing filters
them. Enter on a client starts a new session for them (a tree to pick, then the session is made
with their name and email filled in); Enter on a session opens it; `a` adds a client, so that
their details are set before a tree starts. The records are `wizard.sessions.clients`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option as ListOption

from screens.widgets.footer import WizardFooter
from screens.widgets.header import WizardHeader
from screens.widgets.lists import ChoiceList
from screens.widgets.literal import literal

if TYPE_CHECKING:
    from wizard.sessions.clients import Client
    from wizard.sessions.model import Session

CLIENTS_CSS = """
ClientsScreen {
    .section-title { padding: 0 2; margin-top: 1; }
    #client-filter { margin: 1 2 0 2; }
    #clients { margin: 1 2 0 2; }
}
ClientForm, TreePick {
    align: center middle;
    & > Vertical {
        width: 70; max-width: 100%; height: auto; border: thick $primary; padding: 1 2;
        background: $surface;
    }
    Input { margin-bottom: 1; }
    #client-problem { color: $text-error; }
}
"""

Choice = tuple[str, str, str]
"""What the clients screen leaves with: ("resume", session id, "") or ("new", client id, tree)."""


class ClientsScreen(Screen[Choice | None]):
    DEFAULT_CSS = CLIENTS_CSS
    BINDINGS = [
        Binding("escape", "close", "Return"),
        Binding("ctrl+n", "add", "Add a client"),
    ]

    def __init__(self, data_folder: Path, lang: str = "en") -> None:
        super().__init__()
        self.data_folder = data_folder
        self.lang = lang
        self.clients: list[Client] = []
        self.sessions: list[Session] = []

    def compose(self) -> ComposeResult:
        yield WizardHeader()
        yield Static(
            Content.assemble(
                ("Clients", "bold"),
                (
                    "  Enter on a client starts a session for them · on a session opens it · "
                    "Ctrl+N adds a client · Esc returns",
                    "$text-muted",
                ),
            ),
            classes="section-title",
        )
        yield Input(placeholder="Type to filter: name, email…", id="client-filter")
        yield ChoiceList(id="clients")
        yield WizardFooter()

    def on_mount(self) -> None:
        self.sub_title = "Clients"
        self.reload()
        self.query_one("#client-filter", Input).focus()

    def reload(self) -> None:
        from wizard.sessions.clients import ClientStore

        store = ClientStore(self.data_folder)
        store.link_sessions()
        self.clients = store.scan().clients
        self.sessions = store.sessions.scan().sessions
        self._fill()

    def _fill(self) -> None:
        typed = self.query_one("#client-filter", Input).value
        choices = self.query_one("#clients", ChoiceList)
        choices.clear_options()
        options: list[ListOption | None] = []
        for client in self.clients:
            if typed.strip() and not client.matches(typed):
                continue
            mine = [s for s in self.sessions if s.client_id == client.id]
            count = f"{len(mine)} session{'' if len(mine) == 1 else 's'}"
            head = Content.assemble(
                literal(client.name, "bold"),
                "  ",
                literal(client.email or "no email", "$text-muted"),
                (f"  {count} · Enter: new session", "$text-muted"),
            )
            if options:
                options.append(None)
            options.append(ListOption(head, id=f"client:{client.id}"))
            for session in mine:  # newest first, as scanned
                outcome = f" → {session.outcome_label}" if session.outcome_label else ""
                line = f"   {session.updated:%Y-%m-%d} · {session.tree} · {session.progress}"
                options.append(ListOption(literal(line + outcome), id=f"session:{session.id}"))
        choices.add_options(options)
        if options:
            choices.highlighted = 0

    @on(Input.Changed, "#client-filter")
    def _filtered(self, event: Input.Changed) -> None:
        event.stop()
        self._fill()

    @on(Input.Submitted, "#client-filter")
    def _to_list(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#clients", ChoiceList).focus()

    def on_key(self, event: Any) -> None:
        if event.key == "down" and self.query_one("#client-filter", Input).has_focus:
            event.stop()
            self.query_one("#clients", ChoiceList).focus()

    @on(OptionList.OptionSelected, "#clients")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind, _, key = (event.option.id or "").partition(":")
        if kind == "session":
            self.dismiss(("resume", key, ""))
            return

        def picked(tree: str | None) -> None:
            if tree:
                self.dismiss(("new", key, tree))

        self.app.push_screen(TreePick(self.lang), picked)

    def action_add(self) -> None:
        def added(client_id: str | None) -> None:
            if client_id:
                self.reload()

        self.app.push_screen(ClientForm(self.data_folder), added)

    def action_close(self) -> None:
        self.dismiss(None)


class TreePick(ModalScreen[str | None]):
    """Which tree the new session walks."""

    DEFAULT_CSS = CLIENTS_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        from screens.catalog import tree_cards

        with Vertical():
            yield Static(Content.styled("New session: which pathway?", "bold"))
            choices = ChoiceList(id="tree-pick")
            for number, card in enumerate(tree_cards(self.lang), 1):
                choices.add_option(
                    ListOption(f"{number}. {card.title}", id=card.ref, disabled=bool(card.problem))
                )
            yield choices

    def on_mount(self) -> None:
        choices = self.query_one("#tree-pick", ChoiceList)
        choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected, "#tree-pick")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ClientForm(ModalScreen[str | None]):
    """A new client's details: name, email, language, notes. Dismisses with the new id."""

    DEFAULT_CSS = CLIENTS_CSS
    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("escape", "cancel", "Cancel")]

    def __init__(self, data_folder: Path) -> None:
        super().__init__()
        self.data_folder = data_folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.styled("New client  (Ctrl+S saves, Esc cancels)", "bold"))
            yield Input(placeholder="Name", id="client-name")
            yield Input(placeholder="Email (optional)", id="client-email")
            yield Input(value="en", placeholder="Language (en, zh…)", id="client-language")
            yield Input(placeholder="Notes about the client (optional)", id="client-notes")
            yield Static("", id="client-problem")

    def on_mount(self) -> None:
        self.query_one("#client-name", Input).focus()

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "client-notes":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        from wizard.sessions.clients import ClientStore
        from wizard.sessions.store import SessionError

        value = {i.id: i.value.strip() for i in self.query(Input)}
        try:
            client = ClientStore(self.data_folder).create(
                value["client-name"] or "",
                value["client-email"] or None,
                value["client-language"] or "en",
                value["client-notes"] or "",
            )
        except SessionError as error:
            self.query_one("#client-problem", Static).update(Content(str(error)))
            return
        self.dismiss(client.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def start_for_client(app: Any, data_folder: Path, tree: str, client_id: str) -> None:
    """Start `tree` as a new session of the client: made at once, with their name and email,
    in their language if the tree offers it (else the app's, and a notice says so)."""
    from wizard.sessions.clients import ClientStore, attach

    client = ClientStore(data_folder).load(client_id)
    if not app.start_tree(tree, lang=client.language):
        return
    progress = app.progress
    if progress is None:
        return
    if app.lang != client.language:
        app.notify(
            f"This pathway is not offered in {client.language}, {client.name}'s language: "
            f"it is shown in {app.lang}.",
            markup=False,
        )
    keeper = app.sessions()
    keeper.changed(progress, "start")
    keeper.set_people(client.name, client.email or "", "")
    if keeper.handle is not None:
        keeper.handle.apply(lambda session: attach(session, client))
    for header in app.screen.query(WizardHeader):
        header.refresh_title()
