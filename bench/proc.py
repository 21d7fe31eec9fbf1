"""Run a whole process and measure what a user waits for: wall time and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The checkout: processes run here so `wizard`, `screens` and `bench` import from it."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_kib: int
    """Peak resident memory of that one process (ru_maxrss, in KiB on Linux)."""
    code: int
    output: str
    """stdout and stderr, last 2,000 characters (to say why a run failed)."""


def python(*args: str) -> list[str]:
    """A command running this interpreter (the project's virtualenv) with `args`."""
    return [sys.executable, *args]


def run(command: list[str], timeout: float = 300) -> Run:
    """Run `command` to its end; its own rusage comes from wait4, not from RUSAGE_CHILDREN
    (which would report the largest of every child this process ever waited for)."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=output, env=_env())
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            watchdog.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")[-2000:]
    return Run(seconds, usage.ru_maxrss, process.returncode, text)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.pop("TEXTUAL", None)  # no devtools, no debug features in a measured process
    return env
