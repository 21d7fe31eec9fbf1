"""Resuming a session: find its tree, replay its answers, and say plainly what no longer fits.

If the tree changed since the session was saved (its hash differs), the answers are replayed in
the order the tree asks them and the walk stops at the first one that no longer fits: an option
that was removed, a number now out of range, a question that is new. The user is told which answer
and why; answers after the stop are kept as remembered answers (preselected when their question
comes back, and still in the file), so nothing is lost and no outcome is shown that the answers do
not support.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from wizard.diagnostics import Diagnostic, TreeError
from wizard.lint import load
from wizard.sessions.model import Session, tree_hash
from wizard.sessions.store import OpenSession, SessionStore
from wizard.tree.answers import AnswerError
from wizard.tree.schema import AnswerValue, AnyQuestion, Tree, tr
from wizard.tree.shipped import resolve
from wizard.tree.walk import RoutingError, Walk, answer_label

IssueKind = Literal["refused", "unanswered", "dropped", "outcome-changed"]


@dataclass(frozen=True)
class ReplayIssue:
    """Something about the saved answers that the tree no longer supports.

    - refused: the saved answer to `question` no longer fits it; the walk stops there.
    - unanswered: the walk stops at `question`, which has no saved answer (a new question).
    - dropped: the saved answer to `question` is not used: the question is gone or off the path.
    - outcome-changed: the same answers now lead to another outcome than the saved one."""

    kind: IssueKind
    question: str
    message: str


@dataclass
class Resumed:
    """A walk rebuilt from a session, and what did not replay."""

    walk: Walk
    tree_changed: bool
    issues: list[ReplayIssue] = field(default_factory=list)

    @property
    def stopped_at(self) -> str | None:
        """The question the walk stopped at because of the tree change, if any."""
        stops = [i.question for i in self.issues if i.kind in ("refused", "unanswered")]
        return stops[0] if stops else None

    def summary(self) -> list[str]:
        """Lines to show the user, or none when everything replayed as saved."""
        if not self.issues and not self.tree_changed:
            return []
        head = (
            f"The tree {self.walk.tree.id!r} changed since this session was saved (now version "
            f"{self.walk.tree.tree.version})."
            if self.tree_changed
            else "Some saved answers could not be replayed."
        )
        if not self.issues:
            return [head + " All your answers still fit."]
        return [head, *(issue.message for issue in self.issues)]


def session_tree(session: Session) -> Tree:
    """The tree a session walks: its `tree_file` if it has one and it exists, else the shipped
    tree with its id. `TreeError` when it cannot be loaded (a tree file that is there but not a
    regular file, a named pipe say, is reported as what it is, not as missing)."""
    if session.tree_file and Path(session.tree_file).exists():
        return load(Path(session.tree_file))
    if session.tree_file and not resolve(session.tree).is_file():
        message = f"the tree file is missing, and no shipped tree has the id {session.tree!r}"
        raise TreeError([Diagnostic(session.tree_file, 1, session.tree, message, rule="file")])
    return load(session.tree)


def replay(session: Session, tree: Tree, lang: str | None = None) -> Resumed:
    """Rebuild the walk of `session` on `tree` (see the module docstring)."""
    lang = lang or session.language
    walk = Walk(tree)
    pending = dict(session.answer_values)
    issues: list[ReplayIssue] = []
    while (question := walk.current) is not None:
        if question.id not in pending:
            if pending:
                issues.append(_unanswered(question, lang))
            break
        value = pending[question.id]
        try:
            walk.answer(value)
        except (AnswerError, RoutingError) as error:
            issues.append(_refused(question, value, error, lang))
            break
        del pending[question.id]
    # Answers not replayed stay pending (offered again later) when the walk stopped at a question;
    # they are reported only when their question is gone, or the walk ended without them.
    stop = walk.current.id if walk.current is not None else None
    issues += [
        _dropped(tree, qid, value, lang)
        for qid, value in pending.items()
        if qid != stop and (stop is None or qid not in tree.nodes)
    ]
    on_path = walk.answers
    walk.remembered = {
        qid: value for qid, value in (session.remembered | pending).items() if qid not in on_path
    }
    if walk.outcome is not None and session.outcome and walk.outcome.id != session.outcome:
        issues.append(_outcome_changed(tree, session.outcome, walk, lang))
    return Resumed(walk, session.tree_hash != tree_hash(tree), issues)


def open_session(
    store: SessionStore, session_id: str, take_over: bool = False
) -> tuple[OpenSession, Resumed]:
    """Open a session for editing and rebuild its walk. Raises the store's `SessionError`s, or
    `TreeError` when its tree cannot be loaded (the lock is released then)."""
    handle = store.open(session_id, take_over=take_over)
    try:
        resumed = replay(handle.current, session_tree(handle.current))
    except TreeError:
        handle.close()
        raise
    return handle, resumed


def _name(question: AnyQuestion, lang: str) -> str:
    return f"“{tr(question.prompt, lang)}” ({question.id})"


def _refused(question: AnyQuestion, value: AnswerValue, error: Exception, lang: str) -> ReplayIssue:
    shown = answer_label(question, value, lang)
    return ReplayIssue(
        "refused",
        question.id,
        f"Your answer to {_name(question, lang)} was {shown!r}, which no longer fits: {error}. "
        "The walk stops there: please answer it again.",
    )


def _unanswered(question: AnyQuestion, lang: str) -> ReplayIssue:
    return ReplayIssue(
        "unanswered",
        question.id,
        f"{_name(question, lang)} has no saved answer (it is new, or the way to it changed). "
        "The walk stops there: please answer it; your later answers are offered again.",
    )


def _dropped(tree: Tree, qid: str, value: AnswerValue, lang: str) -> ReplayIssue:
    question = tree.nodes.get(qid)
    if question is None:
        shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
        why = f"The question {qid!r} is no longer in the tree; your answer {shown!r} is kept"
        return ReplayIssue("dropped", qid, why + " in the session file but not used.")
    label = answer_label(question, value, lang)
    return ReplayIssue(
        "dropped",
        qid,
        f"Your answer {label!r} to {_name(question, lang)} is not on the path any more; "
        "it is kept and offered again if the question comes back.",
    )


def _outcome_changed(tree: Tree, saved: str, walk: Walk, lang: str) -> ReplayIssue:
    before = tree.outcomes.get(saved)
    old = tr(before.title, lang) if before is not None else saved
    assert walk.outcome is not None
    new = tr(walk.outcome.title, lang)
    return ReplayIssue(
        "outcome-changed",
        walk.outcome.id,
        f"The outcome changed: it was {old!r} when saved; with the tree as it is now, the same "
        f"answers lead to {new!r}.",
    )
