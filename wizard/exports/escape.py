"""Making tree and user text safe to show: it is data in every format, never markup.

- `visible`: control characters (ANSI escapes, carriage returns, bidirectional overrides...) are
  written out as `\\x1b`, `\\u202e`..., so no terminal, mail reader or browser acts on them.
- `md_inline` / `md_block`: Markdown escaping. Every character Markdown gives a meaning to is
  backslash-escaped (`*`, `_`, `` ` ``, `[`, `<`, `&`, ...), and so is anything at the start of
  a line that would open a block (`#`, `-`, `+`, `=`, `>`, `1.`), so the text renders as itself.
  HTML is escaped again by markdown-it when the HTML export is rendered, with raw HTML disabled.
- `md_url`: a URL for an autolink `<...>`, with the characters that could end it encoded.
"""

from __future__ import annotations

import re

from wizard.terminal import visible as visible

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&#|~])")
_MD_LINE_START = re.compile(
    r"^(?:(?P<mark>[-+])(?=[ \t]|$)"
    r"|(?P<num>\d{1,9})(?=[.)](?:[ \t]|$))"
    r"|(?P<rule>[-=])(?=[-= \t]*$))"
)
"""What opens a block at the start of a line: a list marker (`-`, `+`, `1.`, `1)`) or a
thematic break / setext underline (`---`, `===`). `*`, `#`, `>`, `` ` ``, `~` are always
escaped anyway."""
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_URL_UNSAFE = re.compile(r"[<>\\`\"' \x00-\x1f\x7f]")


def one_line(text: str) -> str:
    """`visible(text)` on one line: line breaks become spaces, runs of spaces one."""
    return " ".join(visible(text).split())


def paragraphs(text: str) -> list[list[str]]:
    """Visible text as paragraphs (split on blank lines) of stripped, non-empty lines."""
    found = []
    for block in _BLANK_LINES.split(visible(text).strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            found.append(lines)
    return found


def _md_line(line: str, at_start: bool = True) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", line)
    if at_start and (escaped[:1] in "-+=" or escaped[:1].isdigit()):
        escaped = _MD_LINE_START.sub(_escape_start, escaped, count=1)
    return escaped


def _escape_start(match: re.Match[str]) -> str:
    if match.group("num"):
        return match.group("num") + "\\"  # "1." -> "1\." : the escape goes before the dot
    return "\\" + match.group(0)


def md_inline(text: str, at_start: bool = True) -> str:
    """Text for one line of Markdown (a title, a label): escaped, line breaks folded.
    `at_start=False` when other text comes before it on its line, so it cannot open a block."""
    return _md_line(one_line(text), at_start)


def md_block(text: str, indent: str = "") -> str:
    """Text that may span lines (a note, a summary) for Markdown placed after `indent` (the
    indentation of the list item it continues). Lines are kept as hard breaks, blank lines as
    paragraph breaks."""
    return ("\n\n" + indent).join(
        ("\\\n" + indent).join(_md_line(line) for line in lines) for lines in paragraphs(text)
    )


def md_url(url: str) -> str:
    """A URL for `<...>` (an autolink): characters that could end or break it are encoded."""
    return _URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url)
