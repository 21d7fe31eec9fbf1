"""Answer domains: every answer a question can take, cut into the few classes that conditions
can tell apart.

A number or date question is cut at the values conditions compare it with (`eq`, `gt`, `gte`,
`lt`, `lte`), so `months-a-year >= 9` gives two cells, below 9 and 9 or more (with 9 itself a
cell of its own, as `eq` or `gt` may single it out). Each cell carries one representative
answer, so the symbolic engine (`wizard.tree.reach`) tries one answer per cell instead of every
number, and can say of a cell "9 or more" rather than "9". Choices are their options; a
multiple choice is every set of the options conditions test (`has`), as the answers module
would accept it; a text question is the texts conditions test plus one other.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from wizard.tree.answers import AnswerError, parse_answer
from wizard.tree.memo import per_tree
from wizard.tree.schema import (
    AnswerValue,
    AnyQuestion,
    Condition,
    DateQuestion,
    MultiQuestion,
    NumberQuestion,
    Option,
    TextQuestion,
    Tree,
)

MAX_TESTED_OPTIONS = 8
"""A multiple choice whose conditions test more options than this is tried option by option
(2^8 sets is already more than any tree here needs)."""

Point = float | dt.date
MAX_ORDINAL = dt.date.max.toordinal()


@dataclass(frozen=True)
class Cell:
    """One class of answers: its representative `value`, and for numbers and dates the interval
    it stands for (None for an open end)."""

    value: AnswerValue
    low: Point | None = None
    low_open: bool = False
    high: Point | None = None
    high_open: bool = False

    @property
    def ranged(self) -> bool:
        return isinstance(self.value, int | float | dt.date) and not isinstance(self.value, bool)

    def contains(self, value: AnswerValue) -> bool:
        """Whether `value` is in this class (for a choice or a set of ticks: is this one)."""
        if not self.ranged:
            return value == self.value
        if not isinstance(value, int | float | dt.date) or isinstance(value, bool):
            return False
        if isinstance(value, dt.date) != isinstance(self.value, dt.date):
            return False
        if self.low is not None and (value < self.low or (self.low_open and value == self.low)):  # type: ignore[operator]
            return False
        return not (
            self.high is not None and (value > self.high or (self.high_open and value == self.high))  # type: ignore[operator]
        )


def thresholds(tree: Tree) -> dict[str, list[object]]:
    """Every value conditions compare each question's answer with (routes and requirements)."""
    found: dict[str, list[object]] = {}
    for condition in tree_conditions(tree):
        for leaf in leaves(condition):
            assert leaf.answer is not None
            values = found.setdefault(leaf.answer, [])
            for name in ("is_", "has", "eq", "gt", "gte", "lt", "lte"):
                value = getattr(leaf, name)
                if value is not None and value not in values:
                    values.append(value)
            values.extend(v for v in leaf.in_ or [] if v not in values)
    return found


def tree_conditions(tree: Tree) -> Iterator[Condition]:
    """Every condition of the tree: routes of questions and options, and outcome requirements."""
    for question in tree.nodes.values():
        for r in question.routes:
            if r.when is not None:
                yield r.when
        for option in question.options:
            for r in option.routes:
                if r.when is not None:
                    yield r.when
    for outcome in tree.outcomes.values():
        for requirement in outcome.requires:
            yield requirement.when


def leaves(condition: Condition) -> Iterator[Condition]:
    """The comparisons inside a condition (its `all`, `any` and `not` opened up)."""
    stack = [condition]
    while stack:
        current = stack.pop()
        if current.answer is not None:
            yield current
        stack.extend(current.children())


