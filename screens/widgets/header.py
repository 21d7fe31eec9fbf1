"""The header of every screen: the app's name and the subtitle (the tree), as room allows; in a
what-if copy, "What if: … of Ana Silva's session" instead of the app's name."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Header, Static


def what_if_forms(subtitle: str) -> list[tuple[int, bool, str]]:
    """A what-if header's forms, widest first: (the prompt's length, short form, subtitle). The
    question it branched at stays as long as 12 of its characters fit."""
    return [
        (40, False, subtitle),
        (40, False, ""),
        *((limit, True, "") for limit in (40, 32, 24, 18, 12)),
        (0, False, ""),
    ]


class WizardHeader(Header):
    """The app's name and the tree's title when both fit; on a narrow terminal the tree's title
    alone, whole, as the title: it says where the user is, while the app's name is known already."""

    def __init__(self) -> None:
        super().__init__(icon="?")

    def format_title(self) -> Content:
        subtitle = self.screen_sub_title
        room = self._room()
        if self._what_if(40):  # a what-if copy says so on every screen, before anything else
            for limit, short, sub in what_if_forms(subtitle):
                full = self.app.format_title(self._what_if(limit, short), sub)
                if not room or full.cell_length <= room:
                    break
            return full
        full = super().format_title()
        if subtitle and room and full.cell_length > room:
            return self.app.format_title(subtitle, "")
        return full

    @property
    def screen_sub_title(self) -> str:
        """The screen's subtitle (the tree), and whose session it is when the session open has
        a client: "Internship · Ana Silva"."""
        subtitle = super().screen_sub_title
        if not self.screen.sub_title:
            return subtitle
        keeper = getattr(self.app, "sessions", None)
        session = getattr(keeper(), "session", None) if callable(keeper) else None
        name = getattr(session, "client_name", None)
        return f"{subtitle} · {name}" if name else subtitle

    def _what_if(self, limit: int, short: bool = False) -> str:
        """The title "What if: … of Ana Silva's session" when the session open is a what-if copy."""
        title = getattr(self.app, "what_if_title", None)
        return str(title(limit, short)) if callable(title) else ""

    def refresh_title(self) -> None:
        """Format the title again (the session behind it changed)."""
        self.on_resize()

    def _room(self) -> int:
        """Cells between the icon and the right margin (0 before the first layout)."""
        titles = self.query("HeaderTitle")
        return titles.first().size.width if titles else 0

    def on_resize(self) -> None:
        # Textual formats the title when it changes, not when the width does.
        for title in self.query("HeaderTitle").results(Static):
            title.update(self.format_title())
