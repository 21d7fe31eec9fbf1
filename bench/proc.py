"""Run a whole process and measure what a user waits for: wall time and peak memory.

Each command is started by a small launcher process, which times it and reads its rusage with
wait4. On Linux a child's ru_maxrss also counts the memory image it was forked from, so a child
forked straight from the benchmark (tens of MiB after the in-process benchmarks) would report
the benchmark's size; the launcher is a bare interpreter, smaller than anything measured.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The checkout: processes run here so `wizard`, `screens` and `bench` import from it."""

LAUNCHER = """
import json, os, sys, time
report, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawn(command[0], command, os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(report, "w") as out:
    json.dump([seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status)], out)
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    """Wall time from spawning the process to its exit."""
    peak_kib: int
    """Peak resident memory of that one process (ru_maxrss, in KiB on Linux)."""
    code: int
    output: str
    """stdout and stderr, last 2,000 characters (to say why a run failed)."""


def python(*args: str) -> list[str]:
    """A command running this interpreter (the project's virtualenv) with `args`."""
    return [sys.executable, *args]


def run(command: list[str], timeout: float = 300, env: dict[str, str] | None = None) -> Run:
    """Run `command` (its first item a path to an executable) to its end, with `env` added to
    this process's environment; a run past `timeout` seconds is killed and reported as failed."""
    with tempfile.TemporaryDirectory() as folder:
        report, output = Path(folder) / "report.json", Path(folder) / "output"
        with output.open("wb") as sink:
            launcher = subprocess.Popen(
                [sys.executable, "-c", LAUNCHER, str(report), *command],
                cwd=ROOT,
                stdout=sink,
                stderr=sink,
                env=_env(env or {}),
                start_new_session=True,  # one process group: a timeout kills the command too
            )
            try:
                launcher.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(launcher.pid, signal.SIGKILL)
                launcher.wait()
        text = output.read_bytes().decode("utf-8", "replace")[-2000:]
        if not report.exists():
            return Run(float(timeout), 0, -1, text or "killed after the timeout")
        seconds, peak, code = json.loads(report.read_text())
    return Run(seconds, peak, code, text)


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ) | extra
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.pop("TEXTUAL", None)  # no devtools, no debug features in a measured process
    return env
