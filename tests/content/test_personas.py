"""Personas: realistic people walked through the shipped trees, each with the outcome they must
reach and the risks they must be warned about.

A persona is tests/content/personas/<name>.toml:

    [persona]
    tree = "internship"
    description = "Who this is, and what the wizard should tell them."
    expect_outcome = "x1-enrol"
    must_mention_risks = ["s2-in-country"]
    must_offer_alternatives = ["s2-pilot"]      # optional
    checklist_starts_with = "approval-letter"   # optional: the first thing to do
    expect_verdict = "possible"                 # optional: the verdict for THIS person
    closed_alternatives = ["s2-one-year"]       # optional: ruled out: never shown open
    open_alternatives = ["s2-pilot"]            # optional: shown as open to this person
    must_not_mention_risks = ["sh-one-remark"]  # optional: warnings that do not apply to them
    expect_refused_question = "company"         # optional: the answer to this question is refused

    [answers]
    enrolment = "overseas"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.content.shipped import PERSONAS, trees
from wizard.report.outcome import outcome_data
from wizard.toml import parse_toml
from wizard.tree.walk import Walk

REQUIRED = {"tree", "description", "expect_outcome", "must_mention_risks"}
OPTIONAL = {
    "must_offer_alternatives",
    "checklist_starts_with",
    "expect_verdict",
    "closed_alternatives",
    "open_alternatives",
    "must_not_mention_risks",
    "expect_refused_question",
}


@dataclass
class Persona:
    name: str
    tree: str
    description: str
    expect_outcome: str
    must_mention_risks: list[str]
    answers: dict[str, Any]
    must_offer_alternatives: list[str] = field(default_factory=list)
    checklist_starts_with: str | None = None
    expect_verdict: str | None = None
    closed_alternatives: list[str] = field(default_factory=list)
    open_alternatives: list[str] = field(default_factory=list)
    must_not_mention_risks: list[str] = field(default_factory=list)
    expect_refused_question: str | None = None


def _read(path: Path) -> Persona:
    data = parse_toml(path.read_text(encoding="utf-8"))
    meta = data.get("persona", {})
    missing = REQUIRED - set(meta)
    unknown = set(meta) - REQUIRED - OPTIONAL
    assert not missing, f"{path.name}: [persona] lacks {sorted(missing)}"
    assert not unknown, f"{path.name}: [persona] has unknown keys {sorted(unknown)}"
    assert set(data) == {"persona", "answers"}, f"{path.name}: only [persona] and [answers]"
    return Persona(name=path.stem, answers=data["answers"], **meta)


PERSONA_FILES = sorted(PERSONAS.glob("*.toml"))


def test_there_are_enough_personas() -> None:
    assert len(PERSONA_FILES) >= 6
    assert {_read(p).tree for p in PERSONA_FILES} >= {"internship", "permanent-residence"}


@pytest.mark.parametrize("path", PERSONA_FILES, ids=[p.stem for p in PERSONA_FILES])
def test_persona_reaches_its_outcome_with_its_warnings(path: Path) -> None:
    persona = _read(path)
    tree = trees().get(persona.tree)
    assert tree is not None, f"{persona.name}: no shipped tree `{persona.tree}`"
    unknown_risks = [r for r in persona.must_mention_risks if r not in tree.risks]
    assert unknown_risks == [], f"{persona.name}: risks not in `{tree.id}`: {unknown_risks}"

    walk, problems = Walk.replay(tree, persona.answers.items())
    if persona.expect_refused_question is not None:
        stopped = walk.current.id if walk.current else None
        assert stopped == persona.expect_refused_question and problems, (
            f"{persona.name}: the answer to `{persona.expect_refused_question}` was accepted"
        )
        return
    assert persona.expect_outcome in tree.outcomes, f"{persona.name}: unknown outcome"
    assert problems == [], f"{persona.name}: {problems}"
    assert walk.outcome is not None, (
        f"{persona.name}: the answers stop at question `{walk.current.id if walk.current else '?'}`"
    )
    assert walk.outcome.id == persona.expect_outcome, (
        f"{persona.name}: reached `{walk.outcome.id}`, expected `{persona.expect_outcome}`"
    )
    met = {hit.risk.id for hit in walk.risks}
    missing = [r for r in persona.must_mention_risks if r not in met]
    assert missing == [], f"{persona.name}: not warned about {missing}; met {sorted(met)}"
    wrong = [r for r in persona.must_not_mention_risks if r in met]
    assert wrong == [], f"{persona.name}: warned about {wrong}, which does not apply to them"
    absent = [a for a in persona.must_offer_alternatives if a not in walk.outcome.alternatives]
    assert absent == [], f"{persona.name}: alternatives missing {absent}"
    if persona.checklist_starts_with is not None:
        assert walk.outcome.checklist[0].id == persona.checklist_starts_with
    # What this person is told: the verdict and the alternatives as their answers leave them.
    told = outcome_data(walk)
    if persona.expect_verdict is not None:
        verdict = told["outcome"]["verdict"]
        assert verdict == persona.expect_verdict, (
            f"{persona.name}: told `{verdict}`, expected `{persona.expect_verdict}`"
        )
    shown = {a["id"]: a for a in told["alternatives"]}
    shown_open = [
        a
        for a in persona.closed_alternatives
        if a in shown and shown[a]["open"] and shown[a]["verdict"] in ("possible", "recommended")
    ]
    assert shown_open == [], f"{persona.name}: ruled-out alternatives shown as open: {shown_open}"
    not_open = [a for a in persona.open_alternatives if a not in shown or not shown[a]["open"]]
    assert not_open == [], f"{persona.name}: alternatives not shown as open: {not_open}"
