"""Fixtures for the session tests: a store in a temporary data folder, never the user's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.sessions.model import Session, new_session, tree_hash
from wizard.sessions.store import OpenSession, SessionStore
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

SESSION_DATA = Path(__file__).parent.parent / "data" / "sessions"

OVERSEAS_S2: list[object] = ["overseas", 6, ["ai"], "ACME Ltd"]
"""Answers that walk the sample tree to the S2 outcome."""
CHINA_X1: list[object] = ["china", "yes", "2026-03-01"]
"""Answers that walk the sample tree to the X1 remark outcome (which has a checklist)."""


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "data")


def walked(tree: Tree, answers: list[object]) -> Walk:
    walk = Walk(tree)
    for answer in answers:
        walk.answer(answer)
    return walk


def saved_session(
    store: SessionStore, tree: Tree, answers: list[object], tree_file: Path | None = None
) -> OpenSession:
    """A new session of `tree`, walked with `answers` and saved after each one, left open."""
    handle = store.create(
        new_session(tree, tree_hash(tree), tree_file=str(tree_file) if tree_file else None)
    )
    walk = Walk(tree)
    for answer in answers:
        walk.answer(answer)
        handle.record(walk)
    return handle


def session_of(tree: Tree, answers: list[object]) -> Session:
    session = new_session(tree, tree_hash(tree))
    session.record_walk(walked(tree, answers), tree_hash(tree))
    return session
