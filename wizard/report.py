"""The outcome of a walk as text, Markdown or JSON, for `wizard run` and the content tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from wizard.schema import AnyQuestion, Tree, tr
from wizard.walk import RiskHit, Walk


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
        "why": [
            {
                "question": s.id,
                "prompt": tr(s.question.prompt, lang),
                "answer": _jsonable(s.answer),
                "label": walk.label(s, lang),
            }
            for s in walk.why
        ],
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


def render(walk: Walk, fmt: str = "text", lang: str = "en") -> str:
    """The outcome as `text`, `md` or `json`. Tree and user text is data: Markdown escaped for
    `md`, control characters (ANSI escapes...) written out for `text` (wizard.exports.escape)."""
    from wizard.exports.escape import md_inline, md_url, visible

    data = outcome_data(walk, lang)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return _markdown(_escaped(data, md_inline, md_url))
    return _text(_escaped(data, visible, visible))


def _escaped(
    data: Any, text: Callable[[str], str], url: Callable[[str], str], key: str = ""
) -> Any:
    """`data` with `text` applied to every string (`url` to URLs); ids and enums stay as is."""
    if isinstance(data, dict):
        return {k: _escaped(v, text, url, k) for k, v in data.items()}
    if isinstance(data, list):
        return [_escaped(v, text, url, key) for v in data]
    if not isinstance(data, str) or key in _PLAIN:
        return data
    return url(data) if key == "url" else text(data)


_PLAIN = {
    "id",
    "verdict",
    "severity",
    "who",
    "tree",
    "version",
    "accessed",
    "published",
    "last_reviewed",
    "question",
}
"""Keys whose values are ids, enums or dates written by the wizard, never free text."""


def _markdown(d: dict[str, Any]) -> str:
    o = d["outcome"]
    out = [f"# {o['title']}", "", f"**Verdict:** {o['verdict']}", "", o["summary"], "", "## Why"]
    out += [f"- {w['prompt']} **{w['label']}**" for w in d["why"]]
    if d["alternatives"]:
        out += ["", "## Alternatives"] + [
            f"- {a['title']} ({a['verdict']})" for a in d["alternatives"]
        ]
    if d["risks"]:
        out += ["", "## Risks"]
        out += [
            f"- **{r['severity'].upper()}: {r['title']}.** {r['detail']}"
            f" *What to do:* {r['mitigation']}"
            for r in d["risks"]
        ]
    if d["steps"]:
        out += ["", "## Steps"] + [f"{i}. {s}" for i, s in enumerate(d["steps"], 1)]
    if d["checklist"]:
        out += ["", "## Checklist"]
        out += [
            f"- [ ] {c['text']} ({c['who']}, {c['when']}{'' if c['required'] else ', optional'})"
            for c in d["checklist"]
        ]
    if d["continue"]:
        out += ["", f"**Next:** {d['continue']['label']} (`wizard start {d['continue']['tree']}`)"]
    out += ["", "## Sources"]
    out += [
        f"- {s['title']}, {s['publisher']}: <{s['url']}> (accessed {s['accessed']})"
        for s in d["sources"]
    ]
    t = d["tree"]
    out += [
        "",
        f"*{t['title']}, version {t['version']}, last reviewed {t['last_reviewed']}. "
        f"{d['disclaimer']}*",
        "",
    ]
    return "\n".join(out)


def _text(d: dict[str, Any]) -> str:
    o = d["outcome"]
    out = [f"{o['title']}", f"Verdict: {o['verdict']}", "", o["summary"], "", "Why:"]
    out += [f"  - {w['prompt']} {w['label']}" for w in d["why"]]
    if d["alternatives"]:
        out += ["", "Alternatives:"] + [
            f"  - {a['title']} ({a['verdict']})" for a in d["alternatives"]
        ]
    if d["risks"]:
        out += ["", "Risks:"]
        for r in d["risks"]:
            out += [
                f"  [{r['severity'].upper()}] {r['title']}",
                f"      {r['detail']}",
                f"      What to do: {r['mitigation']}",
            ]
    if d["steps"]:
        out += ["", "Steps:"] + [f"  {i}. {s}" for i, s in enumerate(d["steps"], 1)]
    if d["checklist"]:
        out += ["", "Checklist:"]
        out += [
            f"  [ ] {c['text']} ({c['who']}, {c['when']}{'' if c['required'] else ', optional'})"
            for c in d["checklist"]
        ]
    if d["continue"]:
        out += ["", f"Next: {d['continue']['label']} (wizard start {d['continue']['tree']})"]
    out += ["", "Sources:"]
    out += [
        f"  - {s['title']}, {s['publisher']}, {s['url']} (accessed {s['accessed']})"
        for s in d["sources"]
    ]
    t = d["tree"]
    out += [
        "",
        f"{t['title']}, version {t['version']}, last reviewed {t['last_reviewed']}.",
        d["disclaimer"],
        "",
    ]
    return "\n".join(out)


def question_text(question: AnyQuestion, lang: str = "en") -> str:
    """A question as text, for `wizard run` when the answers run out."""
    lines = [f"Next question ({question.id}, {question.type}): {tr(question.prompt, lang)}"]
    if question.help:
        lines.append(f"  Why we ask: {tr(question.help, lang)}")
    lines += [f"  {o.id}: {o.text(lang)}" for o in question.options]
    return "\n".join(lines) + "\n"


__all__ = [
    "outcome_data",
    "question_text",
    "render",
    "risk_data",
    "source_data",
]
