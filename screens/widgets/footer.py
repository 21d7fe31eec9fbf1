"""The footer of every screen: the keys the screen offers, drawn as one line of text.

Textual's `Footer` is a row of widgets, one per key, built anew whenever the keys may have
changed (each focus change, each answer that swaps the list for a typed entry): styling, laying
out and drawing those widgets was a third of the time an answer took to show the next question,
and a fifth of the outcome screen's first frame. This footer is one widget with the same look
(Textual's compact footer: the key in bold, its label after it, the command palette's key on the
right) and the same behaviour: a click on a key presses it (a disabled key rings the bell), the
pointer over a key shows its tooltip. It redraws only when the keys shown change.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.screen import Screen

from screens.widgets.pointed import Pointed

KEY = "bold $footer-key-foreground on $footer-key-background"
LABEL = "$footer-description-foreground on $footer-description-background"
HOVER = "on $block-hover-background"


class Key(NamedTuple):
    """One key the footer shows."""

    key: str
    display: str
    label: str
    enabled: bool
    tooltip: str

    def text(self) -> Content:
        label = Content.styled(f" {self.label}", LABEL) if self.label else Content("")
        text = Content.styled(self.display, KEY) + label
        return text if self.enabled else text.stylize("dim")


class WizardFooter(Pointed, can_focus=False):
    ALLOW_SELECT = False
    DEFAULT_CSS = """
    WizardFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        &:hover {
            pointer: pointer;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.keys: tuple[Key, ...] = ()
        """The screen's keys, in the order the screen's bindings give them."""
        self.palette: Key | None = None
        """The command palette's key, shown at the right end."""
        self._spans: list[tuple[int, int, Key]] = []
        """Where each key was drawn: (first cell, cell after the last, key)."""

    def on_mount(self) -> None:
        # The screen says when its keys are known (its widgets mounted) and when they change.
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not (self.is_attached and screen is self.screen and screen.app.app_focus):
            return
        keys, palette = _keys(screen)
        if (keys, palette) != (self.keys, self.palette):
            self.keys, self.palette = keys, palette
            self.refresh()

    def render(self) -> Content:
        parts: list[Content] = []
        self._spans = []
        at = 0
        for key in self.keys:
            text = self._drawn(key)
            self._spans.append((at, at + text.cell_length, key))
            parts.append(text)
            at += text.cell_length + 1  # a space after each key (Textual's margin)
        left = Content(" ").join(parts)
        if self.palette is None:
            return left
        # The palette's key at the right end, after a thin rule; the other keys cut before it.
        right = self._drawn(self.palette)
        width = self.size.width
        self._spans.append((width - right.cell_length, width, self.palette))
        rule = Content.styled("▏", "$foreground 20%")
        room = max(width - right.cell_length - 1, 0)
        return left.truncate(room, pad=True) + rule + right

    def _drawn(self, key: Key) -> Content:
        text = key.text()
        return text.stylize_before(HOVER) if key == self.hovered else text

    def key_at(self, x: int) -> Key | None:
        """The key drawn at cell `x`, if any."""
        return next((key for start, end, key in self._spans if start <= x < end), None)

    part_at = key_at

    def tooltip_of(self, part: object) -> str | None:
        return (part.tooltip or None) if isinstance(part, Key) else None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()


def _keys(screen: Screen[object]) -> tuple[tuple[Key, ...], Key | None]:
    """The keys a footer shows of `screen`'s bindings (one per action, the first bound), and the
    command palette's key apart."""
    app = screen.app
    keys: dict[str, Key] = {}
    palette = None
    for name, (_, binding, enabled, tooltip) in screen.active_bindings.items():
        if name == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
            shown = binding.tooltip or binding.description
            palette = Key(
                binding.key, app.get_key_display(binding), binding.description, enabled, shown
            )
        elif binding.show and binding.action not in keys:
            keys[binding.action] = Key(
                binding.key, app.get_key_display(binding), binding.description, enabled, tooltip
            )
    return tuple(keys.values()), palette
