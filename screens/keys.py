"""Key bindings shared by the question and outcome screens, declared once."""

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
    key_display="a",
    tooltip="List every answer; change any of them",
)
