"""A walk through a tree: answers, back, revise, risks and the outcome. Pure: no I/O.

The walk stores only the answers that lie on the current path, in the order given. The path is
derived from them by replaying the routing from the start, so an answer from an abandoned branch
can never steer anything: revising an answer drops every later answer the new path no longer
reaches, and says which.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from wizard.tree.answers import AnswerError, parse_answer
from wizard.tree.routing import route
from wizard.tree.schema import (
    SEVERITIES,
    AnswerValue,
    AnyQuestion,
    Outcome,
    Risk,
    Tree,
    tr,
)


class RoutingError(Exception):
    """The tree routes an answer nowhere (a content bug `wizard check` reports as a dead end)."""


@dataclass(frozen=True)
class Step:
    """One answered question on the path."""

    question: AnyQuestion
    answer: AnswerValue

    @property
    def id(self) -> str:
        return self.question.id


@dataclass(frozen=True)
class RiskHit:
    """A risk met on the path, and where: a question id, `question.option`, or an outcome id."""

    risk: Risk
    where: str

    @property
    def severity_rank(self) -> int:
        return SEVERITIES.index(self.risk.severity)


@dataclass
class Walk:
    """The state of one person's way through one tree."""

    tree: Tree
    _path: list[Step] = field(default_factory=list)
    _end: str | None = None
    remembered: dict[str, AnswerValue] = field(default_factory=dict)
    """Answers taken back or dropped, offered again as the preselection; never used for routing."""

    def __post_init__(self) -> None:
        self._end = self._end or self.tree.tree.start

    @classmethod
    def replay(cls, tree: Tree, answers: Iterable[tuple[str, object]]) -> tuple[Walk, list[str]]:
        """A walk that takes `answers` in order while they fit; the problems where they stop.

        Answers for questions off the path are skipped (reported); a refused answer stops it."""
        walk = cls(tree)
        pending = dict(answers)
        problems: list[str] = []
        while walk.current is not None and walk.current.id in pending:
            question = walk.current
            try:
                walk.answer(pending.pop(question.id))
            except AnswerError as error:
                problems.append(f"{question.id}: {error}")
                break
        problems += [f"{qid}: not on the path of these answers" for qid in pending]
        return walk, problems

    def copy(self) -> Walk:
        """A walk in the same state that later answers here do not change (steps are frozen):
        what a thread reads while the user goes on."""
        return Walk(self.tree, list(self._path), self._end, dict(self.remembered))

    # What the walk shows

    @property
    def path(self) -> list[Step]:
        return list(self._path)

    @property
    def answers(self) -> dict[str, AnswerValue]:
        """The answers on the path, in order."""
        return {step.id: step.answer for step in self._path}

    @property
    def current(self) -> AnyQuestion | None:
        """The question to answer next, or None when the walk has reached an outcome."""
        if self._end is None:
            return None
        return self.tree.nodes.get(self._end)

    @property
    def outcome(self) -> Outcome | None:
        return None if self._end is None else self.tree.outcomes.get(self._end)

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    @property
    def why(self) -> list[Step]:
        """The answers that decided the outcome: every answer on the path to it, in order."""
        return self.path if self.finished else []

    @property
    def risks(self) -> list[RiskHit]:
        """Risks met so far, in the order met, each once: those of each question asked (and of
        the current one), of each option picked, and of the outcome."""
        hits: list[RiskHit] = []
        seen: set[str] = set()

        def meet(ids: list[str], where: str) -> None:
            for rid in ids:
                if rid not in seen and rid in self.tree.risks:
                    seen.add(rid)
                    hits.append(RiskHit(self.tree.risks[rid], where))

        for step in self._path:
            meet(step.question.risks, step.id)
            picked = step.answer if isinstance(step.answer, list) else [step.answer]
            for option in step.question.options:
                if option.id in picked:
                    meet(option.risks, f"{step.id}.{option.id}")
        if self.current is not None:
            meet(self.current.risks, self.current.id)
        if self.outcome is not None:
            meet(self.outcome.risks, self.outcome.id)
        return hits

    def label(self, step: Step, lang: str = "en") -> str:
        """The answer of `step` as words: option labels, a number with its unit, a date, text."""
        return answer_label(step.question, step.answer, lang)

    # Changing the walk

    def answer(self, raw: object) -> None:
        """Answer the current question; AnswerError (and no change) when the answer does not fit."""
        question = self.current
        if question is None:
            raise AnswerError("the walk is finished: there is no question to answer")
        value = parse_answer(question, raw)
        answers = self.answers | {question.id: value}
        target = route(question, answers)
        if target is None or self.tree.target(target) is None:
            raise RoutingError(f"{question.id}: no route for answer {value!r}")
        self._path.append(Step(question, value))
        self.remembered.pop(question.id, None)
        self._end = target

    def back(self) -> Step | None:
        """Take back the last answer; it is remembered, so the question shows it selected."""
        if not self._path:
            return None
        step = self._path.pop()
        self.remembered[step.id] = step.answer
        self._end = step.id
        return step

    def revise(self, question_id: str, raw: object) -> list[Step]:
        """Change an earlier answer and continue. Later answers still on the new path are kept;
        the others are dropped and returned. AnswerError, and no change, if it is refused."""
        index = next((i for i, s in enumerate(self._path) if s.id == question_id), None)
        if index is None:
            raise AnswerError(f"{question_id!r} has not been answered on this path")
        value = parse_answer(self._path[index].question, raw)
        before = self._path
        self._follow(self.answers | {question_id: value})
        kept = {s.id for s in self._path}
        dropped = [s for s in before if s.id not in kept]
        for step in dropped:
            self.remembered[step.id] = step.answer
        return dropped

    def _follow(self, answers: Mapping[str, AnswerValue]) -> None:
        """Rebuild the path from the start, following `answers` while they lead on."""
        self._path, self._end = [], self.tree.tree.start
        taken: dict[str, AnswerValue] = {}
        while (question := self.current) is not None and question.id in answers:
            taken[question.id] = answers[question.id]
            target = route(question, taken)
            if target is None or self.tree.target(target) is None or target == question.id:
                break
            self._path.append(Step(question, answers[question.id]))
            self._end = target
            if len(self._path) > len(self.tree.nodes):
                break  # a cycle; `wizard check` reports it


def answer_label(question: AnyQuestion, answer: AnswerValue, lang: str = "en") -> str:
    """An answer in words, for screens and summaries."""
    labels = {o.id: o.text(lang) for o in question.options}
    if isinstance(answer, list):
        return ", ".join(labels.get(a, a) for a in answer) or "(none)"
    if isinstance(answer, str) and answer in labels:
        return labels[answer]
    unit = getattr(question, "unit", None)
    if unit and isinstance(answer, int | float):
        words = tr(unit, lang)
        if answer == 1 and lang == "en" and words.endswith("s"):
            words = words[:-1]  # "1 month", not "1 months"
        return f"{answer} {words}"
    return answer.isoformat() if hasattr(answer, "isoformat") else str(answer)
