"""Every question type accepts good answers in their stored form and refuses bad ones clearly."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import TypeAdapter

from wizard.tree.answers import AnswerError, parse_answer
from wizard.tree.schema import AnyQuestion, Question

QUESTION: TypeAdapter[AnyQuestion] = TypeAdapter(Question)


def make(**fields: Any) -> AnyQuestion:
    return QUESTION.validate_python({"prompt": "?", "next": "end", **fields})


CHOICE = make(type="choice", options=[{"id": "a"}, {"id": "b", "label": "Bee"}])
YESNO = make(type="yesno", options=[{"id": "yes"}, {"id": "no"}])
MULTI = make(
    type="multi", options=[{"id": "x"}, {"id": "y"}, {"id": "z"}], min_choices=1, max_choices=2
)
NUMBER = make(type="number", min=0, max=10, unit="years", integer=True)
FLOAT = make(type="number", min=0.5)
DATE = make(type="date", min="2020-01-01", max="2030-12-31")
TEXT = make(type="text", max_length=10)


@pytest.mark.parametrize(
    ("question", "raw", "stored"),
    [
        (CHOICE, "a", "a"),
        (CHOICE, " b ", "b"),
        (YESNO, "yes", "yes"),
        (YESNO, False, "no"),
        (MULTI, ["z", "x"], ["x", "z"]),
        (MULTI, "y, x", ["x", "y"]),
        (NUMBER, "7", 7),
        (NUMBER, 3.0, 3),
        (NUMBER, "1,0", 10),
        (FLOAT, "2.5", 2.5),
        (DATE, "2024-02-29", dt.date(2024, 2, 29)),
        (DATE, dt.date(2021, 1, 1), dt.date(2021, 1, 1)),
        (TEXT, "  hi  ", "hi"),
        (TEXT, "[bold]x", "[bold]x"),
    ],
)
def test_good_answers_are_stored_normalised(
    question: AnyQuestion, raw: object, stored: object
) -> None:
    assert parse_answer(question, raw) == stored


@pytest.mark.parametrize(
    ("question", "raw", "why"),
    [
        (CHOICE, "c", "not an option here; choose one of: a, b"),
        (CHOICE, "Bee", "not an option"),
        (CHOICE, 1, "not an option"),
        (YESNO, "maybe", "choose one of: yes, no"),
        (MULTI, [], "at least 1"),
        (MULTI, ["x", "y", "z"], "at most 2"),
        (MULTI, ["w"], "not options here: 'w'"),
        (MULTI, 5, "list of option ids"),
        (NUMBER, "ten", "'ten' is not a number"),
        (NUMBER, "  ", "^enter a number$"),
        (DATE, "", "^enter a date as YYYY-MM-DD$"),
        (NUMBER, "11", "at most 10 years"),
        (NUMBER, -1, "at least 0 years"),
        (NUMBER, "2.5", "whole number"),
        (NUMBER, True, "enter a number"),
        (NUMBER, "nan", "finite"),
        (FLOAT, "inf", "finite"),
        (DATE, "2024-02-30", "YYYY-MM-DD"),
        (DATE, "next week", "YYYY-MM-DD"),
        (DATE, "2019-12-31", "on or after 2020-01-01"),
        (DATE, "2031-01-01", "on or before 2030-12-31"),
        (DATE, 20240101, "YYYY-MM-DD"),
        (TEXT, "   ", "cannot be empty"),
        (TEXT, "x" * 11, "at most 10 characters"),
        (TEXT, 42, "enter some text"),
    ],
)
def test_bad_answers_are_refused_with_a_reason(
    question: AnyQuestion, raw: object, why: str
) -> None:
    with pytest.raises(AnswerError, match=why.replace("(", r"\(").replace("?", r"\?")):
        parse_answer(question, raw)


@pytest.mark.parametrize(
    ("unit", "raw", "expected"),
    [
        ("months", "4 months", 4),
        ("months", "4 个月", 4),
        ("months", "4个月", 4),
        ("months", "1 month", 1),
        ("months", " 4 Months ", 4),
        ({"en": "years", "zh": "年"}, "3 年", 3),
        ("years", "3 years", 3),
        ("semesters", "2 学期", 2),
    ],
)
def test_a_number_with_its_unit_typed_after_it(unit: object, raw: str, expected: int) -> None:
    question = make(type="number", unit=unit, min=0, max=100)
    assert parse_answer(question, raw) == expected


@pytest.mark.parametrize(
    ("unit", "raw", "message"),
    [
        ("months", "4 years", "'4 years': the question asks for months, not years"),
        ("months", "4 年", "the question asks for months, not 年"),
        ("months", "4 apples", "'4 apples' is not a number"),
        (None, "4 months", "'4 months' is not a number"),
    ],
)
def test_a_unit_that_is_not_the_questions_is_refused(unit: object, raw: str, message: str) -> None:
    question = make(type="number", unit=unit, min=0, max=100)
    with pytest.raises(AnswerError, match=message):
        parse_answer(question, raw)
