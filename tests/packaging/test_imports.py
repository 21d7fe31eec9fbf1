"""The engine never imports Textual: it must run headless, in scripts and on servers."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import wizard


def test_importing_every_engine_module_loads_no_textual() -> None:
    modules = sorted(m.name for m in pkgutil.walk_packages(wizard.__path__, "wizard."))
    assert "wizard.tree.walk" in modules and "wizard.cli.main" in modules
    modules.remove("wizard.__main__")  # running it starts the command line
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "ui = ('textual', 'rich', 'screens')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ui)\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
