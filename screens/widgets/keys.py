"""Key bindings shared by the question and outcome screens, declared once.

A letter key comes with an F-key twin and no `key_display`: while a text box has the focus, Textual
leaves the letter out of the footer (the box takes it), and the footer shows the F-key instead.
"""

from __future__ import annotations

from textual.binding import Binding

BACK = [
    Binding("escape", "back", "Back", tooltip="Go back one question"),
    Binding("backspace", "back", "Back", show=False),
]

ANSWERS = Binding(
    "a,f2",
    "answers",
    "Your answers",
    tooltip="List every answer; change any of them",
)
