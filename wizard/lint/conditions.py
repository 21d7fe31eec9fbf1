"""Static checks of route conditions: which tests fit which question, and which can never hold.

Used by the linter. A condition is a tree of `all` / `any` / `not` over comparisons; every walk
here is iterative, so even a pathologically nested condition cannot exhaust the stack.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from wizard.tree.schema import COMPARISONS, AnyQuestion, Condition, NumberQuestion

TEST_NAMES = {
    "is_": "is",
    "in_": "in",
    "has": "has",
    "eq": "eq",
    "gt": "gt",
    "gte": "gte",
    "lt": "lt",
    "lte": "lte",
}
RANGE_TESTS = ("eq", "gt", "gte", "lt", "lte")

ALLOWED_TESTS: dict[str, tuple[str, ...]] = {
    "choice": ("is_", "in_"),
    "yesno": ("is_", "in_"),
    "text": ("is_", "in_"),
    "multi": ("has",),
    "number": RANGE_TESTS,
    "date": RANGE_TESTS,
}
"""The tests that can hold for each question type (routing compares the stored answer: an option
id, a list of option ids for `multi`, a number, a date or the text)."""


def tests_of(leaf: Condition) -> list[str]:
    """The comparison fields set on a comparison condition, e.g. ["gt", "lt"]."""
    values = leaf.__dict__  # (faster than getattr: this runs for every comparison)
    return [name for name in COMPARISONS if values[name] is not None]


def leaves(condition: Condition) -> list[Condition]:
    """Every comparison (a condition with `answer`) inside `condition`, in order."""
    if condition.answer is not None:
        return [condition]  # most conditions are a single comparison
    found = []
    stack = [condition]
    while stack:
        current = stack.pop()
        if current.answer is not None:
            found.append(current)
        else:
            stack.extend(reversed(current.children()))
    return found


def describe(leaf: Condition) -> str:
    """A comparison as written, e.g. `months gt 5 and lt 12`."""
    parts = [f"{TEST_NAMES[name]} {_show(getattr(leaf, name))}" for name in tests_of(leaf)]
    return f"`{leaf.answer}` " + " and ".join(parts)


def _show(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # `min = 1` is read as 1.0
    return str(value)


def fits(value: object, question: AnyQuestion) -> bool:
    """Whether a range bound has the kind of the question's answers (a number or a date)."""
    if isinstance(value, bool):
        return False
    if question.type == "date":
        return isinstance(value, dt.date)
    return isinstance(value, int | float) and not isinstance(value, dt.date)


@dataclass(slots=True)
class _Range:
    """An interval of answers; dates are day numbers. Discrete ranges hold whole numbers only."""

    discrete: bool
    low: float = -math.inf
    low_open: bool = False
    high: float = math.inf
    high_open: bool = False

    def narrow(self, name: str, value: float) -> None:
        if name in ("eq", "gt", "gte") and (
            value > self.low or (value == self.low and name == "gt")
        ):
            self.low, self.low_open = value, name == "gt"
        if name in ("eq", "lt", "lte") and (
            value < self.high or (value == self.high and name == "lt")
        ):
            self.high, self.high_open = value, name == "lt"

    def empty(self) -> bool:
        if self.discrete and math.isfinite(self.low) and math.isfinite(self.high):
            low = math.floor(self.low) + 1 if self.low_open else math.ceil(self.low)
            high = math.ceil(self.high) - 1 if self.high_open else math.floor(self.high)
            return low > high
        return self.low > self.high or (self.low == self.high and (self.low_open or self.high_open))


def _number(value: object) -> float:
    return value.toordinal() if isinstance(value, dt.date) else float(value)  # type: ignore[arg-type]


def _discrete(question: AnyQuestion) -> bool:
    """Whether the question's answers are whole (dates count in days)."""
    return question.type == "date" or (isinstance(question, NumberQuestion) and question.integer)


