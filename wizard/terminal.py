"""Text made safe for a terminal: control characters written out, never acted on.

The lowest layer, so that every command printing tree or user text (`wizard check`, `graph`,
`paths`, `run`, `sessions ...`) and every export can use it without importing anything heavy.
`wizard.exports.escape` builds the formats' escaping on it.
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 controls except tab and newline, DEL, C1 controls, line/paragraph separators and the
bidirectional embeddings, overrides and isolates (the "Trojan Source" characters)."""


def _code(char: str) -> str:
    point = ord(char)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def visible(text: str) -> str:
    """`text` with control characters written out as `\\x1b`, `\\u202e`... CR LF and a lone
    CR count as a line break; tabs become spaces."""
    text = text.replace("\r\n", "\n").replace("\t", " ")
    return CONTROL.sub(lambda m: _code(m.group()), text)


def json_visible(text: str) -> str:
    """JSON text (from `json.dumps`) with the same characters as `\\uXXXX` escapes: the same
    JSON, and nothing a terminal acts on. (They can only be inside strings there.)"""
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
