"""Fixtures for the app tests; the Pilot helpers they use are in tests/pilot.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from screens.app import WizardApp, make_app
from tests.paths import VISA


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Sessions the app saves go to a fresh folder, never the user's, and none are listed."""
    folder = tmp_path / "data"
    monkeypatch.setenv("WIZARD_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def visa_app() -> WizardApp:
    return make_app(str(VISA), animate=False)
