"""Exports of a session's `Summary`: Markdown (the single source), HTML (rendered from it),
plain text, JSON and an email message. `Rendered` renders each format at most once, so the
email, which holds four of them, costs no more than they do.

Each format's module is imported when that format is first rendered: importing this package
(or any module in it, such as the text export `wizard run` prints) never loads the email code,
the HTML renderer (markdown-it) or the session model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wizard.exports.eml import Attachment
    from wizard.report.summary import Summary
    from wizard.sessions.model import NoteChoice, Session
    from wizard.tree.walk import Walk

FORMATS = ("md", "html", "txt", "json", "eml")
"""The formats of `wizard export`; eml needs addresses (see `wizard.exports.eml`)."""


@dataclass
class Rendered:
    """The text formats of one summary, each rendered when first asked for."""

    summary: Summary
    session: Session
    """The session as exported: only the notes chosen (the JSON export embeds it)."""
    left_out: int = 0
    """How many private notes were left out (0 when every note is in)."""
    notes: NoteChoice = "all"
    """Which notes it holds."""
    again: Callable[[NoteChoice], Rendered] | None = field(default=None, repr=False)
    """Renders the same session with other notes (see `render`)."""

    def with_notes(self, which: NoteChoice) -> Rendered:
        """The same session rendered with `which` notes (itself when that is what it holds)."""
        if which == self.notes or self.again is None:
            return self
        return self.again(which)

    @cached_property
    def md(self) -> str:
        from wizard.exports.markdown import to_markdown

        return to_markdown(self.summary)

    @cached_property
    def html(self) -> str:
        from wizard.exports.html import to_html

        return to_html(self.summary, self.md)

    @cached_property
    def txt(self) -> str:
        from wizard.exports.text import to_text

        return to_text(self.summary)

    @cached_property
    def json(self) -> str:
        from wizard.exports.json_export import to_json

        return to_json(self.summary, self.session)

    def text_of(self, fmt: str) -> str:
        """The export in `fmt` (md, html, txt or json)."""
        texts = {"md": "md", "html": "html", "txt": "txt", "json": "json"}
        return str(getattr(self, texts[fmt]))

    def attachments(self) -> list[Attachment]:
        """The Markdown and JSON exports, attached to the email."""
        from wizard.exports.eml import Attachment
        from wizard.exports.files import default_name

        return [
            Attachment(default_name(self.summary, "md"), "text/markdown", self.md.encode()),
            Attachment(default_name(self.summary, "json"), "application/json", self.json.encode()),
        ]


def render(
    session: Session, walk: Walk, lang: str | None = None, notes: NoteChoice = "client"
) -> Rendered:
    """The exports of `session` (whose walk is `walk`) holding only the notes `notes` says:
    "client" (the default) the notes marked for the client, "all", or "none". A private note
    is left out of every format, the session embedded in the JSON export included."""
    from wizard.report.summary import build_summary

    kept = session.with_notes(notes)
    left_out = len(session.private_notes) if notes == "client" else 0
    if notes == "none":
        left_out = sum(1 for t in session.notes.values() if t.strip())
    return Rendered(
        build_summary(kept, walk, lang),
        kept,
        left_out=left_out,
        notes=notes,
        again=lambda which: render(session, walk, lang, which),
    )


__all__ = ["FORMATS", "Rendered", "render"]
