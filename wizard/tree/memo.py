"""`per_tree`: remember what a function computes from a whole tree, once per tree object.

The verdict engine and the path search read the same facts about a tree many times (its graph,
the answers read later, each question's classes of answers), and trees are never changed after
loading. A tree model is not hashable, so the cache goes by identity: an entry is used only
while the very object it was made from is passed again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Generic, TypeVar

from wizard.tree.schema import Tree

T = TypeVar("T")

TREES_KEPT = 32
"""Trees remembered per function (a process opens a handful; tests open hundreds)."""


class per_tree(Generic[T]):  # lower case: used as a decorator, like functools.cache
    """`build(tree)`, computed once per tree object (see the module docstring)."""

    def __init__(self, build: Callable[[Tree], T]) -> None:
        self.build = build
        self._cache: dict[int, tuple[Tree, T]] = {}
        functools.update_wrapper(self, build)

    def __call__(self, tree: Tree) -> T:
        hit = self._cache.get(id(tree))
        if hit is not None and hit[0] is tree:
            return hit[1]
        value = self.build(tree)
        self.prime(tree, value)
        return value

    def prime(self, tree: Tree, value: T) -> None:
        """Remember `value` as what `build(tree)` gives: the linter finds some of these facts in
        its own pass over a tree, and the verdict engine then need not walk the tree again."""
        if len(self._cache) >= TREES_KEPT:
            self._cache.clear()
        self._cache[id(tree)] = (tree, value)
