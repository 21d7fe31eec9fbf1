"""The tree format: pydantic models of a decision tree read from TOML.

A tree file has five top-level tables: `[tree]` (metadata), `[sources.ID]`, `[risks.ID]`,
`[nodes.ID]` (questions) and `[outcomes.ID]`. Ids are the table keys; the models learn them
after validation (see `Tree.model_post_init`), so an id is never written twice.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

# Defined without pydantic (the app's home screen reads tree titles before any model is
# imported), and re-exported here, where the other modules look for them.
from wizard.i18n import Text as Text
from wizard.i18n import tr as tr

_URL = r"^https?://[^\s\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+$"
"""A web address: no white space, no control character, no bidirectional override."""
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]
"""A stable identifier: lowercase letters, digits, `-` and `_`."""

Severity = Literal["info", "caution", "high", "critical"]
SEVERITIES: tuple[Severity, ...] = ("info", "caution", "high", "critical")

Verdict = Literal["recommended", "possible", "not-advised", "not-available"]
VERDICTS: tuple[Verdict, ...] = ("recommended", "possible", "not-advised", "not-available")

QuestionType = Literal["choice", "yesno", "multi", "number", "date", "text"]


def _finite(value: object) -> object:
    """NaN and infinity are refused before a union tries each type (one clear message)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("not a finite number (NaN and infinity are refused)")
    return value


AnswerValue = Annotated[str | list[str] | int | float | dt.date, BeforeValidator(_finite)]
"""A stored answer: an option id, a list of option ids, a number, a date or free text."""

Scalar = Annotated[int | float | dt.date, BeforeValidator(_finite)]


class Model(BaseModel):
    """Base of every tree model: unknown keys are errors, never ignored; a number must be
    finite (NaN compares false with everything and would silently change a route)."""

    model_config = ConfigDict(
        extra="forbid", frozen=False, populate_by_name=True, allow_inf_nan=False
    )


class Keyed(Model):
    """A model whose id is its table key (`[risks.ID]`), filled in by `Tree` after validation.

    A plain field rather than a private attribute: ids are read on every routing step and lint
    pass, and pydantic's private attributes are several times slower to read. Writing `id` in
    the table is refused (the loader says why); a length limit does that inside pydantic's own
    validation, where a Python validator would be called for every item of a large tree."""

    id: SkipJsonSchema[str] = Field(default="", exclude=True, max_length=0)


class Source(Keyed):
    """A public document a fact is taken from."""

    title: Text
    publisher: Text
    url: Annotated[str, StringConstraints(pattern=_URL)]
    accessed: dt.date
    """The date the page was read."""
    published: dt.date | None = None
    """The date the page bears, where known."""
    changes_often: bool = False
    """A scheme that changes often (quotas, pilots): outcomes citing it say "confirm before you
    act", with the date the rule was last confirmed (`accessed`)."""


class Risk(Keyed):
    """A danger defined once and attached to options, questions or outcomes."""

    severity: Severity
    title: Text
    detail: Text
    mitigation: Text
    sources: list[Id] = Field(default_factory=list)


class Condition(Model):
    """A declarative test of earlier answers. Either a comparison on one answer
    (`answer` plus one or more of `is`, `in`, `has`, `eq`, `gt`, `gte`, `lt`, `lte`, all of
    which must hold) or a combination: exactly one of `all`, `any`, `not`."""

    answer: Id | None = None
    """The question whose answer is tested."""
    is_: Annotated[str | None, Field(alias="is")] = None
    """The answer is this option id (or, for a text question, this exact text)."""
    in_: Annotated[list[str] | None, Field(alias="in")] = None
    """The answer is one of these option ids."""
    has: str | None = None
    """A multiple-choice answer includes this option id."""
    eq: Scalar | None = None
    gt: Scalar | None = None
    gte: Scalar | None = None
    lt: Scalar | None = None
    lte: Scalar | None = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Annotated[Condition | None, Field(alias="not")] = None

    def model_post_init(self, context: Any, /) -> None:
        # Checked here rather than in an "after" model validator: pydantic runs that twice for
        # a recursive model nested in another one, and a large tree has thousands of conditions.
        # Written out rather than looped over COMPARISONS: a large tree has thousands.
        v = self.__dict__
        tests = not (
            v["is_"] is None
            and v["in_"] is None
            and v["has"] is None
            and v["eq"] is None
            and v["gt"] is None
            and v["gte"] is None
            and v["lt"] is None
            and v["lte"] is None
        )
        combos = (v["all"] is not None) + (v["any"] is not None) + (v["not_"] is not None)
        if combos:
            if combos > 1 or tests or v["answer"] is not None:
                raise ValueError("a condition combines with exactly one of all, any, not")
        elif v["answer"] is None or not tests:
            raise ValueError(
                "a condition needs `answer` and a test (is, in, has, eq, gt, gte, lt, lte),"
                " or one of all / any / not"
            )

    def referenced_answers(self) -> list[str]:
        """Every question id this condition reads, depth first."""
        if self.answer is not None:
            return [self.answer]
        found: list[str] = []
        for child in self.children():
            found.extend(child.referenced_answers())
        return found

    def children(self) -> list[Condition]:
        if self.not_ is not None:
            return [self.not_]
        return list(self.all or self.any or [])


