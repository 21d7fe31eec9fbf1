"""Two sessions side by side ("what if"): outcomes, answers, risks and checklists. Pure data, for
the comparison screen and `wizard sessions compare`."""

from __future__ import annotations

from dataclasses import dataclass, field

from wcwidth import iter_graphemes

from wizard.exports.columns import columns, wrap
from wizard.exports.escape import one_line
from wizard.sessions.model import Session
from wizard.tree.schema import SEVERITIES, Outcome, tr
from wizard.tree.walk import Walk

NOT_FINISHED = "(not finished)"
ABSENT = "—"


@dataclass(frozen=True)
class Row:
    """One line of the comparison: what it is about, and each side's value."""

    label: str
    left: str
    right: str

    @property
    def differs(self) -> bool:
        return self.left != self.right


@dataclass
class Comparison:
    """Sections of rows, in the order shown: Outcome, Answers, Risks, Checklist."""

    left_title: str
    right_title: str
    sections: dict[str, list[Row]] = field(default_factory=dict)

    def as_text(self, width: int = 80) -> str:
        """A plain-text table `width` display columns wide at most (for the command line); `*`
        marks rows that differ. Long cells wrap within their column, never cut; tree and user
        text is shown literally (control characters written out)."""
        rows = [r for section in self.sections.values() for r in section]
        head = Row("", self.left_title, self.right_title)
        label, left, right = _column_widths([head, *rows], max(width, MIN_WIDTH))
        out = _table_lines(head, " ", (label, left, right))
        for name, section in self.sections.items():
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


def side_title(session: Session) -> str:
    """The session's id first: a what-if copy has the same client, and a narrow column cuts the
    end of its title."""
    who = session.client_name or "(no client)"
    return f"{session.id} · {who}"


def compare(
    left: tuple[Session, Walk], right: tuple[Session, Walk], lang: str = "en"
) -> Comparison:
    """Compare two sessions with their walks (as rebuilt by `wizard.sessions.resume.replay`)."""
    (ls, lw), (rs, rw) = left, right
    result = Comparison(side_title(ls), side_title(rs))
    result.sections["Outcome"] = [
        Row("outcome", _outcome(lw.outcome, lang), _outcome(rw.outcome, lang)),
        Row("verdict", _verdict(lw.outcome), _verdict(rw.outcome)),
    ]
    result.sections["Answers"] = _answers(lw, rw, lang)
    result.sections["Risks"] = _risks(lw, rw, lang)
    result.sections["Checklist"] = _checklist((ls, lw), (rs, rw), lang)
    return result


def _outcome(outcome: Outcome | None, lang: str) -> str:
    return tr(outcome.title, lang) if outcome is not None else NOT_FINISHED


def _verdict(outcome: Outcome | None) -> str:
    return outcome.verdict if outcome is not None else ABSENT


def _answers(lw: Walk, rw: Walk, lang: str) -> list[Row]:
    """Every question answered on either side, in the order first asked."""
    left = {s.id: s for s in lw.path}
    right = {s.id: s for s in rw.path}
    rows = []
    for qid in dict.fromkeys([*left, *right]):
        step = left.get(qid) or right[qid]
        rows.append(
            Row(
                tr(step.question.prompt, lang),
                lw.label(left[qid], lang) if qid in left else ABSENT,
                rw.label(right[qid], lang) if qid in right else ABSENT,
            )
        )
    return rows


def _risks(lw: Walk, rw: Walk, lang: str) -> list[Row]:
    """Every risk met on either side, most severe first; a side shows the severity if met."""
    left = {h.risk.id: h for h in lw.risks}
    right = {h.risk.id: h for h in rw.risks}
    hits = left | {rid: hit for rid, hit in right.items() if rid not in left}
    order = sorted(hits, key=lambda rid: -SEVERITIES.index(hits[rid].risk.severity))
    return [
        Row(
            tr(hits[rid].risk.title, lang),
            left[rid].risk.severity if rid in left else ABSENT,
            right[rid].risk.severity if rid in right else ABSENT,
        )
        for rid in order
    ]


def _checklist(left: tuple[Session, Walk], right: tuple[Session, Walk], lang: str) -> list[Row]:
    """Every checklist item of either outcome: `[x]` ticked, `[ ]` to do, `—` not needed."""
    sides = []
    for session, walk in (left, right):
        outcome = walk.outcome
        items = {i.id: i for i in outcome.checklist} if outcome is not None else {}
        ticked = set(session.ticked(outcome.id)) if outcome is not None else set()
        sides.append((items, ticked))
    (left_items, _), (right_items, _) = sides
    merged = left_items | {k: v for k, v in right_items.items() if k not in left_items}

    def mark(index: int, item_id: str) -> str:
        items, ticked = sides[index]
        if item_id not in items:
            return ABSENT
        return "[x]" if item_id in ticked else "[ ]"

    return [Row(tr(item.text, lang), mark(0, iid), mark(1, iid)) for iid, item in merged.items()]
