"""tomli is imported only when a document needs it (rtoml refused it, or it has what only tomli
reads as tomllib does): the app's start lists trees and sessions without it. Errors stay tomli's."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from tests.fresh import run_fresh
from wizard import toml


def test_the_error_is_tomlis_and_parse_errors_raise_it() -> None:
    assert toml.TOMLDecodeError is tomli.TOMLDecodeError
    with pytest.raises(tomli.TOMLDecodeError, match="at end of document"):
        toml.parse_toml("a = [")
    with pytest.raises(AttributeError):
        toml.__getattr__("nothing")


def test_reading_the_trees_and_sessions_listed_at_start_does_not_import_tomli(
    tmp_path: Path,
) -> None:
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from screens.catalog import tree_cards\n"
        "from wizard.sessions.index import list_sessions\n"
        "from wizard.sessions.client_index import list_clients\n"
        "assert len(tree_cards()) >= 4\n"
        f"list_sessions(Path({str(tmp_path)!r})); list_clients(Path({str(tmp_path)!r}))\n"
        "assert 'tomli' not in sys.modules, 'tomli imported'\n"
    )
    done = run_fresh(code)
    assert done.returncode == 0, done.stderr
