"""The machine a benchmark ran on, for the head of RESULTS.md."""

from __future__ import annotations

import datetime as dt
import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return "unknown"


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def describe() -> list[tuple[str, str]]:
    """(what, value) pairs: CPU, cores, memory, OS, Python and the libraries that matter."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return [
        ("CPU", cpu_model()),
        ("Cores", str(os.cpu_count())),
        ("Memory", memory_total()),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Textual", _version("textual")),
        ("pydantic", _version("pydantic")),
        ("tomli", _version("tomli")),
        ("rtoml", _version("rtoml")),
        ("Load average at start", f"{load:.2f}"),
        ("Date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
    ]
