"""The one direction of imports: each layer imports only the layers below it, and no modules
import each other in a circle. Every import counts, the lazy ones inside functions too (they
are arrows all the same; only `if TYPE_CHECKING:` imports, which never run, are left out)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("wizard", "screens", "tools")

LAYERS: list[tuple[str, ...]] = [
    ("wizard", "wizard.toml", "wizard.diagnostics", "wizard.i18n"),
    ("wizard.tree",),
    ("wizard.lint",),
    ("wizard.sessions",),
    ("wizard.report",),
    ("wizard.exports",),
    ("screens.widgets", "screens.catalog", "screens.messages"),
    ("screens.dialogs",),
    ("screens.views",),
    ("screens",),
    ("wizard.cli", "wizard.__main__"),
    ("tools",),
]
"""Lowest first. A module belongs to the layer of its longest matching prefix."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[module_name(path)] = path
    return found


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules `path` imports (a `from package import module` names the module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, known) - {name} for name, path in known.items()}


def layer(module: str) -> int:
    best, depth = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and prefix.count(".") > depth:
                best, depth = index, prefix.count(".")
    assert best >= 0, f"{module} is in no layer"
    return best


def _package(module: str) -> str:
    return module if module in {"wizard", "screens", "tools"} else module.rpartition(".")[0]


def test_every_import_points_down_or_sideways() -> None:
    upward = [
        f"{source} -> {target}"
        for source, targets in graph().items()
        for target in targets
        if layer(target) > layer(source) and _package(target) != source
    ]
    assert upward == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    edges = graph()
    circles: list[list[str]] = []
    for start in sorted(edges):
        # a path back to `start` through modules after it (each circle found once)
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            node, path = stack.pop()
            for target in sorted(edges[node]):
                if target == start:
                    circles.append(path)
                elif target > start and target not in seen:
                    seen.add(target)
                    stack.append((target, [*path, target]))
    assert circles == []


def test_the_checker_sees_real_imports() -> None:
    edges = graph()
    assert "wizard.tree.schema" in edges["wizard.tree.walk"]
    assert "screens.views.home" in edges["screens.app"]
    assert layer("wizard.cli.main") > layer("screens.app") > layer("wizard.exports.html")
