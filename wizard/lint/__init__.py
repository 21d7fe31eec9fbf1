"""The linter behind `wizard check`: every content mistake in a tree that validated, in one run.

The package is in layers, so each part can be read (and changed) on its own:

- `checker`: one tree being linted and the facts several rules share (the routing graph,
  reachability, dominators, condition analyses), each computed once, lazily;
- `rules`: the rules, one small function each, listed in `RULES` in the order they run;
- `conditions` and `graphs`: what a condition can and cannot be, and the graph algorithms;
- here, the runners: `lint` (one loaded tree), `lint_files` (what `wizard check` runs) and
  `load` (read, lint and raise, for everything that opens a tree to walk it).

`load` lives here rather than in `wizard.tree.loader` because it lints: the tree package sits
below the linter and must not import it (it used to, lazily, which made a circle).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from wizard.diagnostics import Diagnostic, TreeError, has_errors
from wizard.lint.checker import Checker
from wizard.lint.rules import FOR_AUTHORS, RULES
from wizard.tree.gc_pause import paused_gc
from wizard.tree.loader import Loaded, read
from wizard.tree.schema import Tree
from wizard.tree.shipped import resolve, shipped_tree_ids

__all__ = ["RULES", "lint", "lint_files", "load", "shipped_tree_ids"]


def lint(
    loaded: Loaded,
    known_trees: set[str] | None = None,
    today: dt.date | None = None,
    tree_files: dict[str, Path] | None = None,
    for_authors: bool = True,
) -> list[Diagnostic]:
    """Every problem the rules find in a loaded, validated tree, sorted by line.

    `known_trees` are the tree ids a `continue.tree` may name (default: the shipped trees);
    without `for_authors`, the rules in `FOR_AUTHORS` are left out."""
    if loaded.tree is None:
        return []
    known = shipped_tree_ids() if known_trees is None else known_trees
    checker = Checker(loaded, known | {loaded.tree.id}, today or dt.date.today(), tree_files)
    with paused_gc():
        rules = RULES if for_authors else [rule for rule in RULES if rule not in FOR_AUTHORS]
        found = [diagnostic for rule in rules for diagnostic in rule(checker)]
    return sorted(set(found))


def lint_files(files: list[Path], today: dt.date | None = None) -> list[Diagnostic]:
    """Read and lint each file; every diagnostic of every file, sorted by file then line.

    A `continue.tree` may name a shipped tree or any tree among `files`."""
    loaded = [read(path) for path in files]
    found = [d for one in loaded for d in one.diagnostics]
    ids: dict[str, Path] = {}
    for one in loaded:
        if one.tree is not None:
            found += _same_id(one, ids)
    known = shipped_tree_ids() | ids.keys()
    for one in loaded:
        found += lint(one, known, today, ids)
    return sorted(set(found))


def load(name: str | Path) -> Tree:
    """Load and lint a tree (a shipped tree's id, or a path); raise `TreeError` when it has
    errors (warnings pass). What the app, the session commands and the exports open a tree with:
    a tree that reads but routes nowhere must not be walked. The rules about how it is written
    are left out (see `FOR_AUTHORS`): `wizard check` runs them."""
    path = resolve(name) if isinstance(name, str) else name
    loaded = read(path)
    diagnostics = loaded.diagnostics + (lint(loaded, for_authors=False) if loaded.tree else [])
    if loaded.tree is None or has_errors(diagnostics):
        raise TreeError([d for d in diagnostics if d.level == "error"])
    return loaded.tree


def _same_id(one: Loaded, ids: dict[str, Path]) -> list[Diagnostic]:
    """A second file with a tree id already used: sessions and `continue` links go by id."""
    assert one.tree is not None and one.lines is not None
    ident, here = one.tree.id, one.path.resolve()
    first = ids.setdefault(ident, here)
    if first == here:
        return []
    line = one.lines.line_of(("tree", "id"))
    message = f"tree id `{ident}` is also used by {first}"
    return [Diagnostic(str(one.path), line, "tree", message, rule="duplicate-id")]
