"""Which TOML parser `wizard/toml.py` should use: each candidate parses the same 10,000-node
tree, interleaved, and its result is compared with the standard library's `tomllib`."""

from __future__ import annotations

import gc
import importlib
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.stats import Result, Table, median, secs

Parse = Callable[[str], dict[str, Any]]


def candidates() -> dict[str, Parse]:
    """tomllib, and each other parser that is installed."""
    found: dict[str, Parse] = {"tomllib (stdlib)": tomllib.loads}
    for label, module in (("tomli", "tomli"), ("rtoml", "rtoml")):
        try:
            found[label] = importlib.import_module(module).loads
        except ImportError:
            continue
    return found


def _compiled(label: str) -> str:
    if label != "tomli":
        return "Rust" if label == "rtoml" else "pure Python"
    import tomli

    return "mypyc-compiled" if str(tomli.__file__).endswith(".so") else "pure Python"


def compare(path: Path, runs: int) -> Result:
    text = path.read_text(encoding="utf-8")
    parsers = candidates()
    expected = tomllib.loads(text)
    times: dict[str, list[float]] = {label: [] for label in parsers}
    for _ in range(runs):
        for label, parse in parsers.items():
            gc.collect()
            start = time.perf_counter()
            parse(text)
            times[label].append(time.perf_counter() - start)
    base = median(times["tomllib (stdlib)"])
    table = Table(
        f"TOML parsers on `{path.name}` ({path.stat().st_size / 1e6:.2f} MB)",
        ["Parser", "Build", "Median", "vs tomllib", "Same data as tomllib"],
        note=f"Interleaved, {runs} runs each. The measurement behind the parser in wizard/toml.py.",
    )
    for label, parse in parsers.items():
        t = median(times[label])
        same = "yes" if parse(text) == expected else "**no**"
        table.rows.append([label, _compiled(label), secs(t), f"{t / base:.2f}x", same])
    return Result(tables=[table])
