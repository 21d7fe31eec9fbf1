"""`wizard paths`' shortest answer sequences (`wizard.tree.paths`) against brute force: on small
random trees whose conditions read earlier answers, every answer of every question tried, the
sequence found reaches its outcome, is as short as any walk there, and is marked proven; an
outcome no walk reaches has none."""

from __future__ import annotations

import random

import pytest

from tests.engine.random_trees import random_tree, walks
from wizard.tree.paths import count_paths
from wizard.tree.routing import route
from wizard.tree.schema import AnswerValue, Tree

QUESTIONS = 6


def brute_shortest(tree: Tree) -> dict[str, int]:
    """The fewest answers of any walk to each outcome, every answer tried."""
    best: dict[str, int] = {}
    for reached, answers in walks(tree, {}):
        best[reached] = min(best.get(reached, len(answers)), len(answers))
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
    tree = random_tree(random.Random(seed), QUESTIONS)
    best = brute_shortest(tree)
    for oid, found in count_paths(tree).items():
        assert found.proven
        if oid not in best:
            assert found.shortest is None, (seed, oid)
            continue
        assert found.shortest is not None, (seed, oid)
        assert replay(tree, found.shortest) == oid, (seed, oid, found.shortest)
        assert len(found.shortest) == best[oid], (seed, oid, found.shortest, best[oid])
