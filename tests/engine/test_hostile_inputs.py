"""Commands given something that is not a regular file (tests/data/hostile/inputs/, one file per
case: the command, with `{pipe}` for a named pipe made here, and the one-line message expected):
refused at once in one line, never a hang."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
CASES = sorted((DATA / "hostile" / "inputs").glob("*.toml"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_a_named_pipe_is_refused_not_read(tmp_path: Path, case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    expect = text.splitlines()[0].removeprefix("# expect:").strip()
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)
    answers = tmp_path / "answers.toml"
    answers.write_text('enrolment = "china"\n')
    places = {"pipe": pipe, "answers": answers, "sample": DATA / "good" / "sample.toml"}
    command = [part.format(**places) for part in tomllib.loads(text)["command"]]
    result = subprocess.run(
        [sys.executable, "-m", "wizard", *command],
        capture_output=True,
        text=True,
        timeout=30,  # reading the pipe would block for ever
        check=False,
    )
    assert result.returncode == 1
    assert expect in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert pipe.exists()
