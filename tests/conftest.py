"""Fixtures shared by every test folder."""

from __future__ import annotations

import pytest

from tests.paths import SAMPLE
from wizard.tree.loader import read
from wizard.tree.schema import Tree


@pytest.fixture(autouse=True)
def _private_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No test ever reads or writes the real user data folder: the app autosaves sessions."""
    monkeypatch.setenv("WIZARD_DATA_DIR", str(tmp_path_factory.mktemp("wizard-data")))


@pytest.fixture
def sample_tree() -> Tree:
    """A small tree using every question type and condition operator (tests/data/good)."""
    loaded = read(SAMPLE)
    assert loaded.tree is not None, loaded.diagnostics
    return loaded.tree
