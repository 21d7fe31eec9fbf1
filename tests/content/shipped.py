"""The shipped trees, loaded once for the content tests (schema-validated with `read`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from wizard.tree.loader import read, shipped_trees
from wizard.tree.paths import OutcomePaths, count_paths
from wizard.tree.schema import Tree

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
PERSONAS = HERE / "personas"


@cache
def trees() -> dict[str, Tree]:
    """Every shipped tree by id; a tree that does not validate fails loudly with its diagnostics."""
    found: dict[str, Tree] = {}
    for path in shipped_trees():
        loaded = read(path)
        if loaded.tree is None:
            problems = "\n".join(str(d) for d in loaded.diagnostics)
            raise AssertionError(f"{path} does not validate:\n{problems}")
        found[loaded.tree.id] = loaded.tree
    return found


def outcome_ids() -> list[tuple[str, str]]:
    """(tree id, outcome id) for every outcome of every shipped tree."""
    return [(tid, oid) for tid, tree in trees().items() for oid in tree.outcomes]


@cache
def paths(tree_id: str) -> dict[str, OutcomePaths]:
    """`wizard paths` for a shipped tree: path count and shortest answers per outcome."""
    return count_paths(trees()[tree_id])
