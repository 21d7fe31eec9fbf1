"""Golden exports: the Markdown, text and HTML of one outcome of each shipped tree (and of the
sample tree, finished and in progress) are compared with the files in tests/exports/golden/.

After an intended change, regenerate them and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/exports/test_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from tests.paths import SAMPLE
from wizard.exports import Rendered
from wizard.tree.loader import read, shipped_trees
from wizard.tree.paths import count_paths
from wizard.tree.schema import Tree

from .factory import SAMPLE_X1, make_session, rendered

GOLDEN = Path(__file__).parent / "golden"
FORMATS = ("md", "txt", "html")
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def load_tree(path: Path) -> Tree:
    loaded = read(path)
    assert loaded.tree is not None, loaded.diagnostics
    return loaded.tree


def chosen_outcome(tree: Tree) -> tuple[str, tuple[tuple[str, object], ...]]:
    """The first recommended outcome (else the first) that some answers reach, and those."""
    paths = {oid: p.shortest for oid, p in count_paths(tree).items() if p.shortest}
    assert paths, f"{tree.id}: no outcome is reachable"
    recommended = [o for o in paths if tree.outcomes[o].verdict == "recommended"]
    oid = (recommended or list(paths))[0]
    return oid, paths[oid]


def shipped_cases() -> list[tuple[str, Path]]:
    return [(path.stem, path) for path in shipped_trees()]


def session_for(tree: Tree, answers: tuple[tuple[str, object], ...]) -> Rendered:
    """A counselor's session: client, counselor, a note on the first answer, one tick."""
    first = answers[0][0]
    note = "Checked the passport and the admission letter.\nBring the originals next time."
    return rendered(*make_session(tree, answers, notes={first: note}, ticks=1))


def compare(name: str, r: Rendered) -> None:
    for fmt in FORMATS:
        path = GOLDEN / f"{name}.{fmt}"
        actual = r.text_of(fmt)
        if UPDATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            continue
        assert path.is_file(), f"{path} is missing; create it with UPDATE_GOLDEN=1"
        wanted = path.read_text(encoding="utf-8")
        if actual != wanted:
            diff = "".join(
                difflib.unified_diff(
                    wanted.splitlines(keepends=True),
                    actual.splitlines(keepends=True),
                    fromfile=f"golden/{path.name}",
                    tofile="rendered now",
                )
            )
            pytest.fail(
                f"{path.name} differs from the golden file (if intended, regenerate with "
                f"UPDATE_GOLDEN=1 and review the diff):\n{diff}",
                pytrace=False,
            )


@pytest.mark.parametrize(("tree_id", "path"), shipped_cases())
def test_shipped_tree_golden(tree_id: str, path: Path) -> None:
    tree = load_tree(path)
    oid, answers = chosen_outcome(tree)
    compare(f"{tree_id}-{oid}", session_for(tree, answers))


def test_sample_golden() -> None:
    tree = load_tree(SAMPLE)
    compare("sample-x1-remark", session_for(tree, tuple(SAMPLE_X1)))
    compare("sample-in-progress", session_for(tree, (("enrolment", "overseas"), ("months", 3))))


def test_every_golden_file_is_used() -> None:
    """A golden file left over from a renamed tree or outcome is an error, not dead weight."""
    names = {"sample-x1-remark", "sample-in-progress"}
    for tree_id, path in shipped_cases():
        names.add(f"{tree_id}-{chosen_outcome(load_tree(path))[0]}")
    expected = {f"{name}.{fmt}" for name in names for fmt in FORMATS}
    found = {p.name for p in GOLDEN.iterdir()} if GOLDEN.is_dir() else set()
    if UPDATE:
        for stale in found - expected:
            (GOLDEN / stale).unlink()
        return
    assert found == expected
