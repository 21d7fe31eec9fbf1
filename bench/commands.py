"""`wizard paths` and `wizard run` beside `wizard check` on the realistic generated trees, whole
processes through the `wizard` console entry, interleaved (check, paths, run, check, ...).

`run` is given the answers of a walk to an outcome (found in this process: the first answer
class of each question, as `wizard.tree.domains` cuts them), so it prints an outcome, as a
user's run does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.proc import python, run
from bench.scale import tree_file
from bench.stats import Result, Row, Table, median, secs

PATHS_TARGET = 2.0
RUN_TARGET = 1.1


def _wizard(*args: str) -> list[str]:
    entry = Path(sys.executable).with_name("wizard")
    return [str(entry), *args] if entry.exists() else python("-m", "wizard", *args)


def answers_file(tree_path: Path, out: Path) -> Path:
    """A TOML table of answers walking the tree to an outcome."""
    import datetime as dt

    from wizard.tree.domains import domain
    from wizard.tree.loader import read
    from wizard.tree.walk import Walk

    tree = read(tree_path).tree
    assert tree is not None
    cells = domain(tree)
    walk = Walk(tree)
    lines = []
    while (question := walk.current) is not None:
        value = cells[question.id][0].value
        walk.answer(value)
        if isinstance(value, str):
            shown = f'"{value}"'
        elif isinstance(value, list):
            shown = "[" + ", ".join(f'"{v}"' for v in value) + "]"
        elif isinstance(value, dt.date):
            shown = value.isoformat()
        else:
            shown = repr(value)
        lines.append(f'"{question.id}" = {shown}')
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def commands(workdir: Path, sizes: tuple[int, ...], runs: int) -> Result:
    result = Result()
    table = Table(
        "`wizard paths` and `wizard run` beside `wizard check`, generated trees",
        ["Nodes", "check", "paths", "paths / check", "run", "run / check"],
        note=f"Whole processes through the `wizard` entry, {runs} interleaved runs each.",
    )
    for nodes in sizes:
        tree = tree_file(workdir, nodes)
        answers = answers_file(tree, workdir / f"answers-{nodes}.toml")
        commands = {
            "check": _wizard("check", str(tree)),
            "paths": _wizard("paths", str(tree)),
            "run": _wizard("run", str(tree), "--answers", str(answers)),
        }
        found: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                done = run(command)
                if done.code != 0:
                    raise RuntimeError(f"wizard {name} exited {done.code}: {done.output}")
                found[name].append(done.seconds)
        t = {name: median(values) for name, values in found.items()}
        table.rows.append([f"{nodes:,}", secs(t["check"]), secs(t["paths"]),
                           f"{t['paths'] / t['check']:.2f}x", secs(t["run"]),
                           f"{t['run'] / t['check']:.2f}x"])  # fmt: skip
        result.rows += [
            Row(f"`wizard paths` / `wizard check`, {nodes:,} nodes",
                f"{t['paths'] / t['check']:.2f}x",
                f"<= {PATHS_TARGET}x", t["paths"] / t["check"] <= PATHS_TARGET),
            Row(f"`wizard run` / `wizard check`, {nodes:,} nodes", f"{t['run'] / t['check']:.2f}x",
                f"<= {RUN_TARGET}x", t["run"] / t["check"] <= RUN_TARGET),
        ]  # fmt: skip
    result.tables.append(table)
    return result
