"""The tests' own layout: shared helpers live in helper modules (tests/pilot.py for the app,
tests/paths.py for the data, tests/sessions/saved.py, ...); no module under tests/ imports a test
module or a conftest.py, so running or moving one test file never drags in another's tests."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _imported(tree: ast.Module, module: Path) -> list[tuple[int, str]]:
    """Each module `tree` imports, dotted and absolute, with its line."""
    package = ["tests", *module.relative_to(TESTS).parent.parts]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            # `from tests.sessions import test_cli` names the module in the import list
            found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
    return found


def _forbidden(name: str) -> bool:
    last = name.split(".")[-1]
    return name.split(".")[0] == "tests" and (last.startswith("test_") or last == "conftest")


def test_no_module_under_tests_imports_a_test_module_or_a_conftest() -> None:
    modules = sorted(TESTS.rglob("*.py"))
    assert TESTS / "pilot.py" in modules and len(modules) > 50
    wrong = [
        f"{module.relative_to(TESTS.parent)}:{line}: imports {name}"
        for module in modules
        for line, name in _imported(ast.parse(module.read_text(encoding="utf-8")), module)
        if _forbidden(name)
    ]
    assert wrong == [], "\n".join(wrong)


def test_the_check_sees_each_way_of_importing() -> None:
    module = TESTS / "sessions" / "test_example.py"
    source = (
        "import tests.app.test_walk\n"
        "from tests.sessions.test_cli import run\n"
        "from tests.sessions import test_storage\n"
        "from .conftest import store\n"
        "from . import test_cli\n"
        "from tests.pilot import answer\n"
        "from .saved import walked\n"
    )
    names = [name for _, name in _imported(ast.parse(source), module) if _forbidden(name)]
    assert names == [
        "tests.app.test_walk",
        "tests.sessions.test_cli",
        "tests.sessions.test_storage",
        "tests.sessions.conftest",
        "tests.sessions.test_cli",
    ]
