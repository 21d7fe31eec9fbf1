"""The outcome of a walk as plain data: what the outcome screen shows and the summary
(`wizard.report.summary`) is built from. Rendering it as text, Markdown or JSON is the exports' job
(`wizard.exports`), for a session and for `wizard run` alike."""

from __future__ import annotations

from typing import Any

from wizard.tree.schema import Tree, tr
from wizard.tree.walk import RiskHit, Walk


def outcome_data(walk: Walk, lang: str = "en") -> dict[str, Any]:
    """Everything a reader needs about the end of a walk, as plain data."""
    tree, outcome = walk.tree, walk.outcome
    assert outcome is not None
    hits = walk.risks  # computed once: it replays the whole path
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
            "verdict": outcome.verdict,
            "summary": tr(outcome.summary, lang),
        },
        "why": why_data(walk, lang),
        "alternatives": [
            {
                "id": a,
                "title": tr(tree.outcomes[a].title, lang),
                "verdict": tree.outcomes[a].verdict,
            }
            for a in outcome.alternatives
            if a in tree.outcomes
        ],
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
