"""The keys of every screen, one modal away (`?` or F1)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from screens.widgets.hanging import Hanging

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Everywhere",
        [
            ("? or F1", "this list of keys"),
            ("Ctrl+P", "command palette: start a tree, your answers, back, export, theme, quit"),
            ("Tab / Shift+Tab", "move between parts of the screen"),
            ("Ctrl+Q", "quit"),
        ],
    ),
    (
        "Home",
        [
            ("↑ ↓ or j k", "move through the pathways"),
            ("Enter or 1-9", "start the highlighted (or numbered) pathway, or resume a session"),
            ("Enter on a client", "pick a pathway: a new session for them, details filled in"),
            ("/", "filter the clients and saved sessions by name, email, tree, outcome or id"),
            ("c", "compare the highlighted session with another"),
            ("d or Delete", "delete the highlighted session, after asking (in the sessions list)"),
            ("q", "quit"),
        ],
    ),
    (
        "Questions",
        [
            ("↑ ↓ or j k", "move through the options"),
            ("1-9", "pick that option (tick it, for several-choice questions)"),
            ("Enter", "pick the highlighted option, or continue"),
            ("Space", "tick or untick an option, where several can be chosen"),
            ("y / n", "answer a yes/no question yes or no"),
            ("Esc or Backspace", "go back one question, the earlier answer still selected"),
            ("w", "show or hide why we ask"),
            ("a or F2", "your answers: change any of them"),
            ("r or F4", "show or hide the risks met so far (narrow terminals)"),
            ("Tab", "leave a text box, so the letter keys work again"),
        ],
    ),
    (
        "Your answers",
        [
            ("Enter", "change the highlighted answer"),
            ("w", "what if: copy the session up to this answer and answer anew"),
            ("Esc", "return"),
        ],
    ),
    (
        "Outcome",
        [
            ("↑ ↓", "move through the checklist"),
            (
                "Space, Enter, 1-9",
                "tick the highlighted (or numbered) item, once it is in view;"
                " while it is out of view Space pages down",
            ),
            ("PgUp PgDn", "scroll the page"),
            ("a", "your answers: change any of them"),
            ("c", "continue in the tree this outcome names"),
            ("e", "export or email the summary"),
            ("h", "home"),
            ("Esc", "back to the last question"),
        ],
    ),
    (
        "Sessions and counselor mode",
        [
            ("", "every answer, note and tick is saved as you go"),
            ("Ctrl+T", "counselor mode on or off (or start with `wizard --counselor`)"),
            (
                "n",
                "a note on this question (counselor mode; Ctrl+N on a yes/no question,"
                " where n answers no)",
            ),
            ("Ctrl+O", "in the note: for the client (in exports and the email) or private"),
            ("s", "session details: client name and email, counselor (counselor mode)"),
            ("Ctrl+P Compare", "compare this session with its original or another"),
        ],
    ),
    (
        "Dialogs",
        [
            ("Ctrl+S", "save (or send)"),
            ("Esc", "cancel; asks first when you typed something not saved"),
        ],
    ),
]


def key_column_width() -> int:
    """Cells before a key's description: indent, the longest key and a gap."""
    return max(len(key) for _, rows in KEYS for key, _ in rows) + 4


def keys_table(first: str | None = None) -> Content:
    """All the keys as aligned lines, grouped by screen; the group `first` (the screen's the
    user is on) first, marked as this screen's."""
    width = key_column_width() - 2
    lines: list[Content] = []
    groups = sorted(KEYS, key=lambda g: g[0] != first)
    for group, rows in groups:
        if group == first:
            group = f"{group} (this screen)"
        lines.append(Content.styled(group, "bold $text-accent"))
        lines += [Content.assemble((f"  {key:<{width}}", "bold"), what) for key, what in rows]
        lines.append(Content(""))
    return Content("\n").join(lines[:-1])


class HelpScreen(ModalScreen[None]):
    """Lists the keys, those of the screen it was opened on (`first`, a group of `KEYS`)
    first; any of Esc, q, ? or F1 closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close")]

    def __init__(self, first: str | None = None) -> None:
        super().__init__()
        self.first = first

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title")
            with VerticalScroll(id="help-keys"):
                yield Static(Hanging(keys_table(self.first), indent=key_column_width()))
            yield Static("Esc closes", id="help-close")

    def action_close(self) -> None:
        self.dismiss(None)
