"""Count the paths to each outcome and find one shortest answer sequence for each.

Counting is dynamic programming over the routing graph in topological order, never enumeration,
so a tree with 10^18 paths answers at once. A path is a sequence of declared edges (each option
or route of each question), so the count is an upper bound when conditions exclude some
combinations. The shortest sequences come from a breadth-first search over real answers, checked
by the routing itself, so every sequence printed does reach its outcome.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from wizard.terminal import json_visible, visible
from wizard.tree.answers import AnswerError, parse_answer
from wizard.tree.routing import edges, route
from wizard.tree.schema import (
    AnswerValue,
    AnyQuestion,
    Condition,
    DateQuestion,
    MultiQuestion,
    NumberQuestion,
    TextQuestion,
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


def count_paths(tree: Tree) -> dict[str, OutcomePaths]:
    """Path count and one shortest answer sequence for every outcome, in the tree's order."""
    counts = _count(tree)
    shortest = _shortest(tree)
    return {oid: OutcomePaths(oid, counts.get(oid, 0), shortest.get(oid)) for oid in tree.outcomes}


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


def _shortest(tree: Tree, budget: int = 200_000) -> dict[str, Answers]:
    """Breadth-first over (question, answers that conditions read): the first time an outcome
    is reached, the answers taken are a shortest sequence to it."""
    read_by_conditions, thresholds = _condition_facts(tree)
    found: dict[str, Answers] = {}
    start = tree.tree.start
    queue: deque[tuple[str, Answers, Answers]] = deque([(start, (), ())])
    seen: set[tuple[str, Answers]] = {(start, ())}
    while queue and budget > 0 and len(found) < len(tree.outcomes):
        qid, context, taken = queue.popleft()
        question = tree.nodes[qid]
        for value in _candidates(question, thresholds.get(qid, [])):
            budget -= 1
            target = route(question, dict(context) | {qid: value})
            if target is None:
                continue
            step = ((qid, value),)
            if target in tree.outcomes:
                found.setdefault(target, taken + step)
            elif target in tree.nodes:
                kept = context + step if qid in read_by_conditions else context
                key = (target, _freeze(kept))
                if key not in seen:
                    seen.add(key)
                    queue.append((target, kept, taken + step))
    return found


def _freeze(answers: Answers) -> Answers:
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in answers)  # type: ignore[misc]


def _condition_facts(tree: Tree) -> tuple[set[str], dict[str, list[object]]]:
    """The questions conditions read, and the values they compare each one with."""
    read: set[str] = set()
    values: dict[str, list[object]] = {}
    for question in tree.nodes.values():
        routes = list(question.routes) + [r for o in question.options for r in o.routes]
        for r in routes:
            for condition in _walk_conditions(r.when):
                if condition.answer is None:
                    continue
                read.add(condition.answer)
                found = values.setdefault(condition.answer, [])
                for name in ("is_", "has", "eq", "gt", "gte", "lt", "lte"):
                    if getattr(condition, name) is not None:
                        found.append(getattr(condition, name))
                found.extend(condition.in_ or [])
    return read, values


def _walk_conditions(condition: Condition | None) -> Iterator[Condition]:
    stack = [condition] if condition else []
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.children())


def _candidates(question: AnyQuestion, thresholds: list[object]) -> list[AnswerValue]:
    """Answers worth trying: every option, and values on each side of every threshold."""
    raw: list[object]
    if isinstance(question, MultiQuestion):
        ids = [o.id for o in question.options]
        raw = [[], *([i] for i in ids), ids]
    elif isinstance(question, NumberQuestion):
        raw = [question.min, question.max, 0, 1]
        for t in thresholds:
            if isinstance(t, int | float) and not isinstance(t, bool):
                raw += [t, t - 1, t + 1, t - 0.5, t + 0.5]
    elif isinstance(question, DateQuestion):
        raw = [question.min, question.max, dt.date(2026, 1, 1)]
        raw += [_shifted(d, k) for d in thresholds if isinstance(d, dt.date) for k in (-1, 0, 1)]
    elif isinstance(question, TextQuestion):
        raw = ["example", *[t for t in thresholds if isinstance(t, str)]]
    else:
        raw = [o.id for o in question.options]
    values: list[AnswerValue] = []
    for candidate in raw:
        if candidate is None:
            continue
        try:
            value = parse_answer(question, candidate)
        except AnswerError:
            continue
        if value not in values:
            values.append(value)
    return values


def _shifted(day: dt.date, days: int) -> dt.date | None:
    """`day` moved by `days`, or None past the calendar's ends (0001-01-01, 9999-12-31)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def format_paths(tree: Tree, paths: dict[str, OutcomePaths], fmt: str = "text") -> str:
    if fmt == "json":
        data = [
            {
                "outcome": p.outcome,
                "verdict": tree.outcomes[p.outcome].verdict,
                "paths": p.count,
                "shortest": None if p.shortest is None else {k: _plain(v) for k, v in p.shortest},
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
        if p.shortest is None:
            lines.append("  shortest: none found (conditions exclude every path)")
        else:
            answers = ", ".join(f"{k} = {visible(str(_plain(v)))}" for k, v in p.shortest)
            lines.append(f"  shortest ({len(p.shortest)} answers): {answers}")
    return "\n".join(lines) + "\n"


def _plain(value: AnswerValue) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value
