"""Two sessions side by side ("what if"): outcomes, answers, risks and checklists, rows that
differ marked. The rows come from `wizard.sessions.compare`; this screen only lays them out."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from screens.widgets.footer import WizardFooter
from screens.widgets.header import WizardHeader
from screens.widgets.literal import visible
from wizard.sessions.compare import Comparison


def column_widths(screen_width: int) -> tuple[int, int]:
    """Widths of the label column and of each session's column on a screen `screen_width` wide:
    what is left after the margins, the scrollbar, the mark column and each column's padding,
    two fifths for the labels and the rest shared by the two sessions."""
    room = max(screen_width - 4 - 2 - 1 - 4 * 2, 24)
    label = room * 2 // 5
    return label, (room - label) // 2


class CompareScreen(Screen[None]):
    """A table: one column per session; `≠` marks a row whose two sides differ."""

    CSS_PATH = "../dialogs/sessions.tcss"
    BINDINGS = [Binding("escape,q", "close", "Return")]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison
        self._width = 0

    def compose(self) -> ComposeResult:
        yield WizardHeader()
        yield Static("Compare sessions  (≠ marks what differs · Esc returns)", id="compare-title")
        yield DataTable(id="compare", cursor_type="row", zebra_stripes=False)
        yield WizardFooter()

    def on_mount(self) -> None:
        self.sub_title = "What if"
        self._fill(self.app.size.width)
        self.query_one(DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._fill(event.size.width)

    def _fill(self, width: int) -> None:
        """(Re)build the table so that all columns fit `width` cells, long texts wrapping: left
        to size themselves, a long question or checklist item pushed both sessions off screen."""
        self._width = width
        label, value = column_widths(width)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        c = self.comparison
        # rich Text, never a str: a str cell would be parsed as markup, and tree text is data.
        table.add_column(Text(""), key="mark", width=1)
        table.add_column(Text(""), key="label", width=label)
        titles = [Text(visible(title), style="bold") for title in (c.left_title, c.right_title)]
        table.add_column(titles[0], key="left", width=value)
        table.add_column(titles[1], key="right", width=value)
        # A header one line high cut a title to "20261126-7acb91 · A": the client's name is
        # what tells a what-if copy from the original, so the header grows to show it whole.
        table.header_height = max(len(t.wrap(self.app.console, value)) for t in titles)
        for name, rows in c.sections.items():
            table.add_row(Text(""), Text(name, style="bold underline"), Text(""), Text(""))
            for r in rows:
                style = "bold" if r.differs else ""
                table.add_row(
                    Text("≠" if r.differs else " ", style="bold red"),
                    Text(visible(r.label)),
                    Text(visible(r.left), style=style),
                    Text(visible(r.right), style=style),
                    height=None,
                )
        table.move_cursor(row=row)

    def action_close(self) -> None:
        self.dismiss(None)
