"""Two sessions side by side ("what if"): outcomes, answers, risks and checklists. Pure data, for
the comparison screen and `wizard sessions compare` (`wizard.exports.compare_table`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.sessions.model import Session
from wizard.tree.schema import SEVERITIES, Outcome, Tree, tr
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


def side_title(session: Session, tree: Tree | None = None, other: Session | None = None) -> str:
    """A column's title: the client and what the session is (a what-if copy and where it
    branched off, the original of the other column, or its outcome), then a short id; a narrow
    column cuts the end."""
    who = session.client_name or "(no client)"
    if session.copied_from:
        what = what_if_description(session, tree)
    elif other is not None and other.copied_from == session.id:
        what = "the original"
    else:
        what = session.outcome_label or session.progress
    return f"{who} · {what} ({short_id(session.id)})"


def what_if_description(session: Session, tree: Tree | None = None, limit: int = 40) -> str:
    """What a what-if copy is, in a few words: "what if: another answer to “Prompt…”" (or "a
    copy" when it copied everything)."""
    node = tree.nodes.get(session.copied_at) if tree is not None and session.copied_at else None
    if node is None:
        return "what if: a copy"
    prompt = tr(node.prompt, session.language)
    if len(prompt) > limit:
        prompt = prompt[: limit - 1].rstrip() + "…"
    return f"what if: another answer to “{prompt}”"


def what_if_title(
    session: Session, tree: Tree | None = None, limit: int = 40, short: bool = False
) -> str:
    """The header of every screen of a what-if copy: "What if: another answer to “…” of Ana
    Silva's session" ("" for a session that is not a copy); `short`, for a narrow header: "What
    if: “…” · Ana Silva's session"; `limit` 0: "What if: a copy of Ana Silva's session"."""
    if not session.copied_from:
        return ""
    what = what_if_description(session, tree if limit else None, limit)
    whose = (
        f"{session.client_name}'s session"
        if session.client_name
        else f"session {short_id(session.copied_from)}"
    )
    if short and "“" in what:
        return f"What if: {what[what.index('“') :]} · {whose}"
    return f"W{what[1:]} of {whose}"


def short_id(session_id: str) -> str:
    """The random part of an id (`ae3be6` of `20261125-ae3be6`): enough to name it again."""
    return session_id.rpartition("-")[2] or session_id


def compare(
    left: tuple[Session, Walk], right: tuple[Session, Walk], lang: str = "en"
) -> Comparison:
    """Compare two sessions with their walks (as rebuilt by `wizard.sessions.resume.replay`)."""
    (ls, lw), (rs, rw) = left, right
    result = Comparison(side_title(ls, lw.tree, rs), side_title(rs, rw.tree, ls))
    result.sections["Outcome"] = [
        Row("outcome", _outcome(lw.outcome, lang), _outcome(rw.outcome, lang)),
        Row("verdict", _verdict(lw.outcome), _verdict(rw.outcome)),
    ]
    result.sections["Answers"] = _answers(lw, rw, lang)
    result.sections["Risks"] = _risks(lw, rw, lang)
    result.sections["Checklist"] = _checklist((ls, lw), (rs, rw), lang)
    notes = _notes((ls, lw), (rs, rw), lang)
    if notes:
        result.sections["Notes"] = notes
    return result


def _notes(left: tuple[Session, Walk], right: tuple[Session, Walk], lang: str) -> list[Row]:
    """Every counselor's note on either side, marked private or for the client (the comparison
    is the counselor's: private notes are shown, marked)."""
    (ls, lw), (rs, rw) = left, right
    rows = []
    for qid in dict.fromkeys([*ls.notes, *rs.notes]):
        node = lw.tree.nodes.get(qid) or rw.tree.nodes.get(qid)
        prompt = tr(node.prompt, lang) if node is not None else qid
        rows.append(Row(prompt, _note(ls, qid), _note(rs, qid)))
    return rows


def _note(session: Session, qid: str) -> str:
    text = session.notes.get(qid, "").strip()
    if not text:
        return ABSENT
    mark = "(for the client)" if session.note_is_shared(qid) else "(private)"
    return f"{mark} {text}"


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
