"""Cold start and memory: the app started headless in a fresh process until its first screen is
ready, against a minimal Textual app (one Label) doing the same, interleaved in the same run.

"Ready" for the wizard is the home screen listing the shipped trees (the list is filled by a
worker after the first frame; a screen without its list is not ready to use). The first frame
alone is measured too, for information. Every process exits as soon as its screen is ready, and
its wall time (interpreter start included) and peak RSS are recorded.
"""

from __future__ import annotations

from pathlib import Path

from bench.proc import Run, python, run
from bench.stats import Result, Row, Table, median, mib, secs
from wizard.sessions.files import ENV_DATA_DIR

START_TARGET = 1.15
MEMORY_TARGET = 1.2

MINIMAL = """
from textual.app import App
from textual.widgets import Label


class Minimal(App[None]):
    def compose(self):
        yield Label("Ready")


async def ready(pilot):
    pilot.app.call_after_refresh(pilot.app.exit)


Minimal().run(headless=True, size=(80, 24), auto_pilot=ready)
"""

FIRST_FRAME = """
from screens.app import make_app


async def ready(pilot):
    pilot.app.call_after_refresh(pilot.app.exit)


make_app().run(headless=True, size=(80, 24), auto_pilot=ready)
"""

HOME_READY = """
from screens.app import make_app
from screens.views.home import HomeScreen

show_catalog = HomeScreen.show_catalog


def show_then_exit(self, *args, **kwargs):
    show_catalog(self, *args, **kwargs)
    if not self.app.catalog:
        raise SystemExit("the home screen listed no trees")
    self.app.call_after_refresh(self.app.exit)


HomeScreen.show_catalog = show_then_exit
make_app().run(headless=True, size=(80, 24))
"""

TREE_OPEN = """
from screens.app import make_app
from screens.views.question import QuestionScreen

refresh_view = QuestionScreen.refresh_view


def refresh_then_exit(self):
    refresh_view(self)
    self.app.call_after_refresh(self.app.exit)


QuestionScreen.refresh_view = refresh_then_exit
make_app("internship").run(headless=True, size=(80, 24))
"""

SCRIPTS = {
    "minimal Textual app (Label)": MINIMAL,
    "wizard: home screen, trees listed": HOME_READY,
    "wizard: home screen, first frame": FIRST_FRAME,
    "wizard: internship tree, first question": TREE_OPEN,
}
BASE, READY = "minimal Textual app (Label)", "wizard: home screen, trees listed"


def measure(workdir: Path, runs: int) -> dict[str, list[Run]]:
    """Each script `runs` times, interleaved (A B C D A B C D ...) so drift hits all alike."""
    files = {}
    for n, (label, script) in enumerate(SCRIPTS.items()):
        files[label] = workdir / f"start_{n}.py"
        files[label].write_text(script, encoding="utf-8")
    data = workdir / "data-start"  # no saved sessions: a student's first start
    data.mkdir(exist_ok=True)
    found: dict[str, list[Run]] = {label: [] for label in SCRIPTS}
    for _ in range(runs):
        for label, path in files.items():
            done = run(python(str(path)), timeout=60, env={ENV_DATA_DIR: str(data)})
            if done.code != 0:
                raise RuntimeError(f"{label} failed (exit {done.code}):\n{done.output}")
            found[label].append(done)
    return found


def startup(workdir: Path, runs: int) -> Result:
    found = measure(workdir, runs)
    seconds = {label: median([r.seconds for r in runs_]) for label, runs_ in found.items()}
    peaks = {label: median([r.peak_kib for r in runs_]) for label, runs_ in found.items()}
    table = Table(
        "Cold start and memory",
        ["Process", "Wall time", "vs minimal", "Peak RSS", "vs minimal"],
        note=f"Whole processes, headless, 80x24, exiting once ready; {runs} interleaved runs each.",
    )
    for label in SCRIPTS:
        table.rows.append(
            [
                label,
                secs(seconds[label]),
                f"{seconds[label] / seconds[BASE]:.2f}x",
                mib(peaks[label]),
                f"{peaks[label] / peaks[BASE]:.2f}x",
            ]
        )
    start_ratio = seconds[READY] / seconds[BASE]
    memory_ratio = peaks[READY] / peaks[BASE]
    rows = [
        Row(
            "Cold start, home screen ready / minimal Textual app",
            f"{start_ratio:.2f}x ({secs(seconds[READY])} vs {secs(seconds[BASE])})",
            f"<= {START_TARGET}x",
            start_ratio <= START_TARGET,
        ),
        Row(
            "Peak RSS, app with the shipped trees listed / minimal Textual app",
            f"{memory_ratio:.2f}x ({mib(peaks[READY])} vs {mib(peaks[BASE])})",
            f"<= {MEMORY_TARGET}x",
            memory_ratio <= MEMORY_TARGET,
        ),
    ]
    return Result(rows, [table])
