"""The verdict for this person: what their own answers say of the outcome they reached and of
each alternative beside it.

- An outcome's `requires` are tested on the answers: met, broken, or unestablished (not asked,
  or answered "I don't know"). "Recommended" and "possible" stand only when none is broken;
  an unestablished one, or an "I don't know" on the way, makes the verdict at most "possible".
- An alternative is open when some walk that keeps every answer given (on the questions it
  asks) reaches it without breaking its requirements. A closed one names the fewest answers
  that close it and, where one exists, the smallest change that opens it ("9 or more").
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from wizard.tree.domains import Cell, describe_range, domain, merge
from wizard.tree.reach import conflicts
from wizard.tree.routing import holds
from wizard.tree.schema import (
    AnswerValue,
    AnyQuestion,
    Condition,
    MultiQuestion,
    NumberQuestion,
    Outcome,
    Requirement,
    Tree,
    Verdict,
    tr,
)

Status = Literal["met", "broken", "unestablished"]


@dataclass(frozen=True)
class Assumption:
    """An "I don't know" answer on the path: something to confirm."""

    question: str
    answer: AnswerValue
    confirm: str
    lowers_verdict: bool


@dataclass(frozen=True)
class Check:
    """One requirement of the reached outcome, and how the answers stand to it."""

    requirement: Requirement
    status: Status


@dataclass(frozen=True)
class Needs:
    """A change that would open a closed alternative: the question, and the answers that work
    (words for choices, a threshold for numbers and dates)."""

    question: str
    needs: str


@dataclass(frozen=True)
class Alternative:
    id: str
    open: bool
    blocked_by: list[tuple[str, AnswerValue]] = field(default_factory=list)
    """The fewest given answers (question, answer) that close it."""
    opens_with: list[Needs] = field(default_factory=list)
    """The smallest change that opens it, if the search found one."""
    assumed: bool = False
    """Open only if an "I don't know" answer turns out one way: at most "possible"."""


@dataclass(frozen=True)
class Judgement:
    declared: Verdict
    verdict: Verdict
    """The declared verdict, at most "possible" when something is unestablished or assumed,
    "not-available" when an answer breaks a requirement."""
    assumptions: list[Assumption]
    checks: list[Check]
    alternatives: list[Alternative]


def evaluate(
    condition: Condition, answers: Mapping[str, AnswerValue], unknown: set[str]
) -> bool | None:
    """A condition on three values: None when it depends on a question not answered or
    answered "I don't know" (in `unknown`)."""
    if condition.all is not None:
        parts = [evaluate(c, answers, unknown) for c in condition.all]
        return False if False in parts else (True if all(parts) else None)
    if condition.any is not None:
        parts = [evaluate(c, answers, unknown) for c in condition.any]
        return True if True in parts else (False if all(p is False for p in parts) else None)
    if condition.not_ is not None:
        inner = evaluate(condition.not_, answers, unknown)
        return None if inner is None else not inner
    if condition.answer not in answers or condition.answer in unknown:
        return None
    return holds(condition, answers)


def unknown_answers(tree: Tree, answers: Mapping[str, AnswerValue]) -> set[str]:
    """The questions answered with an "I don't know" option (a multiple choice: ticked)."""
    found: set[str] = set()
    for qid, value in answers.items():
        question = tree.nodes.get(qid)
        if question is None:
            continue
        chosen = value if isinstance(value, list) else [value]
        if any(o.unknown and o.id in chosen for o in question.options):
            found.add(qid)
    return found


def check(outcome: Outcome, answers: Mapping[str, AnswerValue], unknown: set[str]) -> list[Check]:
    out = []
    for requirement in outcome.requires:
        value = evaluate(requirement.when, answers, unknown)
        status: Status = "met" if value else ("broken" if value is False else "unestablished")
        out.append(Check(requirement, status))
    return out


def capped(declared: Verdict, checks: list[Check], assumptions: list[Assumption]) -> Verdict:
    if declared not in ("recommended", "possible"):
        return declared
    if any(c.status == "broken" for c in checks):
        return "not-available"
    doubtful = any(c.status == "unestablished" for c in checks) or any(
        a.lowers_verdict for a in assumptions
    )
    return "possible" if doubtful else declared


def judge(
    tree: Tree, outcome: Outcome, answers: Mapping[str, AnswerValue], lang: str = "en"
) -> Judgement:
    """The verdict of `outcome`, reached with `answers` (the path's), and its alternatives."""
    mine = verdict_of(tree, outcome, answers, lang)
    alternatives = [
        alternative(tree, alt, answers) for alt in outcome.alternatives if alt in tree.outcomes
    ]
    return replace(mine, alternatives=alternatives)


def verdict_of(
    tree: Tree, outcome: Outcome, answers: Mapping[str, AnswerValue], lang: str = "en"
) -> Judgement:
    """`judge` without the alternatives (their search is most of its cost): what a session's
    digest keeps."""
    unknown = unknown_answers(tree, answers)
    assumptions = [_assumption(tree.nodes[q], answers[q], lang) for q in answers if q in unknown]
    checks = check(outcome, answers, unknown)
    verdict = capped(outcome.verdict, checks, assumptions)
    return Judgement(outcome.verdict, verdict, assumptions, checks, [])


def _assumption(question: AnyQuestion, value: AnswerValue, lang: str) -> Assumption:
    chosen = value if isinstance(value, list) else [value]
    option = next(o for o in question.options if o.unknown and o.id in chosen)
    confirm = (
        tr(option.confirm, lang) if option.confirm else f"Find out: {tr(question.prompt, lang)}"
    )
    return Assumption(question.id, value, confirm, question.affects_verdict)


def alternative(tree: Tree, alt: str, answers: Mapping[str, AnswerValue]) -> Alternative:
    """Whether `alt` is open to someone who gave `answers`, and if not, why and what opens it.

    One search finds every way to `alt` and which given answers each way changes
    (`wizard.tree.reach.conflicts`). Open: a way that changes none. Otherwise the fewest
    answers that close it are the smallest set meeting every way's changes, and the smallest
    change that opens it is the way that changes fewest. An "I don't know" answer rules
    nothing out: it is left free (the alternative's verdict is then at most "possible")."""
    outcome = tree.outcomes[alt]
    unknown = {q for q in unknown_answers(tree, answers) if tree.nodes[q].affects_verdict}
    found = conflicts(tree, alt, answers, _clash(tree, outcome, answers))
    if frozenset() in found:
        return Alternative(alt, True)
    if unknown:
        answers = {q: v for q, v in answers.items() if q not in unknown}
        found = conflicts(tree, alt, answers, _clash(tree, outcome, answers))
        if frozenset() in found:
            return Alternative(alt, True, assumed=True)
    order = list(answers)
    ways = sorted(found, key=lambda s: (len(s), sorted(order.index(q) for q in s)))
    blocked = _hitting_set(ways, order)
    blocked_by = [(q, answers[q]) for q in order if q in blocked]
    opens_with = _needs(tree, outcome, answers, ways[0], found[ways[0]]) if ways else []
    return Alternative(alt, False, blocked_by, opens_with)


def _clash(
    tree: Tree, outcome: Outcome, answers: Mapping[str, AnswerValue]
) -> Callable[[dict[str, AnswerValue]], frozenset[str] | None] | None:
    """For a way to `outcome`: the given answers (not asked on that way) that break one of its
    requirements, or None when the way's own answers break one."""
    if not outcome.requires:
        return None

    def clash(walked: dict[str, AnswerValue]) -> frozenset[str] | None:
        seen = {**answers, **walked}
        unknown = unknown_answers(tree, seen)
        blamed: set[str] = set()
        for requirement in outcome.requires:
            if evaluate(requirement.when, seen, unknown) is not False:
                continue
            if evaluate(requirement.when, walked, unknown_answers(tree, walked)) is False:
                return None  # the way's own answers break it, whatever was given
            blamed.update(
                q for q in requirement.when.referenced_answers() if q in answers and q not in walked
            )
        return frozenset(blamed)

    return clash


def _hitting_set(ways: list[frozenset[str]], order: list[str], largest: int = 3) -> set[str]:
    """The fewest answers that every way changes at least one of (fixing them closes every
    way); all the answers ways change when no set of `largest` or fewer does."""
    pool = [q for q in order if any(q in w for w in ways)]
    for size in range(1, min(largest, len(pool)) + 1):
        for subset in itertools.combinations(pool, size):
            if all(w & set(subset) for w in ways):
                return set(subset)
    return set(pool)


def _needs(
    tree: Tree,
    outcome: Outcome,
    answers: Mapping[str, AnswerValue],
    change: frozenset[str],
    walks: list[tuple[tuple[str, AnswerValue], ...]],
) -> list[Needs]:
    """For each answer in `change`, the answers that open the way (from the ways found)."""
    out = []
    cells = domain(tree)
    for qid in [q for q in answers if q in change]:
        question = tree.nodes[qid]
        values = [dict(w)[qid] for w in walks if qid in dict(w)]
        working = [c for c in cells.get(qid, []) if any(c.contains(v) for v in values)]
        if working:
            out.append(Needs(qid, _words(question, working)))
        else:
            wanted = [
                tr(r.requirement.text)
                for r in check(outcome, answers, unknown_answers(tree, answers))
                if r.status == "broken" and qid in r.requirement.when.referenced_answers()
            ]
            out.append(Needs(qid, "an answer that meets: " + "; ".join(wanted)))
    return out


def _words(question: AnyQuestion, working: list[Cell]) -> str:
    if working[0].ranged:
        unit = tr(question.unit) if isinstance(question, NumberQuestion) and question.unit else ""
        return " or ".join(describe_range(*r, unit=unit or "") for r in merge(working))
    if isinstance(question, MultiQuestion):
        # The fewest ticks that work: a set that adds to a working set says nothing more.
        sets = [set(c.value) for c in working if isinstance(c.value, list)]
        working = [
            c for c, s in zip(working, sets, strict=True) if not any(other < s for other in sets)
        ]
    labels = []
    for cell in working:
        chosen = cell.value if isinstance(cell.value, list) else [cell.value]
        names = [o.text() for o in question.options if o.id in chosen]
        labels.append(
            " + ".join(names) if names else (str(cell.value) if chosen else "nothing ticked")
        )
    return " or ".join(f"“{label}”" for label in labels)
