"""Count the paths to each outcome and find one shortest answer sequence for each.

Counting is dynamic programming over the routing graph in topological order, never enumeration,
so a tree with 10^18 paths answers at once. A path is a sequence of declared edges (each option
or route of each question), so the count is an upper bound when conditions exclude some
combinations. The shortest sequences come from a breadth-first search over the answers' classes
(`wizard.tree.domains`: answers cut at the values conditions test, one representative each),
checked by the routing itself, so every sequence printed does reach its outcome. A state is the
question and the answers conditions read from there on (`wizard.tree.reach.read_later`): two
walks in one state have the same ways on, so the first to reach it (breadth first: the
shortest) is the only one kept, and the sequence found is a shortest one over every answer.
When the search stops at its budget first, the sequences it found are marked not proven
shortest (`OutcomePaths.proven`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import deque
from dataclasses import dataclass

from wizard.terminal import json_visible, visible
from wizard.tree.domains import domain
from wizard.tree.reach import read_later
from wizard.tree.routing import edges, route
from wizard.tree.schema import (
    AnswerValue,
    Tree,
    tr,
)

Answers = tuple[tuple[str, AnswerValue], ...]


@dataclass(frozen=True)
class OutcomePaths:
    outcome: str
    count: int
    shortest: Answers | None
    """Question id and answer, in order; None when no answer sequence reaches the outcome."""
    proven: bool = True
    """Whether `shortest` is proven shortest (and None proven unreachable): False when the
    search stopped at its budget before it was done."""


def count_paths(tree: Tree) -> dict[str, OutcomePaths]:
    """Path count and one shortest answer sequence for every outcome, in the tree's order."""
    counts = _count(tree)
    shortest, complete = _shortest(tree)
    return {
        oid: OutcomePaths(oid, counts.get(oid, 0), shortest.get(oid), complete)
        for oid in tree.outcomes
    }


def _count(tree: Tree) -> dict[str, int]:
    out = {qid: [e.target for e in edges(q)] for qid, q in tree.nodes.items()}
    indegree: dict[str, int] = {}
    for targets in out.values():
        for target in targets:
            indegree[target] = indegree.get(target, 0) + 1
    ways = {tree.tree.start: 1}
    ready = deque(qid for qid in out if indegree.get(qid, 0) == 0)
    while ready:
        qid = ready.popleft()
        for target in out[qid]:
            ways[target] = ways.get(target, 0) + ways.get(qid, 0)
            indegree[target] -= 1
            if indegree[target] == 0 and target in out:
                ready.append(target)
    return {oid: ways.get(oid, 0) for oid in tree.outcomes}


def _shortest(tree: Tree, budget: int = 2_000_000) -> tuple[dict[str, Answers], bool]:
    """Breadth-first over (question, the answers read from there on), one answer per class:
    the first time an outcome is reached, the answers taken are a shortest sequence to it.
    Also whether the search was complete (every outcome found, or every state tried)."""
    cells = domain(tree)
    later = read_later(tree)
    found: dict[str, Answers] = {}
    start = tree.tree.start
    queue: deque[tuple[str, Answers, Answers]] = deque([(start, (), ())])
    seen: set[tuple[str, Answers]] = {(start, ())}
    while queue and len(found) < len(tree.outcomes):
        if budget <= 0:
            return found, False
        qid, kept, taken = queue.popleft()
        question = tree.nodes[qid]
        context = dict(kept)
        for cell in cells[qid]:
            budget -= 1
            value = cell.value
            context[qid] = value
            target = route(question, context)
            if target is None:
                continue
            step = ((qid, value),)
            if target in tree.outcomes:
                found.setdefault(target, taken + step)
            elif target in tree.nodes:
                now = tuple(a for a in (*kept, *step) if later.reads(target, a[0]))
                key = (target, _freeze(now))
                if key not in seen:
                    seen.add(key)
                    queue.append((target, now, taken + step))
    return found, True


def _freeze(answers: Answers) -> Answers:
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in answers)  # type: ignore[misc]


def format_paths(tree: Tree, paths: dict[str, OutcomePaths], fmt: str = "text") -> str:
    if fmt == "json":
        data = [
            {
                "outcome": p.outcome,
                "verdict": tree.outcomes[p.outcome].verdict,
                "paths": p.count,
                "shortest": None if p.shortest is None else {k: _plain(v) for k, v in p.shortest},
                "shortest_proven": p.proven,
            }
            for p in paths.values()
        ]
        text = json.dumps({"tree": tree.id, "outcomes": data}, indent=2, ensure_ascii=False)
        return json_visible(text) + "\n"
    lines = []
    for p in paths.values():
        outcome = tree.outcomes[p.outcome]
        lines.append(f"{p.outcome} ({outcome.verdict}): {visible(tr(outcome.title))}")
        lines.append(f"  paths: {p.count}")
        if p.shortest is None and not p.proven:
            lines.append("  shortest: none found before the search's budget ran out")
        elif p.shortest is None:
            lines.append("  shortest: none found (conditions exclude every path)")
        else:
            answers = ", ".join(f"{k} = {visible(str(_plain(v)))}" for k, v in p.shortest)
            proven = "" if p.proven else ", not proven shortest"
            lines.append(f"  shortest ({len(p.shortest)} answers{proven}): {answers}")
    return "\n".join(lines) + "\n"


def _plain(value: AnswerValue) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value
