"""Random valid trees walked with random answers always end at an outcome or a question."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.tree.answers import AnswerError
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

TYPES = ["choice", "yesno", "multi", "number", "date", "text"]


@st.composite
def trees(draw: st.DrawFn) -> dict[str, Any]:
    """A random tree whose edges only go forward (no cycles) and whose routes end in a default."""
    count = draw(st.integers(1, 12))
    outcomes = [f"o{i}" for i in range(draw(st.integers(1, 4)))]
    nodes: dict[str, Any] = {}
    for i in range(count):
        later = [f"q{j}" for j in range(i + 1, count)] + outcomes
        target = st.sampled_from(later)
        kind = draw(st.sampled_from(TYPES))
        node: dict[str, Any] = {"type": kind, "prompt": f"Question {i}?"}
        earlier = [f"q{j}" for j in range(i + 1)]
        condition = st.one_of(
            st.builds(
                lambda q, v: {"answer": q, "is": v},
                st.sampled_from(earlier),
                st.sampled_from(["a", "yes", "no"]),
            ),
            st.builds(
                lambda q, v: {"answer": q, "gte": v}, st.sampled_from(earlier), st.integers(-5, 5)
            ),
            st.builds(
                lambda q, v: {"not": {"answer": q, "has": v}},
                st.sampled_from(earlier),
                st.sampled_from(["a", "b"]),
            ),
        )
        routes = draw(
            st.lists(st.builds(lambda c, n: {"when": c, "next": n}, condition, target), max_size=3)
        )
        if kind in ("choice", "multi"):
            ids = ["a", "b", "c"][: draw(st.integers(2, 3))]
            node["options"] = [
                {"id": o, "next": draw(target)} if kind == "choice" else {"id": o} for o in ids
            ]
        elif kind == "yesno":
            node["options"] = [
                {"id": "yes", "next": draw(target)},
                {"id": "no", "next": draw(target)},
            ]
        elif kind == "number":
            node |= {"min": -10, "max": 10}
        node["routes"] = routes
        node["next"] = draw(target)
        nodes[f"q{i}"] = node
    return {
        "tree": {
            "id": "random",
            "title": "R",
            "summary": "S",
            "version": "1",
            "last_reviewed": dt.date(2026, 1, 1),
            "disclaimer": "D",
            "start": "q0",
        },
        "nodes": nodes,
        "outcomes": {o: {"title": o, "verdict": "possible", "summary": "s"} for o in outcomes},
    }


ANSWERS = st.one_of(
    st.sampled_from(["a", "b", "c", "yes", "no", "zzz", ""]),
    st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=3),
    st.integers(-20, 20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.text(max_size=20),
    st.booleans(),
    st.none(),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=trees(),
    answers=st.lists(ANSWERS, max_size=40),
    revisions=st.lists(st.tuples(st.integers(0, 20), ANSWERS), max_size=5),
)
def test_random_walks_end_at_an_outcome_or_a_question(
    data: dict[str, Any], answers: list[object], revisions: list[tuple[int, object]]
) -> None:
    walk = Walk(Tree.model_validate(data))
    for answer in answers:
        if walk.finished:
            break
        with contextlib.suppress(AnswerError):
            walk.answer(answer)
    for index, answer in revisions:
        path = walk.path
        if path:
            with contextlib.suppress(AnswerError):
                walk.revise(path[index % len(path)].id, answer)
    assert (walk.current is None) != (walk.outcome is None)
    # The path is consistent: replaying its answers from scratch gives the same place.
    again, problems = Walk.replay(walk.tree, walk.answers.items())
    assert problems == []
    assert (again.current, again.outcome) == (walk.current, walk.outcome)
