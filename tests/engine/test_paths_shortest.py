"""`wizard paths`' shortest answer sequences (`wizard.tree.paths`) against brute force: on small
random trees whose conditions read earlier answers, every answer of every question tried, the
sequence found reaches its outcome, is as short as any walk there, and is marked proven; an
outcome no walk reaches has none."""

from __future__ import annotations

import random
from typing import Any

import pytest

from wizard.tree.paths import count_paths
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
NUMBERS = range(0, 7)
QUESTIONS = 6


def random_tree(rng: random.Random) -> Tree:
    """Questions in order (choices and small whole numbers), routes whose conditions read
    earlier answers and jump ahead, four outcomes."""
    kinds = [rng.choice(["choice", "number"]) for _ in range(QUESTIONS)]
    names = [f"q{i}" for i in range(QUESTIONS)]
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
        node["next"] = rng.choice(later) if i < QUESTIONS - 1 else rng.choice(outcomes)
        nodes[name] = node
    outs = {
        o: {"verdict": "possible", "title": "T", "summary": "S", "sources": ["s"]} for o in outcomes
    }
    return Tree.model_validate({"tree": META, "sources": SOURCE, "nodes": nodes, "outcomes": outs})


def values(tree: Tree, qid: str) -> list[AnswerValue]:
    question = tree.nodes[qid]
    return [o.id for o in question.options] if question.options else list(NUMBERS)


def brute_shortest(tree: Tree) -> dict[str, int]:
    """The fewest answers of any walk to each outcome, every answer tried."""
    best: dict[str, int] = {}
    stack: list[tuple[str, dict[str, AnswerValue]]] = [(tree.tree.start, {})]
    while stack:
        node, answers = stack.pop()
        if node in tree.outcomes:
            best[node] = min(best.get(node, len(answers)), len(answers))
            continue
        for value in values(tree, node):
            now = {**answers, node: value}
            following = route(tree.nodes[node], now)
            if following is not None:
                stack.append((following, now))
    return best


def replay(tree: Tree, answers: tuple[tuple[str, AnswerValue], ...]) -> str | None:
    node: str | None = tree.tree.start
    given: dict[str, AnswerValue] = {}
    for qid, value in answers:
        assert node == qid, (node, qid)
        given[qid] = value
        node = route(tree.nodes[qid], given)
    return node


@pytest.mark.parametrize("seed", range(80))
def test_shortest_sequences_match_brute_force(seed: int) -> None:
    tree = random_tree(random.Random(seed))
    best = brute_shortest(tree)
    for oid, found in count_paths(tree).items():
        assert found.proven
        if oid not in best:
            assert found.shortest is None, (seed, oid)
            continue
        assert found.shortest is not None, (seed, oid)
        assert replay(tree, found.shortest) == oid, (seed, oid, found.shortest)
        assert len(found.shortest) == best[oid], (seed, oid, found.shortest, best[oid])
