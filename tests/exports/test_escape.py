"""Escaping: any text, once escaped for Markdown and rendered by markdown-it, reads as itself."""

from __future__ import annotations

import html

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wizard.exports.escape import md_block, md_inline, md_url, one_line, paragraphs, visible
from wizard.exports.html import markdown_to_html

# Markdown-heavy alphabet, so that hypothesis tries the dangerous characters often
MARKDOWN_CHARS = st.sampled_from([*list("\\`*_[]<>&#|~!-+=.():;'\"/ \n\t1a"), "\x1b", "\u202e"])
TEXT = st.one_of(st.text(), st.text(MARKDOWN_CHARS, max_size=40))


def paragraph_lines(rendered: str) -> list[list[str]]:
    """The text of each `<p>` of rendered HTML, split at `<br />`; fails on any other tag."""
    found = []
    for block in rendered.split("</p>\n"):
        if not block:
            continue
        assert block.startswith("<p>"), rendered
        lines = block.removeprefix("<p>").split("<br />\n")
        assert all("<" not in line for line in lines), rendered
        found.append([html.unescape(line) for line in lines])
    return found


TRICKY = ["&amp; &lt;b&gt; &#42; &copy", "<b>x</b>", "[a](b)", "``x``", "1) x", "***", "a  \nb"]


@settings(max_examples=400, deadline=None)
@given(TEXT)
@example(TRICKY[0])
@example(TRICKY[1])
@example(TRICKY[2])
def test_inline_text_renders_as_itself(text: str) -> None:
    shown = one_line(text)
    assert paragraph_lines(markdown_to_html(md_inline(text))) == ([[shown]] if shown else [])


@settings(max_examples=400, deadline=None)
@given(TEXT)
@example("\n".join(TRICKY))
def test_block_text_renders_as_its_lines(text: str) -> None:
    assert paragraph_lines(markdown_to_html(md_block(text))) == paragraphs(text)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_block_text_stays_inside_its_list_item(text: str) -> None:
    """Continued under a list item, the text never opens a block of its own."""
    rendered = markdown_to_html("- **Note:** " + md_block(text, "  ") + "\n- next\n")
    assert rendered.count("<li>") == 2
    for tag in ("<h", "<pre", "<blockquote", "<hr", "<ol", "<code", "<em", "<a "):
        assert tag not in rendered
    assert rendered.count("<ul>") == 1


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("a\rb", "a\\x0db"),
        ("a\r\nb", "a\nb"),
        ("tab\there", "tab here"),
        ("\u202eevil", "\\u202eevil"),
        ("nul\x00", "nul\\x00"),
        ("\x9b31m", "\\x9b31m"),
        ("王芳 José", "王芳 José"),
    ],
)
def test_visible_writes_out_control_characters(text: str, shown: str) -> None:
    assert visible(text) == shown


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("1. first", "1\\. first"),
        ("1.0.0", "1.0.0"),
        ("- item", "\\- item"),
        ("-5 degrees", "-5 degrees"),
        ("---", "\\---"),
        ("# title", "\\# title"),
        ("**bold**", "\\*\\*bold\\*\\*"),
        ("Exit-Entry Bureau", "Exit-Entry Bureau"),
    ],
)
def test_markdown_escapes_only_what_it_must(text: str, escaped: str) -> None:
    assert md_inline(text) == escaped


def test_url_cannot_leave_its_autolink() -> None:
    url = "https://example.org/a>b<c\\d`e"
    rendered = markdown_to_html(f"<{md_url(url)}>")
    assert rendered.count("<a ") == 1
    assert "<c" not in rendered
    assert 'href="https://example.org/a%3Eb%3Cc%5Cd%60e"' in rendered
