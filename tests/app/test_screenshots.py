"""The README's screenshot script (`python -m tools.screenshots`): its saved sessions are valid
and reopen without being saved again (a save would put today's date in the pictures), and two runs
write the same files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.screenshots import FINISHED, IN_PROGRESS, SEEDS, SHOTS, prepare
from wizard.sessions.resume import open_session
from wizard.sessions.store import SessionStore

ROOT = Path(__file__).resolve().parents[2]


def test_seeded_sessions_reopen_unchanged(tmp_path: Path) -> None:
    prepare(tmp_path / "data", tmp_path / "config")
    store = SessionStore(tmp_path / "data")
    assert sorted(s.id for s in store.scan().sessions) == sorted(seed.id for seed in SEEDS)
    for seed in SEEDS:
        handle, resumed = open_session(store, seed.id)
        with handle:
            walk = resumed.walk
            assert not resumed.issues, seed.id
            outcome = walk.outcome.id if walk.outcome else None
            ticked = set(handle.current.ticked(outcome)) if outcome else set()
            # What the app does when it shows a resumed session: nothing changed, nothing saved.
            assert not handle.record(walk, ticked, dict(handle.current.notes)), seed.id
        assert store.load(seed.id).updated == seed.updated


def test_the_shots_show_what_they_are_named_for(tmp_path: Path) -> None:
    """The finished session has a tick to show; the counselor's shot stops at a noted question."""
    prepare(tmp_path / "data", tmp_path / "config")
    store = SessionStore(tmp_path / "data")
    finished = store.load(FINISHED)
    assert finished.outcome and finished.ticked(finished.outcome) and finished.client_email
    handle, resumed = open_session(store, IN_PROGRESS)
    with handle:
        assert resumed.walk.current is not None
        assert resumed.walk.current.id in handle.current.notes
    assert {shot.name for shot in SHOTS} >= {"sessions", "counselor", "export", "email"}
    mail = tmp_path / "config" / "china-pathways-wizard" / "mail.toml"
    assert "user =" in mail.read_text(encoding="utf-8")  # so the email shot has a password field


@pytest.mark.slow
def test_two_runs_write_the_same_pictures(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": os.path.dirname(sys.executable)}  # no Chromium: SVGs only
    for run in ("one", "two"):
        subprocess.run(
            [sys.executable, "-m", "tools.screenshots", str(tmp_path / run)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    first = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert first == sorted(f"{shot.name}.svg" for shot in SHOTS)
    for name in first:
        one, two = (tmp_path / run / name for run in ("one", "two"))
        assert one.read_bytes() == two.read_bytes(), name
