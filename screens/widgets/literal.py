"""Text from a tree or typed by a user, shown as the characters it holds.

Such text is data: `[bold]` or `[link=...]` must never become Rich/Textual markup, and an ANSI
escape must never reach the terminal, where it would recolour or move the screen. `literal` builds
a `Content` without parsing markup, after `visible` has turned every control character into a
printable stand-in (ESC becomes `␛`, so `\\x1b[31m` shows as `␛[31m`).
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style


def _stand_ins() -> dict[int, str]:
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # C0 -> Control Pictures
    table[0x0A] = "\n"  # line breaks in help texts are meant
    table[0x09] = "    "
    table[0x7F] = "␡"
    table.update({code: f"<U+{code:04X}>" for code in range(0x80, 0xA0)})  # C1, e.g. CSI 0x9b
    # Bidirectional overrides can make text read differently from what it holds.
    for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[code] = f"<U+{code:04X}>"
    return table


_STAND_INS = _stand_ins()


def visible(text: str) -> str:
    """`text` with every control character replaced by a printable stand-in."""
    return text.translate(_STAND_INS)


def literal(text: str, style: str | Style = "") -> Content:
    """`text` as Content shown literally (no markup parsed, no escapes passed on)."""
    return Content.styled(visible(text), style)


def link(url: str) -> Content:
    """A URL shown literally and clickable in terminals that support links."""
    shown = visible(url)
    if shown != url:  # a control character in a URL: show it, never hand it to the terminal
        return Content(shown)
    return Content.styled(url, Style(underline=True, link=url))
