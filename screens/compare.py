"""Two sessions side by side ("what if"): outcomes, answers, risks and checklists, rows that
differ marked. The rows come from `wizard.session_compare`; this screen only lays them out."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from screens.literal import visible
from wizard.session_compare import Comparison


class CompareScreen(Screen[None]):
    """A table: one column per session; `≠` marks a row whose two sides differ."""

    CSS_PATH = "sessions.tcss"
    BINDINGS = [Binding("escape,q", "close", "Return")]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        yield Header(icon="?")
        yield Static("Compare sessions  (≠ marks what differs · Esc returns)", id="compare-title")
        yield DataTable(id="compare", cursor_type="row", zebra_stripes=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "What if"
        table = self.query_one(DataTable)
        c = self.comparison
        # rich Text, never a str: a str cell would be parsed as markup, and tree text is data.
        table.add_column(Text(""), key="mark", width=1)
        table.add_column(Text(""), key="label")
        table.add_column(Text(visible(c.left_title), style="bold"), key="left")
        table.add_column(Text(visible(c.right_title), style="bold"), key="right")
        for name, rows in c.sections.items():
            table.add_row(Text(""), Text(name, style="bold underline"), Text(""), Text(""))
            for row in rows:
                style = "bold" if row.differs else ""
                table.add_row(
                    Text("≠" if row.differs else " ", style="bold red"),
                    Text(visible(row.label)),
                    Text(visible(row.left), style=style),
                    Text(visible(row.right), style=style),
                    height=None,
                )
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
