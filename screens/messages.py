"""Messages the screens post to the app."""

from __future__ import annotations

from textual.message import Message

from wizard.sessions.progress import Change, Progress


class WalkChanged(Message):
    """Posted (bubbling to the app) after every answer, back, revise, tick, note and start."""

    def __init__(self, progress: Progress, change: Change) -> None:
        super().__init__()
        self.progress = progress
        self.change: Change = change
