"""The symbolic engine: which outcomes some walk can reach while keeping given answers.

A walk is tried with one answer per class of answers (`wizard.tree.domains`), so the search
is exact over what conditions can tell apart, and small: a state is the node and the answers
conditions read, so two walks that differ only in answers no condition reads are one state.
Answers in `fixed` are kept wherever their question is asked; questions not asked stay free.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from wizard.tree.domains import domain, leaves, tree_conditions
from wizard.tree.routing import route
from wizard.tree.schema import AnswerValue, Tree

Answers = tuple[tuple[str, AnswerValue], ...]
Accept = Callable[[str, dict[str, AnswerValue]], bool]
"""Whether reaching an outcome (its id, the walk's answers) counts."""


@dataclass
class Search:
    """One search's settings, and what it found: the first walk to each outcome."""

    tree: Tree
    fixed: Mapping[str, AnswerValue] = field(default_factory=dict)
    accept: Accept | None = None
    read: frozenset[str] = frozenset()
    """Extra questions whose answers a state must keep (what `accept` reads)."""
    found: dict[str, Answers] = field(default_factory=dict)


def read_by_conditions(tree: Tree) -> frozenset[str]:
    """The questions some condition of the tree (a route or a requirement) reads."""
    return frozenset(
        leaf.answer for c in tree_conditions(tree) for leaf in leaves(c) if leaf.answer
    )


def reach(
    tree: Tree,
    fixed: Mapping[str, AnswerValue] | None = None,
    target: str | None = None,
    accept: Accept | None = None,
    read: frozenset[str] = frozenset(),
) -> dict[str, Answers]:
    """The outcomes some walk reaches keeping `fixed`, each with the answers of one such walk
    (in the order asked). With `target`, stops as soon as that outcome is found."""
    search = Search(tree, fixed or {}, accept, read | read_by_conditions(tree))
    cells = domain(tree)
    seen: set[tuple[str, frozenset[tuple[str, object]]]] = set()
    stack: list[tuple[str, Answers]] = [(tree.tree.start, ())]
    while stack:
        node, taken = stack.pop()
        if node in tree.outcomes:
            answers = dict(taken)
            if node not in search.found and (accept is None or accept(node, answers)):
                search.found[node] = taken
                if node == target:
                    break
            continue
        question = tree.nodes.get(node)
        if question is None:
            continue
        kept = frozenset((q, _hashable(v)) for q, v in taken if q in search.read)
        key = (node, kept)
        if key in seen:
            continue
        seen.add(key)
        if question.id in search.fixed:
            values = [search.fixed[question.id]]
        else:
            values = [cell.value for cell in cells.get(question.id, [])]
        for value in values:
            answers = dict(taken)
            answers[question.id] = value
            following = route(question, answers)
            if following is not None:
                stack.append((following, (*taken, (question.id, value))))
    return search.found


def _hashable(value: AnswerValue) -> object:
    return tuple(value) if isinstance(value, list) else value
