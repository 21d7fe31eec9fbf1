"""`wizard paths`: counts by dynamic programming, shortest answer sequences that really work."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from wizard.tree.paths import count_paths, format_paths
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk


def ladder(steps: int, options: int = 2) -> Tree:
    """`steps` questions in a row, each with `options` options all leading to the next one:
    options ** steps distinct paths to the one outcome."""
    nodes: dict[str, Any] = {}
    for i in range(steps):
        target = f"q{i + 1}" if i + 1 < steps else "end"
        ids = [f"o{k}" for k in range(options)]
        nodes[f"q{i}"] = {
            "type": "choice",
            "prompt": "?",
            "options": [{"id": o, "next": target} for o in ids],
        }
    meta = {
        "id": "ladder",
        "title": "L",
        "summary": "S",
        "version": "1",
        "disclaimer": "D",
        "start": "q0",
        "last_reviewed": dt.date(2026, 1, 1),
    }
    outcome = {"title": "End", "verdict": "possible", "summary": "s"}
    return Tree.model_validate({"tree": meta, "nodes": nodes, "outcomes": {"end": outcome}})


def test_counts_paths_without_enumerating_them() -> None:
    tree = ladder(64)
    result = count_paths(tree)["end"]
    assert result.count == 2**64 > 10**18
    assert result.shortest is not None and len(result.shortest) == 64


def test_counts_and_shortest_sequences_on_the_sample(sample_tree: Tree) -> None:
    paths = count_paths(sample_tree)
    assert {oid: p.count for oid, p in paths.items()} == {
        "x1-remark": 1,
        "x1-later": 1,
        "s2": 2,
        "too-long": 1,
        "not-allowed": 3,
    }
    assert paths["not-allowed"].shortest == (("enrolment", "china"), ("field", "no"))


def test_every_shortest_sequence_reaches_its_outcome(sample_tree: Tree) -> None:
    for oid, found in count_paths(sample_tree).items():
        assert found.shortest is not None
        walk, problems = Walk.replay(sample_tree, found.shortest)
        assert problems == [] and walk.outcome is not None and walk.outcome.id == oid


def test_an_outcome_no_answers_can_reach_has_no_shortest_sequence(sample_tree: Tree) -> None:
    # Make the only route to x1-later impossible: a date both before and after 2027.
    data = sample_tree.model_dump(by_alias=True, exclude_none=True)
    data["nodes"]["start-date"]["routes"] = [
        {"when": {"answer": "start-date", "gte": dt.date(2000, 1, 1)}, "next": "x1-remark"},
        {"when": {"answer": "start-date", "lt": dt.date(2000, 1, 1)}, "next": "x1-later"},
        {"next": "x1-remark"},
    ]
    paths = count_paths(Tree.model_validate(data))
    assert paths["x1-later"].count == 1 and paths["x1-later"].shortest is None


def test_text_and_json_formats(sample_tree: Tree) -> None:
    paths = count_paths(sample_tree)
    text = format_paths(sample_tree, paths)
    assert "too-long (not-available): Too long for an S2\n  paths: 1\n" in text
    assert "shortest (2 answers): enrolment = overseas, months = " in text  # any over 6
    data = json.loads(format_paths(sample_tree, paths, "json"))
    assert data["tree"] == "sample"
    assert data["outcomes"][0]["shortest"]["start-date"] == "2020-01-01"
