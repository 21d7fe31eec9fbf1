"""Where an answer leads: conditions and the ordered routes of a question."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

from wizard.tree.schema import AnswerValue, AnyQuestion, Condition, MultiQuestion, Route


class Edge(NamedTuple):
    """A declared way from a question to a node or outcome (a tuple: cheap to build, and the
    linter builds one per option of every question)."""

    source: str
    target: str
    option: str | None
    """The option that takes this edge, or None for the question's own routes."""
    when: Condition | None


def holds(condition: Condition, answers: Mapping[str, AnswerValue]) -> bool:
    """Whether `condition` holds for the answers on the current path.

    A question not answered on the path makes every test on it false, so answers from an
    abandoned branch (which are never in `answers`) cannot steer the walk."""
    if condition.all is not None:
        return all(holds(c, answers) for c in condition.all)
    if condition.any is not None:
        return any(holds(c, answers) for c in condition.any)
    if condition.not_ is not None:
        return not holds(condition.not_, answers)
    assert condition.answer is not None
    if condition.answer not in answers:
        return False
    value = answers[condition.answer]
    return all(_test(name, getattr(condition, name), value) for name in _set_tests(condition))


def _set_tests(condition: Condition) -> Iterator[str]:
    for name in ("is_", "in_", "has", "eq", "gt", "gte", "lt", "lte"):
        if getattr(condition, name) is not None:
            yield name


def _test(name: str, expected: object, value: AnswerValue) -> bool:
    if name == "is_":
        return value == expected
    if name == "in_":
        return isinstance(expected, list) and value in expected
    if name == "has":
        return isinstance(value, list) and expected in value
    return _compare(name, expected, value)


def _compare(name: str, expected: object, value: AnswerValue) -> bool:
    numbers = (int, float)
    if isinstance(value, bool) or isinstance(expected, bool):
        return False
    same_kind = (isinstance(value, numbers) and isinstance(expected, numbers)) or (
        isinstance(value, dt.date) and isinstance(expected, dt.date)
    )
    if not same_kind:
        return False
    a, b = value, expected
    match name:
        case "eq":
            return a == b
        case "gt":
            return a > b  # type: ignore[operator]
        case "gte":
            return a >= b  # type: ignore[operator]
        case "lt":
            return a < b  # type: ignore[operator]
        case _:
            return a <= b  # type: ignore[operator]


def candidate_routes(question: AnyQuestion, answer: AnswerValue | None) -> list[Route]:
    """The routes to try, most specific first: the chosen option's routes and `next`,
    then the question's routes and `next`. Multiple choice uses only the question's."""
    routes: list[Route] = []
    if isinstance(answer, str) and not isinstance(question, MultiQuestion):
        for option in question.options:
            if option.id == answer:
                routes += option.routes
                if option.next:
                    routes.append(Route(next=option.next))
    routes += question.routes
    if question.next:
        routes.append(Route(next=question.next))
    return routes


def route(question: AnyQuestion, answers: Mapping[str, AnswerValue]) -> str | None:
    """The id of the node or outcome the answered `question` leads to, or None if no route holds."""
    for candidate in candidate_routes(question, answers.get(question.id)):
        if candidate.when is None or compiled(candidate.when)(answers):
            return candidate.next
    return None


Predicate = Callable[[Mapping[str, AnswerValue]], bool]
_COMPILED: dict[int, tuple[Condition, Predicate]] = {}


def compiled(condition: Condition) -> Predicate:
    """`holds(condition, ·)` as a function built once per condition: the verdict engine routes
    thousands of trial walks, and reading the model's fields each time is most of the cost."""
    found = _COMPILED.get(id(condition))
    if found is not None and found[0] is condition:
        return found[1]
    if len(_COMPILED) > 100_000:
        _COMPILED.clear()
    predicate = _compile(condition)
    _COMPILED[id(condition)] = (condition, predicate)
    return predicate


def _compile(c: Condition) -> Predicate:
    if c.all is not None:
        every = [_compile(x) for x in c.all]
        return lambda a: all(p(a) for p in every)
    if c.any is not None:
        some = [_compile(x) for x in c.any]
        return lambda a: any(p(a) for p in some)
    if c.not_ is not None:
        inner = _compile(c.not_)
        return lambda a: not inner(a)
    question = c.answer
    tests = [(name, getattr(c, name)) for name in _set_tests(c)]

    def leaf(a: Mapping[str, AnswerValue]) -> bool:
        if question not in a:
            return False
        value = a[question]  # type: ignore[index]
        return all(_test(name, expected, value) for name, expected in tests)

    return leaf


def edges(question: AnyQuestion) -> list[Edge]:
    """Every declared edge out of `question`, in the order routing tries them."""
    found: list[Edge] = []
    if not isinstance(question, MultiQuestion):
        for option in question.options:
            found += [Edge(question.id, r.next, option.id, r.when) for r in option.routes]
            if option.next:
                found.append(Edge(question.id, option.next, option.id, None))
    found += [Edge(question.id, r.next, None, r.when) for r in question.routes]
    if question.next:
        found.append(Edge(question.id, question.next, None, None))
    return found


def targets(question: AnyQuestion) -> list[str]:
    """The target of each of `edges(question)`, in the same order, without building the edges:
    the linter reads every question's targets, and building an `Edge` for each costs three
    times as much on a large tree."""
    found: list[str] = []
    if not isinstance(question, MultiQuestion):
        for option in question.options:
            for r in option.routes:
                found.append(r.next)
            if option.next:
                found.append(option.next)
    for r in question.routes:
        found.append(r.next)
    if question.next:
        found.append(question.next)
    return found
