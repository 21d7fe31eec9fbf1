"""The header of every screen: the app's name and the subtitle (the tree), as room allows; in a
what-if copy, "What if: … of Ana Silva's session" instead of the app's name."""

from __future__ import annotations

from textual import events
from textual.content import Content

from screens.widgets.pointed import Pointed


def what_if_forms(subtitle: str) -> list[tuple[int, bool, str]]:
    """A what-if header's forms, widest first: (the prompt's length, short form, subtitle). The
    question it branched at stays as long as 12 of its characters fit."""
    return [
        (40, False, subtitle),
        (40, False, ""),
        *((limit, True, "") for limit in (40, 32, 24, 18, 12)),
        (0, False, ""),
    ]


class WizardHeader(Pointed, can_focus=False):
    """The app's name and the tree's title when both fit; on a narrow terminal the tree's title
    alone, whole, as the title: it says where the user is, while the app's name is known already.

    One line of text with Textual's header's look (the icon on the left opens the command
    palette, the title centred), drawn by one widget: Textual's `Header` is four, and every
    screen has one, so each new screen styled, laid out and drew three more widgets."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    WizardHeader {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """
    ICON = " ?"
    ICON_WIDTH = 8
    """Cells of the icon's box on the left (as Textual's header)."""
    RIGHT = 10
    """Cells left blank on the right (Textual's header keeps them for a clock)."""
    ICON_TOOLTIP = "Open the command palette"

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self.refresh_title, init=False)
            self.watch(node, "sub_title", self.refresh_title, init=False)

    @property
    def screen_title(self) -> str:
        title = self.screen.title
        return title if title is not None else self.app.title

    @property
    def screen_sub_title(self) -> str:
        """The screen's subtitle (the tree), and whose session it is when the session open has
        a client: "Internship · Ana Silva"."""
        own = self.screen.sub_title
        subtitle = own if own is not None else self.app.sub_title
        if not own:
            return subtitle
        keeper = getattr(self.app, "sessions", None)
        session = getattr(keeper(), "session", None) if callable(keeper) else None
        name = getattr(session, "client_name", None)
        return f"{subtitle} · {name}" if name else subtitle

    def format_title(self) -> Content:
        subtitle = self.screen_sub_title
        room = self._room()
        if self._what_if(40):  # a what-if copy says so on every screen, before anything else
            for limit, short, sub in what_if_forms(subtitle):
                full = self.app.format_title(self._what_if(limit, short), sub)
                if not room or full.cell_length <= room:
                    break
            return full
        full = self.app.format_title(self.screen_title, subtitle)
        if subtitle and room and full.cell_length > room:
            return self.app.format_title(subtitle, "")
        return full

    def _what_if(self, limit: int, short: bool = False) -> str:
        """The title "What if: … of Ana Silva's session" when the session open is a what-if copy."""
        title = getattr(self.app, "what_if_title", None)
        return str(title(limit, short)) if callable(title) else ""

    def refresh_title(self) -> None:
        """Format the title again (the session behind it changed)."""
        self.refresh()

    def _room(self) -> int:
        """Cells for the title between the icon and the right margin (0 before the first layout)."""
        return max(self.size.width - self.ICON_WIDTH - self.RIGHT, 0)

    def render(self) -> Content:
        room = self._room()
        icon = Content(self.ICON.ljust(self.ICON_WIDTH))
        if self.hovered:
            icon = icon.stylize("on $foreground 10%")
        title = self.format_title().truncate(room, ellipsis=True)
        left = (room - title.cell_length) // 2
        centred = Content(" " * left) + title
        return icon + centred.truncate(room, pad=True) + Content(" " * self.RIGHT)

    def part_at(self, x: int) -> str | None:
        """The icon ("icon") when `x` is on it; the rest of the header is no part."""
        return "icon" if x < self.ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE else None

    def tooltip_of(self, part: object) -> str | None:
        return self.ICON_TOOLTIP

    async def on_click(self, event: events.Click) -> None:
        if self.part_at(event.x):
            event.stop()
            await self.run_action("app.command_palette")
