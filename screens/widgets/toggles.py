"""Radio buttons and checkboxes whose state shows without colour.

Textual draws the same glyph on and off (● for a radio button, X for a checkbox) and tells them
apart by colour only, which a colour-blind user, a monochrome terminal or a screenshot in grey
loses. These draw ● / ○ and ✓ / blank instead; the colours stay as well.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class MarkedRadioButton(RadioButton):
    """● when picked, ○ when not."""

    @property  # type: ignore[override]  # Textual reads this class constant when it renders
    def BUTTON_INNER(self) -> str:
        return "●" if self.value else "○"


class MarkedCheckbox(Checkbox):
    """✓ when ticked, blank when not."""

    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:
        return "✓" if self.value else " "
