"""`python -m bench [--quick] [--only NAME ...] [--output FILE]`: run the benchmarks, print the
summary table and (unless --quick) write bench/RESULTS.md with the machine they ran on.

--quick runs every benchmark at tiny sizes with few runs: a smoke test that the code works (the
test suite uses it); its numbers mean nothing and it writes no file unless --output is given.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import (
    commands,
    exports,
    history,
    machine,
    parsers,
    report,
    scale,
    shipped_steps,
    startup,
    steps,
)
from bench.proc import ROOT
from bench.stats import LOAD_LIMIT, Result, Table

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


@dataclass(frozen=True)
class Sizes:
    runs: int
    """Runs per measurement (at least 10 for real results)."""
    check_sizes: tuple[int, ...]
    phase_runs: int
    parser_nodes: int
    rungs: int
    walk_questions: int
    walks: int
    export_questions: int
    history: int = 10_000
    """Saved sessions in a counselor's history."""
    command_sizes: tuple[int, ...] = (1_000, 10_000)
    """Generated trees `paths` and `run` are timed on, beside `check`."""


FULL = Sizes(
    runs=10,
    check_sizes=(100, 1_000, 10_000, 100_000),
    phase_runs=5,
    parser_nodes=10_000,
    rungs=64,
    walk_questions=200,
    walks=3,
    export_questions=200,
)
QUICK = Sizes(
    runs=1,
    check_sizes=(40, 120),
    phase_runs=1,
    parser_nodes=120,
    rungs=64,
    walk_questions=6,
    walks=1,
    export_questions=6,
    history=50,
    command_sizes=(120,),
)

Bench = Callable[[Path, Sizes], Result]


def _both(first: Result, second: Result) -> Result:
    first.extend(second)
    return first


BENCHES: dict[str, Bench] = {
    "start": lambda work, s: startup.startup(work, s.runs),
    "history": lambda work, s: _both(
        history.cold_start(work, s.runs, s.history), history.sessions_list(work, s.runs, s.history)
    ),
    "shipped": lambda work, s: shipped_steps.shipped_steps(work, s.walks),
    "commands": lambda work, s: commands.commands(work, s.command_sizes, s.runs),
    "steps": lambda work, s: steps.step_latency(work, s.walk_questions, s.walks),
    "scale": lambda work, s: scale.scale(work, s.check_sizes, s.runs, s.phase_runs),
    "paths": lambda work, s: scale.paths(work, s.rungs, s.runs),
    "parsers": lambda work, s: parsers.compare(scale.tree_file(work, s.parser_nodes), s.runs),
    "export": lambda work, s: exports.export_all(work, s.export_questions, max(s.runs, 3)),
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__.split("\n\n")[0].replace("\n", " ")
    )
    parser.add_argument("--quick", action="store_true", help="tiny sizes, few runs (smoke test)")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=list(BENCHES),
        metavar="NAME",
        help=f"run only these: {', '.join(BENCHES)}",
    )
    parser.add_argument(
        "--output", type=Path, help=f"results file (default: {RESULTS.name}; none with --quick)"
    )
    parser.add_argument("--runs", type=int, help="runs per measurement (default 10)")
    return parser.parse_args(argv)


def _load() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def run(names: list[str], sizes: Sizes, workdir: Path) -> Result:
    """Each benchmark in turn; the load average is sampled every 5 s while it runs, and its
    rows carry the highest value seen (a row measured under a high load says so)."""
    result = Result()
    loads = Table(
        "Load average while each benchmark ran",
        ["Benchmark", "Seconds", "1-min load: start", "highest", "end"],
        note=f"A row whose benchmark saw a load above {LOAD_LIMIT:.1f} (3/4 of the cores) is "
        "marked unreliable in the summary.",
    )
    for name in names:
        began = time.perf_counter()
        print(f"running {name}…", file=sys.stderr, flush=True)
        samples = [_load()]
        stop = threading.Event()

        def sample(samples: list[float] = samples, stop: threading.Event = stop) -> None:
            while not stop.wait(5):
                samples.append(_load())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            found = BENCHES[name](workdir, sizes)
        finally:
            stop.set()
            sampler.join()
        samples.append(_load())
        highest = max(samples)
        found.rows = [dataclasses.replace(row, load=highest) for row in found.rows]
        result.extend(found)
        seconds = time.perf_counter() - began
        loads.rows.append([name, f"{seconds:.0f}", f"{samples[0]:.2f}", f"{highest:.2f}",
                           f"{samples[-1]:.2f}"])  # fmt: skip
        print(f"  {name}: {seconds:.1f} s, load up to {highest:.2f}", file=sys.stderr, flush=True)
    result.tables.insert(0, loads)
    return result


def compile_sources() -> None:
    """Compile the project's modules to bytecode first, as `pip install` does for an installed
    wizard. Otherwise a checkout run with PYTHONDONTWRITEBYTECODE set (as on the machines this
    project runs on) compiles every module again in every process measured."""
    for package in ("wizard", "screens"):
        compileall.compile_dir(ROOT / package, quiet=1)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.runs:
        sizes = Sizes(**{**sizes.__dict__, "runs": args.runs})
    names = args.only or list(BENCHES)
    if not args.quick:
        compile_sources()
    described = machine.describe()
    with tempfile.TemporaryDirectory(prefix="wizard-bench-") as work:
        result = run(names, sizes, Path(work))
    command = "python -m bench" + (" --quick" if args.quick else "")
    print("\n".join(report.summary_table(result.rows)))
    output = args.output or (None if args.quick else RESULTS)
    if output is not None:
        report.write_results(output, report.render(result, described, command))
        print(f"\nwrote {output}", file=sys.stderr)
    failed = sum(row.ok is False for row in result.rows)
    if failed:
        print(f"{failed} target(s) missed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
