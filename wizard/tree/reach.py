"""The symbolic engine: which outcomes some walk can reach while keeping given answers.

A walk is tried with one answer per class of answers (`wizard.tree.domains`), so the search
is exact over what conditions can tell apart, and small: a state is the node and the answers
conditions read, so two walks that differ only in answers no condition reads are one state.
Answers in `fixed` are kept wherever their question is asked; questions not asked stay free.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from wizard.tree.domains import class_of, domain, leaves, tree_conditions
from wizard.tree.memo import per_tree
from wizard.tree.routing import route, targets
from wizard.tree.schema import AnswerValue, AnyQuestion, Tree

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


class LaterSets(Mapping[str, frozenset[str]]):
    """For each question, the questions read from there on, kept as bit masks (one bit per
    question a condition reads) and made a frozenset when a search first asks for it: a
    search visits a few questions, and building every set as a frozenset copied each one
    again for each question above it (2 s on a 10,000-node tree; the masks take 30 ms)."""

    def __init__(self, masks: dict[str, int], names: list[str]) -> None:
        self._masks = masks
        self._names = names
        self._bits = {name: bit for bit, name in enumerate(names)}
        self._sets: dict[str, frozenset[str]] = {}

    def reads(self, qid: str, answer: str) -> bool:
        """Whether the answer to `answer` is read from question `qid` on (`answer in self[qid]`
        without making the set)."""
        bit = self._bits.get(answer)
        return bit is not None and (self._masks.get(qid, 0) >> bit) & 1 == 1

    def kept(
        self, qid: str, taken: Answers, also: frozenset[str] = frozenset()
    ) -> frozenset[tuple[str, object]]:
        """The answers of `taken` read from question `qid` on, or named in `also`: what a
        search's state keeps there (lists made hashable)."""
        mask, bits = self._masks.get(qid, 0), self._bits
        return frozenset(
            (q, _hashable(v))
            for q, v in taken
            if q in also or (q in bits and (mask >> bits[q]) & 1)
        )

    def __getitem__(self, qid: str) -> frozenset[str]:
        found = self._sets.get(qid)
        if found is None:
            names = self._names
            bits = bin(self._masks[qid])[:1:-1]  # lowest bit first
            found = self._sets[qid] = frozenset(
                names[bit] for bit, digit in enumerate(bits) if digit == "1"
            )
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._masks)

    def __len__(self) -> int:
        return len(self._masks)


@per_tree
def targets_of(tree: Tree) -> dict[str, list[str]]:
    """Each question's declared targets (`routing.targets`)."""
    return {qid: targets(question) for qid, question in tree.nodes.items()}


