"""A comparison of two sessions as a plain-text table, for `wizard sessions compare`."""

from __future__ import annotations

from wcwidth import iter_graphemes

from wizard.exports.columns import columns, wrap
from wizard.exports.escape import one_line
from wizard.sessions.compare import Comparison, Row


def comparison_text(comparison: Comparison, width: int = 80) -> str:
    """A plain-text table `width` display columns wide at most (for the command line); `*`
    marks rows that differ. Long cells wrap within their column, never cut; tree and user
    text is shown literally (control characters written out)."""
    rows = [r for section in comparison.sections.values() for r in section]
    head = Row("", comparison.left_title, comparison.right_title)
    label, left, right = _column_widths([head, *rows], max(width, MIN_WIDTH))
    out = _table_lines(head, " ", (label, left, right))
    for name, section in comparison.sections.items():
        out.append(f"{name}:")
        for r in section:
            out += _table_lines(r, "*" if r.differs else " ", (label, left, right))
    return "\n".join(out) + "\n"


MIN_WIDTH = 40
"""Below this a table of three columns is no longer readable; the lines are then longer."""
_MARK = 2
"""Columns before the label: the `*` of a row that differs and a space."""
_GAP = 2
"""Spaces between two columns."""


def _column_widths(rows: list[Row], width: int) -> tuple[int, int, int]:
    """Widths of the label and of the two sessions' columns for a table `width` columns wide.
    Each session's column is at most three tenths of the room, so a long answer or title cannot
    squeeze the labels; the labels take what is left; any room still spare (short labels) goes
    back to a session's column that was narrowed."""
    room = width - _MARK - 2 * _GAP
    natural = [max(1, *(columns(one_line(getattr(r, side))) for r in rows)) for side in _SIDES]
    cap = room * 3 // 10
    left, right = min(natural[1], cap), min(natural[2], cap)
    label = min(max(natural[0], 8), room - left - right)
    spare = room - label - left - right
    grown_left = min(natural[1], left + spare)
    right = min(natural[2], right + spare - (grown_left - left))
    return label, grown_left, right


_SIDES = ("label", "left", "right")


def _table_lines(row: Row, mark: str, widths: tuple[int, int, int]) -> list[str]:
    """`row` as one or more lines: each cell wrapped in its column (a label's further lines
    indented, so where a row starts shows), the columns padded to line up."""
    cells = [
        _cell(one_line(getattr(row, side)), limit, "  " if side == "label" else "")
        for side, limit in zip(_SIDES, widths, strict=True)
    ]
    lines = []
    for i in range(max(len(c) for c in cells)):
        parts = [c[i] if i < len(c) else "" for c in cells]
        padded = [p + " " * (w - columns(p)) for p, w in zip(parts, widths, strict=True)]
        lead = mark if i == 0 else " "
        lines.append(f"{lead} {(' ' * _GAP).join(padded)}".rstrip())
    return lines


def _cell(text: str, limit: int, indent: str) -> list[str]:
    """`text` wrapped to `limit` columns, a word longer than the column split across lines (a
    long URL or name must neither run into the next column nor be cut)."""
    lines: list[str] = []
    for line in wrap(text, limit, "", indent) or [""]:
        piece = ""
        for grapheme in iter_graphemes(line):
            if piece.strip() and columns(piece + grapheme) > limit:
                lines.append(piece)
                piece = indent if columns(indent + grapheme) <= limit else ""
            piece += grapheme
        lines.append(piece)
    return lines
