"""A counselor's history and the `wizard` command's start, as whole processes:

- cold start through the `wizard` console entry to the home screen's first frame, with no saved
  session and with 10,000, against a bare Textual app showing a ListView, interleaved; with
  10,000, also when the full session list is usable (listed and shown) after that frame;
- `wizard sessions list` with 10,000 sessions against 1, interleaved (the index cache warm, as
  after the first listing; the first listing, which fills it, is shown apart).

Times are wall clock from spawning the process (the launcher's clock) to the moment the child
writes down (its first frame, the list shown), not to its exit.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bench.proc import ROOT, _env, python, run
from bench.saved import write_sessions
from bench.stats import Result, Row, Table, median, secs

START_TARGET = 1.15
HISTORY_START_TARGET = 1.2
LIST_USABLE_TARGET = 0.5
LIST_TARGET = 3.0
MANY = 10_000

HOOK = """
import os, sys, time
mark = os.environ["BENCH_MARK"]
wait_list = os.environ.get("BENCH_WAIT_LIST") == "1"
from textual.app import App

def write(name, value):
    with open(mark, "a") as out:
        out.write(f"{name} {value!r}\\n")

def run(self, *args, **kwargs):
    async def ready(pilot):
        def first():
            write("first", time.time())
            if not wait_list:
                pilot.app.exit()
        pilot.app.call_after_refresh(first)
    kwargs.update(headless=True, size=(80, 24), auto_pilot=ready)
    return App_run(self, *args, **kwargs)

App_run = App.run
App.run = run
if wait_list:
    from screens.views.home import HomeScreen
    relist = HomeScreen._relist_sessions
    def listed(self):
        relist(self)
        def shown():
            write("list", time.time())
            self.app.exit()
        self.app.call_after_refresh(shown)
    HomeScreen._relist_sessions = listed
sys.argv = ["wizard", *sys.argv[1:]]
from wizard.cli.main import entry
entry()
"""

BARE = """
import os, time
from textual.app import App
from textual.widgets import ListView, ListItem, Label

class Bare(App[None]):
    def compose(self):
        yield ListView(*[ListItem(Label(f"Item {n}")) for n in range(4)])

async def ready(pilot):
    def first():
        with open(os.environ["BENCH_MARK"], "a") as out:
            out.write(f"first {time.time()!r}\\n")
        pilot.app.exit()
    pilot.app.call_after_refresh(first)

