"""Find the line of a TOML table or key, so messages can say `file:line`.

tomllib returns plain dicts with no positions. This scanner reads the text once and records
the line of every table header (`[a.b]`, and each `[[a.b]]` in order) and of every key written
directly in a table. It does not parse values; it only has to agree with TOML on where tables
and keys start, which headers and `key =` lines tell unambiguously outside multi-line strings.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_PART = re.compile(r"""\s*("([^"]*)"|'([^']*)'|[A-Za-z0-9_-]+)\s*(?:\.|$)""")

Path = tuple[str | int, ...]


def _split(dotted: str) -> tuple[str, ...]:
    parts = []
    for match in _PART.finditer(dotted):
        raw, double, single = match.group(1), match.group(2), match.group(3)
        parts.append(double if double is not None else single if single is not None else raw)
    return tuple(parts)


class LineIndex:
    """Line numbers (1-based) of tables and keys in one TOML text."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path, int] = {}
        self._array_counts: dict[tuple[str, ...], int] = {}
        self._scan(text)

    def _scan(self, text: str) -> None:
        table: Path = ()
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            header = _HEADER.match(line)
            if header and not line.lstrip().startswith('["'):
                table = self._enter(header.group(1) == "[[", _split(header.group(2)), number)
                continue
            key = _KEY.match(line)
            if key:
                path = table + _split(key.group(1))
                self._lines.setdefault(path, number)
                rest = line[key.end() :]
                for quote in ('"""', "'''"):
                    if rest.count(quote) % 2 == 1:
                        in_multiline = quote

    def _enter(self, is_array: bool, names: tuple[str, ...], number: int) -> Path:
        # Resolve array indices of parent tables: `[[a.b]]` then `[a.b.c]` means a.b[last].c.
        path: list[str | int] = []
        for i, name in enumerate(names):
            path.append(name)
            prefix = names[: i + 1]
            is_last = i == len(names) - 1
            if prefix in self._array_counts and not (is_last and is_array):
                path.append(self._array_counts[prefix] - 1)
        if is_array:
            index = self._array_counts.get(names, 0)
            self._array_counts[names] = index + 1
            path.append(index)
        result = tuple(path)
        self._lines.setdefault(result, number)
        return result

    def line_of(self, path: Path) -> int:
        """The line of the deepest recorded table or key on `path`; 1 when none is."""
        for end in range(len(path), 0, -1):
            found = self._lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return 1