def cells(question: AnyQuestion, tested: list[object]) -> list[Cell]:
    """The classes of answers to `question` that conditions testing `tested` can tell apart."""
    if isinstance(question, NumberQuestion):
        return _interval_cells(question, [t for t in tested if _is_number(t)])
    if isinstance(question, DateQuestion):
        return _interval_cells(question, [t for t in tested if isinstance(t, dt.date)])
    if isinstance(question, MultiQuestion):
        return [Cell(v) for v in _option_sets(question, tested)]
    if isinstance(question, TextQuestion):
        texts = [t for t in tested if isinstance(t, str)]
        other = "another answer"
        while other in texts:
            other += "!"
        return [Cell(v) for v in _accepted(question, [*texts, other])]
    return [Cell(o.id) for o in question.options]


class Domain(Mapping[str, list[Cell]]):
    """Every question's cells, each computed when first asked for: a search or a judgement
    visits the questions on the ways to one outcome, and cutting all 10,000 questions of a
    generated tree took most of a verdict's time."""

    def __init__(self, tree: Tree) -> None:
        self._tree = tree
        self._tested = _tested(tree)
        self._cells: dict[str, list[Cell]] = {}

    def __getitem__(self, qid: str) -> list[Cell]:
        found = self._cells.get(qid)
        if found is None:
            question = self._tree.nodes[qid]  # KeyError for an unknown id, as a dict
            found = self._cells[qid] = cells(question, self._tested.get(qid, []))
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._tree.nodes)

    def __len__(self) -> int:
        return len(self._tree.nodes)


@per_tree
def domain(tree: Tree) -> Domain:
    """Every question's cells (each computed once per tree object, when first asked for;
    trees are not changed after loading)."""
    return Domain(tree)


def class_of(tree: Tree, question_id: str, value: AnswerValue) -> object:
    """Which class of answers `value` belongs to: two answers in one class route alike and
    meet the same requirements. For a multiple choice, the tested options ticked; for text,
    the tested text or "another"; for numbers and dates, the cell."""
    question = tree.nodes.get(question_id)
    tested = _tested(tree).get(question_id, [])
    if isinstance(question, MultiQuestion):
        ticked = value if isinstance(value, list) else [value]
        return frozenset(v for v in ticked if v in tested)
    if isinstance(question, TextQuestion):
        return value if value in tested else None
    for index, cell in enumerate(domain(tree).get(question_id, [])):
        if cell.contains(value):
            return index
    return value if not isinstance(value, list) else tuple(value)


_tested = per_tree(thresholds)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _option_sets(question: MultiQuestion, tested: list[object]) -> list[AnswerValue]:
    ids = [o.id for o in question.options]
    tested_ids = [i for i in ids if i in tested]
    if len(tested_ids) > MAX_TESTED_OPTIONS:
        sets = [[], *([i] for i in ids)]
    else:
        sets = [
            list(chosen)
            for size in range(len(tested_ids) + 1)
            for chosen in itertools.combinations(tested_ids, size)
        ]
    # An untested option added where too few are chosen (min_choices), so each class of sets
    # still has a member the answers module accepts.
    spare = [i for i in ids if i not in tested_ids and not _option(question, i).exclusive]
    tried: list[object] = []
    for chosen in sets:
        tried.append(chosen)
        if spare:
            tried.append([*chosen, *spare[: max(0, question.min_choices - len(chosen))]])
    return _accepted(question, tried)


def _option(question: MultiQuestion, option_id: str) -> Option:
    return next(o for o in question.options if o.id == option_id)


def _accepted(question: AnyQuestion, raw: list[object]) -> list[AnswerValue]:
    values: list[AnswerValue] = []
    for candidate in raw:
        try:
            value = parse_answer(question, candidate)
        except AnswerError:
            continue
        if value not in values:
            values.append(value)
    return values


