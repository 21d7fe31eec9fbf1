"""`per_tree`: remember what a function computes from a whole tree, once per tree object.

The verdict engine and the path search read the same facts about a tree many times (its graph,
the answers read later, each question's classes of answers), and trees are never changed after
loading. A tree model is not hashable, so the cache goes by identity: an entry is used only
while the very object it was made from is passed again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from wizard.tree.schema import Tree

T = TypeVar("T")

TREES_KEPT = 32
"""Trees remembered per function (a process opens a handful; tests open hundreds)."""


def per_tree(build: Callable[[Tree], T]) -> Callable[[Tree], T]:
    cache: dict[int, tuple[Tree, T]] = {}

    @functools.wraps(build)
    def cached(tree: Tree) -> T:
        hit = cache.get(id(tree))
        if hit is not None and hit[0] is tree:
            return hit[1]
        value = build(tree)
        if len(cache) >= TREES_KEPT:
            cache.clear()
        cache[id(tree)] = (tree, value)
        return value

    return cached
