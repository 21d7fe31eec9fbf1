"""Step latency on the shipped trees: each tree's longest walk found, answered in the app (Pilot,
80x24) with the keys a user presses, each answer timed from its last key (a number key, or the
Enter after typed text) to the frame that shows the next prompt with the autosave done
("settled": every widget has handled what the answer posted, the session file is written, the
screen repainted). Answers follow each other back to back (no pause between them).

Three kinds of step are reported apart: the first answer of a new session (it creates the session
file), question to question, and the last answer to the outcome screen, whose first frame shows
the verdict, and then to its alternatives judged (the verdict engine's search, run in a thread
after that first frame; the section says "Checking…" meanwhile). Each is compared with the
same harness's time for a bare app whose key swaps a Static's text, measured interleaved (before
each walk).

The longest walk: a depth-first search over the answers' classes (`wizard.tree.domains`: one
representative answer per class conditions can tell apart), up to `BUDGET` walks per tree; the
longest found is used (not proven the longest when the budget ran out; the table says so).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from bench.stats import Result, Row, Table, median, ms, p95

SIZE = (80, 24)
STEP_MEDIAN, STEP_P95, FIRST_TARGET, OUTCOME_TARGET = 0.016, 0.033, 0.033, 0.050
BUDGET = 20_000


def longest_walk(tree: Any) -> tuple[list[Any], bool]:
    """The answers of the longest walk found from the start to an outcome, and whether the
    search was complete (every class of every question tried)."""
    from wizard.tree.domains import domain
    from wizard.tree.walk import Walk

    cells = domain(tree)
    best: list[Any] = []
    tried = 0

    def search(answers: list[Any]) -> None:
        nonlocal best, tried
        tried += 1
        if tried > BUDGET:
            return
        walk, problems = Walk.replay(tree, [(q, a) for q, a in answers])
        if problems:
            return
        question = walk.current
        if question is None:
            if walk.outcome is not None and len(answers) > len(best):
                best = list(answers)
            return
        for cell in cells.get(question.id, []):
            search([*answers, (question.id, cell.value)])

    search([])
    return [value for _, value in best], tried <= BUDGET


def _keys(question: Any, value: Any) -> list[str]:
    ids = [option.id for option in getattr(question, "options", None) or []]
    if question.type == "multi":
        return [str(ids.index(v) + 1) for v in value] + ["enter"]
    if ids:
        return [str(ids.index(value) + 1)]
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    return [*text, "enter"]


def _event(key: str) -> Any:
    from textual import events

    return events.Key(key, key if len(key) == 1 else None)


async def _settled(pilot: Any) -> None:
    await pilot._wait_for_screen()
    await pilot.app.screen.wait_for_refresh()


async def bare_presses(count: int) -> list[float]:
    """A bare app: a Static whose text the key `x` swaps; seconds to the settled frame."""
    from textual.app import App
    from textual.widgets import Static

    class Bare(App[None]):
        BINDINGS: ClassVar = [("x", "swap")]
        n = 0

        def compose(self) -> Any:
            yield Static("Ready", id="text")

        def action_swap(self) -> None:
            self.n += 1
            self.query_one("#text", Static).update(f"Question {self.n}")

    found = []
    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(count):
            start = time.perf_counter()
            app.post_message(_event("x"))
            while app.n == len(found):
                await asyncio.sleep(0)
            await _settled(pilot)
            found.append(time.perf_counter() - start)
    return found


async def walk_tree(tree_ref: str, answers: list[Any], data: Path) -> dict[str, list[float]]:
    """Answer `answers` in the app; seconds of the first step, the others, and the outcome."""
    from screens.app import make_app

    app = make_app(tree_ref, animate=False, data_dir=data)
    times: dict[str, list[float]] = {
        "first": [], "step": [], "outcome": [], "alternatives": [], "fsync": []
    }  # fmt: skip
    with _timing_fsync(times["fsync"]):
        await _walk(app, answers, times)
    return times


@contextlib.contextmanager
def _timing_fsync(found: list[float]) -> Iterator[None]:
    """Seconds of each `os.fsync` meanwhile (the saves' wait for the disk, which depends on the
    disk more than on the app: reported apart)."""
    real = os.fsync

    def timed(fd: Any) -> None:
        start = time.perf_counter()
        real(fd)
        found.append(time.perf_counter() - start)

    os.fsync = timed
    try:
        yield
    finally:
        os.fsync = real


async def _walk(app: Any, answers: list[Any], times: dict[str, list[float]]) -> None:
    from screens.views.outcome import OutcomeScreen
    from screens.views.question import QuestionScreen

    async with app.run_test(size=SIZE) as pilot:
        while not isinstance(app.screen, QuestionScreen) or app.screen.question is None:
            await pilot.pause()
        screen = app.screen
        for n, value in enumerate(answers):
            asked = screen.question
            keys = _keys(asked, value)
            for key in keys[:-1]:
                app.post_message(_event(key))
            await pilot._wait_for_screen()
            start = time.perf_counter()
            app.post_message(_event(keys[-1]))
            while app.screen is screen and screen.question is asked:
                await asyncio.sleep(0)
            await _settled(pilot)
            seconds = time.perf_counter() - start
            if isinstance(app.screen, OutcomeScreen):
                times["outcome"].append(seconds)
                # Its alternatives are judged after the first frame, in a thread.
                while app.screen.checking:
                    await asyncio.sleep(0)
                await _settled(pilot)
                times["alternatives"].append(time.perf_counter() - start)
                break
            times["first" if n == 0 else "step"].append(seconds)
        else:
            raise RuntimeError("the walk did not reach the outcome")


def shipped_steps(workdir: Path, walks: int) -> Result:
    from wizard.tree.loader import read
    from wizard.tree.shipped import shipped_trees

    table = Table(
        "Step latency on the shipped trees (settled frame, autosave done)",
        ["Tree", "Walk", "Steps", "First answer", "Step median", "Step p95", "To outcome",
         "To alternatives", "Bare app (median)"],
        note=f"{walks} walks per tree, answers back to back; each walk in a new data folder "
        "(its first answer creates the session file). Medians over the walks.",
    )  # fmt: skip
    all_steps: list[float] = []
    firsts: list[float] = []
    outcomes: list[float] = []
    judged: list[float] = []
    fsyncs: list[float] = []
    bares: list[float] = []
    for path in shipped_trees():
        loaded = read(path)
        if loaded.tree is None:
            continue
        answers, complete = longest_walk(loaded.tree)
        found: dict[str, list[float]] = {
            "first": [], "step": [], "outcome": [], "alternatives": [], "fsync": [], "bare": []
        }  # fmt: skip
        for n in range(walks):
            found["bare"] += asyncio.run(bare_presses(max(5, len(answers))))
            walked = asyncio.run(walk_tree(str(path), answers, workdir / f"steps-{path.stem}-{n}"))
            for key, values in walked.items():
                found[key] += values
        bare = median(found["bare"])
        bares += found["bare"]
        all_steps += found["step"]
        firsts += found["first"]
        outcomes += found["outcome"]
        judged += found["alternatives"]
        fsyncs += found["fsync"]
        table.rows.append([
            path.stem, f"{len(answers)} answers" + ("" if complete else " (longest found)"),
            str(len(found["step"])), ms(median(found["first"])), ms(median(found["step"])),
            ms(p95(found["step"])), ms(median(found["outcome"])),
            ms(median(found["alternatives"])) if found["alternatives"] else "–", ms(bare),
        ])  # fmt: skip
    bare = median(bares)
    extra, extra_p95 = median(all_steps) - bare, p95(all_steps) - bare
    first, outcome = median(firsts) - bare, median(outcomes) - bare
    rows = [
        Row("Shipped trees, step (settled) extra over a bare app, median", ms(extra),
            f"<= {ms(STEP_MEDIAN)}", extra <= STEP_MEDIAN),
        Row("Shipped trees, step (settled) extra over a bare app, p95", ms(extra_p95),
            f"<= {ms(STEP_P95)}", extra_p95 <= STEP_P95),
        Row("Shipped trees, first answer (creates the session file), extra, median", ms(first),
            f"<= {ms(FIRST_TARGET)}", first <= FIRST_TARGET),
        Row("Shipped trees, last answer to the outcome screen, extra, median", ms(outcome),
            f"<= {ms(OUTCOME_TARGET)}", outcome <= OUTCOME_TARGET),
        Row("Shipped trees, last answer to the alternatives judged, extra, median",
            ms(median(judged) - bare) if judged else "–", "–", None),
        Row("Shipped trees, one fsync of a save (two per save: the file, its folder), median",
            ms(median(fsyncs)) if fsyncs else "–", "–", None),
    ]  # fmt: skip
    return Result(rows, [table])