COMPARISONS = ("is_", "in_", "has", "eq", "gt", "gte", "lt", "lte")


class Route(Model):
    """Go to `next` when `when` holds; a route without `when` always holds (the default)."""

    when: Condition | None = None
    next: Id


class Option(Model):
    """One choice of a choice, yes/no or multiple-choice question."""

    id: Id
    """The stored answer: never shown, never translated."""
    label: Text | None = None
    """Shown to the person; for yes/no questions it defaults to Yes / No."""
    help: Text | None = None
    risks: list[Id] = Field(default_factory=list)
    """Risks shown beside the option before it is picked, and met when it is picked."""
    next: Id | None = None
    """Where this option leads (a node or an outcome), after `routes` if any."""
    routes: list[Route] = Field(default_factory=list)
    """Routes tried in order before `next`; the first whose condition holds wins."""
    unknown: bool = False
    """"I don't know": an assumption the outcome lists to confirm, and an outcome reached
    through it is at most "possible" (unless the question does not affect the verdict)."""
    confirm: Text | None = None
    """For an `unknown` option: what to find out (shown with the assumption)."""
    exclusive: bool = False
    """In a multiple choice ("None of these"): it cannot be ticked with any other option."""

    def text(self, lang: str = "en") -> str:
        """The label shown; yes/no options without one read Yes / No."""
        return tr(self.label, lang) or self.id.capitalize()


class QuestionBase(Keyed):
    prompt: Text
    help: Text | None = None
    """'Why we ask': a short explanation for a student, not a lawyer."""
    risks: list[Id] = Field(default_factory=list)
    """Risks met as soon as the question is asked."""
    sources: list[Id] = Field(default_factory=list)
    """The rules behind the question, shown to counselors."""
    routes: list[Route] = Field(default_factory=list)
    """Routes tried in order after an option's own routing; the first that holds wins."""
    next: Id | None = None
    """The default destination when no option or route decides."""
    affects_verdict: bool = True
    """False when an "I don't know" answer here cannot change whether the outcome applies (it
    is still listed to confirm, but does not lower the verdict)."""

    @property
    def options(self) -> list[Option]:
        return []


class ChoiceQuestion(QuestionBase):
    """Pick exactly one option."""

    type: Literal["choice"]
    options_: Annotated[list[Option], Field(alias="options", min_length=2)]

    @property
    def options(self) -> list[Option]:
        return self.options_


class YesNoQuestion(QuestionBase):
    """A yes/no question: options with ids `yes` and `no` (labels default to Yes / No)."""

    type: Literal["yesno"]
    options_: Annotated[list[Option], Field(alias="options", min_length=2, max_length=2)]

    @model_validator(mode="after")
    def _yes_and_no(self) -> YesNoQuestion:
        if sorted(o.id for o in self.options_) != ["no", "yes"]:
            raise ValueError("a yesno question has exactly the options `yes` and `no`")
        return self

    @property
    def options(self) -> list[Option]:
        return self.options_


class MultiQuestion(QuestionBase):
    """Pick any number of options (between `min_choices` and `max_choices`)."""

    type: Literal["multi"]
    options_: Annotated[list[Option], Field(alias="options", min_length=2)]
    min_choices: int = Field(default=0, ge=0)
    max_choices: int | None = Field(default=None, ge=1)

    @property
    def options(self) -> list[Option]:
        return self.options_


