"""Option lists driven from the keyboard: arrows or j/k move, number keys pick or tick.

The question screen keeps one ChoiceList and one MultiList and refills them for every question, so
answering never composes new widgets; the home and answers screens reuse ChoiceList.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from screens.widgets.hanging import Hanging

_DIGITS = "123456789"


def _digit_index(event: events.Key) -> int | None:
    """0 for the key `1`, ... 8 for `9`; None for any other key."""
    if event.character and event.character in _DIGITS and len(event.character) == 1:
        return _DIGITS.index(event.character)
    return None


class FollowHighlight(OptionList):
    """An option list as tall as its options inside a scrolling page: the page follows the
    highlight, as OptionList itself would only scroll its own (unscrolled) content.

    Mirrors `Widget.scroll_to_widget`, for the highlighted option's lines instead of the whole
    widget; reads OptionList's line index (private, but Textual is pinned to 8.x). Only the
    focused list moves the page: filling another list (the home screen's sessions, below the
    pathways) must not scroll what the user is reading out of sight."""

    def scroll_to_highlight(self, top: bool = False) -> None:
        super().scroll_to_highlight(top)
        if self.highlighted is None or not self.is_mounted or not self.has_focus:
            return
        self._update_lines()
        line = self._index_to_line.get(self.highlighted)
        if line is None:
            return
        height = self._heights[self.highlighted]
        region = Region(0, self.styles.gutter.top + line, self.size.width, height)
        region = region.translate(self.virtual_region.offset)
        widget: Widget = self
        while isinstance(widget.parent, Widget) and widget.parent is not self.screen:
            container = widget.parent
            scrolled = container.scroll_to_region(region, animate=False, immediate=True)
            region = (
                region.translate(-scrolled)
                .translate(container.styles.margin.top_left)
                .translate(container.styles.border.spacing.top_left)
                .translate(container.virtual_region_with_margin.offset)
            )
            widget = container


class ChoiceList(FollowHighlight):
    """Pick one option: arrows or j/k move, a number key or Enter picks."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def on_key(self, event: events.Key) -> None:
        index = _digit_index(event)
        if index is not None and index < self.option_count:
            event.stop()
            self.highlighted = index
            self.action_select()


class TickList(FollowHighlight):
    """Options each ticked or not, shown as `[x]` / `[ ]` (text, not only colour): Space or a
    number key ticks. (Textual's SelectionList draws its boxes per line, not per option, so it
    mislabels options whose prompts wrap or span lines.)"""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("space", "tick", "Tick"),
    ]

    @dataclass
    class Toggled(Message):
        """An option was ticked or unticked by the user."""

        tick_list: TickList
        option_id: str
        ticked: bool

        @property
        def control(self) -> TickList:
            return self.tick_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ticked: set[str] = set()
        self._prompts: dict[str, Content] = {}

    def set_items(self, items: list[tuple[str, Content, bool]]) -> None:
        """Replace the options with `(id, prompt, ticked)` items."""
        self._prompts = {ident: prompt for ident, prompt, _ in items}
        self.ticked = {ident for ident, _, ticked in items if ticked}
        self.clear_options()
        self.add_options(Option(self._shown(ident), id=ident) for ident in self._prompts)
        if items:
            self.highlighted = 0

    def _shown(self, ident: str) -> Hanging:
        box = ("[x] ", "bold $text-success") if ident in self.ticked else ("[ ] ", "")
        return Hanging(Content.assemble(box, self._prompts[ident]))

    def toggle(self, ident: str) -> None:
        self.ticked ^= {ident}
        self.replace_option_prompt(ident, self._shown(ident))
        self.post_message(self.Toggled(self, ident, ident in self.ticked))

    def action_tick(self) -> None:
        if self.highlighted is not None:
            self.toggle(self.options[self.highlighted].id or "")

    def on_key(self, event: events.Key) -> None:
        index = _digit_index(event)
        if index is not None and index < self.option_count:
            event.stop()
            self.highlighted = index
            self.action_tick()


class MultiList(TickList):
    """Pick any number of options; Enter continues with those ticked."""

    BINDINGS = [Binding("enter", "submit", "Continue", show=False)]

    @dataclass
    class Submitted(Message):
        """Enter was pressed: the ticked options are the answer."""

        multi_list: MultiList
        values: list[str]

        @property
        def control(self) -> MultiList:
            return self.multi_list

    exclusive: dict[str, str] = {}
    """Options ("None of these") that cannot be ticked with another, by id, with their labels."""

    def toggle(self, ident: str) -> None:
        """Tick or untick; ticking an exclusive option unticks the others, and ticking another
        unticks the exclusive one, saying so (nothing changes unseen)."""
        super().toggle(ident)
        if ident not in self.ticked:
            return
        if ident in self.exclusive:
            cleared = sorted(self.ticked - {ident})
            why = f"“{self.exclusive[ident]}” cannot be ticked with another option"
        else:
            cleared = sorted(self.ticked & self.exclusive.keys())
            why = "; ".join(f"“{self.exclusive[i]}” cannot be ticked with another" for i in cleared)
        for other in cleared:
            self.ticked.discard(other)
            self.replace_option_prompt(other, self._shown(other))
        if cleared:
            n = len(cleared)
            self.notify(f"Unticked {n} option{'s' if n > 1 else ''}: {why}.", markup=False)

    def action_submit(self) -> None:
        ids = [option.id for option in self.options]
        self.post_message(self.Submitted(self, [i for i in ids if i in self.ticked and i]))
