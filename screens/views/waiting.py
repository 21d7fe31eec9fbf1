"""What waits for a returning counselor: the line on the home screen ("12 saved sessions, newest:
…; 3 sessions affected by tree updates; 2 unsent emails"), the sessions a tree update affects
(`r` on the home screen) and the outbox (`o`).

The home screen's line is counted without loading a tree or a session model
(`wizard.sessions.waiting`); the two screens import the engine when they are opened, and do
their work (replaying sessions, sending mail) in a thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option as ListOption

from screens.widgets.footer import WizardFooter
from screens.widgets.header import WizardHeader
from screens.widgets.lists import ChoiceList
from screens.widgets.literal import literal

if TYPE_CHECKING:
    from wizard.exports.outbox import Unsent
    from wizard.sessions.index import SessionSummary
    from wizard.sessions.recheck import Affected

ResultType = TypeVar("ResultType")


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def waiting_text(
    sessions: list[SessionSummary], affected: int | None, unsent: int, clients: int = 0
) -> Content | None:
    """The home screen's line for a returning counselor; None when nothing waits."""
    lines: list[Content] = []
    if sessions:
        newest = sessions[0]
        lines.append(
            Content.assemble(
                _keyed(plural(len(sessions), "saved session"), "bold", "s", ", newest: "),
                literal(newest.client_name or newest.id),
                f" · {newest.tree} · {newest.updated:%Y-%m-%d}",
            )
        )
    if sessions or clients:
        head = plural(clients, "client") if clients else "Clients"
        lines.append(_keyed(head, "bold", "l", " and their sessions; Ctrl+N there adds one"))
    if affected:
        head = plural(affected, "session")
        lines.append(_keyed(head, "bold $warning", "r", " affected by tree updates"))
    if unsent:
        head = plural(unsent, "unsent email")
        lines.append(_keyed(head, "bold $warning", "o", " in the outbox: see why, send again"))
    return Content("\n").join(lines) if lines else None


def _keyed(head: str, style: str, key: str, rest: str) -> Content:
    """One line of what waits: "3 sessions (r) affected by tree updates"."""
    return Content.assemble((head, style), (f" ({key})", "$text-muted"), rest)


class ListScreen(Screen[ResultType]):
    """A screen of waiting work: a title with its keys, a status line, a list. A subclass names
    these and fills the list (`fill`, called when mounted); Esc or q returns."""

    DEFAULT_CSS = """
    ListScreen {
        .section-title, .status { padding: 0 2; margin-top: 1; }
        ChoiceList { margin: 1 2 0 2; }
    }
    """
    BINDINGS = [Binding("escape,q", "close", "Return")]
    HEADING: ClassVar[str]
    HINTS: ClassVar[str]
    LIST_ID: ClassVar[str]
    STATUS_ID: ClassVar[str]
    FIRST_STATUS: ClassVar[str] = ""
    """What the status line says until the list is filled."""

    def __init__(self, data_folder: Path) -> None:
        super().__init__()
        self.data_folder = data_folder

    def compose(self) -> ComposeResult:
        yield WizardHeader()
        yield Static(
            Content.assemble((self.HEADING, "bold"), (f"  {self.HINTS}", "$text-muted")),
            classes="section-title",
        )
        yield Static(self.FIRST_STATUS, id=self.STATUS_ID, classes="status")
        yield ChoiceList(id=self.LIST_ID)
        yield WizardFooter()

    def on_mount(self) -> None:
        self.fill()

    def fill(self) -> None:
        """Fill the list (and say so on the status line): each subclass reads its own data."""
        raise NotImplementedError

    def choices(self) -> ChoiceList:
        return self.query_one(f"#{self.LIST_ID}", ChoiceList)

    def show_options(self, options: list[ListOption]) -> None:
        """Put these in the list; the first, if any, highlighted and focused to act on at once."""
        choices = self.choices()
        choices.clear_options()
        choices.add_options(options)
        if options:
            choices.highlighted = 0
            choices.focus()

    def show_status(self, text: str | Content) -> None:
        # A str is shown as it is: error texts may hold [brackets] that markup would eat.
        self.query_one(f"#{self.STATUS_ID}", Static).update(
            Content(text) if isinstance(text, str) else text
        )

    def action_close(self) -> None:
        self.dismiss(None)


