"""An export on a full disk (tests/data/hostile/exports/, one file per case: the format, the file
size limit that stands in for the full disk, and the one-line message expected): the failed
export leaves no file, torn or whole, and the retry succeeds."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
GOOD = DATA / "sessions" / "good" / "20261101-a1b2c3.toml"
SAMPLE = DATA / "good" / "sample.toml"
WIZARD = [sys.executable, "-m", "wizard"]
CASES = sorted((DATA / "hostile" / "exports").glob("*.toml"))


def _export(
    data: Path, target: Path, fmt: str, limit: int | None
) -> subprocess.CompletedProcess[str]:
    def small_disk() -> None:  # in the child: writes past `limit` bytes fail (EFBIG)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    options = ["--format", fmt, "--output", str(target), "--data-dir", str(data)]
    return subprocess.run(
        [*WIZARD, "export", "20261101-a1b2c3", *options],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=small_disk if limit else None,
    )


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_a_full_disk_leaves_no_torn_export(tmp_path: Path, case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    expect = text.splitlines()[0].removeprefix("# expect:").strip()
    spec = tomllib.loads(text)
    data = tmp_path / "data"
    (data / "sessions").mkdir(parents=True)
    session = GOOD.read_text(encoding="utf-8")
    session = session.replace(
        "\ntree_hash = ", f"\ntree_file = {json.dumps(str(SAMPLE))}\ntree_hash = ", 1
    )
    (data / "sessions" / GOOD.name).write_text(session, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"summary.{spec['format']}"

    failed = _export(data, target, spec["format"], spec["limit"])
    assert failed.returncode == 1
    [line] = [x for x in failed.stderr.splitlines() if not x.startswith("note: ")]
    assert expect in line
    assert list(out.iterdir()) == []  # no torn file, no temporary file

    retried = _export(data, target, spec["format"], None)
    assert retried.returncode == 0, retried.stderr
    assert target.stat().st_size > spec["limit"]
    assert [p.name for p in out.iterdir()] == [target.name]
