"""Editorial rules every shipped tree keeps: help on every question, complete outcomes, every
claim sourced, review dates, and the known contradictions between sources kept visible."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from tests.content.shipped import trees
from wizard.tree.schema import Tree, tr

TREE_IDS = sorted(trees())


def _tree(tree_id: str) -> Tree:
    return trees()[tree_id]


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_metadata(tree_id: str) -> None:
    meta = _tree(tree_id).tree
    # Reviewed against the sources on or after the first release, and never in the future.
    assert dt.date(2026, 11, 25) <= meta.last_reviewed <= dt.date.today()
    assert meta.review_every_days == 180
    assert "not legal advice" in tr(meta.disclaimer).lower()


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_every_question_says_why_and_cites_its_rule(tree_id: str) -> None:
    tree = _tree(tree_id)
    no_help = [q.id for q in tree.nodes.values() if len(tr(q.help).strip()) < 20]
    no_sources = [q.id for q in tree.nodes.values() if not q.sources]
    assert no_help == [], f"{tree_id}: questions without 'why we ask' help: {no_help}"
    assert no_sources == [], f"{tree_id}: questions without sources: {no_sources}"


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_every_outcome_is_complete(tree_id: str) -> None:
    problems = []
    for outcome in _tree(tree_id).outcomes.values():
        if not outcome.steps:
            problems.append(f"{outcome.id}: no steps")
        if len(outcome.checklist) < 3:
            problems.append(f"{outcome.id}: {len(outcome.checklist)} checklist items (need 3)")
        if not outcome.risks:
            problems.append(f"{outcome.id}: no risks")
        if not outcome.sources:
            problems.append(f"{outcome.id}: no sources")
        problems += [f"{outcome.id}.{i.id}: no sources" for i in outcome.checklist if not i.sources]
    assert problems == [], f"{tree_id}: " + "; ".join(problems)


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_every_risk_is_sourced_and_actionable(tree_id: str) -> None:
    tree = _tree(tree_id)
    bad = [r.id for r in tree.risks.values() if not r.sources or not tr(r.mitigation).strip()]
    assert bad == [], f"{tree_id}: risks without sources or mitigation: {bad}"


def test_a_source_id_means_the_same_document_in_every_tree() -> None:
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for tree_id in TREE_IDS:
        for sid, source in _tree(tree_id).sources.items():
            first_tree, first_url = seen.setdefault(sid, (tree_id, source.url))
            if first_url != source.url:
                clashes.append(f"{sid}: {first_tree} has {first_url}, {tree_id} has {source.url}")
    assert clashes == []


def test_continue_links_name_shipped_trees_and_start_reaches_every_tree() -> None:
    links = {
        (tree_id, outcome.continue_.tree)
        for tree_id in TREE_IDS
        for outcome in _tree(tree_id).outcomes.values()
        if outcome.continue_ is not None
    }
    assert {target for _, target in links} <= set(TREE_IDS)
    from_start = {target for source, target in links if source == "start"}
    assert from_start == set(TREE_IDS) - {"start"}


# Where public sources disagree, the tree must say so (a risk citing both sides), never pick one.
CONTRADICTIONS = [
    ("internship", "s2-length-conflict", {"bencham-advisory", "beijing-s2-one-year"}),
    ("internship", "remark-length-conflict", {"shanghai-study-guide", "sjtu-ji-internship"}),
    ("work-after-study", "k-visa-uncertain", {"business-standard-k-visa", "visitchinavisa-k-visa"}),
    (
        "work-after-study",
        "permit-deadline-conflict",
        {"shanghai-work-permit-howto", "hainanu-deadlines"},
    ),
    ("permanent-residence", "keep-pr-stay", {"gov-2005-keep-pr", "yehecc-draft-2020"}),
    ("permanent-residence", "deposit-200k", {"shanghai-couples", "hainanwel-pr-story"}),
    ("permanent-residence", "working-staff-conflict", {"shmh-600k", "beijing-12-measures"}),
    (
        "permanent-residence",
        "investor-threshold-conflict",
        {"order74-suzhou", "anychinavisa-investors"},
    ),
    ("permanent-residence", "draft-2020", {"yehecc-draft-2020", "globaltimes-draft"}),
    # People who already hold a work permit (research-notes-2.md, contradictions C1-C4, C11).
    ("work-after-study", "renewal-window", {"beijing-permit-extension", "tianjin-work-permit"}),
    ("work-after-study", "cancellation-deadline", {"tianjin-work-permit", "ousaite-10-days"}),
    ("work-after-study", "new-application-gap", {"allhunan-transfer", "elitestage-transfer"}),
    ("work-after-study", "same-employer-new-city", {"shine-nia-2024", "careermunity-move"}),
    ("work-after-study", "five-year-conditions", {"jinhua-12-measures", "shine-nia-2024"}),
    # Time since graduation (C7: 1 year national, 2 in Beijing, 5 per an agency for Shanghai).
    (
        "work-after-study",
        "graduation-window-conflict",
        {"beijing-two-zones-talent", "elitere-beijing-2024", "xingfushuangcheng-category-a"},
    ),
    # Child PR documents (C9: Shanghai none vs Hengyang / Changsha income, tax, deposit).
    (
        "permanent-residence",
        "child-documents-differ",
        {"sh-italent-parent-child", "hengyang-child-pr"},
    ),
]


@pytest.mark.parametrize(("tree_id", "risk_id", "sides"), CONTRADICTIONS)
def test_known_contradictions_stay_visible(tree_id: str, risk_id: str, sides: set[str]) -> None:
    tree = _tree(tree_id)
    risk = tree.risks.get(risk_id)
    assert risk is not None, f"{tree_id}: the contradiction risk `{risk_id}` is gone"
    assert risk.severity in {"caution", "high"}
    assert sides <= set(risk.sources), f"{risk_id} must cite both sides: {sorted(sides)}"
    used = {r for o in tree.outcomes.values() for r in o.risks}
    used |= {r for q in tree.nodes.values() for r in q.risks}
    used |= {r for q in tree.nodes.values() for o in q.options for r in o.risks}
    assert risk_id in used, f"{tree_id}: `{risk_id}` is defined but never shown"


MAX_WORDS = 30
"""Plain language: a sentence a student reads in a help text, a summary, a risk's detail or
what to do about it has at most this many words."""


def _long_sentences(text: str) -> list[str]:
    # A sentence ends at . ! ? or ; followed by a space (not in "e.g. " or "No. 5").
    parts = re.split(r"(?<=[.!?;])\s+(?=[A-Z(“\"'0-9])", " ".join(text.split()))
    return [p for p in parts if len(p.split()) > MAX_WORDS]


def _plain_texts(tree: Tree) -> Iterator[tuple[str, str]]:
    for qid, question in tree.nodes.items():
        if question.help:
            yield f"nodes.{qid}.help", tr(question.help)
        for option in question.options:
            if option.help:
                yield f"nodes.{qid}.{option.id}.help", tr(option.help)
    for oid, outcome in tree.outcomes.items():
        yield f"outcomes.{oid}.summary", tr(outcome.summary)
    for rid, risk in tree.risks.items():
        yield f"risks.{rid}.detail", tr(risk.detail)
        yield f"risks.{rid}.mitigation", tr(risk.mitigation)


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_sentences_are_short(tree_id: str) -> None:
    long = [
        f"{where}: {len(s.split())} words: {s}"
        for where, text in _plain_texts(_tree(tree_id))
        for s in _long_sentences(text)
    ]
    assert long == [], "\n".join(long)


def test_the_sentence_rule_itself() -> None:
    short = "One. Two words here."
    assert _long_sentences(short) == []
    long = "Word " + " ".join(["word"] * 30) + "."
    assert _long_sentences(f"Fine. {long} Also fine.") == [long]


def test_the_triage_reaches_every_situation_the_trees_first_questions_distinguish() -> None:
    """Each option of each tree's first question is a situation that tree handles; the start
    tree must hand every one of them over (its `continue` carrying that answer), through an
    outcome some walk of the start tree reaches."""
    from wizard.tree.reach import reach

    shipped = trees()
    start = shipped["start"]
    reached = reach(start)
    handed: dict[str, set[object]] = {}
    for oid in reached:
        link = start.outcomes[oid].continue_
        if link is not None:
            first = shipped[link.tree].tree.start
            handed.setdefault(link.tree, set()).add(link.answers.get(first))
    missing = []
    for tree_id, tree in shipped.items():
        if tree_id == "start":
            continue
        first = tree.nodes[tree.tree.start]
        situations = {o.id for o in first.options if not o.unknown}
        covered = handed.get(tree_id, set())
        missing += [f"{tree_id}: {first.id} = {s}" for s in sorted(situations - covered)]
    assert missing == [], "start never hands these over: " + "; ".join(missing)