class NumberQuestion(QuestionBase):
    """A number, within `min` and `max`, in `unit`."""

    type: Literal["number"]
    unit: Text | None = None
    min: float | None = None
    max: float | None = None
    integer: bool = False
    """Only whole numbers are accepted."""

    @model_validator(mode="after")
    def _range(self) -> NumberQuestion:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is greater than max")
        return self


class DateQuestion(QuestionBase):
    """A calendar date (YYYY-MM-DD), within `min` and `max`."""

    type: Literal["date"]
    min: dt.date | None = None
    max: dt.date | None = None

    @model_validator(mode="after")
    def _range(self) -> DateQuestion:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is later than max")
        return self


class TextQuestion(QuestionBase):
    """Free text, up to `max_length` characters."""

    type: Literal["text"]
    max_length: int = Field(default=500, ge=1, le=10_000)
    required: bool = True


Question = Annotated[
    ChoiceQuestion | YesNoQuestion | MultiQuestion | NumberQuestion | DateQuestion | TextQuestion,
    Field(discriminator="type"),
]

Who = Literal["you", "university", "employer", "bureau", "embassy", "bank", "family", "other"]


class ChecklistItem(Model):
    """A document to gather or a step to take, with who provides it and when."""

    id: Id
    text: Text
    who: Who
    """Who provides it: you | university | employer | bureau | embassy | bank | family | other."""
    when: Text
    """When it is needed, e.g. "before you travel"."""
    required: bool = True
    sources: list[Id] = Field(default_factory=list)


class ContinueLink(Model):
    """An invitation to continue in another tree."""

    tree: Id
    label: Text
    answers: dict[Id, str | list[str] | int | float | dt.date] = Field(default_factory=dict)
    """Answers the person already gave here, carried into that tree's first questions (so the
    triage's answers are not asked again); `wizard check` replays them on that tree."""


class Requirement(Model):
    """A condition the sources set for an outcome, tested on the walk's answers: met, broken (an
    answer contradicts it: lint refuses any path that can do that) or unestablished (not asked,
    or answered "I don't know": listed to confirm, and the verdict is at most "possible")."""

    when: Condition
    text: Text
    """The condition in words, e.g. "Lived in China at least 9 months a year"."""
    sources: list[Id] = Field(default_factory=list)


class Outcome(Keyed):
    """Where a walk ends: a pathway with its verdict, steps and checklist."""

    title: Text
    verdict: Verdict
    summary: Text
    steps: list[Text] = Field(default_factory=list)
    checklist: list[ChecklistItem] = Field(default_factory=list)
    alternatives: list[Id] = Field(default_factory=list)
    """Other outcomes shown beside this one."""
    risks: list[Id] = Field(default_factory=list)
    sources: list[Id] = Field(default_factory=list)
    requires: list[Requirement] = Field(default_factory=list)
    """The conditions the sources set for this pathway (see `Requirement`)."""
    continue_: Annotated[ContinueLink | None, Field(alias="continue")] = None


class TreeMeta(Model):
    """The `[tree]` table."""

    id: Id
    title: Text
    summary: Text
    version: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    last_reviewed: dt.date
    review_every_days: int = Field(default=180, ge=1, le=36500)
    disclaimer: Text
    start: Id
    languages: list[str] = Field(default_factory=lambda: ["en"])


class Tree(Model):
    """A whole decision tree file."""

    tree: TreeMeta
    sources: dict[Id, Source] = Field(default_factory=dict)
    risks: dict[Id, Risk] = Field(default_factory=dict)
    nodes: dict[Id, Question] = Field(default_factory=dict)
    outcomes: dict[Id, Outcome] = Field(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        for table in (self.sources, self.risks, self.nodes, self.outcomes):
            for key, item in table.items():
                # Past pydantic's __setattr__, which would not validate it anyway and costs a
                # few percent of validating a large tree.
                object.__setattr__(item, "id", key)

    @property
    def id(self) -> str:
        return self.tree.id

    def target(self, ident: str) -> QuestionBase | Outcome | None:
        """The question or outcome an edge points to."""
        return self.nodes.get(ident) or self.outcomes.get(ident)


AnyQuestion = (
    ChoiceQuestion | YesNoQuestion | MultiQuestion | NumberQuestion | DateQuestion | TextQuestion
)
