"""Numbers and dates at the edges (tests/data/hostile/edges/, answers/ and session-files/, one file
per case with its `# expect:` line): a review date or period past the calendar, dates at its ends
in conditions, an answers file nested 3,000 deep, NaN and infinity in a tree, an answers file or a
session. A clear one-line message or a normal result, never a traceback; NaN never accepted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wizard.sessions.model import Session, SessionFileError

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
SAMPLE = Path(__file__).parents[1] / "data" / "good" / "sample.toml"


def wizard(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def _header(path: Path, key: str) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"# {key}:"):
            return line.removeprefix(f"# {key}:").strip()
    raise AssertionError(f"{path.name} states no `# {key}:` line")


@pytest.mark.parametrize("path", sorted((HOSTILE / "edges").glob("*.toml")), ids=lambda p: p.stem)
def test_a_tree_at_the_edges(path: Path) -> None:
    expect, code = _header(path, "expect"), int(_header(path, "exit"))
    shown = ""
    for command in ("check", "paths", "graph"):
        result = wizard(command, str(path))
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == code, (command, result.stderr)
        shown += result.stdout + result.stderr
    assert expect in shown


@pytest.mark.parametrize("path", sorted((HOSTILE / "answers").glob("*.toml")), ids=lambda p: p.stem)
def test_an_answers_file_at_the_edges(path: Path) -> None:
    result = wizard("run", str(SAMPLE), "--answers", str(path))
    assert "Traceback" not in result.stderr, result.stderr
    assert _header(path, "expect") in result.stdout + result.stderr


@pytest.mark.parametrize(
    "path", sorted((HOSTILE / "session-files").glob("*.toml")), ids=lambda p: p.stem
)
def test_a_session_file_with_nan_is_refused(path: Path) -> None:
    with pytest.raises(SessionFileError) as refused:
        Session.from_toml(path.read_text(encoding="utf-8"))
    assert any(p.startswith(_header(path, "expect")) for p in refused.value.problems)
