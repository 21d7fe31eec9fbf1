"""Check and normalise an answer for a question: a bad answer is refused with a clear reason."""

from __future__ import annotations

import datetime as dt
import math
import re

from wizard.tree.schema import (
    AnswerValue,
    AnyQuestion,
    DateQuestion,
    MultiQuestion,
    NumberQuestion,
    TextQuestion,
    YesNoQuestion,
    tr,
)


class AnswerError(ValueError):
    """An answer that does not fit its question; the message says why, for the person answering."""


def parse_answer(question: AnyQuestion, raw: object) -> AnswerValue:
    """The stored form of `raw` (typed, or as typed into a box) for `question`, or AnswerError."""
    if isinstance(question, NumberQuestion):
        return _number(question, raw)
    if isinstance(question, DateQuestion):
        return _date(question, raw)
    if isinstance(question, TextQuestion):
        return _text(question, raw)
    if isinstance(question, MultiQuestion):
        return _multi(question, raw)
    if isinstance(question, YesNoQuestion) and isinstance(raw, bool):
        return "yes" if raw else "no"
    return _choice(question, raw)


def _ids(question: AnyQuestion) -> list[str]:
    return [option.id for option in question.options]


def _choice(question: AnyQuestion, raw: object) -> str:
    ids = _ids(question)
    if isinstance(raw, str) and raw.strip() in ids:
        return raw.strip()
    raise AnswerError(f"{_show(raw)} is not an option here; choose one of: {', '.join(ids)}")


def _multi(question: MultiQuestion, raw: object) -> list[str]:
    if isinstance(raw, str):
        raw = [part.strip() for part in raw.split(",") if part.strip()]
    if not isinstance(raw, list | tuple) or not all(isinstance(p, str) for p in raw):
        raise AnswerError("give a list of option ids")
    ids = _ids(question)
    unknown = [p for p in raw if p not in ids]
    if unknown:
        raise AnswerError(
            f"not options here: {', '.join(map(_show, unknown))}; choose from: {', '.join(ids)}"
        )
    chosen = [i for i in ids if i in raw]
    alone = [o for o in question.options if o.exclusive and o.id in chosen]
    if alone and len(chosen) > 1:
        label = alone[0].text()
        raise AnswerError(f"“{label}” cannot be ticked with another option; untick one of them")
    if len(chosen) < question.min_choices:
        raise AnswerError(f"choose at least {question.min_choices}")
    if question.max_choices is not None and len(chosen) > question.max_choices:
        raise AnswerError(f"choose at most {question.max_choices}")
    return chosen


def _number(question: NumberQuestion, raw: object) -> int | float:
    value: float
    if isinstance(raw, bool):
        raise AnswerError("enter a number")
    if isinstance(raw, int | float):
        value = raw
    elif isinstance(raw, str):
        if not raw.strip():  # an empty box: ask for a number rather than quote ''
            raise AnswerError("enter a number")
        text = _without_unit(question, raw)
        try:
            value = float(text.strip().replace(",", "").replace("_", ""))
        except ValueError:
            raise AnswerError(f"{_show(raw)} is not a number") from None
    else:
        raise AnswerError("enter a number")
    if math.isnan(value) or math.isinf(value):
        raise AnswerError("enter a finite number")
    unit = f" {tr(question.unit)}" if question.unit else ""
    if question.integer and value != int(value):
        raise AnswerError("enter a whole number")
    if question.min is not None and value < question.min:
        raise AnswerError(f"must be at least {_num(question.min)}{unit}")
    if question.max is not None and value > question.max:
        raise AnswerError(f"must be at most {_num(question.max)}{unit}")
    return int(value) if value == int(value) and abs(value) < 2**53 else value


_UNIT_WORDS = [
    {"day", "days", "天", "日"},
    {"week", "weeks", "周", "星期", "个星期"},
    {"month", "months", "个月", "月"},
    {"year", "years", "年"},
    {"semester", "semesters", "学期", "个学期"},
]
"""Words that name the same unit, in English and Chinese: "4 months" and "4 个月" are 4 where
the question asks for months."""

_NUMBER_THEN_WORDS = re.compile(r"^\s*([-+]?[0-9][0-9.,_]*)\s*(\S.*?)\s*$")


