"""A Static that ignores updates which would show exactly what it shows already.

Every `Static.update` costs a layout pass; from one question to the next most lines (hint, step
style, risk tally) repeat, so skipping identical updates keeps answering cheap."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Line(Static):
    """Static text refreshed only when its text or styles change."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: tuple[object, ...] | None = None

    def show(self, content: Content | str) -> None:
        content = Content(content) if isinstance(content, str) else content
        key = (content.plain, tuple(content.spans))
        if key != self._shown:
            self._shown = key
            self.update(content)
