"""The verdict engine (`wizard.tree.judge`, `reach`, `domains`): three-valued requirements,
"I don't know" as an assumption, exclusive options, and alternatives judged for the person,
checked against brute force (every answer tried) on small random trees."""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping
from typing import Any

import pytest

from tests.engine.random_trees import random_tree, tree_of, walks
from wizard.tree.answers import AnswerError, parse_answer
from wizard.tree.domains import domain
from wizard.tree.judge import alternative, evaluate, judge
from wizard.tree.schema import AnswerValue, Condition, Tree
from wizard.tree.walk import Walk


def cond(data: dict[str, Any]) -> Condition:
    return Condition.model_validate(data)


# --- requirements on three values ---------------------------------------------------------


def test_a_requirement_is_unknown_until_answered_and_when_answered_i_dont_know() -> None:
    months = cond({"answer": "months", "gte": 9})
    assert evaluate(months, {}, set()) is None
    assert evaluate(months, {"months": 11}, set()) is True
    assert evaluate(months, {"months": 3}, set()) is False
    assert evaluate(months, {"months": 11}, {"months"}) is None
    either = cond({"any": [{"answer": "a", "is": "x"}, {"answer": "b", "is": "y"}]})
    assert evaluate(either, {"a": "x"}, set()) is True  # one true part settles `any`
    assert evaluate(either, {"a": "z"}, set()) is None  # b not asked yet
    both = cond({"all": [{"answer": "a", "is": "x"}, {"answer": "b", "is": "y"}]})
    assert evaluate(both, {"a": "z"}, set()) is False  # one false part settles `all`
    assert evaluate(cond({"not": {"answer": "a", "is": "x"}}), {}, set()) is None


SALARY = {
    "salary": {
        "type": "choice",
        "prompt": "Salary above 6 times the average?",
        "options": [
            {"id": "above", "next": "staff"},
            {"id": "below", "next": "not-yet"},
            {"id": "unknown", "unknown": True, "confirm": "Ask HR", "next": "staff"},
        ],
    }
}
STAFF = {
    "staff": {
        "verdict": "recommended",
        "requires": [
            {
                "when": {"answer": "salary", "in": ["above", "unknown"]},
                "text": "Salary",
                "sources": ["s"],
            }
        ],
        "alternatives": ["not-yet"],
    },
    "not-yet": {"verdict": "not-available"},
}


def test_i_dont_know_is_an_assumption_and_caps_the_verdict() -> None:
    tree = tree_of(SALARY, STAFF)
    sure = judge(tree, tree.outcomes["staff"], {"salary": "above"})
    assert sure.verdict == "recommended" and sure.assumptions == []
    unsure = judge(tree, tree.outcomes["staff"], {"salary": "unknown"})
    assert unsure.verdict == "possible"
    assert [(a.question, a.answer, a.confirm) for a in unsure.assumptions] == [
        ("salary", "unknown", "Ask HR")
    ]
    assert [c.status for c in unsure.checks] == ["unestablished"]


def test_a_question_marked_as_not_affecting_the_verdict_lists_but_does_not_cap() -> None:
    nodes = {"salary": {**SALARY["salary"], "affects_verdict": False}}
    tree = tree_of(nodes, {"staff": {"verdict": "recommended"}, "not-yet": {"verdict": "possible"}})
    told = judge(tree, tree.outcomes["staff"], {"salary": "unknown"})
    assert told.verdict == "recommended" and len(told.assumptions) == 1


def test_an_exclusive_option_cannot_be_ticked_with_another() -> None:
    tree = tree_of(
        {
            "q0": {
                "type": "multi",
                "prompt": "Which?",
                "options": [{"id": "a"}, {"id": "b"}, {"id": "none", "exclusive": True}],
                "next": "end",
            }
        },
        {"end": {"verdict": "not-advised"}},
    )
    question = tree.nodes["q0"]
    assert parse_answer(question, ["none"]) == ["none"]
    assert parse_answer(question, ["a", "b"]) == ["a", "b"]
    with pytest.raises(AnswerError, match="cannot be ticked with another"):
        parse_answer(question, ["a", "none"])
    walk, problems = Walk.replay(tree, [("q0", ["a", "none"])])
    assert problems and walk.outcome is None