Bare().run(headless=True, size=(80, 24), auto_pilot=ready)
"""


def _timed(script: Path, env: dict[str, str], mark: Path) -> dict[str, float]:
    """Seconds from spawning `script` to each mark it writes."""
    mark.unlink(missing_ok=True)
    full = _env(env | {"BENCH_MARK": str(mark)})
    began = time.time()
    done = subprocess.run(python(str(script)), cwd=ROOT, env=full, capture_output=True, timeout=120)
    if done.returncode != 0 or not mark.exists():
        raise RuntimeError(f"{script.name} failed: {done.stderr.decode()[-2000:]}")
    marks = {}
    for line in mark.read_text().splitlines():
        name, value = line.split()
        marks[name] = float(value) - began
    return marks


def cold_start(workdir: Path, runs: int, many: int = MANY) -> Result:
    hook, bare = workdir / "hook.py", workdir / "bare.py"
    hook.write_text(HOOK, encoding="utf-8")
    bare.write_text(BARE, encoding="utf-8")
    empty = workdir / "data-none"
    (empty / "sessions").mkdir(parents=True, exist_ok=True)
    history = write_sessions(workdir / f"data-{many}", many)
    mark = workdir / "mark"
    from wizard.sessions.index import list_sessions

    list_sessions(history)  # the cache filled, as after the first start
    cases = {
        "bare Textual app (ListView), first frame": (bare, {}, "first"),
        "wizard, no sessions: first frame": (hook, {"WIZARD_DATA_DIR": str(empty)}, "first"),
        f"wizard, {many:,} sessions: first frame": (
            hook, {"WIZARD_DATA_DIR": str(history)}, "first"),
        f"wizard, {many:,} sessions: list shown": (
            hook, {"WIZARD_DATA_DIR": str(history), "BENCH_WAIT_LIST": "1"}, "list"),
    }  # fmt: skip
    found: dict[str, list[float]] = {label: [] for label in cases}
    firsts_with_list: list[float] = []
    for _ in range(runs):
        for label, (script, env, key) in cases.items():
            marks = _timed(script, env, mark)
            found[label].append(marks[key])
            if key == "list":
                firsts_with_list.append(marks["list"] - marks["first"])
    seconds = {label: median(values) for label, values in found.items()}
    labels = list(cases)
    base, none, many_first = (seconds[labels[0]], seconds[labels[1]], seconds[labels[2]])
    after = median(firsts_with_list)
    table = Table(
        "Cold start through the `wizard` command, to the first frame",
        ["Process", "To the mark", "vs bare app"],
        note=f"Whole processes, headless, 80x24; {runs} interleaved runs each; the session index "
        "cache filled beforehand (as after the first start).",
    )
    for label in labels:
        table.rows.append([label, secs(seconds[label]), f"{seconds[label] / base:.2f}x"])
    table.rows.append([f"{many:,} sessions: list shown after the first frame", secs(after), "–"])
    rows = [
        Row("Cold start, `wizard` home first frame / bare ListView app",
            f"{none / base:.2f}x ({secs(none)} vs {secs(base)})", f"<= {START_TARGET}x",
            none / base <= START_TARGET),
        Row(f"Cold start, home first frame with {many:,} sessions / with none",
            f"{many_first / none:.2f}x ({secs(many_first)} vs {secs(none)})",
            f"<= {HISTORY_START_TARGET}x", many_first / none <= HISTORY_START_TARGET),
        Row(f"{many:,} sessions: full list shown after the first frame", secs(after),
            f"<= {LIST_USABLE_TARGET} s", after <= LIST_USABLE_TARGET),
    ]  # fmt: skip
    return Result(rows, [table])


def sessions_list(workdir: Path, runs: int, many: int = MANY) -> Result:
    one = write_sessions(workdir / "data-1", 1)
    history = write_sessions(workdir / f"data-{many}", many)
    wizard = [str(Path(sys.executable).with_name("wizard")), "sessions", "list"]
    if not Path(wizard[0]).exists():
        wizard = python("-m", "wizard", "sessions", "list")
    for data in (one, history):
        (data / "session-index.sqlite").unlink(missing_ok=True)
    cold = run(wizard, env={"WIZARD_DATA_DIR": str(history)}).seconds  # fills the cache
    found: dict[int, list[float]] = {1: [], many: []}
    for _ in range(runs):
        for count, data in ((1, one), (many, history)):
            done = run(wizard, env={"WIZARD_DATA_DIR": str(data)})
            if done.code != 0:
                raise RuntimeError(f"wizard sessions list failed: {done.output}")
            found[count].append(done.seconds)
    small, large = median(found[1]), median(found[many])
    table = Table(
        "`wizard sessions list`, whole process",
        ["Sessions", "Wall time"],
        note=f"{runs} interleaved runs each, index cache warm; the first listing of {many:,} "
        "(no cache yet) once.",
    )
    table.rows += [["1", secs(small)], [f"{many:,}", secs(large)],
                   [f"{many:,}, first listing (fills the cache)", secs(cold)]]  # fmt: skip
    return Result(
        [Row(f"`wizard sessions list`, {many:,} / 1 sessions", f"{large / small:.2f}x "
             f"({secs(large)} vs {secs(small)})", f"<= {LIST_TARGET}x",
             large / small <= LIST_TARGET)],
        [table],
    )  # fmt: skip
