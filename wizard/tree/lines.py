"""Find the line of a TOML table or key, so messages can say `file:line`.

tomllib returns plain dicts with no positions. This scanner reads the text once and records
the line of every table header (`[a.b]`, and each `[[a.b]]` in order) and of every key written
directly in a table. It does not parse values; it only has to agree with TOML on where tables
and keys start, which headers and `key =` lines tell unambiguously outside multi-line strings
and multi-line arrays (both of which it skips).

The scan is lazy: it runs on the first `line_of` call. A tree without problems never asks for
a line, so checking a clean 100,000-node tree does not pay for it.
"""

from __future__ import annotations

import re

_NAME = r"""(?:[A-Za-z0-9_-]+|"[^"\\]*"|'[^']*')"""
_DOTTED = rf"{_NAME}(?:[ \t]*\.[ \t]*{_NAME})*"
_KEY = re.compile(rf"({_DOTTED})[ \t]*=")
_HEADER = re.compile(rf"(\[\[?)[ \t]*({_DOTTED})[ \t]*\]\]?[ \t]*(?:#.*)?$")
_PART = re.compile(r"""[ \t]*("([^"]*)"|'([^']*)'|[A-Za-z0-9_-]+)[ \t]*(?:\.|$)""")
_STRING_OR_BRACKET = re.compile(r""""(?:[^"\\]|\\.)*"|'[^']*'|#.*|[\[\]{}]""")

Path = tuple[str | int, ...]


def _split(dotted: str) -> tuple[str, ...]:
    parts = []
    for match in _PART.finditer(dotted):
        raw, double, single = match.group(1), match.group(2), match.group(3)
        parts.append(double if double is not None else single if single is not None else raw)
    return tuple(parts)


def _bracket_depth(value: str) -> int:
    """How many `[`/`{` stay open at the end of `value`, ignoring strings and comments."""
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(value):
        token = match.group()
        if token in "[{":
            depth += 1
        elif token in "]}":
            depth -= 1
    return depth


def line_nested_deeper(text: str, limit: int) -> int:
    """The first line where more than `limit` brackets are open (1 when none is)."""
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _STRING_OR_BRACKET.finditer(line):
            token = match.group()
            depth += 1 if token in "[{" else -1 if token in "]}" else 0
            if depth > limit:
                return number
    return 1


def _opens_multiline_string(value: str) -> str | None:
    """The delimiter of a multi-line string left open at the end of `value`, if any."""
    for quote in ('"""', "'''"):
        if quote in value and value.count(quote) % 2 == 1:
            return quote
    return None


class LineIndex:
    """Line numbers (1-based) of tables and keys in one TOML text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[Path, int] | None = None
        self._array_counts: dict[Path, int] = {}
        self._keys: dict[str, tuple[str, ...]] = {}

    def line_of(self, path: Path) -> int:
        """The line of the deepest recorded table or key on `path`; 1 when none is."""
        lines = self._index()
        for end in range(len(path), 0, -1):
            found = lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return 1

    def _index(self) -> dict[Path, int]:
        if self._lines is None:
            self._lines = {}
            self._scan(self._text)
        return self._lines

    def _scan(self, text: str) -> None:
        table: Path = ()
        in_string: str | None = None  # the delimiter of an open multi-line string
        depth = 0  # open brackets of a multi-line array value
        # TOML counts lines by "\n" only; str.splitlines would also split on U+2028 and others.
        for number, line in enumerate(text.split("\n"), start=1):
            if in_string:
                if line.count(in_string) % 2 == 1:
                    in_string = None
                continue
            if depth > 0:
                depth += _bracket_depth(line)
                continue
            stripped = line.strip()  # also drops the \r of CRLF line ends
            if not stripped or stripped[0] == "#":
                continue
            if stripped[0] == "[":
                header = _HEADER.match(stripped)
                if header:
                    table = self._enter(header.group(1) == "[[", _split(header.group(2)), number)
                continue
            key = _KEY.match(stripped)
            if key:
                self._record_key(table, key.group(1), number)
                rest = stripped[key.end() :]
                in_string = _opens_multiline_string(rest)
                if in_string is None and "[" in rest:
                    depth = max(_bracket_depth(rest), 0)

    def _record_key(self, table: Path, dotted: str, number: int) -> None:
        parts = self._keys.get(dotted)
        if parts is None:
            parts = self._keys[dotted] = _split(dotted)
        assert self._lines is not None
        self._lines.setdefault(table + parts, number)

    def _enter(self, is_array: bool, names: tuple[str, ...], number: int) -> Path:
        # Resolve array indices of parent tables: `[[a.b]]` then `[a.b.c]` means a.b[last].c.
        # Counts are kept per resolved parent, so `[[a.b]]` `[[a.b.c]]` `[[a.b]]` `[[a.b.c]]`
        # numbers the second `c` 0 again: it belongs to the second `b`.
        assert self._lines is not None
        path: list[str | int] = []
        for i, name in enumerate(names):
            path.append(name)
            is_last = i == len(names) - 1
            count = self._array_counts.get(tuple(path))
            if count is not None and not (is_last and is_array):
                path.append(count - 1)
        if is_array:
            parent = tuple(path)
            index = self._array_counts.get(parent, 0)
            self._array_counts[parent] = index + 1
            self._lines.setdefault(parent, number)  # the array itself: where it starts
            path.append(index)
        result = tuple(path)
        self._lines.setdefault(result, number)
        return result
