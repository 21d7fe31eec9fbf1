"""The shipped trees: every outcome reachable, rendered as its committed golden file, lint-clean.

The goldens in tests/content/golden/<tree>/<outcome>.txt are what `wizard run` prints (text, the
text export's layout) for the walk that `wizard paths` names as the shortest way to each outcome.
When tree content changes on purpose, regenerate them and review the diff before committing:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/content
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from tests.content.shipped import GOLDEN, outcome_ids, paths, trees
from wizard.cli.main import main
from wizard.cli.run_output import render_outcome
from wizard.tree.walk import Walk

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
EXPECTED_TREES = {"start", "internship", "work-after-study", "permanent-residence"}


def _golden_path(tree_id: str, outcome_id: str) -> Path:
    return GOLDEN / tree_id / f"{outcome_id}.txt"


def _shortest_walk(tree_id: str, outcome_id: str) -> Walk:
    found = paths(tree_id)[outcome_id]
    assert found.count > 0, f"{tree_id}: no path in the graph leads to `{outcome_id}`"
    assert found.shortest is not None, f"{tree_id}: conditions exclude every path to `{outcome_id}`"
    walk, problems = Walk.replay(trees()[tree_id], found.shortest)
    assert problems == [], f"{tree_id}: replaying the shortest answers failed: {problems}"
    assert walk.outcome is not None and walk.outcome.id == outcome_id, (
        f"{tree_id}: the shortest answers {found.shortest} end at "
        f"{walk.outcome.id if walk.outcome else 'an unanswered question'}, not `{outcome_id}`"
    )
    return walk


def test_the_four_trees_ship() -> None:
    assert set(trees()) == EXPECTED_TREES


@pytest.mark.parametrize(("tree_id", "outcome_id"), outcome_ids())
def test_outcome_matches_its_golden_file(tree_id: str, outcome_id: str) -> None:
    rendered = render_outcome(_shortest_walk(tree_id, outcome_id), "text")
    golden = _golden_path(tree_id, outcome_id)
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
        return
    if not golden.is_file():
        pytest.fail(f"no golden file {golden}; create it with UPDATE_GOLDEN=1 and review it")
    expected = golden.read_text(encoding="utf-8")
    if rendered != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                rendered.splitlines(keepends=True),
                fromfile=f"{golden} (committed)",
                tofile=f"{tree_id}/{outcome_id} (rendered now)",
            )
        )
        pytest.fail(
            f"{tree_id}/{outcome_id} renders differently from its golden file.\n"
            f"If the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff.\n{diff}",
            pytrace=False,
        )


def test_no_golden_file_is_left_over() -> None:
    """A golden for an outcome that no longer exists would hide a renamed or deleted outcome."""
    wanted = {_golden_path(t, o) for t, o in outcome_ids()}
    extra = sorted(p for p in GOLDEN.rglob("*.txt") if p not in wanted)
    if UPDATE:
        for path in extra:
            path.unlink()
        return
    assert extra == [], f"golden files without an outcome (delete them): {extra}"


@pytest.mark.parametrize("tree_id", sorted(EXPECTED_TREES))
def test_every_outcome_is_reachable(tree_id: str) -> None:
    unreachable = [p.outcome for p in paths(tree_id).values() if p.count == 0 or not p.shortest]
    assert unreachable == [], f"{tree_id}: outcomes no answers reach: {unreachable}"


def test_check_strict_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    trees_dir = Path(__file__).resolve().parents[2] / "trees"
    status = main(["check", str(trees_dir), "--strict"])
    captured = capsys.readouterr()
    assert status == 0, captured.out + captured.err
    assert "0 error(s), 0 warning(s)" in captured.err
