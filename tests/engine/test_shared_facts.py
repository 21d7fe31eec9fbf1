"""The linter hands the verdict engine the facts it found in its own pass over a tree (each
question's targets, what its routes read): they must be exactly what the engine computes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paths import DATA
from wizard.lint import lint
from wizard.tree.loader import read
from wizard.tree.reach import route_reads, targets_of
from wizard.tree.shipped import shipped_trees

TREES = [*shipped_trees(), *sorted((DATA / "app").glob("*.toml"))]


@pytest.mark.parametrize("path", TREES, ids=lambda p: p.stem)
def test_the_linters_targets_and_reads_are_the_engines(path: Path) -> None:
    loaded = read(path)
    assert loaded.tree is not None
    lint(loaded)  # primes the caches
    primed = (targets_of(loaded.tree), route_reads(loaded.tree))
    fresh = read(path).tree
    assert fresh is not None
    assert primed == (targets_of.build(fresh), route_reads.build(fresh))