def test_a_closed_alternative_says_which_answer_closes_it_and_the_threshold_that_opens_it() -> None:
    tree = tree_of(
        {
            "q0": {
                "type": "number",
                "prompt": "Months a year in China?",
                "unit": "months",
                "min": 0,
                "max": 12,
                "integer": True,
                "routes": [{"when": {"answer": "q0", "gte": 9}, "next": "stay"}],
                "next": "away",
            }
        },
        {
            "stay": {"verdict": "recommended"},
            "away": {"verdict": "not-available", "alternatives": ["stay"]},
        },
    )
    alt = alternative(tree, "stay", {"q0": 3})
    assert not alt.open
    assert alt.blocked_by == [("q0", 3)]
    assert [(n.question, n.needs) for n in alt.opens_with] == [("q0", "9 months or more")]
    assert alternative(tree, "stay", {"q0": 10}).open


# --- against brute force --------------------------------------------------------------------


def brute_open(tree: Tree, alt: str, given: Mapping[str, AnswerValue]) -> bool:
    for reached, answers in walks(tree, given):
        seen = {**given, **answers}
        if reached == alt and all(
            evaluate(r.when, seen, set()) is not False for r in tree.outcomes[alt].requires
        ):
            return True
    return False


@pytest.mark.parametrize("seed", range(60))
def test_alternatives_match_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    tree = random_tree(rng, questions=4, alternatives=True)
    checked = 0
    for reached, answers in itertools.islice(walks(tree, {}), 0, None, 7):
        for alt in tree.outcomes[reached].alternatives:
            judged = alternative(tree, alt, answers)
            assert judged.open == brute_open(tree, alt, answers), (seed, alt, answers)
            checked += 1
            if judged.open:
                continue
            blocked = {q: v for q, v in judged.blocked_by}
            if judged.blocked_by:
                # Fixing only the named answers closes it, and none of them can be left out.
                assert not brute_open(tree, alt, blocked), (seed, alt, answers, blocked)
                for q in blocked:
                    fewer = {k: v for k, v in blocked.items() if k != q}
                    assert brute_open(tree, alt, fewer), (seed, alt, blocked, q)
            if judged.opens_with:
                # Changing the named answers (to one the engine names) opens it.
                freed = {n.question for n in judged.opens_with}
                kept = {q: v for q, v in answers.items() if q not in freed}
                assert brute_open(tree, alt, kept), (seed, alt, answers, freed)
        if checked > 40:
            break


def test_domains_cut_numbers_at_the_thresholds_conditions_test() -> None:
    tree = tree_of(
        {
            "q0": {
                "type": "number",
                "prompt": "Age?",
                "min": 18,
                "max": 99,
                "integer": True,
                "routes": [{"when": {"answer": "q0", "gt": 60}, "next": "old"}],
                "next": "young",
            }
        },
        {"old": {"verdict": "not-advised"}, "young": {"verdict": "not-advised"}},
    )
    cells = domain(tree)["q0"]
    # Open ends stay open (None): "less than 60", not "18 or more and less than 60".
    assert [(c.low, c.low_open, c.high, c.high_open) for c in cells] == [
        (None, False, 60, True),
        (60, False, 60, False),
        (60, True, None, False),
    ]
    assert all(c.contains(c.value) for c in cells)
    assert cells[0].contains(59) and not cells[0].contains(60) and cells[2].contains(61)


def test_i_dont_know_never_closes_an_alternative_it_leaves_it_open_at_most_possible() -> None:
    nodes = {
        "q0": {
            "type": "choice",
            "prompt": "Has your employer said you are Category A?",
            "options": [
                {"id": "yes", "next": "cat-a"},
                {"id": "no", "next": "cat-b"},
                {"id": "unsure", "unknown": True, "next": "cat-b"},
            ],
        }
    }
    tree = tree_of(
        nodes,
        {
            "cat-a": {"verdict": "recommended"},
            "cat-b": {"verdict": "possible", "alternatives": ["cat-a"]},
        },
    )
    assert not alternative(tree, "cat-a", {"q0": "no"}).open
    unsure = alternative(tree, "cat-a", {"q0": "unsure"})
    assert unsure.open and unsure.assumed
