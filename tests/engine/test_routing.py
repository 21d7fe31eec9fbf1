"""Every condition operator, and the order routes are tried in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from wizard.tree.routing import edges, holds, route, targets
from wizard.tree.schema import Condition, Tree

ANSWERS: dict[str, Any] = {
    "country": "belgium",
    "sectors": ["ai", "energy"],
    "years": 6,
    "salary": 12000.5,
    "since": dt.date(2020, 5, 1),
    "name": "Ana",
}


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"answer": "country", "is": "belgium"}, True),
        ({"answer": "country", "is": "france"}, False),
        ({"answer": "country", "in": ["france", "belgium"]}, True),
        ({"answer": "country", "in": ["france"]}, False),
        ({"answer": "sectors", "has": "ai"}, True),
        ({"answer": "sectors", "has": "finance"}, False),
        ({"answer": "country", "has": "b"}, False),
        ({"answer": "years", "eq": 6}, True),
        ({"answer": "years", "gt": 5}, True),
        ({"answer": "years", "gt": 6}, False),
        ({"answer": "years", "gte": 6}, True),
        ({"answer": "years", "lt": 6}, False),
        ({"answer": "years", "lte": 6}, True),
        ({"answer": "years", "gte": 5, "lt": 10}, True),
        ({"answer": "years", "gte": 7, "lt": 10}, False),
        ({"answer": "salary", "gt": 12000}, True),
        ({"answer": "since", "lt": dt.date(2021, 1, 1)}, True),
        ({"answer": "since", "gte": dt.date(2021, 1, 1)}, False),
        ({"answer": "since", "gt": 5}, False),
        ({"answer": "years", "gt": dt.date(2021, 1, 1)}, False),
        ({"answer": "name", "is": "Ana"}, True),
        ({"answer": "unasked", "is": "x"}, False),
        ({"not": {"answer": "unasked", "is": "x"}}, True),
        ({"not": {"answer": "country", "is": "belgium"}}, False),
        ({"all": [{"answer": "years", "gte": 5}, {"answer": "country", "is": "belgium"}]}, True),
        ({"all": [{"answer": "years", "gte": 5}, {"answer": "country", "is": "france"}]}, False),
        ({"any": [{"answer": "years", "gte": 50}, {"answer": "country", "is": "belgium"}]}, True),
        ({"any": [{"answer": "years", "gte": 50}, {"answer": "country", "is": "france"}]}, False),
    ],
)
def test_condition_operators(condition: dict[str, Any], expected: bool) -> None:
    assert holds(Condition.model_validate(condition), ANSWERS) is expected


@pytest.mark.parametrize(
    "bad",
    [
        {"answer": "x"},
        {"is": "x"},
        {"all": [], "any": []},
        {"answer": "x", "is": "y", "all": []},
        {"answer": "x", "eq": "text"},
    ],
)
def test_malformed_conditions_are_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        Condition.model_validate(bad)


def test_option_routes_come_before_option_next_then_question_routes(sample_tree: Tree) -> None:
    company = sample_tree.nodes["company"]
    answers: dict[str, Any] = {"company": "ACME", "months": 3, "enrolment": "overseas"}
    assert route(company, answers) == "s2"
    answers["enrolment"] = "china"
    assert route(company, answers) == "not-allowed"  # the default route


def test_first_matching_route_wins(sample_tree: Tree) -> None:
    months = sample_tree.nodes["months"]
    assert route(months, {"months": 6}) == "sectors"
    assert route(months, {"months": 7}) == "too-long"


def test_targets_are_the_edges_targets_in_order() -> None:
    """`targets` walks a question as `edges` does (the linter relies on it), multi questions
    (whose options cannot route) and every kind of route included."""
    from bench.generate import realistic_tables
    from wizard.tree.loader import read, shipped_trees

    broken = Path(__file__).parent.parent / "data" / "broken"
    files = [*shipped_trees(), broken / "multi-option-route.toml", broken / "unused-route.toml"]
    trees = [read(path).tree for path in files]
    trees.append(Tree.model_validate(realistic_tables(300, seed=3)))
    questions = [q for tree in trees if tree is not None for q in tree.nodes.values()]
    assert {q.type for q in questions} >= {"choice", "yesno", "multi", "number", "date", "text"}
    for question in questions:
        assert targets(question) == [edge.target for edge in edges(question)], question.id
