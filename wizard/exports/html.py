"""The summary as one self-contained HTML file, rendered from the Markdown export.

markdown-it renders CommonMark with raw HTML disabled, so a `<script>` in any text comes out as
`&lt;script&gt;`. The page has its style inline, no external resource of any kind, and a
Content-Security-Policy that forbids scripts, so even a mistake could not run one. The style is
print-friendly, and severity is shown by word and icon (colour only adds to them).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from wizard.exports.escape import one_line
from wizard.exports.markdown import APP, severity_heading, to_markdown
from wizard.report.summary import SEVERITY_LABELS, Summary

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"
STYLE = (Path(__file__).parent / "summary.css").read_text(encoding="utf-8")

_SEVERITY_CLASSES = {severity_heading(s): f"severity severity-{s}" for s in SEVERITY_LABELS}


def _mark_severities(state: StateCore) -> None:
    """Give the `### <icon> <Word>` severity headings a class, for a coloured edge."""
    tokens = state.tokens
    for index, token in enumerate(tokens[:-1]):
        if token.type == "heading_open" and token.tag == "h3":
            css = _SEVERITY_CLASSES.get(tokens[index + 1].content)
            if css:
                token.attrSet("class", css)


_UNUSED_RULES = [
    "code",
    "fence",
    "blockquote",
    "reference",
    "html_block",
    "lheading",
    "backticks",
    "link",
    "image",
    "html_inline",
    "entity",
]
"""Constructs the summary's Markdown never writes (it escapes them in tree and user text).
Switching them off is a second line of defence (no link, image or raw HTML can be parsed even
from text that escaped escaping) and makes rendering about twice as fast."""

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_MD.disable(_UNUSED_RULES)
_MD.core.ruler.push("mark_severities", _mark_severities)


def markdown_to_html(markdown: str) -> str:
    """The body HTML of Markdown text (raw HTML in it is shown as text)."""
    html: str = _MD.render(markdown)
    return html


def to_html(s: Summary, markdown: str | None = None) -> str:
    """A whole HTML document; `markdown` is `to_markdown(s)` when the caller already has it."""
    body = markdown_to_html(markdown if markdown is not None else to_markdown(s))
    title = escape(one_line(f"{s.heading} - {s.client_name}" if s.client_name else s.heading))
    status = "finished" if s.finished else "in-progress"
    return f"""<!DOCTYPE html>
<html lang="{escape(s.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{APP}">
<title>{title}</title>
<style>
{STYLE}</style>
</head>
<body>
<main class="summary {status}">
{body}</main>
</body>
</html>
"""
