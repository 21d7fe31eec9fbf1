"""Hostile text in the client's name, a counselor's note and a free-text answer goes into every
format and comes out as text: never a tag, a link, Markdown, Rich markup, a terminal escape or a
mail header."""

from __future__ import annotations

import json
import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from html import unescape

import pytest

from wizard.exports.compose import addresses, compose
from wizard.exports.eml import HeaderError, message_bytes
from wizard.exports.escape import one_line, paragraphs, visible
from wizard.tree.schema import Tree

from .checks import parse
from .factory import SAMPLE_S2, make_session, rendered

HOSTILE = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "<!-- a comment --> <b>bold</b> <a href='https://evil.example'>x</a>",
    "[bold red]Rich markup[/bold red] [link=https://evil.example]x[/link]",
    "\x1b[31mred\x1b[0m \x1b[2J\x1b[H",
    "\x1b]8;;https://evil.example\x1b\\hyperlink\x1b]8;;\x1b\\",
    "**bold** _em_ `code` ~~strike~~",
    "[click](javascript:alert(1)) ![img](https://evil.example/x.png)",
    "<https://evil.example> https://evil.example",
    "# Heading\n- item\n1. item\n> quote\n---\n=====",
    "```\ncode block\n```",
    "    indented code",
    "&lt;script&gt; &amp; &#60;b&#62; &copy;",
    "a\\\nb\\",
    "line one\r\nBcc: victim@example.org\r\nX-Injected: yes",
    "carriage\rreturn",
    "\u202eevil\u202c and \u2066isolate\u2069",
    "nul\x00 bell\x07 del\x7f c1\x9b",
    "{{ template }} ${shell} %s %(name)s",
    "| table | cell |\n|---|---|",
    "<details open ontoggle=alert(1)>",
]

DANGEROUS_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def placeholder(text: str) -> str:
    """Harmless text with the same paragraphs and lines as `text`."""
    return "\n\n".join("\n".join("x" for _ in lines) for lines in paragraphs(text))


def session_with(sample_tree: Tree, text: str, name: str | None = None):  # type: ignore[no-untyped-def]
    answers = [*SAMPLE_S2[:3], ("company", text[:80])]
    return make_session(
        sample_tree,
        answers,
        client_name=name if name is not None else text,
        notes={"enrolment": text, "months": text},  # months: on the path; and one off it below
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_html_and_markdown_keep_their_structure(sample_tree: Tree, text: str) -> None:
    hostile = rendered(*session_with(sample_tree, text))
    harmless = rendered(*session_with(sample_tree, placeholder(text), name="x"))
    assert parse(hostile.html).tags == parse(harmless.html).tags
    shown = " ".join("".join(parse(hostile.html).text).split())  # entities already decoded
    for line in (line for lines in paragraphs(text) for line in lines):
        assert line in shown
    assert one_line(text) in unescape(re.search(r"<title>(.*)</title>", hostile.html)[1])  # type: ignore[index]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_control_character_reaches_a_reader(sample_tree: Tree, text: str) -> None:
    r = rendered(*session_with(sample_tree, text))
    for document in (r.md, r.html, r.txt):
        assert not DANGEROUS_CHARS.search(document)
    if "\x1b" in text:
        assert "\\x1b" in r.txt and "\\x1b" in unescape(r.html)


@pytest.mark.parametrize("text", HOSTILE)
def test_text_shows_it_literally(sample_tree: Tree, text: str) -> None:
    txt = rendered(*session_with(sample_tree, text)).txt
    flat = " ".join(txt.split())
    assert " ".join(visible(text).split()) in flat  # the note, word for word
    assert f"Client: {one_line(text)} (ana@example.org)" in flat


@pytest.mark.parametrize("text", HOSTILE)
def test_json_keeps_it_exactly(sample_tree: Tree, text: str) -> None:
    session, walk = session_with(sample_tree, text)
    data = json.loads(rendered(session, walk).json)
    assert data["session"]["client_name"] == text.strip()
    assert data["session"]["notes"]["enrolment"] == text.rstrip()
    assert data["summary"]["answers"][3]["answer"] == text[:80].strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_email_headers_cannot_be_injected(sample_tree: Tree, text: str) -> None:
    r = rendered(*session_with(sample_tree, text))
    if re.search(r"[\x00-\x1f\x7f]", text.strip()):
        with pytest.raises(HeaderError, match=r"line break|control character"):
            addresses(r, "counselor@example.org", [])
        return
    message = compose(r, addresses(r, "counselor@example.org", []))
    parsed = message_from_bytes(message_bytes(message), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    assert sorted(parsed.keys()) == sorted(
        ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"]
    )
    [to] = parsed["To"].addresses
    assert (to.display_name, to.addr_spec) == (text.strip(), "ana@example.org")
    text_part = parsed.get_body(("plain",))
    assert text_part is not None
    assert text_part.get_content().replace("\r\n", "\n") == r.txt


@pytest.mark.parametrize(
    "bad",
    ["Ana\r\nBcc: x@example.org", "Ana\nSilva", "Ana\rSilva", "Ana\x00"],
)
def test_line_breaks_in_names_addresses_and_subjects_are_refused(
    sample_tree: Tree, bad: str
) -> None:
    r = rendered(*make_session(sample_tree, SAMPLE_S2))
    ok = "counselor@example.org"
    with pytest.raises(HeaderError):
        addresses(r, f"{bad} <{ok}>", [])
    with pytest.raises(HeaderError):
        addresses(r, ok, [f"{bad} <ana@example.org>"])
    with pytest.raises(HeaderError):
        addresses(r, ok, [f"ana@example.org{bad[3:]}"])
    with pytest.raises(HeaderError):
        compose(r, addresses(r, ok, []), subject=f"Summary {bad}")
