"""The home screen: the shipped trees to start, and the clients with their saved sessions.

The trees are listed before the first frame, on the event loop (each tree's `[tree]` table: a few
milliseconds). The saved sessions are listed just after the first frame: a counselor's history of
10,000 sessions takes about 0.2 s to list from the index cache (`wizard.sessions.cache`), which
the first frame does not wait for. The clients are read then too, and each client's line is
followed by their sessions, the client changed last first; a session of no client stands on its
own at its place (`wizard.sessions.client_index`). Enter on a client starts a new session for
them (a tree to pick). The list holds the first `SESSION_PAGE` lines and a "more" line that adds
the next page when it is highlighted or picked (Textual's OptionList lays out every option it
holds, seconds for 10,000). A filter searches every client and session. Nothing the home screen
imports may import pydantic; the engine is imported when a tree or a session is opened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option as ListOption

from screens.catalog import SessionCard, TreeCard, session_card, tree_cards
from screens.messages import (
    CompareSession,
    DeleteSession,
    LeaveSession,
    RestoreSession,
    ResumeSession,
    StartTree,
)
from screens.views.waiting import Waiting, plural
from screens.widgets.footer import WizardFooter
from screens.widgets.hanging import Hanging
from screens.widgets.header import WizardHeader
from screens.widgets.lists import ChoiceList
from screens.widgets.literal import literal
from wizard.sessions.client_index import (
    ClientLine,
    ClientSummary,
    Group,
    Line,
    SessionLine,
    filtered_lines,
    group_sessions,
    list_clients,
)
from wizard.sessions.index import SessionSummary

INTRO = (
    "Answer a few questions to see which visa, internship or residence route fits you, "
    "the risks on the way and what to prepare. Every fact cites its public source."
)

FILTER_HINT = "Type to filter: client, tree, outcome, id…"

SESSION_PAGE = 100
"""Lines (clients and sessions) the list holds at first, and adds each time its "more" line is
reached."""
MORE = "more:"
"""The id of the list's last line while sessions are left to show."""

UNDO_SECONDS = 60.0
"""How long `u` puts back the session just deleted (after that: `wizard sessions restore`)."""


def tree_option(number: int, card: TreeCard) -> ListOption:
    """A tree as title, summary and review date; a tree that cannot be read says why."""
    parts: list[Content | str | tuple[str, str]] = [
        (f"{number}. ", "$text-muted"),
        literal(card.title, "bold"),
    ]
    if card.summary:
        parts += ["\n   ", literal(card.summary)]
    if card.problem:
        parts += ["\n   ", literal(card.problem, "$text-error")]
    else:
        parts += [(f"\n   Last reviewed {card.last_reviewed}", "$text-muted")]
    return ListOption(
        Hanging(Content.assemble(*parts)), id=f"tree:{card.ref}", disabled=bool(card.problem)
    )


def session_option(card: SessionCard) -> ListOption:
    body = Content.assemble(literal(card.title, "bold"), "\n", literal(card.detail, "$text-muted"))
    return ListOption(body, id=f"session:{card.key}")


def client_option(line: ClientLine) -> ListOption:
    """A client: name, email, how many sessions (of how many, when the filter hides some)."""
    count = plural(line.total, "session")
    if line.shown < line.total:
        count = f"{line.shown:,} of {count}"
    body = Content.assemble(
        literal(line.client.name, "bold"),
        "  ",
        literal(line.client.email or "no email", "$text-muted"),
        (f"  {count} · Enter: new session", "$text-muted"),
    )
    return ListOption(Hanging(body), id=f"client:{line.client.id}")


def line_option(line: Line, lang: str) -> ListOption:
    """A client's line, or a session's: under its client, indented and without the name."""
    if isinstance(line, ClientLine):
        return client_option(line)
    card = session_card(line.session, lang)
    if not line.grouped:
        return session_option(card)
    body = Content.assemble(
        "  ", literal(line.session.tree, "bold"), "\n  ", literal(card.detail, "$text-muted")
    )
    return ListOption(Hanging(body), id=f"session:{card.key}")


