"""One summary of a session: everything the client reads afterwards, as plain typed data.

Every export format (Markdown, HTML, text, JSON, .eml in `wizard.exports`) renders this one
object, so they never disagree; `wizard run` renders one too (`walk_summary`: a walk alone, with
no session id, date, people, notes or ticks). The outcome parts are taken from
`wizard.report.outcome`; this module adds the status, every answer (with the counselor's notes),
the sources behind the questions asked and, for a session, the people and the checklist ticks.

A summary is built from a session that is finished or not: an unfinished one is marked "in
progress", has no pathway, and shows the risks met so far and the next question.

Text here is the tree's and the user's text exactly as given: escaping is each format's job.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from wizard.report.outcome import outcome_data, risk_data, source_data
from wizard.tree.memo import per_tree
from wizard.tree.schema import SEVERITIES, Severity, Tree, tr
from wizard.tree.walk import Step, Walk, answer_label

if TYPE_CHECKING:  # `wizard run` summarises a walk with no session: the model is not loaded
    from wizard.sessions.model import Session

Status = Literal["finished", "in progress"]

SEVERITY_LABELS: dict[str, str] = {
    "critical": "Critical",
    "high": "High",
    "caution": "Caution",
    "info": "Info",
}
SEVERITY_ICONS: dict[str, str] = {"critical": "⛔", "high": "▲", "caution": "⚠", "info": "ℹ"}
"""Severity is always shown by word and icon, never by colour alone."""

VERDICT_LABELS: dict[str, str] = {
    "recommended": "Recommended",
    "possible": "Possible",
    "not-advised": "Not advised",
    "not-available": "Not available",
}
WHO_LABELS: dict[str, str] = {
    "you": "you",
    "university": "your university",
    "employer": "your employer",
    "bureau": "the Exit-Entry Bureau",
    "embassy": "the embassy or consulate",
    "bank": "your bank",
    "family": "your family",
    "other": "someone else",
}


@dataclass
class TreeInfo:
    id: str
    title: str
    version: str
    last_reviewed: str
    hash: str


@dataclass
class Blocker:
    """A given answer that closes an alternative."""

    question: str
    answer: object
    prompt: str
    label: str


@dataclass
class Opener:
    """What would open a closed alternative: a question and the answers that would."""

    question: str
    prompt: str
    needs: str


@dataclass
class Pathway:
    """An outcome: the one reached (with its summary) or an alternative, with the verdict this
    person's answers give it. An alternative their answers rule out is not `open`: it says
    which answers close it and what would open it."""

    id: str
    title: str
    verdict: str
    summary: str = ""
    open: bool = True
    blocked_by: list[Blocker] = field(default_factory=list)
    opens_with: list[Opener] = field(default_factory=list)

    @property
    def verdict_label(self) -> str:
        if not self.open:
            return "Not open to you"
        return VERDICT_LABELS.get(self.verdict, self.verdict)

    def why_closed(self) -> str:
        """ "You answered “No” to “Do you have a job offer?”" (empty when open)."""
        said = "; ".join(f"“{b.label}” to “{b.prompt}”" for b in self.blocked_by)
        return f"You answered {said}." if said else ""

    def what_opens(self) -> str:
        """ "Open if your answer to “Months in China a year?” is 9 or more." (empty when the
        search found no change that opens it)."""
        return opens_text([(o.prompt, o.needs) for o in self.opens_with])


def opens_text(changes: list[tuple[str, str]]) -> str:
    """What would open an alternative, in words: for a choice "you answer “X” to “Q”", for a
    number or a date "your answer to “Q” is 9 or more"."""
    parts = [
        f"you answer {needs} to “{prompt}”"
        if needs.startswith("“")
        else f"your answer to “{prompt}” is {needs}"
        for prompt, needs in changes
    ]
    return f"Open if {' and '.join(parts)}." if parts else ""


@dataclass
class Assumption:
    """An "I don't know" answer, or a condition no answer established: to confirm."""

    text: str
    """What to confirm."""
    question: str = ""
    answer: object = None
    lowers_verdict: bool = True


@dataclass
class RiskEntry:
    id: str
    severity: Severity
    title: str
    detail: str
    mitigation: str


@dataclass
class ChecklistEntry:
    id: str
    text: str
    who: str
    when: str
    required: bool
    done: bool

    @property
    def who_label(self) -> str:
        return WHO_LABELS.get(self.who, self.who)


@dataclass
class AnswerEntry:
    """A question on the path, the answer given in words, and the counselor's note."""

    question: str
    prompt: str
    answer: str
    note: str = ""


