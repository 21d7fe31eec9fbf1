"""Small random trees and a brute-force walker, for the tests that check the engine against every
answer tried (`test_judge.py`, `test_paths_shortest.py`)."""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from typing import Any

from wizard.tree.routing import route
from wizard.tree.schema import AnswerValue, Tree

SOURCE = {
    "s": {"title": "S", "publisher": "P", "url": "https://example.org", "accessed": "2026-11-01"}
}
META = {
    "id": "t",
    "title": "T",
    "summary": "S",
    "version": "1",
    "last_reviewed": "2026-11-01",
    "disclaimer": "D",
    "start": "q0",
}
# Small enough that the walker can try every number; the conditions' thresholds fall inside.
NUMBERS = range(0, 7)


def tree_of(nodes: dict[str, Any], outcomes: dict[str, Any]) -> Tree:
    """A valid tree of these nodes and outcomes, the outcomes' title, summary and sources filled."""
    for o in outcomes.values():
        o.setdefault("title", "T")
        o.setdefault("summary", "S")
        o.setdefault("sources", ["s"])
    return Tree.model_validate(
        {"tree": META, "sources": SOURCE, "nodes": nodes, "outcomes": outcomes}
    )


def random_tree(rng: random.Random, questions: int, alternatives: bool = False) -> Tree:
    """`questions` questions in order (choices and small whole numbers), routes whose conditions
    read earlier answers and jump ahead, four outcomes. With `alternatives`, the outcomes are each
    other's alternatives and about half of them carry a requirement (what judging needs)."""
    kinds = [rng.choice(["choice", "number"]) for _ in range(questions)]
    names = [f"q{i}" for i in range(questions)]
    outcomes = [f"o{i}" for i in range(4)]

    def leaf(upto: int) -> dict[str, Any]:
        q = rng.randrange(upto + 1)
        if kinds[q] == "choice":
            return {"answer": names[q], "is": rng.choice(["a", "b", "c"])}
        return {"answer": names[q], rng.choice(["gt", "gte", "lt", "lte", "eq"]): rng.randrange(7)}

    def condition(upto: int) -> dict[str, Any]:
        shape = rng.random()
        if shape < 0.6:
            return leaf(upto)
        kind = "all" if shape < 0.8 else "any"
        return {kind: [leaf(upto), leaf(upto)]}

    nodes: dict[str, Any] = {}
    for i, (name, kind) in enumerate(zip(names, kinds, strict=True)):
        later = names[i + 1 :] + outcomes
        node: dict[str, Any] = {"type": kind, "prompt": name}
        if kind == "choice":
            node["options"] = [{"id": o} for o in "abc"]
        else:
            node.update({"min": 0, "max": 6, "integer": True})
        node["routes"] = [
            {"when": condition(i), "next": rng.choice(later)} for _ in range(rng.randrange(3))
        ]
        node["next"] = rng.choice(later) if i < questions - 1 else rng.choice(outcomes)
        nodes[name] = node
    outs: dict[str, Any] = {}
    for o in outcomes:
        out: dict[str, Any] = {"verdict": "possible"}
        # Drawn only with `alternatives`, so the trees without them stay those of the same seed.
        if alternatives:
            out["alternatives"] = [x for x in outcomes if x != o]
            if rng.random() < 0.5:
                out["requires"] = [
                    {"when": condition(questions - 1), "text": "R", "sources": ["s"]}
                ]
        outs[o] = out
    return tree_of(nodes, outs)


def values(tree: Tree, qid: str) -> list[AnswerValue]:
    """Every answer the walker tries at a question."""
    question = tree.nodes[qid]
    return [o.id for o in question.options] if question.options else list(NUMBERS)


def walks(
    tree: Tree, fixed: Mapping[str, AnswerValue]
) -> Iterator[tuple[str, dict[str, AnswerValue]]]:
    """Every complete walk (all answers tried) keeping `fixed` where asked: (outcome, answers)."""
    stack: list[tuple[str, dict[str, AnswerValue]]] = [(tree.tree.start, {})]
    while stack:
        node, answers = stack.pop()
        if node in tree.outcomes:
            yield node, answers
            continue
        for value in [fixed[node]] if node in fixed else values(tree, node):
            now = {**answers, node: value}
            following = route(tree.nodes[node], now)
            if following is not None:
                stack.append((following, now))
