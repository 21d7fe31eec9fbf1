"""Radio buttons and checkboxes whose state shows without colour.

Textual draws the same glyph on and off (● for a radio button, X for a checkbox) and tells them
apart by colour only, which a colour-blind user, a monochrome terminal or a screenshot in grey
loses. These draw ● / ○ and ✓ / blank instead; the colours stay as well.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class MarkedRadioButton(RadioButton):
    """● when picked, ○ when not."""

    MARKS = ("○", "●")
    """The glyph when off, and when on."""

    def on_mount(self) -> None:
        self.BUTTON_INNER = self.MARKS[self.value]  # Textual draws this attribute

    def watch_value(self) -> None:
        self.BUTTON_INNER = self.MARKS[self.value]
        super().watch_value()


class MarkedCheckbox(Checkbox):
    """✓ when ticked, blank when not."""

    MARKS = (" ", "✓")
    """The glyph when off, and when on."""

    def on_mount(self) -> None:
        self.BUTTON_INNER = self.MARKS[self.value]  # Textual draws this attribute

    def watch_value(self) -> None:
        self.BUTTON_INNER = self.MARKS[self.value]
        super().watch_value()
