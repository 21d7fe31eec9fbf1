"""A one-line widget whose parts the pointer can be over (the footer's keys, the header's icon):
the part under the pointer is drawn highlighted and its tooltip shown."""

from __future__ import annotations

from textual import events
from textual.widget import Widget


class Pointed(Widget):
    hovered: object | None = None
    """The part under the pointer, if any (`render` draws it highlighted)."""

    def part_at(self, x: int) -> object | None:
        """The part drawn at cell `x`, if any."""
        raise NotImplementedError

    def tooltip_of(self, part: object) -> str | None:
        """What the pointer over `part` shows."""
        raise NotImplementedError

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._point_at(self.part_at(event.x))

    def on_leave(self) -> None:
        self._point_at(None)

    def _point_at(self, part: object | None) -> None:
        if part != self.hovered:
            self.hovered = part
            self.tooltip = None if part is None else self.tooltip_of(part)
            self.refresh()