class RecheckScreen(ListScreen[str | None]):
    """The saved sessions the trees as they are now would conclude otherwise, with what changed.
    Enter opens the highlighted one (its outcome then emails an updated summary: `e`)."""

    BINDINGS = [Binding("e", "email", "Email updated summary")]
    HEADING = "Sessions affected by tree updates"
    HINTS = "Enter opens one · e emails its updated summary · Esc returns"
    LIST_ID = "affected"
    STATUS_ID = "recheck-status"
    FIRST_STATUS = "Replaying the saved sessions on today's trees…"

    def __init__(self, data_folder: Path) -> None:
        super().__init__(data_folder)
        self.affected: list[Affected] = []

    def fill(self) -> None:
        self._recheck()

    @work(thread=True, exclusive=True, description="rechecking saved sessions")
    def _recheck(self) -> None:
        from wizard.sessions.recheck import recheck

        result = recheck(self.data_folder)
        self.app.call_from_thread(self._show, result.affected, result.problems, result.checked)

    def _show(self, affected: list[Affected], problems: list[str], checked: int) -> None:
        self.affected = affected
        head = (
            f"{plural(len(affected), 'session')} of {checked:,} would conclude otherwise today."
            if affected
            else f"No session is affected by tree updates ({checked:,} checked)."
        )
        self.show_status(Content.assemble(head, *(f"\n{p}" for p in problems)))
        self.show_options([_affected_option(item) for item in affected])

    def action_email(self) -> None:
        """Email the highlighted session's summary as today's trees conclude it."""
        from screens.dialogs.email import EmailDialog
        from wizard.diagnostics import TreeError
        from wizard.exports import render
        from wizard.sessions.resume import replay, session_tree
        from wizard.sessions.store import SessionError, SessionStore

        choices = self.choices()
        index = choices.highlighted
        if index is None:
            return
        key = choices.get_option_at_index(index).id or ""
        try:
            session = SessionStore(self.data_folder).load(key)
            walk = replay(session, session_tree(session)).walk
        except (SessionError, TreeError) as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if walk.outcome is None:
            self.notify("This session now stops at a question: open it (Enter) to answer it.")
            return

        def sent(line: str | None) -> None:
            if line:
                self.notify(line, markup=False)

        self.app.push_screen(EmailDialog(render(session, walk), self.data_folder), sent)

    @on(OptionList.OptionSelected, "#affected")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)


def _affected_option(item: Affected) -> ListOption:
    body = Content.assemble(
        literal(item.client or "(no client)", "bold"),
        f"  {item.tree} · saved {item.updated[:10]} · {item.session}",
        *(Content.assemble("\n  ", literal(change, "$text-warning")) for change in item.changes),
    )
    return ListOption(body, id=item.session)


