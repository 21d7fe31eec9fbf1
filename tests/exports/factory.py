"""Deterministic sessions for the export tests: fixed id and times, people, notes and ticks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from wizard.exports import Rendered
from wizard.report.summary import build_summary
from wizard.sessions.model import Session, new_session, tree_hash
from wizard.sessions.store import SessionStore
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

FIXED = dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.UTC)
SESSION_ID = "20261125-a1b2c3"


def make_session(
    tree: Tree,
    answers: Sequence[tuple[str, object]],
    *,
    client_name: str | None = "Ana Silva",
    client_email: str | None = "ana@example.org",
    counselor: str | None = "Li Wei",
    notes: dict[str, str] | None = None,
    shared: Sequence[str] = (),
    ticks: int = 0,
    tree_file: Path | None = None,
) -> tuple[Session, Walk]:
    """A session with fixed id and times that walked `answers`, with notes (those on the
    questions in `shared` for the client, the others private) and the first `ticks` checklist
    items of its outcome ticked."""
    walk, problems = Walk.replay(tree, list(answers))
    assert not problems, problems
    digest = tree_hash(tree)
    session = new_session(
        tree, digest, tree_file=str(tree_file) if tree_file else None, now=FIXED
    ).model_copy(update={"id": SESSION_ID})
    session.record_walk(walk, digest, now=FIXED)
    session.set_people(client_name, client_email, counselor)
    for qid, text in (notes or {}).items():
        session.set_note(qid, text)
        session.set_note_shared(qid, qid in shared)
    if walk.outcome is not None:
        for item in walk.outcome.checklist[:ticks]:
            session.set_tick(walk.outcome.id, item.id, True)
    return session, walk


def rendered(session: Session, walk: Walk) -> Rendered:
    return Rendered(build_summary(session, walk), session)


SAMPLE_X1 = [("enrolment", "china"), ("field", "yes"), ("start-date", "2026-06-01")]
"""The sample tree's way to x1-remark (one checklist item, one alternative)."""
SAMPLE_S2 = [
    ("enrolment", "overseas"),
    ("months", 4),
    ("sectors", ["ai", "energy"]),
    ("company", "ACME Shanghai Ltd."),
]
"""The sample tree's way to s2 (a high risk, a free-text answer)."""


def store_session(data_dir: Path, session: Session) -> str:
    """Save `session` in the store of `data_dir`; its id."""
    with SessionStore(data_dir).create(session) as handle:
        return handle.current.id
