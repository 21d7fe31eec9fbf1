"""Wrapping text to a width in display columns (what a monospace font shows), not characters.

A Chinese character such as 居 takes two columns in a terminal or a mail reader's monospace font,
a combining accent none, so counting characters lets a line of 居留许可 run far past 72 columns.

Why wcwidth: it is the library terminals' Python tools use (prompt_toolkit, blessed), pure Python
with no dependencies, kept current with each Unicode release, and it measures whole grapheme
clusters (an emoji with a skin tone, a letter with combining marks), which a hand-written
`unicodedata.east_asian_width` sum gets wrong. Its `SequenceTextWrapper` is the standard library's
`textwrap.TextWrapper` with widths in columns; the one thing added here is where a line may break:

- Chinese and Japanese have no spaces, so a line may break between two wide characters (and between
  a wide character and Latin text next to it), not only at spaces.
- A Latin word or a URL is never split, however long (`break_long_words=False`).
- No line starts with closing punctuation (，。）, . ! ?) nor ends with opening punctuation (（「(),
  the common core of the Chinese line-breaking rules.

Text that is all ASCII has one column per character and breaks only at spaces, so the standard
library's `textwrap.wrap` gives the same lines about three times faster; `wrap` hands it such
text (the tests check that both give the same lines for any ASCII text). wcwidth itself is
imported only for text that is not ASCII (its import alone costs what `wizard run` of a small
tree does).
"""

from __future__ import annotations

import functools
import textwrap
import unicodedata
from typing import Any

_NO_BREAK_BEFORE = frozenset({"Pe", "Pf", "Po"})
"""Closing brackets, closing quotes and other punctuation (，。、！？：；, . ! ? : ;) stay on the
line of the text they follow."""
_NO_BREAK_AFTER = frozenset({"Ps", "Pi"})
"""Opening brackets and quotes stay on the line of the text they open."""


def columns(text: str) -> int:
    """Display columns of `text`: wide (W, F) characters two, combining marks none.
    The text has no control characters (see `escape.visible`), so none are parsed."""
    if text.isascii():
        return len(text)
    from wcwidth import width

    return width(text, control_codes="ignore")


def wrap(text: str, limit: int, first: str = "", indent: str = "") -> list[str]:
    """`text` (one line, no control characters) wrapped to `limit` columns; the first line starts
    with `first`, the others with `indent`. Empty for blank text."""
    if (text + first + indent).isascii():
        return textwrap.wrap(
            text,
            limit,
            initial_indent=first,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return wrap_columns(text, limit, first, indent)


def wrap_columns(text: str, limit: int, first: str = "", indent: str = "") -> list[str]:
    """`wrap` measuring every text in columns, ASCII or not."""
    wrapper = _column_wrapper()(
        limit,
        control_codes="ignore",
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    lines: list[str] = wrapper.wrap(text)
    return lines


@functools.cache
def _column_wrapper() -> Any:
    """wcwidth's `SequenceTextWrapper`, breaking also where CJK text allows (made on first use)."""
    from wcwidth.textwrap import SequenceTextWrapper

    class ColumnWrapper(SequenceTextWrapper):
        def _split(self, text: str) -> list[str]:
            # The standard library splits at spaces; each chunk is then cut where CJK allows.
            chunks: list[str] = super()._split(text)
            return [piece for chunk in chunks for piece in _pieces(chunk)]

    return ColumnWrapper


def _pieces(chunk: str) -> list[str]:
    """`chunk` (no spaces) cut at every place a line may break inside it."""
    if chunk.isascii():
        return [chunk]
    from wcwidth import iter_graphemes

    pieces: list[str] = []
    current = before = ""
    for grapheme in iter_graphemes(chunk):
        if current and _may_break(before, grapheme):
            pieces.append(current)
            current = ""
        current += grapheme
        before = grapheme
    return [*pieces, current] if current else pieces


def _may_break(before: str, after: str) -> bool:
    """Whether a line may break between two graphemes of a word."""
    if columns(before) < 2 and columns(after) < 2:
        return False  # Latin, Cyrillic, digits...: a word is never split
    if unicodedata.category(after[0]) in _NO_BREAK_BEFORE:
        return False
    return unicodedata.category(before[0]) not in _NO_BREAK_AFTER