class OutboxScreen(ListScreen[None]):
    """The emails not sent yet: to whom, the subject, when, why it failed. Enter sends the
    highlighted one again, `a` all of them; a sent one moves to `sent/`."""

    BINDINGS = [Binding("a", "send_all", "Send all again")]
    HEADING = "Unsent emails"
    HINTS = "Enter sends the highlighted one again · a sends all · Esc returns"
    LIST_ID = "outbox"
    STATUS_ID = "outbox-status"
    sending = False
    """True while a send runs in its thread: Enter and `a` do nothing meanwhile."""

    def fill(self) -> None:
        from wizard.exports.outbox import unsent

        messages = unsent(self.data_folder)
        self.show_options([_unsent_option(message) for message in messages])
        if not messages:
            self.show_status("No unsent email: the outbox is empty.")

    @on(OptionList.OptionSelected, "#outbox")
    def _send_one(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._start([event.option.id or ""])

    def action_send_all(self) -> None:
        self._start(None)

    def _start(self, ids: list[str] | None) -> None:
        if self.sending:
            return
        from wizard.exports.mail import (
            PASSWORD_ENV,
            MailError,
            config_path,
            load_config,
            password_for,
        )

        try:
            config = load_config()
            password = password_for(config)
        except MailError as error:
            self.show_status(
                f"Nothing sent: {error}. (Or: wizard outbox send, asks for it; "
                f"{PASSWORD_ENV} is read too.)"
            )
            return
        if not config.host:
            self.show_status(f"Nothing sent: no SMTP server set (host = ... in {config_path()}).")
            return
        self.sending = True
        self.show_status(f"Sending via {config.describe()}…")
        self._send(ids, config, password)

    # A description: Textual would otherwise build one from repr() of the arguments, password too.
    @work(thread=True, exclusive=True, description="sending the outbox")
    def _send(self, ids: list[str] | None, config: object, password: str | None) -> None:
        from wizard.exports.mail import MailConfig, MailError
        from wizard.exports.outbox import retry, unsent

        assert isinstance(config, MailConfig)
        messages: list[Unsent] = [m for m in unsent(self.data_folder) if ids is None or m.id in ids]
        lines = []
        for message in messages:
            try:
                retry(message.path, self.data_folder, config, password)
                lines.append(f"Sent to {message.to}: {message.subject}")
            except MailError as error:
                lines.append(f"Not sent to {message.to}: {error}. Still in the outbox.")
        self.app.call_from_thread(self._sent, lines)

    def _sent(self, lines: list[str]) -> None:
        self.sending = False
        self.fill()
        self.show_status("\n".join(lines) or "Nothing to send.")


def _unsent_option(message: Unsent) -> ListOption:
    when = f"{message.written:%Y-%m-%d %H:%M}" if message.written else "?"
    body = Content.assemble(
        literal(message.to or "?", "bold"),
        f"  {when}\n  ",
        literal(message.subject or "(no subject)"),
        "\n  ",
        literal(message.reason(), "$text-warning"),
    )
    return ListOption(body, id=message.id)


class Waiting:
    """The home screen's part for a returning counselor: the `#waiting` line, and the keys `s`
    (the saved sessions, in one key), `r` (the sessions affected by tree updates) and `o` (the
    outbox). Mixed into `HomeScreen`; `show_waiting` is called when the sessions are listed."""

    WAITING_BINDINGS = [
        Binding("s", "saved_sessions", "Saved sessions", tooltip="Go to the saved sessions"),
        Binding("r", "affected", "Affected", tooltip="Sessions affected by tree updates"),
        Binding("o", "outbox", "Outbox", tooltip="Unsent emails: see them, send them again"),
        Binding("l", "clients", "Clients", tooltip="Clients and their sessions; a new one"),
    ]
    affected_count: int | None = None
    unsent_count: int = 0
    clients_count: int = 0
    _rechecking = False

    def data_folder(self) -> Path:
        from wizard.sessions.folder import data_dir

        screen = self._screen()
        options = getattr(screen.app, "options", None)
        return data_dir(getattr(options, "data_dir", None))

    def _screen(self) -> Screen[None]:
        assert isinstance(self, Screen)
        return self

    def show_waiting(self, sessions: list[SessionSummary]) -> None:
        """Say what waits. The outbox is counted here (one folder listing); the sessions
        affected by tree updates are counted in a thread a moment after (the cache holds an
        entry per session: a counselor's 10,000 stats), replayed there when the cache is
        stale; the line shows the last count meanwhile."""
        from wizard.sessions.waiting import clients_count, unsent_count

        self.unsent_count = unsent_count(self.data_folder())
        self.clients_count = clients_count(self.data_folder())
        if not sessions:
            self.affected_count = 0
        self._render_waiting(sessions)
        if sessions and not self._rechecking:
            self._rechecking = True
            self._screen().set_timer(0.3, self._count_later)

    def _render_waiting(self, sessions: list[SessionSummary]) -> None:
        screen = self._screen()
        line = screen.query_one("#waiting", Static)
        text = waiting_text(sessions, self.affected_count, self.unsent_count, self.clients_count)
        line.update(text or "")
        line.display = text is not None
        screen.refresh_bindings()

    def _count_later(self) -> None:
        self._screen().run_worker(self._count_in_thread, thread=True, exclusive=False)

    def _count_in_thread(self) -> None:
        from wizard.sessions.waiting import cached_count

        folder = self.data_folder()
        count: int | None = None
        try:
            count = cached_count(folder)
            if count is None:
                from wizard.sessions.recheck import recheck

                count = len(recheck(folder).affected)
        finally:
            self._screen().app.call_from_thread(self._counted, count)

    def _counted(self, count: int | None) -> None:
        self._rechecking = False
        screen = self._screen()
        if count is not None and screen.is_attached:
            self.affected_count = count
            self._render_waiting(getattr(screen, "sessions", []))

    def check_waiting(self, action: str) -> bool | None:
        """Whether a key of this part is offered now (None: not one of its keys)."""
        if action == "saved_sessions":
            return bool(getattr(self, "sessions", []))
        if action == "affected":
            return bool(self.affected_count)
        if action == "outbox":
            return self.unsent_count > 0
        return None

    def action_saved_sessions(self) -> None:
        screen = self._screen()
        found = screen.query("#sessions").results(ChoiceList)
        session_list = next(iter(found), None)
        if session_list is None or not session_list.display:
            return
        session_list.focus(scroll_visible=False)  # the title is scrolled to, below
        title = screen.query("#sessions-title")
        (title.first() if title else session_list).scroll_visible(top=True, animate=False)

    def action_affected(self) -> None:
        screen = self._screen()

        def chosen(key: str | None) -> None:
            if key:
                from screens.messages import ResumeSession

                screen.post_message(ResumeSession(key))

        screen.app.push_screen(RecheckScreen(self.data_folder()), chosen)

    def action_outbox(self) -> None:
        screen = self._screen()

        def back(_: None) -> None:
            self.show_waiting(getattr(screen, "sessions", []))

        screen.app.push_screen(OutboxScreen(self.data_folder()), back)

    def action_clients(self) -> None:
        from screens.views.clients import ClientsScreen

        screen = self._screen()
        lang = getattr(screen, "lang", "en")
        screen.app.push_screen(ClientsScreen(self.data_folder(), lang), self.client_chosen)

    def new_session_for(self, client_id: str) -> None:
        """Enter on a client's line: which tree, then a new session for them."""
        from screens.views.clients import TreePick

        screen = self._screen()

        def picked(tree: str | None) -> None:
            if tree:
                self.client_chosen(("new", client_id, tree))

        screen.app.push_screen(TreePick(getattr(screen, "lang", "en")), picked)

    def client_chosen(self, choice: tuple[str, str, str] | None) -> None:
        """What the clients screen leaves with (`screens.views.clients.Choice`): a session to
        open, or a tree to start for a client (their details filled in, in their language)."""
        if choice is None:
            return
        kind, key, tree = choice
        screen = self._screen()
        if kind == "resume":
            from screens.messages import ResumeSession

            screen.post_message(ResumeSession(key))
        else:
            from screens.views.clients import start_for_client

            start_for_client(screen.app, self.data_folder(), tree, key)
