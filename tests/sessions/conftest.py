"""Fixtures for the session tests: a store in a temporary data folder, never the user's own
(the sessions they save are made with tests/sessions/saved.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.sessions.store import SessionStore


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "data")