@dataclass
class NoteEntry:
    """A note on a question that is no longer on the path (kept: nothing is lost)."""

    question: str
    prompt: str
    note: str


@dataclass
class SourceEntry:
    id: str
    title: str
    publisher: str
    url: str
    accessed: str
    published: str | None = None


@dataclass
class Summary:
    """See the module docstring. Build it with `build_summary` (a session) or `walk_summary`
    (a walk alone)."""

    status: Status
    language: str
    tree: TreeInfo
    session_id: str = ""
    """Empty for the summary of a walk alone (`walk_summary`)."""
    date: str = ""
    """The session's last save, YYYY-MM-DD: the date the summary is about; empty without one."""
    client_name: str = ""
    client_email: str = ""
    counselor: str = ""
    pathway: Pathway | None = None
    """The outcome reached; None while in progress."""
    alternatives: list[Pathway] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)
    """What the verdict takes on trust: "I don't know" answers and unestablished conditions."""
    conditions: list[tuple[str, str]] = field(default_factory=list)
    """The pathway's conditions (text, "met" | "unestablished")."""
    risks: list[RiskEntry] = field(default_factory=list)
    """Most severe first."""
    steps: list[str] = field(default_factory=list)
    checklist: list[ChecklistEntry] = field(default_factory=list)
    answers: list[AnswerEntry] = field(default_factory=list)
    other_notes: list[NoteEntry] = field(default_factory=list)
    next_question: str = ""
    """The question to answer next, while in progress."""
    continue_to: tuple[str, str] | None = None
    """(tree id, label) of a tree to continue in."""
    sources: list[SourceEntry] = field(default_factory=list)
    disclaimer: str = ""

    @property
    def of_session(self) -> bool:
        """Whether this summarises a saved session (it has an id, a date, maybe people)."""
        return bool(self.session_id)

    @property
    def finished(self) -> bool:
        return self.status == "finished"

    @property
    def heading(self) -> str:
        """What the summary is about: the pathway's title, or the tree's title in progress."""
        return self.pathway.title if self.pathway else self.tree.title

    def risks_by_severity(self) -> list[tuple[Severity, list[RiskEntry]]]:
        """Risks grouped by severity, most severe group first; empty groups left out."""
        groups: list[tuple[Severity, list[RiskEntry]]] = []
        for severity in reversed(SEVERITIES):
            found = [r for r in self.risks if r.severity == severity]
            if found:
                groups.append((severity, found))
        return groups

    def checklist_counts(self) -> tuple[int, int]:
        """(done, total)."""
        return sum(c.done for c in self.checklist), len(self.checklist)


def build_summary(
    session: Session, walk: Walk, lang: str | None = None, digest: str | None = None
) -> Summary:
    """The summary of `session`, whose walk (as rebuilt by `wizard.sessions.resume.replay`) is
    `walk`. `digest` is `tree_hash(walk.tree)` when the caller already has it."""
    lang = lang or session.language
    ticked = session.ticked(walk.outcome.id) if walk.outcome is not None else []
    summary = walk_summary(walk, lang, digest, notes=session.notes, ticked=ticked)
    on_path = {a.question for a in summary.answers}
    return replace(
        summary,
        session_id=session.id,
        date=session.updated.date().isoformat(),
        client_name=session.client_name or "",
        client_email=session.client_email or "",
        counselor=session.counselor or "",
        other_notes=_other_notes(session, walk.tree, on_path, lang),
    )


