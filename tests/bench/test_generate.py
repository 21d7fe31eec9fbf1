"""The benchmark trees: deterministic, the size they claim, valid and lint-clean (a bench tree
with lint errors would measure the wrong thing)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from bench import generate, toml_text
from wizard.lint import lint_files
from wizard.tree.loader import read
from wizard.tree.paths import count_paths
from wizard.tree.walk import Walk


def _written(tmp_path: Path, name: str, text: str) -> Path:
    return generate.write(text, tmp_path / f"{name}.toml")


def test_toml_writer_round_trips_every_value_kind() -> None:
    table = {
        "s": 'quote " back \\ new\nline 居留',
        "n": 3,
        "f": 2.5,
        "b": False,
        "d": dt.date(2026, 1, 2),
        "l": ["a", 1],
        "t": {"answer": "q", "in": ["x", "y"]},
        "odd key": "x",
    }
    assert tomllib.loads("\n".join(toml_text.pairs(table))) == table


def test_same_seed_same_tree_other_seed_other_tree() -> None:
    assert generate.realistic_tree(300, seed=1) == generate.realistic_tree(300, seed=1)
    assert generate.realistic_tree(300, seed=1) != generate.realistic_tree(300, seed=2)


@pytest.mark.parametrize("nodes", [20, 100, 1_000])
def test_realistic_tree_is_lint_clean_with_every_question_type(tmp_path: Path, nodes: int) -> None:
    path = _written(tmp_path, f"r{nodes}", generate.realistic_tree(nodes, seed=nodes))
    assert lint_files([path], today=dt.date(2026, 11, 25)) == []
    tree = read(path).tree
    assert tree is not None
    assert len(tree.nodes) + len(tree.outcomes) == nodes
    if nodes >= 100:
        types = {q.type for q in tree.nodes.values()}
        assert types == {"choice", "yesno", "multi", "number", "date", "text"}
        assert any(q.routes for q in tree.nodes.values())
        assert all(o.checklist and o.sources for o in tree.outcomes.values())


def test_realistic_tree_is_about_400_bytes_per_node() -> None:
    size = len(generate.realistic_tree(2_000).encode())
    assert 350 * 2_000 < size < 500 * 2_000


def test_walk_tree_answers_1_all_the_way(tmp_path: Path) -> None:
    path = _written(tmp_path, "walk", generate.walk_tree(30))
    assert lint_files([path], today=dt.date(2026, 11, 25)) == []
    tree = read(path).tree
    assert tree is not None
    walk = Walk(tree)
    while walk.current is not None:
        walk.answer(walk.current.options[0].id)
    assert len(walk.path) == 30
    assert walk.outcome is not None and walk.outcome.id == "done"


def test_ladder_has_two_to_the_rungs_paths(tmp_path: Path) -> None:
    path = _written(tmp_path, "ladder", generate.ladder_tree(64))
    assert lint_files([path], today=dt.date(2026, 11, 25)) == []
    tree = read(path).tree
    assert tree is not None
    counts = count_paths(tree)
    assert sum(c.count for c in counts.values()) == 2**64 > 10**18
