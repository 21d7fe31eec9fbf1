"""Checks shared by the export tests: an HTML page's tags and text, and a summary email's parts."""

from __future__ import annotations

import json
from email.message import EmailMessage
from html.parser import HTMLParser

from wizard.exports import Rendered


class Tags(HTMLParser):
    """The tags and attributes of an HTML document, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(document: str) -> Tags:
    parser = Tags()
    parser.feed(document)
    parser.close()
    return parser


def check_summary_message(parsed: EmailMessage, r: Rendered) -> None:
    """Both alternatives and both attachments, each equal to its export (the SMTP tests check
    what the server received with it)."""
    assert parsed.get_content_type() == "multipart/mixed"
    alternative, *attached = parsed.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html"]
    text, html = (p.get_content().replace("\r\n", "\n") for p in alternative.iter_parts())
    assert text == r.txt
    assert html == r.html
    day = r.summary.date  # the summary's own date: sessions made by the CLI tests are dated today
    assert [(a.get_content_type(), a.get_filename()) for a in attached] == [
        ("text/markdown", f"ana-silva-{day}.md"),
        ("application/json", f"ana-silva-{day}.json"),
    ]
    assert all(a.get_content_disposition() == "attachment" for a in attached)
    md, data = (a.get_content() for a in attached)
    assert (md.replace("\r\n", "\n") if isinstance(md, str) else md.decode()) == r.md
    assert json.loads(data) == json.loads(r.json)
