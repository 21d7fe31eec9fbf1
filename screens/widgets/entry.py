"""The box for number, date and text answers, checked as it is typed by the engine's own rules."""

from __future__ import annotations

from textual.binding import Binding
from textual.validation import ValidationResult, Validator
from textual.widgets import Input

from wizard.tree.answers import AnswerError, parse_answer
from wizard.tree.schema import AnyQuestion


class AnswerValidator(Validator):
    """Checks a typed answer with `parse_answer`, so the message is the engine's."""

    def __init__(self, question: AnyQuestion) -> None:
        super().__init__()
        self.question = question

    def validate(self, value: str) -> ValidationResult:
        try:
            parse_answer(self.question, value)
        except AnswerError as error:
            return self.failure(str(error))
        return self.success()


class AnswerInput(Input):
    """A number, date or text answer, checked as it is typed."""

    BINDINGS = [Binding("tab", "leave", "Leave the box", show=False)]

    def ask(self, question: AnyQuestion, value: str, placeholder: str, max_length: int) -> None:
        """Prepare for `question`, prefilled with `value` (an earlier answer, or empty)."""
        self.validators = [AnswerValidator(question)]
        self.placeholder = placeholder
        self.max_length = max_length
        self.value = value
        self.cursor_position = len(value)

    def action_leave(self) -> None:
        """Tab: on to the next widget; when the box is the only one (the risks panel is folded
        away on a narrow screen), let go of the focus, so that the screen's letter keys (a, r,
        n, s, ?) work again, as the hint promises. Tab again comes back to the box."""
        screen = self.screen
        screen.focus_next()
        if screen.focused is self:
            screen.set_focus(None)