def line_id(line: Line) -> str:
    """The id of a line's option."""
    if isinstance(line, ClientLine):
        return f"client:{line.client.id}"
    return f"session:{line.session.id}"


def _divided(options: Iterable[ListOption]) -> list[ListOption | None]:
    """The options with a divider line between each (None is OptionList's divider)."""
    result: list[ListOption | None] = []
    for option in options:
        result += [None, option] if result else [option]
    return result


def _line_options(lines: Iterable[Line], lang: str, first: bool) -> list[ListOption | None]:
    """The lines' options with a divider before each client and each session of no client
    (not before the first line of the list when `first`); a client's sessions follow it."""
    result: list[ListOption | None] = []
    for line in lines:
        if not (isinstance(line, SessionLine) and line.grouped) and (result or not first):
            result.append(None)
        result.append(line_option(line, lang))
    return result


class SessionList(ChoiceList):
    """The saved sessions: a ChoiceList whose footer also offers deleting the highlighted one
    (only while the list has focus, so `d` never deletes a session the user is not looking at)."""

    BINDINGS = [
        Binding(
            "d,delete",
            "screen.delete_session",
            "Delete",
            tooltip="Delete the highlighted session (asks first)",
        ),
    ]


class HomeScreen(Waiting, Screen[None]):
    """What to start or resume."""

    # Styles in home.tcss, loaded by the app: Textual skips the default screen's CSS_PATH.
    AUTO_FOCUS = ""  # `show_catalog` focuses a list, without scrolling the intro away
    BINDINGS = [
        Binding("q", "app.quit", "Quit"),
        Binding("slash", "filter", "Filter sessions", key_display="/", show=False),
        Binding("c", "compare", "Compare", tooltip="Compare the highlighted session with another"),
        Binding("u", "undo_delete", "Undo delete", tooltip="Put back the session just deleted"),
        *Waiting.WAITING_BINDINGS,
    ]

    undoable: var[str | None] = var(None)
    """The id of the session just deleted here, while `u` can put it back."""

    def __init__(
        self, lang: str = "en", sessions: Callable[[], list[SessionSummary]] = list
    ) -> None:
        """`sessions` reads the saved sessions (the app's, which reports unreadable files)."""
        super().__init__()
        self.lang = lang
        self.read_sessions = sessions
        self.trees: list[TreeCard] = []
        """The shipped trees listed (the command palette offers them too)."""
        self.sessions: list[SessionSummary] = []
        self.clients: list[ClientSummary] = []
        self._groups: list[Group] = []
        """The sessions grouped under their clients (`group_sessions`), when last listed."""
        self._matching: list[Line] = []
        """The lines the filter matches; the list holds the first `_shown` of them (their
        options are made as they are shown)."""
        self._shown = 0
        self._undo_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield WizardHeader()
        with VerticalScroll(id="home", can_focus=False):
            yield Static(INTRO, id="intro")
            yield Static(id="waiting")  # for a returning counselor: see `Waiting`
            yield Static(
                Content.assemble(
                    ("Start a pathway", "bold"),
                    ("  ↑↓ or j/k move · Enter or 1-9 starts · ? lists keys", "$text-muted"),
                ),
                classes="section-title",
            )
            yield ChoiceList(id="trees")
            yield Static(id="trees-note")
            # The saved sessions' title, filter and list: see `_show_sessions`.
        yield WizardFooter()

    def on_screen_resume(self) -> None:
        # First shown, or back home (sessions may have been saved meanwhile). The event comes
        # late: when a resumed session's screen is already above, home is not shown again.
        if self.app.screen is self:
            self.post_message(LeaveSession())  # the app lists the sessions again after
        self.load_catalog(sessions_later=True)

    def load_catalog(self, sessions_later: bool = False) -> None:
        """List the trees and the sessions; with `sessions_later`, the sessions after the next
        frame (the last listing, if any, is shown until then)."""
        if not sessions_later:
            self.show_catalog(tree_cards(self.lang), self.read_sessions(), self._read_clients())
            self.show_waiting(self.sessions)
            return
        self.show_catalog(tree_cards(self.lang), self.sessions, self.clients)
        self.call_after_refresh(self._relist_sessions)

    def _relist_sessions(self) -> None:
        if self.is_attached:
            self.show_catalog(self.trees, self.read_sessions(), self._read_clients())
            # What waits is said with the sessions, after the first frame: its module and
            # folder listings are no part of the first.
            self.show_waiting(self.sessions)

    def _read_clients(self) -> list[ClientSummary]:
        return list_clients(self.data_folder())

    def show_catalog(
        self, trees: list[TreeCard], sessions: list[SessionSummary], clients: list[ClientSummary]
    ) -> None:
        """Fill the lists (also called again when sessions change)."""
        self.trees = trees
        tree_list = self.query_one("#trees", ChoiceList)
        tree_list.clear_options()
        tree_list.add_options(_divided(tree_option(n, card) for n, card in enumerate(trees, 1)))
        note = self.query_one("#trees-note", Static)
        note.update("" if trees else "No pathways are installed: the trees/ folder is empty.")
        note.display = not trees
        self.sessions = sessions
        self.clients = clients
        self._groups = group_sessions(clients, sessions)
        self._show_sessions(bool(sessions or clients))
        if trees:
            tree_list.highlighted = 0
        if self.focused is None:
            # Focusing scrolls the widget to the centre, and the lists are filled before the
            # first layout: a long list would push the intro out of sight.
            self.set_focus(tree_list if trees else self._session_list(), scroll_visible=False)

    @property
    def session_cards(self) -> list[SessionCard]:
        """Every saved session's card (the list shows them a page at a time)."""
        return [session_card(session, self.lang) for session in self.sessions]

    def _session_list(self) -> ChoiceList | None:
        return next(iter(self.query("#sessions").results(ChoiceList)), None)

    def _show_sessions(self, shown: bool) -> None:
        """Show the saved sessions' title, filter and list, or hide them when there are none
        (nor clients). They are mounted the first time there are: a student's first start has
        none, and building an Input and a second list is a good part of the home screen's
        start."""
        if shown and self._session_list() is None:
            self.query_one("#home").mount(
                Static(classes="section-title", id="sessions-title"),
                Input(placeholder=FILTER_HINT, id="session-filter"),
                SessionList(id="sessions"),
            )
        for widget in self.query("#sessions-title, #session-filter, #sessions"):
            if not shown and widget.has_focus:
                self.set_focus(self.query_one("#trees"))  # the last session was deleted
            widget.display = shown
        if shown:
            self.query_one("#sessions-title", Static).update(self._sessions_title())
            # In the list (back from a dialog, a delete or a resumed session) the highlight
            # stays with the user's session; elsewhere it starts at the newest again.
            session_list = self._session_list()
            self._fill_sessions(keep=session_list is not None and session_list.has_focus)

    def _sessions_title(self) -> Content:
        if not self.clients:
            return Content.styled("Resume a saved session", "bold")
        return Content.assemble(
            ("Clients and saved sessions", "bold"),
            ("  Enter: resume, or a new session for a client", "$text-muted"),
        )

    def _fill_sessions(self, keep: bool = False) -> None:
        """Show the clients and sessions the filter typed matches (`filtered_lines`: a session
        when every word is in its client, tree, progress, outcome or id; a client with all
        their sessions when every word is in their name or email). `keep`: the highlight stays
        on the same line, or at the same place if it has gone (deleted), rather than going back
        to the first."""
        typed = self.query_one("#session-filter", Input).value
        self._matching = filtered_lines(self._groups, typed)
        session_list = self.query_one("#sessions", ChoiceList)
        place = session_list.highlighted if keep else None
        before = session_list.options[place].id if place is not None else None
        self._shown = min(len(self._matching), max(SESSION_PAGE, self._shown if keep else 0))
        shown = self._matching[: self._shown]
        session_list.clear_options()
        session_list.add_options(_line_options(shown, self.lang, first=True))
        self._add_more_line(session_list)
        if shown:
            ids = [line_id(line) for line in shown]
            kept = ids.index(before) if before in ids else min(place or 0, len(shown) - 1)
            session_list.highlighted = kept

    def _add_more_line(self, session_list: ChoiceList) -> None:
        left = len(self._matching) - self._shown
        if left > 0:
            more = f"… {left:,} more (highlight or Enter shows {min(left, SESSION_PAGE)} more)"
            session_list.add_options([None, ListOption(Content.styled(more, "$text-muted"), MORE)])

    def _show_more(self) -> None:
        """Add the next page of lines in place of the "more" line, which stays highlighted
        where it was (now the first line added)."""
        session_list = self._session_list()
        if session_list is None or self._shown >= len(self._matching):
            return
        place = session_list.highlighted
        session_list.remove_option(MORE)
        page = self._matching[self._shown : self._shown + SESSION_PAGE]
        self._shown += len(page)
        session_list.add_options(_line_options(page, self.lang, first=False))
        self._add_more_line(session_list)
        if place is not None:
            session_list.highlighted = place

    @on(OptionList.OptionHighlighted, "#sessions")
    def _more_reached(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id == MORE:
            self._show_more()

    @on(Input.Changed, "#session-filter")
    def _filtered(self, event: Input.Changed) -> None:
        event.stop()
        self._fill_sessions()

    @on(Input.Submitted, "#session-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#sessions", ChoiceList).focus()

    def action_filter(self) -> None:
        if self.sessions or self.clients:
            self.query_one("#session-filter", Input).focus()

    def action_compare(self) -> None:
        card = self._highlighted_session()
        if card is None and self.sessions:
            self.notify("Highlight a session first: c compares it with another.")
            return
        if card is None:
            self.notify("Save a session first: there is nothing to compare.")
            return
        self.post_message(CompareSession(card.key))

    def action_delete_session(self) -> None:
        card = self._highlighted_session()
        if card is not None:
            self.post_message(DeleteSession(card))

    def offer_undo(self, key: str) -> None:
        """After a delete: `u` puts session `key` back, for `UNDO_SECONDS` (in the footer)."""
        if self._undo_timer is not None:
            self._undo_timer.stop()
        self.undoable = key
        self._undo_timer = self.set_timer(UNDO_SECONDS, self._undo_expired)

    def _undo_expired(self) -> None:
        self.undoable = None

    def watch_undoable(self) -> None:
        self.refresh_bindings()

    def action_undo_delete(self) -> None:
        key = self.undoable
        if key is None:
            return
        self.undoable = None
        if self._undo_timer is not None:
            self._undo_timer.stop()
        self.post_message(RestoreSession(key))  # the app highlights it once it is back

    def highlight_session(self, key: str) -> None:
        session_list = self._session_list()
        wanted = next(
            (n for n, line in enumerate(self._matching) if line_id(line) == f"session:{key}"),
            None,
        )
        while session_list is not None and wanted is not None and wanted >= self._shown:
            self._show_more()  # a page at a time, up to the session
        ids = [option.id for option in session_list.options] if session_list else []
        if session_list is not None and f"session:{key}" in ids:
            session_list.highlighted = ids.index(f"session:{key}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo_delete":
            return self.undoable is not None
        waiting = self.check_waiting(action)
        return True if waiting is None else waiting

    def _highlighted_session(self) -> SessionCard | None:
        """The card of the session highlighted in the list, if the list is shown."""
        session_list = self._session_list()
        index = session_list.highlighted if session_list is not None else None
        if session_list is None or not session_list.display or index is None:
            return None
        kind, _, key = (session_list.options[index].id or "").partition(":")
        if kind != "session":
            return None  # a client's line, or the "more" line
        found = next((s for s in self.sessions if s.id == key), None)
        return None if found is None else session_card(found, self.lang)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind, _, key = (event.option.id or "").partition(":")
        if kind == "tree":
            self.post_message(StartTree(key))
        elif kind == "session":
            self.post_message(ResumeSession(key))
        elif kind == "client":
            self.new_session_for(key)
        elif f"{kind}:" == MORE:
            self._show_more()
