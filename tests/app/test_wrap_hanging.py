"""`wrap_hanging`'s shortcuts (a line that fits is not wrapped; the first line is found in the
line's first cells) give the lines of the plain algorithm: wrap the whole line, keep its first
line, wrap the rest under the indent."""

from __future__ import annotations

import random

from textual.content import Content

from screens.widgets.hanging import hang_indent, wrap_hanging

WORDS = ["a", "to", "the", "permit", "居留许可", "Exit-Entry", "https://www.example.org/x/y",
         "  ", " ", "•", "1.", "→", "", "x" * 30, "签证。", "(S2)", "[ ]", "\u3000", "é",
         "🇨🇳", "a\u0301", "\u0301\u0301\u0301", "\t"]  # fmt: skip


def plain_algorithm(line: Content, width: int, indent: int | None = None) -> list[str]:
    line = line.expand_tabs()
    lines = line.wrap(width)
    indent = hang_indent(line.plain) if indent is None else indent
    if len(lines) < 2 or not 0 < indent <= width // 2:
        return [c.plain for c in lines]
    rest = line[len(lines[0].plain) :]
    rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]
    return [lines[0].plain, *(" " * indent + part.plain for part in rest.wrap(width - indent))]


def test_the_same_lines_as_the_plain_algorithm() -> None:
    rng = random.Random(11)
    for _ in range(6000):
        text = rng.choice([" ", ""]).join(rng.choice(WORDS) for _ in range(rng.randint(0, 20)))
        if rng.random() < 0.5:
            text = rng.choice(["• ", "1. ", "  → ", "[x] ", "   "]) + text
        width = rng.randint(1, 50)
        indent = rng.choice([None, None, 0, 3, 10])
        line = Content(text)
        found = [c.plain for c in wrap_hanging(line, width, indent)]
        assert found == plain_algorithm(line, width, indent), (text, width, indent)