def _interval_cells(question: NumberQuestion | DateQuestion, points: list[object]) -> list[Cell]:
    """One cell per threshold and per non-empty gap between thresholds (and beyond the first
    and last), inside the question's min and max. Candidates are the thresholds, one step on
    each side, the midpoints and the bounds; two candidates on the same side of every
    threshold are the same cell."""
    dates = isinstance(question, DateQuestion)
    cuts: list[float] = sorted({_ordinal(p) for p in points})
    bounds = [_ordinal(b) for b in (question.min, question.max) if b is not None]
    raw: list[float] = [*bounds, *cuts, _ordinal(dt.date(2026, 1, 1)) if dates else 0.0]
    for c in cuts:
        raw += [c - 1, c + 1]
    raw += [(x + y) / 2 for x, y in itertools.pairwise(cuts)]
    found: dict[tuple[int, ...], Cell] = {}
    for number in sorted(set(raw)):
        if dates and (number != int(number) or not 1 <= number <= MAX_ORDINAL):
            continue
        candidate: object = dt.date.fromordinal(int(number)) if dates else _plain(number)
        try:
            value = parse_answer(question, candidate if dates else str(candidate))
        except (AnswerError, ValueError, OverflowError):
            continue
        at = _ordinal(value)
        signature = tuple((at > c) - (at < c) for c in cuts)
        if signature not in found:
            found[signature] = _cell(value, signature, cuts, dates)
    return list(found.values())


def _cell(value: AnswerValue, signature: tuple[int, ...], cuts: list[float], dates: bool) -> Cell:
    def point(x: float) -> Point:
        return dt.date.fromordinal(int(x)) if dates else _plain(x)

    if 0 in signature:
        exact = point(cuts[signature.index(0)])
        return Cell(value, exact, False, exact, False)
    above = [c for c, s in zip(cuts, signature, strict=True) if s > 0]
    below = [c for c, s in zip(cuts, signature, strict=True) if s < 0]
    return Cell(
        value,
        point(above[-1]) if above else None,
        bool(above),
        point(below[0]) if below else None,
        bool(below),
    )


def _ordinal(value: object) -> float:
    if isinstance(value, dt.date):
        return float(value.toordinal())
    return float(value)  # type: ignore[arg-type]


def _plain(number: float) -> float:
    return int(number) if number == int(number) else number


def describe_range(
    low: Point | None, low_open: bool, high: Point | None, high_open: bool, unit: str = ""
) -> str:
    """A range in words: "2 years or more", "less than 60", "on or after 2023-12-01"."""
    dates = isinstance(low if low is not None else high, dt.date)

    def show(p: Point) -> str:
        if isinstance(p, dt.date):
            return p.isoformat()
        text = f"{p:g}" if isinstance(p, float) else str(p)
        return f"{text} {unit}".strip()

    def above(p: Point, strict: bool) -> str:
        if dates:
            return f"after {show(p)}" if strict else f"on or after {show(p)}"
        return f"more than {show(p)}" if strict else f"{show(p)} or more"

    def below(p: Point, strict: bool) -> str:
        if dates:
            return f"before {show(p)}" if strict else f"on or before {show(p)}"
        return f"less than {show(p)}" if strict else f"{show(p)} or less"

    if low is not None and high is not None and low == high:
        return f"on {show(low)}" if dates else show(low)
    if low is not None and high is not None:
        return f"{above(low, low_open)} and {below(high, high_open)}"
    if low is not None:
        return above(low, low_open)
    if high is not None:
        return below(high, high_open)
    return "any value"


def merge(found: list[Cell]) -> list[tuple[Point | None, bool, Point | None, bool]]:
    """Adjacent cells joined into ranges (cells in order, as `cells` gives them)."""
    ranges: list[tuple[Point | None, bool, Point | None, bool]] = []
    for cell in found:
        if ranges and ranges[-1][2] is not None and cell.low is not None:
            lo, lo_open, hi, hi_open = ranges[-1]
            touching = hi == cell.low and (hi_open != cell.low_open)  # ..9) then [9..  or 9] (9
            if touching:
                ranges[-1] = (lo, lo_open, cell.high, cell.high_open)
                continue
        ranges.append((cell.low, cell.low_open, cell.high, cell.high_open))
    return ranges
