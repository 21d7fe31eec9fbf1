"""Messages the screens post to the app, and what the app may ask of the screens that show a
walk. The views cannot import the app (it imports them), so they speak to it in messages, and it
tells its screens apart by the classes here (and `HomeScreen`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.message import Message

from screens.catalog import SessionCard
from wizard.sessions.progress import Change, Progress

if TYPE_CHECKING:
    from wizard.tree.schema import AnyQuestion


class WalkChanged(Message):
    """Posted (bubbling to the app) after every answer, back, revise, tick, note and start."""

    def __init__(self, progress: Progress, change: Change) -> None:
        super().__init__()
        self.progress = progress
        self.change: Change = change


class StartTree(Message):
    """Open tree `ref` (a shipped id or a path) at its first question, or, with `answers`
    carried over from another tree, at the first question they do not answer."""

    def __init__(self, ref: str, answers: Mapping[str, object] | None = None) -> None:
        super().__init__()
        self.ref = ref
        self.answers = dict(answers or {})


class ResumeSession(Message):
    """Reopen saved session `key` where it was left."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


class LeaveSession(Message):
    """Home is shown again: the open session is let go (and the list of sessions read anew)."""


class CompareSession(Message):
    """Compare saved session `key` with its original, or with one the user picks."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


class DeleteSession(Message):
    """Delete a saved session (the app asks first)."""

    def __init__(self, card: SessionCard) -> None:
        super().__init__()
        self.card = card


class RestoreSession(Message):
    """Put back session `key`, just deleted (then the home screen highlights it)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


class WhatIf(Message):
    """Copy the open session up to question `question_id` and continue the copy from there."""

    def __init__(self, question_id: str) -> None:
        super().__init__()
        self.question_id = question_id


class WalkView:
    """Mixed into the screens that show the walk in progress (a question, the outcome, the list
    of answers): the counselor's session form works there."""

    progress: Progress


class WalkScreen(WalkView):
    """Mixed into the question and outcome screens: the app's Back and Your answers act there."""

    question: AnyQuestion | None = None
    """The question asked (None on the outcome): the counselor's note is on it."""

    def action_back(self) -> None:
        raise NotImplementedError

    def action_answers(self) -> None:
        raise NotImplementedError
