"""Step latency: answering a question in the app until the next question is on screen, minus the
same harness's time for a key press that does nothing in a minimal Textual app.

Both apps run under `App.run_test` (Textual's Pilot harness) in this process. Two harnesses:

- precise (judged against the targets): post the key event as the terminal driver does, yield to
  the event loop until the app's state shows the next question, then wait until every widget of
  the screen has handled its pending messages and the screen has repainted;
- Pilot (`pilot.press` then `pilot.pause`, for information): Pilot waits for the process to be
  idle in 20 ms slices, so its timings move in steps of 20 ms and cannot resolve a 16 ms target.

A walk answers every question of a generated tree with `1`; minimal-app presses are interleaved
with the walks (before each walk and after the last).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import generate
from bench.stats import Result, Row, Table, median, ms, p95

MEDIAN_TARGET = 0.016
P95_TARGET = 0.033
SIZE = (80, 24)


def _key(key: str) -> Any:
    from textual import events

    return events.Key(key, key if len(key) == 1 else None)


async def precise_press(pilot: Any, key: str, done: Callable[[], bool]) -> float:
    """Seconds from posting `key` until `done()` holds and the screen has repainted."""
    app = pilot.app
    start = time.perf_counter()
    app.post_message(_key(key))
    while not done():
        await asyncio.sleep(0)
    await pilot._wait_for_screen()  # every widget has handled what the change posted
    await app.screen.wait_for_refresh()
    return time.perf_counter() - start


async def pilot_press(pilot: Any, key: str, done: Callable[[], bool]) -> float:
    start = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    while not done():
        await pilot.pause()
    return time.perf_counter() - start


Press = Callable[[Any, str, Callable[[], bool]], Any]


async def idle_presses(count: int, press: Press) -> list[float]:
    """A minimal app (one Label): `x`, a key with no binding, `count` times."""
    from textual.app import App
    from textual.widgets import Label

    class Minimal(App[None]):
        def compose(self) -> Any:
            yield Label("Ready")

    app = Minimal()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return [await press(pilot, "x", lambda: True) for _ in range(count)]


async def walk(tree: Path, data: Path, press: Press, limit: int | None = None) -> list[float]:
    """Answer `1` to each question of `tree` in the app; seconds per question-to-question step
    (the last answer, which opens the outcome, is not a question step and is not counted).
    The session autosaves into `data`, as it would for a user."""
    from screens.app import make_app
    from screens.question import QuestionScreen

    app = make_app(str(tree), animate=False, data_dir=data)
    async with app.run_test(size=SIZE) as pilot:
        while not isinstance(app.screen, QuestionScreen) or app.screen.question is None:
            await pilot.pause()
        screen = app.screen
        found: list[float] = []
        while limit is None or len(found) < limit:
            asked = screen.question
            if app.screen is not screen or asked is None:
                break

            def moved(asked: Any = asked) -> bool:
                return app.screen is not screen or screen.question is not asked

            seconds = await press(pilot, "1", moved)
            if app.screen is screen:
                found.append(seconds)
        answered = len(screen.walk.path)
    if limit is None and answered != len(found) + 1:
        raise RuntimeError(f"walk answered {answered} questions but timed {len(found)} steps")
    return found


async def _measure(tree: Path, data: Path, walks: int, presses: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"idle": [], "step": [], "pilot idle": [], "pilot step": []}
    for _ in range(walks):
        times["idle"] += await idle_presses(presses, precise_press)
        times["step"] += await walk(tree, data, precise_press)
    times["idle"] += await idle_presses(presses, precise_press)
    times["pilot idle"] = await idle_presses(max(5, presses // 4), pilot_press)
    times["pilot step"] = await walk(tree, data, pilot_press, limit=max(5, presses // 4))
    return times


def step_latency(workdir: Path, questions: int, walks: int) -> Result:
    tree = generate.write(generate.walk_tree(questions), workdir / f"walk-{questions}.toml")
    times = asyncio.run(_measure(tree, workdir / "data-steps", walks, questions))
    idle = median(times["idle"])
    extra_median = median(times["step"]) - idle
    extra_p95 = p95(times["step"]) - idle
    table = Table(
        f"Step latency, {questions}-question generated tree",
        ["Harness", "What", "Samples", "Median", "p95"],
        note=f"{walks} walks; the extra cost per step is the step time minus the minimal app's "
        "median for a key that does nothing (p95: the steps' p95 minus that median).",
    )
    for harness, idle_key, step_key in (
        ("precise", "idle", "step"),
        ("Pilot press+pause", "pilot idle", "pilot step"),
    ):
        for what, key in (("minimal app, unbound key", idle_key), ("wizard, answer `1`", step_key)):
            samples = times[key]
            table.rows.append(
                [harness, what, str(len(samples)), ms(median(samples)), ms(p95(samples))]
            )
    pilot_extra = median(times["pilot step"]) - median(times["pilot idle"])
    rows = [
        Row(
            "Step latency: extra cost per step, median",
            ms(extra_median),
            f"<= {ms(MEDIAN_TARGET)}",
            extra_median <= MEDIAN_TARGET,
        ),
        Row(
            "Step latency: extra cost per step, p95",
            ms(extra_p95),
            f"<= {ms(P95_TARGET)}",
            extra_p95 <= P95_TARGET,
        ),
        Row(
            "Step latency with Pilot press+pause (20 ms idle slices), median extra", ms(pilot_extra)
        ),
    ]
    return Result(rows, [table])
