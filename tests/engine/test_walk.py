"""The walk: answer, back, revise, risks, outcome and its why."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.tree.answers import AnswerError
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk


def overseas_to_s2(tree: Tree) -> Walk:
    walk = Walk(tree)
    for answer in ("overseas", 4, ["ai"], "ACME"):
        walk.answer(answer)
    return walk


def test_a_new_walk_asks_the_start_question(sample_tree: Tree) -> None:
    walk = Walk(sample_tree)
    assert walk.current is not None and walk.current.id == "enrolment"
    assert walk.path == [] and not walk.finished and walk.outcome is None


def test_answers_lead_to_an_outcome_with_its_why(sample_tree: Tree) -> None:
    walk = overseas_to_s2(sample_tree)
    assert walk.finished and walk.current is None
    assert walk.outcome is not None and walk.outcome.id == "s2"
    assert [step.id for step in walk.why] == ["enrolment", "months", "sectors", "company"]
    assert walk.answers == {
        "enrolment": "overseas",
        "months": 4,
        "sectors": ["ai"],
        "company": "ACME",
    }


def test_a_bad_answer_is_refused_and_changes_nothing(sample_tree: Tree) -> None:
    walk = Walk(sample_tree)
    walk.answer("overseas")
    with pytest.raises(AnswerError, match="at most 24 months"):
        walk.answer(30)
    with pytest.raises(AnswerError, match="not a number"):
        walk.answer("four")
    assert walk.current is not None and walk.current.id == "months"
    assert walk.answers == {"enrolment": "overseas"}


def test_answering_a_finished_walk_is_refused(sample_tree: Tree) -> None:
    walk = overseas_to_s2(sample_tree)
    with pytest.raises(AnswerError, match="finished"):
        walk.answer("x")


def test_back_returns_to_the_previous_question_and_remembers_the_answer(sample_tree: Tree) -> None:
    walk = overseas_to_s2(sample_tree)
    step = walk.back()
    assert step is not None and step.id == "company"
    assert walk.current is not None and walk.current.id == "company"
    assert walk.remembered["company"] == "ACME"
    walk.back()
    assert walk.current is not None and walk.current.id == "sectors"
    assert walk.remembered["sectors"] == ["ai"]
    walk.answer(["ai"])
    assert "sectors" not in walk.remembered


def test_back_at_the_start_does_nothing(sample_tree: Tree) -> None:
    walk = Walk(sample_tree)
    assert walk.back() is None
    assert walk.current is not None and walk.current.id == "enrolment"


def test_revise_drops_answers_off_the_new_path_and_says_which(sample_tree: Tree) -> None:
    walk = overseas_to_s2(sample_tree)
    dropped = walk.revise("enrolment", "china")
    assert [s.id for s in dropped] == ["months", "sectors", "company"]
    assert walk.answers == {"enrolment": "china"}
    assert walk.current is not None and walk.current.id == "field"
    assert walk.outcome is None


def test_revise_keeps_later_answers_still_on_the_path(sample_tree: Tree) -> None:
    walk = overseas_to_s2(sample_tree)
    dropped = walk.revise("months", 5)
    assert dropped == []
    assert walk.answers["sectors"] == ["ai"] and walk.outcome is not None
    assert walk.outcome.id == "s2"


def test_revise_can_end_the_walk_early(sample_tree: Tree) -> None:
    walk = overseas_to_s2(sample_tree)
    dropped = walk.revise("months", 12)
    assert [s.id for s in dropped] == ["sectors", "company"]
    assert walk.outcome is not None and walk.outcome.id == "too-long"


def test_an_abandoned_branch_never_steers_routing(sample_tree: Tree) -> None:
    # `company` routes to s2 only if enrolment is overseas; once enrolment is revised to china,
    # the old overseas answers must not reach the outcome through any route.
    walk = overseas_to_s2(sample_tree)
    walk.revise("enrolment", "china")
    walk.answer("yes")
    walk.answer(dt.date(2026, 3, 1))
    assert walk.outcome is not None and walk.outcome.id == "x1-remark"
    assert set(walk.answers) == {"enrolment", "field", "start-date"}
    assert "months" not in [s.id for s in walk.why]


def test_revise_refuses_a_question_not_on_the_path(sample_tree: Tree) -> None:
    walk = overseas_to_s2(sample_tree)
    with pytest.raises(AnswerError, match="not been answered"):
        walk.revise("field", "yes")


def test_revise_with_a_bad_answer_changes_nothing(sample_tree: Tree) -> None:
    walk = overseas_to_s2(sample_tree)
    with pytest.raises(AnswerError):
        walk.revise("months", 99)
    assert walk.answers["months"] == 4 and walk.outcome is not None


def test_risks_accumulate_in_order_once_each(sample_tree: Tree) -> None:
    walk = Walk(sample_tree)
    assert walk.risks == []
    walk.answer("overseas")
    assert [(h.risk.id, h.where, h.risk.severity) for h in walk.risks] == [
        ("s2-in-country", "enrolment.overseas", "high")
    ]
    for answer in (4, ["ai"], "ACME"):
        walk.answer(answer)
    # The outcome carries the same risk: it is listed once, where first met.
    assert [h.risk.id for h in walk.risks] == ["s2-in-country"]


def test_risks_of_a_dropped_branch_disappear(sample_tree: Tree) -> None:
    walk = Walk(sample_tree)
    walk.answer("china")
    walk.answer("no")
    assert [h.risk.id for h in walk.risks] == ["unrelated"]
    walk.revise("field", "yes")
    assert walk.risks == []


def test_replay_stops_at_a_refused_answer_and_reports_it(sample_tree: Tree) -> None:
    walk, problems = Walk.replay(
        sample_tree, [("enrolment", "overseas"), ("months", 99), ("sectors", ["ai"])]
    )
    assert walk.current is not None and walk.current.id == "months"
    assert problems[0].startswith("months: must be at most 24")
    assert "sectors: not on the path of these answers" in problems


def test_answer_labels(sample_tree: Tree) -> None:
    walk = overseas_to_s2(sample_tree)
    labels = [walk.label(step) for step in walk.path]
    assert labels == ["Outside China", "4 months", "Artificial intelligence", "ACME"]
    assert walk.label(walk.path[0], "zh") == "中国境外"
