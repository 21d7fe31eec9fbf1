"""Text whose wrapped lines hang under the words after their bullet, number or box.

Textual wraps a long line back to the first column, so `1. A long option…` continues under the
`1.` and a list reads as one block of text. `Hanging` wraps each line of a `Content` so that its
continuation lines start where the text after its leading spaces and list marker (`•`, `→`, `3.`,
`[ ]`, `[x]`) starts.
"""

from __future__ import annotations

import re
from dataclasses import replace

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

# Leading spaces, then at most one list marker and the spaces after it.
_MARKER = re.compile(r"( *)((?:[•→]|\d{1,3}\.|\[[ x]\]) +)?")


def hang_indent(line: str) -> int:
    """How far the continuation lines of `line` are indented: past its spaces and marker."""
    match = _MARKER.match(line)
    return match.end() if match else 0


def wrap_hanging(line: Content, width: int, indent: int | None = None) -> list[Content]:
    """`line` (no line breaks) wrapped to `width` cells, continuation lines indented by `indent`
    cells (by default, past the line's leading spaces and list marker)."""
    if "\t" in line.plain:
        line = line.expand_tabs()  # as `wrap` does, so that its offsets are this line's
    if line.cell_length <= width and len(line.plain) <= width:
        return [line]  # what `wrap` gives, without its work (most lines of a page fit)
    indent = hang_indent(line.plain) if indent is None else indent
    if not 0 < indent <= width // 2:
        return line.wrap(width)
    # The first line ends where it would in the whole line: within its first `width` cells,
    # so only a start of the line longer than that is wrapped to find it.
    start = width + 1
    while start < len(line.plain) and line[:start].cell_length <= width:  # marks of no width
        start *= 2
    head = line[:start].wrap(width)[0].rstrip()  # not the last line: no trailing spaces
    rest = line[len(head.plain) :]
    if not rest.plain.strip():
        return line.wrap(width)  # only spaces overflow: one line, as `wrap` cuts it
    rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]
    pad = Content(" " * indent)
    return [head, *(pad + part for part in rest.wrap(width - indent))]


class Hanging(Visual):
    """`content` shown with hanging indents (see the module docstring); `indent`, when given,
    is the indent of every continuation line instead (e.g. past a column of key names)."""

    def __init__(self, content: Content, indent: int | None = None) -> None:
        self.content = content
        self.indent = indent
        self._wrapped: dict[int, Content] = {}
        """By width: a layout asks at more than one (with and without a scrollbar)."""

    @property
    def plain(self) -> str:
        return self.content.plain

    def __str__(self) -> str:
        return self.content.plain

    def wrapped(self, width: int) -> Content:
        """The content wrapped to `width`, as explicit lines (cached for the last few widths)."""
        found = self._wrapped.get(width)
        if found is None:
            lines = [
                part
                for line in self.content.split("\n", allow_blank=True)
                for part in wrap_hanging(line, max(width, 1), self.indent)
            ]
            if len(self._wrapped) >= 4:  # a resized terminal: the old widths are done with
                self._wrapped.clear()
            found = self._wrapped[width] = Content("\n").join(lines)
        return found

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        # Its lines are wrapped to `width` already: Content need not look for breaks again.
        nowrap = replace(options, rules=_NoWrap(options.rules))  # type: ignore[arg-type]
        return self.wrapped(width).render_strips(width, height, style, nowrap)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        # Its lines are wrapped to `width` already: one row each (Content would wrap them again).
        wrapped = self.wrapped(width)
        if not wrapped.plain:
            return wrapped.get_height(rules, width)
        return wrapped.plain.count("\n") + 1


class _NoWrap:
    """A widget's style rules, with text wrapping off."""

    def __init__(self, rules: RulesMap) -> None:
        self.rules = rules

    def get(self, name: str, default: object = None) -> object:
        return "nowrap" if name == "text_wrap" else self.rules.get(name, default)
