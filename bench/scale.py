"""Scale: `wizard check` on generated trees of growing size, where its time goes, and
`wizard paths` on a tree with 2**64 paths.

The whole command runs as a subprocess (what a user waits for, interpreter start included);
the phases (parse, validate, lint) run in this process to show where the time goes.
"""

from __future__ import annotations

import contextlib
import gc
import io
import time
from collections.abc import Callable
from pathlib import Path

from bench import generate
from bench.proc import python, run
from bench.stats import Result, Row, Table, median, mib, secs

CHECK_TARGET = 0.6
"""Seconds for `wizard check` on 10,000 nodes."""
GROWTH_TARGET = 12.0
"""100,000 nodes may take at most this many times the 10,000-node time."""
PATHS_TARGET = 0.1


def tree_file(workdir: Path, nodes: int) -> Path:
    path = workdir / f"generated-{nodes}.toml"
    if not path.exists():
        generate.write(generate.realistic_tree(nodes), path)
    return path


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Seconds of each of `runs` calls, with the garbage collector paused as `wizard check`
    pauses it; garbage from the previous call is collected first, outside the timing."""
    found = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            action()
            found.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return found


def check_command(path: Path, runs: int) -> tuple[float, float, str]:
    """Median seconds and median peak KiB of `wizard check PATH`; a failure's output, if any."""
    seconds, peaks, failure = [], [], ""
    for _ in range(runs):
        done = run(python("-m", "wizard", "check", str(path)))
        seconds.append(done.seconds)
        peaks.append(done.peak_kib)
        if done.code != 0:
            failure = done.output.strip().splitlines()[-1] if done.output.strip() else "no output"
    return median(seconds), median(peaks), failure


def phases(path: Path, runs: int) -> list[str]:
    """Median seconds of each phase of `wizard check`, in this process."""
    from wizard.lint import lint, lint_files
    from wizard.toml import parse_toml
    from wizard.tree.loader import read
    from wizard.tree.schema import Tree

    text = path.read_text(encoding="utf-8")
    data = parse_toml(text)
    loaded = read(path)
    parse = timed(lambda: parse_toml(text), runs)
    validate = timed(lambda: Tree.model_validate(data), runs)
    read_all = timed(lambda: read(path), runs)
    linting = timed(lambda: lint(loaded), runs)
    whole = timed(lambda: lint_files([path]), runs)
    return [secs(median(t)) for t in (parse, validate, read_all, linting, whole)]


def scale(workdir: Path, sizes: tuple[int, ...], runs: int, phase_runs: int) -> Result:
    result = Result()
    commands = Table(
        "`wizard check` on generated trees",
        ["Nodes", "TOML size", "Whole command", "Peak memory", "Exit"],
        note=f"Whole process, {runs} runs each; peak memory is the process's own ru_maxrss.",
    )
    breakdown = Table(
        "Where `wizard check` spends its time (in-process)",
        [
            "Nodes",
            "parse TOML",
            "validate (pydantic)",
            "read (decode+parse+validate)",
            "lint",
            "read + lint",
        ],
        note=f"Medians of {phase_runs} runs in the benchmark process (no interpreter start or "
        "imports), the garbage collector paused as in `wizard check`.",
    )
    times: dict[int, float] = {}
    for nodes in sizes:
        path = tree_file(workdir, nodes)
        seconds, peak, failure = check_command(path, runs)
        times[nodes] = seconds
        size = f"{path.stat().st_size / 1e6:.2f} MB"
        commands.rows.append([f"{nodes:,}", size, secs(seconds), mib(peak), failure or "0"])
        breakdown.rows.append([f"{nodes:,}", *phases(path, phase_runs)])
        target = CHECK_TARGET if nodes == 10_000 else None
        result.rows.append(
            Row(
                f"`wizard check`, {nodes:,} nodes ({size})"
                + (f" – failed: {failure}" if failure else ""),
                f"{secs(seconds)}, peak {mib(peak)}",
                f"<= {CHECK_TARGET} s" if target else "",
                None if target is None else (seconds <= target and not failure),
            )
        )
    result.rows.append(_growth(times))
    result.tables += [commands, breakdown]
    return result


def _growth(times: dict[int, float]) -> Row:
    if 10_000 in times and 100_000 in times:
        ratio = times[100_000] / times[10_000]
        return Row(
            "`wizard check` growth, 100,000 / 10,000 nodes",
            f"{ratio:.1f}x",
            f"<= {GROWTH_TARGET:.0f}x",
            ratio <= GROWTH_TARGET,
        )
    small, large = sorted(times)[0], sorted(times)[-1]
    ratio = times[large] / times[small]
    return Row(f"`wizard check` growth, {large:,} / {small:,} nodes", f"{ratio:.1f}x")


def paths(workdir: Path, rungs: int, runs: int) -> Result:
    """`wizard paths` on the ladder: the command in this process (load, lint, count, print)
    and the whole process."""
    from wizard.cli.main import main

    path = workdir / f"ladder-{rungs}.toml"
    generate.write(generate.ladder_tree(rungs), path)

    def in_process() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["paths", str(path)])
        if code != 0:
            raise RuntimeError(f"wizard paths {path} exited {code}")

    inside = median(timed(in_process, runs))
    whole = [run(python("-m", "wizard", "paths", str(path))) for _ in range(runs)]
    failed = next((w.output for w in whole if w.code != 0), "")
    paths_count = f"2^{rungs} ≈ {2**rungs:.1e} paths"
    return Result(
        [
            Row(
                f"`wizard paths`, {paths_count}, in-process",
                secs(inside),
                f"<= {PATHS_TARGET} s",
                inside <= PATHS_TARGET,
            ),
            Row(
                f"`wizard paths`, {paths_count}, whole process (interpreter + imports)"
                + (" – failed" if failed else ""),
                secs(median([w.seconds for w in whole])),
            ),
        ]
    )
