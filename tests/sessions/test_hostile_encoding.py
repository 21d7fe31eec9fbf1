"""Output to a stream that cannot encode the text (tests/data/hostile/encoding/, one file per
command and the line expected): `PYTHONIOENCODING=ascii wizard sessions ...` writes `?` for what
it cannot encode, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
GOOD = DATA / "sessions" / "good" / "20261101-a1b2c3.toml"
SAMPLE = DATA / "good" / "sample.toml"
CASES = sorted((DATA / "hostile" / "encoding").glob("*.toml"))


def _sessions(folder: Path) -> None:
    """Two sessions of the sample tree for a client named "Zoë 李"."""
    folder.mkdir(parents=True)
    text = GOOD.read_text(encoding="utf-8").replace("Ana Silva", "Zoë 李")
    text = text.replace(
        "\ntree_hash = ", f"\ntree_file = {json.dumps(str(SAMPLE))}\ntree_hash = ", 1
    )
    for session_id in ("20261101-a1b2c3", "20261101-b1b2c3"):
        (folder / f"{session_id}.toml").write_text(
            text.replace("20261101-a1b2c3", session_id), encoding="utf-8"
        )


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_unencodable_output_is_replaced(tmp_path: Path, case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    expect = text.splitlines()[0].removeprefix("# expect:").strip()
    _sessions(tmp_path / "data" / "sessions")
    command = [*tomllib.loads(text)["command"], "--data-dir", str(tmp_path / "data")]
    result = subprocess.run(
        [sys.executable, "-m", "wizard", *command],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "COLUMNS": "120"},
        timeout=60,
        check=False,
    )
    out, err = result.stdout.decode("ascii"), result.stderr.decode("ascii")
    assert result.returncode == 0, err
    assert "Traceback" not in err
    assert expect in out + err
