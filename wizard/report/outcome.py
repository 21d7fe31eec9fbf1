"""The outcome of a walk as plain data: what the outcome screen shows and the summary
(`wizard.report.summary`) is built from. Rendering it as text, Markdown or JSON is the exports' job
(`wizard.exports`), for a session and for `wizard run` alike."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wizard.tree.judge import Alternative, capped, check, judge, unknown_answers, verdict_of
from wizard.tree.schema import AnswerValue, Tree, tr
from wizard.tree.walk import RiskHit, Walk, answer_label


def outcome_data(walk: Walk, lang: str = "en", alternatives: bool = True) -> dict[str, Any]:
    """Everything a reader needs about the end of a walk, as plain data. The verdict is the one
    this person's answers give (`wizard.tree.judge`), not the outcome's general one. Without
    `alternatives`, they are left out: their search is most of the cost, and the outcome
    screen shows the rest first."""
    tree, outcome = walk.tree, walk.outcome
    assert outcome is not None
    hits = walk.risks  # computed once: it replays the whole path
    answers = walk.answers
    judged = (judge if alternatives else verdict_of)(tree, outcome, answers, lang)
    return {
        "tree": {
            "id": tree.id,
            "version": tree.tree.version,
            "title": tr(tree.tree.title, lang),
            "last_reviewed": tree.tree.last_reviewed.isoformat(),
        },
        "outcome": {
            "id": outcome.id,
            "title": tr(outcome.title, lang),
            "verdict": judged.verdict,
            "declared_verdict": outcome.verdict,
            "summary": tr(outcome.summary, lang),
        },
        "why": why_data(walk, lang),
        "assumptions": [
            {
                "question": a.question,
                "prompt": tr(tree.nodes[a.question].prompt, lang),
                "answer": _jsonable(a.answer),
                "label": answer_label(tree.nodes[a.question], a.answer, lang),
                "confirm": a.confirm,
                "lowers_verdict": a.lowers_verdict,
            }
            for a in judged.assumptions
        ],
        "requirements": [
            {"text": tr(c.requirement.text, lang), "status": c.status} for c in judged.checks
        ],
        "alternatives": [alternative_data(tree, a, answers, lang) for a in judged.alternatives],
        "risks": risk_data(walk, lang, hits),
        "steps": [tr(step, lang) for step in outcome.steps],
        "checklist": [
            {
                "id": i.id,
                "text": tr(i.text, lang),
                "who": i.who,
                "when": tr(i.when, lang),
                "required": i.required,
            }
            for i in outcome.checklist
        ],
        "sources": [source_data(tree, s, lang) for s in _cited(walk, hits)],
        "continue": (
            {"tree": outcome.continue_.tree, "label": tr(outcome.continue_.label, lang)}
            if outcome.continue_
            else None
        ),
        "disclaimer": tr(tree.tree.disclaimer, lang),
    }


def alternative_data(
    tree: Tree, judged: Alternative, answers: Mapping[str, AnswerValue], lang: str
) -> dict[str, Any]:
    """An alternative as this person's answers leave it: open (with its verdict for them) or
    closed (with the answers that close it and what would open it)."""
    outcome = tree.outcomes[judged.id]
    if judged.open:
        unknown = unknown_answers(tree, answers)
        verdict = capped(outcome.verdict, check(outcome, answers, unknown), [])
        if judged.assumed and verdict == "recommended":
            verdict = "possible"
    else:
        verdict = "not-available"
    return {
        "id": judged.id,
        "title": tr(outcome.title, lang),
        "verdict": verdict,
        "open": judged.open,
        "blocked_by": [
            {
                "question": q,
                "answer": _jsonable(v),
                "prompt": tr(tree.nodes[q].prompt, lang),
                "label": answer_label(tree.nodes[q], v, lang),
            }
            for q, v in judged.blocked_by
        ],
        "opens_with": [
            {
                "question": n.question,
                "prompt": tr(tree.nodes[n.question].prompt, lang),
                "needs": n.needs,
            }
            for n in judged.opens_with
        ],
    }


def why_data(walk: Walk, lang: str = "en") -> list[dict[str, Any]]:
    """The answers that decided the outcome: each question, its prompt, the answer as given
    (dates written out) and the answer in words."""
    return [
        {
            "question": s.id,
            "prompt": tr(s.question.prompt, lang),
            "answer": _jsonable(s.answer),
            "label": walk.label(s, lang),
        }
        for s in walk.why
    ]


def _cited(walk: Walk, hits: list[RiskHit]) -> list[str]:
    """Source ids cited by the outcome, its checklist and the risks met, in first-cited order."""
    outcome = walk.outcome
    assert outcome is not None
    ids = list(outcome.sources)
    for item in outcome.checklist:
        ids += item.sources
    for hit in hits:
        ids += hit.risk.sources
    return [s for s in dict.fromkeys(ids) if s in walk.tree.sources]


def risk_data(
    walk: Walk, lang: str = "en", hits: list[RiskHit] | None = None
) -> list[dict[str, Any]]:
    """The risks met so far (finished or not), most severe first, as plain data; `hits` is
    `walk.risks` when the caller has it already."""
    risks = sorted(walk.risks if hits is None else hits, key=lambda hit: -hit.severity_rank)
    return [
        {
            "id": h.risk.id,
            "severity": h.risk.severity,
            "title": tr(h.risk.title, lang),
            "detail": tr(h.risk.detail, lang),
            "mitigation": tr(h.risk.mitigation, lang),
        }
        for h in risks
    ]


def source_data(tree: Tree, sid: str, lang: str = "en") -> dict[str, Any]:
    """One source of `tree` as plain data."""
    source = tree.sources[sid]
    return {
        "id": sid,
        "title": tr(source.title, lang),
        "publisher": tr(source.publisher, lang),
        "url": source.url,
        "accessed": source.accessed.isoformat(),
        "published": source.published.isoformat() if source.published else None,
    }


def _jsonable(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


__all__ = ["outcome_data", "risk_data", "source_data", "why_data"]
