"""Code run in a new interpreter from the checkout: to see what an import or a command loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_fresh(code: str) -> subprocess.CompletedProcess[str]:
    """`code` run by `python -c` in the checkout's folder; its output captured as text."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
