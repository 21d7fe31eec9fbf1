"""`wizard.tree.shipped._tree_header` finds the same `[tree…]` headers as the anchored pattern it
replaces for speed (the app reads every shipped tree's `[tree]` table at each start)."""

from __future__ import annotations

import random

from wizard.tree.shipped import _TREE_HEADER, _tree_header, shipped_trees

PIECES = ["[tree]", "[tree.a]", '["tree"]', "['tree' ]", "[ trees]", "[other]", "tree", "x = 1",
          'a = "[tree]"', "# [tree]", " ", "\t", "\n", "\n", "[", "]", "."]  # fmt: skip


def _expected(text: str, start: int) -> int | None:
    found = _TREE_HEADER.search(text, start)
    return found.end() if found else None


def test_the_same_headers_as_the_anchored_pattern() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        for start in range(len(text) + 1):
            assert _tree_header(text, start) == _expected(text, start), (text, start)


def test_the_same_on_the_shipped_trees() -> None:
    for path in shipped_trees():
        text = path.read_text(encoding="utf-8")
        for start in (0, 1, len(text) // 3, len(text) // 2, len(text)):
            assert _tree_header(text, start) == _expected(text, start)
