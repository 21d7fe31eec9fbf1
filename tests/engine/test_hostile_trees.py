"""Hostile trees (tests/data/hostile/trees/, one file per case, its `# expect:` line saying what
must happen): commands printing tree text print no control character, and `check` refuses control
characters in URLs and ids with a one-line message."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

HOSTILE = Path(__file__).parents[1] / "data" / "hostile" / "trees"
ESCAPES = HOSTILE / "terminal-escapes.toml"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal (tab and newline are fine)."""


def wizard(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def _expect(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect:").strip()


@pytest.mark.parametrize(
    "command",
    [
        ["graph", "--format", "mermaid"],
        ["graph", "--format", "dot"],
        ["paths"],
        ["paths", "--format", "json"],
        ["check"],
    ],
    ids=" ".join,
)
def test_tree_text_is_printed_with_its_escapes_written_out(command: list[str]) -> None:
    result = wizard(*command, str(ESCAPES))
    assert result.returncode == 0, result.stderr
    assert not RAW.search(result.stdout) and not RAW.search(result.stderr)
    if command[0] != "check":
        json_output = "json" in command  # JSON's own escapes; no title there
        assert ("\\u001b" if json_output else "\\x1b") in result.stdout
        assert json_output or "\\u202e" in result.stdout


def test_paths_json_keeps_the_text_exactly() -> None:
    data = json.loads(wizard("paths", "--format", "json", str(ESCAPES)).stdout)
    shortest = {o["outcome"]: o["shortest"] for o in data["outcomes"]}
    assert shortest["yes-end"] == {"q1": "a", "q2": "a\x1b[1mbold"}


REFUSED = sorted(p for p in HOSTILE.glob("*.toml") if p != ESCAPES)


@pytest.mark.parametrize("path", REFUSED, ids=lambda p: p.stem)
def test_check_refuses_control_characters_in_urls_and_ids(path: Path) -> None:
    result = wizard("check", str(path))
    assert result.returncode == 1
    assert _expect(path) in result.stdout
    assert not RAW.search(result.stdout) and not RAW.search(result.stderr)
    assert all(line.startswith(str(path)) for line in result.stdout.splitlines())