def _without_unit(question: NumberQuestion, raw: str) -> str:
    """The number in `raw` without a unit typed after it ("4 months", "4 个月"), when that unit is
    the question's; a unit that is not (years for months) is refused, saying which it asks."""
    match = _NUMBER_THEN_WORDS.match(raw)
    if match is None or question.unit is None:
        return raw
    number, word = match.groups()
    names = {n.casefold() for n in _texts(question.unit)}
    said = word.casefold()
    if said in names or any(said in group and names & group for group in _UNIT_WORDS):
        return number
    known = said in names or any(said in group for group in _UNIT_WORDS)
    if known:
        raise AnswerError(f"{_show(raw)}: the question asks for {tr(question.unit)}, not {word}")
    return raw


def _texts(text: object) -> list[str]:
    """Every language's version of a tree text."""
    if isinstance(text, str):
        return [text]
    if isinstance(text, dict):
        return [str(v) for v in text.values()]
    return []


def _date(question: DateQuestion, raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        value = raw
    elif isinstance(raw, str):
        if not raw.strip():
            raise AnswerError("enter a date as YYYY-MM-DD")
        try:
            value = dt.date.fromisoformat(raw.strip())
        except ValueError:
            raise AnswerError(f"{_show(raw)} is not a date: write it as YYYY-MM-DD") from None
    else:
        raise AnswerError("enter a date as YYYY-MM-DD")
    if question.min is not None and value < question.min:
        raise AnswerError(f"must be on or after {question.min.isoformat()}")
    if question.max is not None and value > question.max:
        raise AnswerError(f"must be on or before {question.max.isoformat()}")
    return value


def _text(question: TextQuestion, raw: object) -> str:
    if not isinstance(raw, str):
        raise AnswerError("enter some text")
    value = raw.strip()
    if question.required and not value:
        raise AnswerError("this answer cannot be empty")
    if len(value) > question.max_length:
        raise AnswerError(f"too long: at most {question.max_length} characters")
    return value


# What an answer may be, in words: the hint under a typed answer (the app) and the example line
# of an answers file (`wizard run`), from the same limits the checks above apply.


def entry_rule(question: AnyQuestion, lang: str = "en") -> str:
    """What a typed answer must look like, as a sentence ("" for questions answered by option)."""
    if isinstance(question, NumberQuestion):
        unit = f" {tr(question.unit, lang)}" if question.unit else ""
        whole = ", whole numbers" if question.integer else ""
        return f"A number {_span(question.min, question.max) or 'any number'}{unit}{whole}."
    if isinstance(question, DateQuestion):
        limits = [
            f"on or after {question.min.isoformat()}" if question.min else "",
            f"on or before {question.max.isoformat()}" if question.max else "",
        ]
        return "A date as YYYY-MM-DD" + "".join(f", {x}" for x in limits if x) + "."
    if isinstance(question, TextQuestion):
        return f"Up to {question.max_length} characters."
    return ""


def answer_example(question: AnyQuestion, lang: str = "en") -> tuple[str, str]:
    """A TOML line answering `question` in an answers file, and what the value may be."""
    key = question.id
    if isinstance(question, NumberQuestion):
        unit = f", in {tr(question.unit, lang)}" if question.unit else ""
        low, high = question.min, question.max
        example = low if low is not None else (high if high is not None and high < 1 else 1)
        span = _span(low, high)
        return f"{key} = {_num(example)}", f"a number{unit}{', ' + span if span else ''}"
    if isinstance(question, DateQuestion):
        day = question.min or dt.date.today()
        return f"{key} = {day.isoformat()}", "a date, YYYY-MM-DD, no quotes"
    if isinstance(question, TextQuestion):
        return f'{key} = "..."', "text in quotes"
    first = question.options[0].id
    if isinstance(question, MultiQuestion):
        return f'{key} = ["{first}"]', "a list of any of the ids above"
    return f'{key} = "{first}"', "one of the ids above"


def _span(low: float | None, high: float | None) -> str:
    """The range a number may take ("" when any)."""
    if low is not None and high is not None:
        return f"from {_num(low)} to {_num(high)}"
    if low is not None:
        return f"at least {_num(low)}"
    return f"at most {_num(high)}" if high is not None else ""


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _show(raw: object) -> str:
    text = repr(raw)
    return text if len(text) <= 40 else text[:37] + "..."