def walk_summary(
    walk: Walk,
    lang: str = "en",
    digest: str | None = None,
    *,
    notes: Mapping[str, str] | None = None,
    ticked: Collection[str] = (),
    alternatives: bool = True,
) -> Summary:
    """The summary of `walk` alone (`wizard run`): no session id, date or people. `notes` by
    question id and the `ticked` checklist items are a session's, when `build_summary` asks.
    `digest`: `tree_hash(walk.tree)`, computed when None; "" leaves it out (only the JSON
    formats show it, and hashing a large tree takes a while). Without `alternatives`, the
    outcome's alternatives are left out (see `outcome_data`)."""
    tree = walk.tree
    meta = tree.tree
    path = walk.path  # a copy each time it is read: read once
    info = TreeInfo(
        id=tree.id,
        title=tr(meta.title, lang),
        version=meta.version,
        last_reviewed=meta.last_reviewed.isoformat(),
        hash=_digest(tree) if digest is None else digest,
    )
    common: dict[str, Any] = {
        "language": lang,
        "tree": info,
        "answers": _answers(notes or {}, path, lang),
        "disclaimer": tr(meta.disclaimer, lang),
    }
    if walk.outcome is None:
        current = walk.current
        risks = [_risk(r) for r in risk_data(walk, lang)]
        return Summary(
            status="in progress",
            risks=risks,
            next_question=tr(current.prompt, lang) if current is not None else "",
            sources=_sources(tree, [], risks, path, lang),
            **common,
        )
    data = outcome_data(walk, lang, alternatives)
    done = set(ticked)
    out = data["outcome"]
    risks = [_risk(r) for r in data["risks"]]
    return Summary(
        status="finished",
        pathway=Pathway(out["id"], out["title"], out["verdict"], out["summary"]),
        alternatives=[_alternative(a) for a in data["alternatives"]],
        assumptions=_assumptions(data),
        conditions=[(r["text"], r["status"]) for r in data["requirements"]],
        risks=risks,
        steps=list(data["steps"]),
        checklist=[
            ChecklistEntry(c["id"], c["text"], c["who"], c["when"], c["required"], c["id"] in done)
            for c in data["checklist"]
        ],
        continue_to=(data["continue"]["tree"], data["continue"]["label"])
        if data["continue"]
        else None,
        sources=_sources(tree, data["sources"], risks, path, lang),
        **common,
    )


def _alternative(data: dict[str, Any]) -> Pathway:
    return Pathway(
        data["id"],
        data["title"],
        data["verdict"],
        open=data["open"],
        blocked_by=[
            Blocker(b["question"], b["answer"], b["prompt"], b["label"]) for b in data["blocked_by"]
        ],
        opens_with=[Opener(o["question"], o["prompt"], o["needs"]) for o in data["opens_with"]],
    )


def _assumptions(data: dict[str, Any]) -> list[Assumption]:
    found = [
        Assumption(
            f"{a['confirm']} (you answered “{a['label']}” to “{a['prompt']}”)",
            a["question"],
            a["answer"],
            a["lowers_verdict"],
        )
        for a in data["assumptions"]
    ]
    found += [
        Assumption(f"Not yet established: {r['text']}")
        for r in data["requirements"]
        if r["status"] == "unestablished"
    ]
    return found


@per_tree
def _digest(tree: Tree) -> str:
    """`tree_hash(tree)`, once per tree (exporting one session in several formats, or several
    sessions of one tree, hashes it once)."""
    from wizard.sessions.model import tree_hash

    return tree_hash(tree)


def _risk(data: dict[str, Any]) -> RiskEntry:
    return RiskEntry(
        data["id"], data["severity"], data["title"], data["detail"], data["mitigation"]
    )


def _answers(notes: Mapping[str, str], path: list[Step], lang: str) -> list[AnswerEntry]:
    return [
        AnswerEntry(
            step.id,
            tr(step.question.prompt, lang),
            answer_label(step.question, step.answer, lang),
            notes.get(step.id, ""),
        )
        for step in path
    ]


