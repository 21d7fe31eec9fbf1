"""What a benchmark returns (rows for the summary table, detail tables) and the statistics used."""

from __future__ import annotations

import math
import os
import statistics
from dataclasses import dataclass, field

LOAD_LIMIT = 0.75 * (os.cpu_count() or 1)
"""A 1-minute load average above this (three quarters of the cores busy with other work) makes
a measurement unreliable: its row says so."""


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile, nearest rank: a value that was actually measured."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.3f} s"


def mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


@dataclass(frozen=True)
class Row:
    """One line of the summary table. `ok` is None for a measurement without a target."""

    metric: str
    measured: str
    target: str = ""
    ok: bool | None = None
    load: float | None = None
    """The highest 1-minute load average seen while it was measured (set by `python -m bench`)."""

    @property
    def unreliable(self) -> bool:
        return self.load is not None and self.load > LOAD_LIMIT

    @property
    def verdict(self) -> str:
        found = {True: "pass", False: "**FAIL**", None: "info"}[self.ok]
        return f"{found} (unreliable: load {self.load:.1f})" if self.unreliable else found


@dataclass
class Table:
    """A detail table printed under the summary: how the headline numbers break down."""

    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    note: str = ""


@dataclass
class Result:
    """What one benchmark found."""

    rows: list[Row] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def extend(self, other: Result) -> None:
        self.rows += other.rows
        self.tables += other.tables