@per_tree
def graph(tree: Tree) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Each question's declared targets, and each node's questions leading to it (found once
    per tree: the searches of one judgement all need them)."""
    forward = targets_of(tree)
    back: dict[str, list[str]] = {}
    for qid, following in forward.items():
        for nxt in following:
            back.setdefault(nxt, []).append(qid)
    return forward, back


@per_tree
def read_later(tree: Tree) -> LaterSets:
    """For each question, the questions whose answers conditions read from there on (its own
    routes and every question it can lead to): answers nothing reads later cannot change
    where a walk goes, so a search forgets them."""
    bits: dict[str, int] = {}
    own: dict[str, int] = {}
    for qid, answers in route_reads(tree).items():
        mask = 0
        for answer in answers:
            mask |= 1 << bits.setdefault(answer, len(bits))
        own[qid] = mask
    masks: dict[str, int] = {}
    forward = graph(tree)[0]
    for qid in _post_order(tree):
        mask = own[qid]
        for nxt in forward[qid]:
            mask |= masks.get(nxt, 0)
        masks[qid] = mask
    return LaterSets(masks, list(bits))


@per_tree
def route_reads(tree: Tree) -> dict[str, tuple[str, ...]]:
    """For each question, the answers the conditions of its routes (and its options') read,
    sorted (the linter's pass, which primes this, meets them in another order)."""
    return {
        qid: tuple(
            sorted(
                {
                    leaf.answer
                    for r in [*q.routes, *(r for o in q.options for r in o.routes)]
                    if r.when is not None
                    for leaf in leaves(r.when)
                    if leaf.answer
                }
            )
        )
        for qid, q in tree.nodes.items()
    }


Router = Callable[[AnyQuestion, Mapping[str, AnswerValue]], "str | None"]


@per_tree
def router(tree: Tree) -> Router:
    """`route` remembering its result for each question and the answers its routes read: a
    search routes the same question with the same answers thousands of times."""
    reads = {
        qid: (qid, *(a for a in answers if a != qid)) for qid, answers in route_reads(tree).items()
    }
    memo: dict[tuple[object, ...], str | None] = {}

    def routed(question: AnyQuestion, answers: Mapping[str, AnswerValue]) -> str | None:
        key = (question.id, *(_hashable(answers.get(q)) for q in reads[question.id]))
        # Read once into a local: the outcome screen judges in a thread while an export may
        # judge on the event loop, and either may clear the memo between two reads.
        if key in memo:
            with contextlib.suppress(KeyError):
                return memo[key]
        if len(memo) > 100_000:
            memo.clear()
        found = memo[key] = route(question, answers)
        return found

    return routed


def _post_order(tree: Tree) -> list[str]:
    """Questions, each after every question it leads to (a cycle, which lint refuses, is cut)."""
    order: list[str] = []
    state: dict[str, int] = {}
    forward = graph(tree)[0]
    for root in tree.nodes:
        stack = [(root, iter(forward[root]))]
        if root in state:
            continue
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                state[node] = 2
                order.append(node)
            elif child in tree.nodes and child not in state:
                state[child] = 1
                stack.append((child, iter(forward[child])))
    return order


def leading_to(tree: Tree, *goals: str) -> set[str]:
    """The goals and every question with a declared way to one of them (conditions aside)."""
    back = graph(tree)[1]
    found = set(goals)
    stack = list(goals)
    while stack:
        for source in back.get(stack.pop(), []):
            if source not in found:
                found.add(source)
                stack.append(source)
    return found


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
    goals: frozenset[str] | None = None,
) -> dict[str, Answers]:
    """The outcomes some walk reaches keeping `fixed`, each with the answers of one such walk
    (in the order asked). With `target`, stops as soon as that outcome is found; with `goals`
    (or `target`), only walks that can still reach one of them are followed. `read` names the
    answers `accept` reads, which a state must keep."""
    fixed = fixed or {}
    cells = domain(tree)
    routed = router(tree)
    later = read_later(tree)
    wanted = goals if goals is not None else (frozenset([target]) if target else None)
    toward = leading_to(tree, *wanted) if wanted is not None else None
    found: dict[str, Answers] = {}
    seen: set[tuple[str, frozenset[tuple[str, object]]]] = set()
    stack: list[tuple[str, Answers]] = [(tree.tree.start, ())]
    while stack:
        node, taken = stack.pop()
        if node in tree.outcomes:
            if node not in found and (accept is None or accept(node, dict(taken))):
                found[node] = taken
                if node == target:
                    break
            continue
        question = tree.nodes.get(node)
        if question is None:
            continue
        key = (node, later.kept(node, taken, read))
        if key in seen:
            continue
        seen.add(key)
        values = [fixed[node]] if node in fixed else [c.value for c in cells.get(node, [])]
        for value in values:
            answers = dict(taken)
            answers[node] = value
            following = routed(question, answers)
            if following is not None and (toward is None or following in toward):
                stack.append((following, (*taken, (node, value))))
    return found


def _hashable(value: AnswerValue | None) -> object:
    return tuple(value) if isinstance(value, list) else value


Conflicts = dict[frozenset[str], list[Answers]]
"""For each set of given answers a walk to the target differs from, the walks found."""


def conflicts(
    tree: Tree,
    target: str,
    given: Mapping[str, AnswerValue],
    clash: Callable[[dict[str, AnswerValue]], frozenset[str] | None] | None = None,
) -> Conflicts:
    """Every way to reach `target`, told apart by which of the `given` answers it changes.

    One search with every question free: a state is the node, the answers conditions read and
    the given answers changed so far, so each set of changes is found once per state. `clash`
    adds given answers a walk reaching the target contradicts without asking them (an outcome's
    requirement broken by an answer given elsewhere), or says None when the walk's own answers
    break one. An empty set means the target is open as
    things stand; the smallest set is the smallest change that opens it.
    """
    cells = domain(tree)
    routed = router(tree)
    later = read_later(tree)
    target_reads = frozenset(
        leaf.answer
        for r in tree.outcomes[target].requires
        for leaf in leaves(r.when)
        if leaf.answer
    )
    # For each given answer, which of its question's cells are in its class (cells are tried
    # thousands of times: the class of each is found once here).
    same = {
        q: [class_of(tree, q, c.value) == class_of(tree, q, v) for c in cells.get(q, [])]
        for q, v in given.items()
        if q in tree.nodes
    }
    toward = leading_to(tree, target)
    found: Conflicts = {}
    seen: set[tuple[str, frozenset[tuple[str, object]], frozenset[str]]] = set()
    stack: list[tuple[str, Answers, frozenset[str]]] = [(tree.tree.start, (), frozenset())]
    while stack:
        node, taken, changed = stack.pop()
        if node == target:
            extra = clash(dict(taken)) if clash is not None else frozenset()
            if extra is None:
                continue  # this walk's own answers break a requirement: not a way there
            walks = found.setdefault(changed | extra, [])
            if len(walks) < 32:
                walks.append(taken)
            continue
        question = tree.nodes.get(node)
        if question is None:
            continue
        if any(way <= changed for way in found):
            continue  # a way changing fewer answers is known: this one adds nothing
        key = (node, later.kept(node, taken, target_reads), changed)
        if key in seen:
            continue
        seen.add(key)
        options = cells.get(question.id, [])
        tries = list(zip(options, same.get(question.id, [True] * len(options)), strict=True))
        if question.id in same:  # the given answer's class last, so it is tried first
            tries.sort(key=lambda pair: pair[1])
        for cell, kept_given in tries:
            answers = dict(taken)
            answers[question.id] = cell.value
            following = routed(question, answers)
            if following is None or following not in toward:
                continue
            now = changed if kept_given else changed | {question.id}
            stack.append((following, (*taken, (question.id, cell.value)), now))
    return found
