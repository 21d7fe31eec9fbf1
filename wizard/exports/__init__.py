"""Exports of a session's `Summary`: Markdown (the single source), HTML (rendered from it),
plain text, JSON and an email message. `Rendered` renders each format at most once, so the
email, which holds four of them, costs no more than they do."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from wizard.exports.eml import Attachment
from wizard.exports.files import default_name
from wizard.exports.html import to_html
from wizard.exports.json_export import to_json
from wizard.exports.markdown import to_markdown
from wizard.exports.text import to_text
from wizard.report.summary import Summary
from wizard.sessions.model import Session

FORMATS = ("md", "html", "txt", "json", "eml")
"""The formats of `wizard export`; eml needs addresses (see `wizard.exports.eml`)."""


@dataclass
class Rendered:
    """The text formats of one summary, each rendered when first asked for."""

    summary: Summary
    session: Session

    @cached_property
    def md(self) -> str:
        return to_markdown(self.summary)

    @cached_property
    def html(self) -> str:
        return to_html(self.summary, self.md)

    @cached_property
    def txt(self) -> str:
        return to_text(self.summary)

    @cached_property
    def json(self) -> str:
        return to_json(self.summary, self.session)

    def text_of(self, fmt: str) -> str:
        """The export in `fmt` (md, html, txt or json)."""
        texts = {"md": "md", "html": "html", "txt": "txt", "json": "json"}
        return str(getattr(self, texts[fmt]))

    def attachments(self) -> list[Attachment]:
        """The Markdown and JSON exports, attached to the email."""
        return [
            Attachment(default_name(self.summary, "md"), "text/markdown", self.md.encode()),
            Attachment(default_name(self.summary, "json"), "application/json", self.json.encode()),
        ]


__all__ = ["FORMATS", "Rendered"]