def _question_range(question: AnyQuestion) -> _Range:
    bounds = _Range(_discrete(question))
    low, high = getattr(question, "min", None), getattr(question, "max", None)
    if low is not None:
        bounds.narrow("gte", _number(low))
    if high is not None:
        bounds.narrow("lte", _number(high))
    return bounds


def _unknown(qid: str) -> frozenset[str] | None:
    return None


@dataclass(slots=True)
class Context:
    """What is known where a condition is evaluated (at the question that owns the route)."""

    questions: Mapping[str, AnyQuestion]
    owner: str = ""
    """The question whose routes hold the condition."""
    chosen: str | None = None
    """The option whose own routes hold the condition, if any: the owner's answer is known."""
    possible: Callable[[str], frozenset[str] | None] = _unknown
    """For a question answered on every path to the owner: the options its answer can be
    there (only `chosen` for the owner itself; only the options that lead here for others);
    None when unknown. A function, asked only for `is` and `in` tests: the answer may take a
    search of the routing graph."""


@dataclass(slots=True)
class Analysis:
    """What a condition can do where it is evaluated, and why parts of it can never hold."""

    can_hold: bool
    can_fail: bool
    problems: list[str]


def analyse(condition: Condition, context: Context) -> Analysis:
    """Whether `condition` can hold and can fail, and each part that can never hold where that
    makes something dead: a comparison that never holds on its own, an `all` whose parts
    contradict, a `not` of something that always holds; parts under a `not` only count when
    what they do is dead there (a never-holding test under `not` merely makes the `not` true)."""
    found: list[str] = []
    if condition.answer is not None:  # a single comparison, the common case
        holds, fails = _comparison(condition, context, found)
        return Analysis(holds, fails, found)
    can: dict[int, tuple[bool, bool]] = {}  # id(condition) -> (can hold, can fail)
    stack: list[tuple[Condition, bool, bool]] = [(condition, True, False)]
    while stack:
        current, positive, expanded = stack.pop()
        children = current.children()
        if not expanded and children:
            stack.append((current, positive, True))
            inner = positive != (current.not_ is not None)
            stack.extend((child, inner, False) for child in children)
            continue
        problems: list[str] = []
        if current.answer is not None:
            can[id(current)] = _comparison(current, context, problems)
        else:
            can[id(current)] = _evaluate(current, [can[id(c)] for c in children], context, problems)
        if positive:
            found += problems
    holds, fails = can[id(condition)]
    return Analysis(holds, fails, found)


def _comparison(leaf: Condition, context: Context, found: list[str]) -> tuple[bool, bool]:
    """(can hold, can fail) of a comparison, adding to `found` why it never holds, if so."""
    if plain(leaf, context.questions):
        return True, True
    return _evaluate(leaf, [], context, found)


def plain(leaf: Condition, questions: Mapping[str, AnyQuestion]) -> bool:
    """A comparison that surely can hold and can fail: no `is`/`in` (which may be empty or
    cover every possible answer) on a question without a range of answers (`has` on a multi
    question, say). Decided without the full analysis: most comparisons are like this."""
    if leaf.is_ is not None or leaf.in_ is not None:
        return False
    question = questions.get(leaf.answer or "")
    return question is None or question.type not in ("number", "date")


def never_holds(conjunction: list[Condition], context: Context) -> str | None:
    """Why the comparisons in `conjunction` (all on one answer) can never hold together, if so."""
    qid = conjunction[0].answer or ""
    question = context.questions.get(qid)
    if question is None:
        return None  # an unknown question is reported as a bad reference
    if any(leaf.in_ == [] for leaf in conjunction):
        return "`in = []` lists no answer: this test never holds"
    problem = _never(qid, question, conjunction, context)
    if problem is None:
        return None
    said = " and ".join(describe(leaf) for leaf in conjunction)
    return problem.replace("{said}", said)


