"""Saved sessions and lock files made for the session tests, and the CLI run in-process."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.sessions.model import Session, new_session, tree_hash
from wizard.sessions.store import OpenSession, SessionStore
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

OVERSEAS_S2: list[object] = ["overseas", 6, ["ai"], "ACME Ltd"]
"""Answers that walk the sample tree to the S2 outcome."""
CHINA_X1: list[object] = ["china", "yes", "2026-03-01"]
"""Answers that walk the sample tree to the X1 remark outcome (which has a checklist)."""


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


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def write_lock(path: Path, pid: int, host: str | None = None, started: str | None = None) -> None:
    """A lock file as process `pid` on `host` (this machine by default) leaves it; `started`,
    when the owner recorded its start time."""
    owner = {"pid": pid, "host": host or socket.gethostname(), "since": "2026-11-01T09:00:00+00:00"}
    if started is not None:
        owner["started"] = started
    path.write_text(json.dumps(owner), encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`wizard ARGV...` in this process: exit code, stdout, stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
