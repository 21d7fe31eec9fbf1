"""The header of every screen: the app's name and the subtitle (the tree), as room allows."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Header, Static


class WizardHeader(Header):
    """The app's name and the tree's title when both fit; on a narrow terminal the tree's title
    alone, whole, as the title: it says where the user is, while the app's name is known already."""

    def __init__(self) -> None:
        super().__init__(icon="?")

    def format_title(self) -> Content:
        full = super().format_title()
        subtitle = self.screen_sub_title
        room = self._room()
        if subtitle and room and full.cell_length > room:
            return self.app.format_title(subtitle, "")
        return full

    def _room(self) -> int:
        """Cells between the icon and the right margin (0 before the first layout)."""
        titles = self.query("HeaderTitle")
        return titles.first().size.width if titles else 0

    def on_resize(self) -> None:
        # Textual formats the title when it changes, not when the width does.
        for title in self.query("HeaderTitle").results(Static):
            title.update(self.format_title())