def _never(
    qid: str, question: AnyQuestion, conjunction: list[Condition], context: Context
) -> str | None:
    """The reason `never_holds` gives, with `{said}` standing for the comparisons."""
    values = _values(conjunction)
    if values is not None and not values:
        return "no answer is {said}: this never holds"
    possible = None if values is None else context.possible(qid)
    if values is not None and possible and not values & possible:
        if qid == context.owner and context.chosen:
            known = f"inside the routes of option `{context.chosen}`, `{qid}` is always"
            return f"{known} `{context.chosen}`, so {{said}} never holds"
        only = " or ".join(f"`{o}`" for o in sorted(possible))
        return (
            f"at `{context.owner}`, `{qid}` can only be {only} (no other answer"
            f" leads here), so {{said}} never holds"
        )
    if question.type not in ("number", "date"):
        return None
    asked = _Range(_discrete(question))
    for leaf in conjunction:
        for name in RANGE_TESTS:
            value = getattr(leaf, name)
            if value is not None and fits(value, question):
                asked.narrow(name, _number(value))
    if asked.empty():
        return "{said} can never be true at once"
    bounds = _question_range(question)
    for name, value, is_open in (
        ("gt", asked.low, asked.low_open),
        ("lt", asked.high, asked.high_open),
    ):
        if math.isfinite(value):
            bounds.narrow(name if is_open else name + "e", value)
    if bounds.empty():
        accepted = f"`{qid}` accepts {_accepts(question)}"
        return f"{{said}} is outside the answers {accepted}: this never holds"
    return None


def _accepts(question: AnyQuestion) -> str:
    low, high = getattr(question, "min", None), getattr(question, "max", None)
    return f"{'any' if low is None else _show(low)} to {'any' if high is None else _show(high)}"


def _values(conjunction: list[Condition]) -> set[str] | None:
    """The answers `is` and `in` allow together; None when neither is used."""
    values: set[str] | None = None
    for leaf in conjunction:  # (no tuple of both per leaf: this runs for every comparison)
        if leaf.is_ is not None:
            values = {leaf.is_} if values is None else values & {leaf.is_}
        if leaf.in_ is not None:
            values = set(leaf.in_) if values is None else values & set(leaf.in_)
    return values


def _always_holds(leaf: Condition, context: Context) -> bool:
    """A test of `is`/`in` alone always holds when every answer possible here passes it."""
    if (leaf.is_ is None and leaf.in_ is None) or tests_of(leaf) not in (["is_"], ["in_"]):
        return False  # checked first: finding the possible answers may search the graph
    values = _values([leaf])
    possible = context.possible(leaf.answer or "")
    return bool(possible) and values is not None and possible is not None and possible <= values


def _evaluate(
    current: Condition, children: list[tuple[bool, bool]], context: Context, found: list[str]
) -> tuple[bool, bool]:
    if current.answer is not None:
        problem = never_holds([current], context)
        if problem:
            found.append(problem)
        return problem is None, not _always_holds(current, context)
    if current.not_ is not None:
        holds, fails = children[0]
        if holds and not fails:
            found.append("`not` of a test that always holds: this never holds")
        return fails, holds
    if current.any is not None:
        return any(h for h, _ in children), all(f for _, f in children)
    holds = all(h for h, _ in children)
    if holds:
        problem = _conflict(current, context)
        if problem:
            found.append(problem)
            holds = False
    return holds, any(f for _, f in children)


def _conflict(conjunction: Condition, context: Context) -> str | None:
    """Comparisons on the same answer inside one `all` (or nested `all`s) that contradict."""
    by_answer: dict[str, list[Condition]] = {}
    stack = list(reversed(conjunction.all or []))
    while stack:
        part = stack.pop()
        if part.answer is not None:
            by_answer.setdefault(part.answer, []).append(part)
        elif part.all is not None:
            stack.extend(reversed(part.all))
    for same in by_answer.values():
        if len(same) > 1:
            problem = never_holds(same, context)
            if problem:
                return f"the parts of `all` contradict each other: {problem}"
    return None