def _other_notes(
    session: Session, tree: Tree, on_path: Collection[str], lang: str
) -> list[NoteEntry]:
    if not session.notes:
        return []
    notes = []
    for qid, note in session.notes.items():
        if qid in on_path or not note.strip():
            continue
        question = tree.nodes.get(qid)
        prompt = tr(question.prompt, lang) if question is not None else qid
        notes.append(NoteEntry(qid, prompt, note))
    return notes


def _sources(
    tree: Tree, cited: list[dict[str, Any]], risks: list[RiskEntry], path: list[Step], lang: str
) -> list[SourceEntry]:
    """The outcome's sources (`cited`, from `outcome_data`), then those of the risks met and of
    the questions asked, each once."""
    ids = [s["id"] for s in cited]
    for risk in risks:
        ids += tree.risks[risk.id].sources
    for step in path:
        ids += step.question.sources
    entries = []
    for sid in dict.fromkeys(ids):
        if sid in tree.sources:
            s = source_data(tree, sid, lang)
            entries.append(
                SourceEntry(
                    s["id"], s["title"], s["publisher"], s["url"], s["accessed"], s["published"]
                )
            )
    return entries


def summary_data(summary: Summary) -> dict[str, Any]:
    """The summary as JSON-ready data (for the JSON export)."""
    return {
        "session_id": summary.session_id,
        "status": summary.status,
        "date": summary.date,
        "language": summary.language,
        "client": {"name": summary.client_name, "email": summary.client_email},
        "counselor": summary.counselor,
        "tree": vars(summary.tree).copy(),
        "pathway": _pathway_data(summary.pathway) if summary.pathway else None,
        "alternatives": [_alternative_data(a) for a in summary.alternatives],
        "assumptions": [
            {"question": a.question or None, "answer": a.answer, "confirm": a.text}
            for a in summary.assumptions
        ],
        "conditions": [{"text": text, "status": status} for text, status in summary.conditions],
        "risks": [vars(r).copy() for r in summary.risks],
        "steps": list(summary.steps),
        "checklist": [vars(c).copy() for c in summary.checklist],
        "answers": [vars(a).copy() for a in summary.answers],
        "other_notes": [vars(n).copy() for n in summary.other_notes],
        "next_question": summary.next_question or None,
        "continue": (
            {"tree": summary.continue_to[0], "label": summary.continue_to[1]}
            if summary.continue_to
            else None
        ),
        "sources": [vars(s).copy() for s in summary.sources],
        "disclaimer": summary.disclaimer,
    }


def _pathway_data(p: Pathway) -> dict[str, Any]:
    return {"id": p.id, "title": p.title, "verdict": p.verdict, "summary": p.summary}


def _alternative_data(alt: Pathway) -> dict[str, Any]:
    return {
        "id": alt.id,
        "title": alt.title,
        "verdict": alt.verdict,
        "open": alt.open,
        "blocked_by": [{"question": b.question, "answer": b.answer} for b in alt.blocked_by],
        "opens_with": [{"question": o.question, "needs": o.needs} for o in alt.opens_with],
    }


def snapshot(
    session: Session | None,
    walk: Walk,
    ticked: Collection[str] = (),
    notes: Mapping[str, str] | None = None,
    lang: str = "en",
    shared: Collection[str] | None = None,
) -> Session:
    """A copy of `session` (or a new, unsaved session when there is none yet) brought up to date
    with what is on screen: the walk, the ticks of its outcome's checklist and the notes. Used to
    export from the app; nothing is saved."""
    from wizard.sessions.model import new_session

    digest = _digest(walk.tree)
    copy = (
        session.model_copy(deep=True)
        if session is not None
        else new_session(walk.tree, digest, language=lang)
    )
    copy.record_walk(walk, digest)
    if walk.outcome is not None:
        for item in walk.outcome.checklist:
            copy.set_tick(walk.outcome.id, item.id, item.id in ticked)
    if notes is not None:  # the notes on screen replace the saved ones
        for qid in [*copy.notes, *(q for q in notes if q not in copy.notes)]:
            copy.set_note(qid, notes.get(qid, ""))
    if shared is not None:
        for qid in [*copy.notes]:
            copy.set_note_shared(qid, qid in shared)
    return copy
