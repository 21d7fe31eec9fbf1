"""Step latency: answering a question in the app until the next question is on screen, minus the
same harness's time for a key press that does nothing in a minimal Textual app.

Both apps run under `App.run_test` (Textual's Pilot harness) in this process. Harnesses:

- precise (judged against the targets): after 50 ms of quiet (a fast typist), post the key event
  as the terminal driver does, yield to the event loop until the app's state shows the next
  question and the compositor has painted its prompt (*rendered*: the new question is on
  screen), then until every widget has also handled what the change posted (risk preview,
  counselor panel, autosave) and the screen has repainted again (*settled*);
- Pilot (`pilot.press` then `pilot.pause`, for information): Pilot waits for the process to be
  idle in 20 ms slices, so its timings move in steps of 20 ms and cannot resolve a 16 ms target.

Keys are not sent back to back: Textual paints at most 60 times a second, so a key sent right
after a repaint waits up to a frame for the next one, which is the terminal's pacing, not work.

A walk answers every question of a generated tree with `1`; minimal-app presses are interleaved
with the walks (before each walk and after the last).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench import generate
from bench.stats import Result, Row, Table, median, ms, p95

MEDIAN_TARGET = 0.016
P95_TARGET = 0.033
SIZE = (80, 24)
GAP = 0.05
"""Seconds of quiet before each key press (20 keys a second), not timed."""

Times = tuple[float, float]
"""(rendered, settled) seconds of one key press."""
Press = Callable[[Any, str, Callable[[], bool]], Awaitable[Times]]


def _key(key: str) -> Any:
    from textual import events

    return events.Key(key, key if len(key) == 1 else None)


async def precise_press(pilot: Any, key: str, done: Callable[[], bool]) -> Times:
    """Seconds from posting `key` until `done()` holds (for the wizard: the new question has
    been painted; for the minimal app: at once, then its next repaint), and until the screen has
    settled (see the module docstring)."""
    app = pilot.app
    await asyncio.sleep(GAP)
    start = time.perf_counter()
    app.post_message(_key(key))
    if done():
        await app.screen.wait_for_refresh()
    while not done():
        await asyncio.sleep(0)
    rendered = time.perf_counter() - start
    await pilot._wait_for_screen()  # every widget has handled what the change posted
    await app.screen.wait_for_refresh()
    return rendered, time.perf_counter() - start


async def pilot_press(pilot: Any, key: str, done: Callable[[], bool]) -> Times:
    start = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    while not done():
        await pilot.pause()
    seconds = time.perf_counter() - start
    return seconds, seconds


async def idle_presses(count: int, press: Press, repaint: bool = False) -> list[Times]:
    """A minimal app (one Label): `x`, a key with no binding, `count` times; with `repaint`,
    `x` changes the Label's text, so each press costs one small repaint."""
    from textual.app import App
    from textual.widgets import Label

    class Minimal(App[None]):
        BINDINGS = [("x", "bump")] if repaint else []
        presses = 0

        def compose(self) -> Any:
            yield Label("Ready")

        def action_bump(self) -> None:
            self.presses += 1
            self.query_one(Label).update(f"Pressed {self.presses} times")

    app = Minimal()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return [await press(pilot, "x", lambda: True) for _ in range(count)]


async def walk(tree: Path, data: Path, press: Press, limit: int | None = None) -> list[Times]:
    """Answer `1` to each question of `tree` in the app; times per question-to-question step
    (the last answer, which opens the outcome, is not a question step and is not counted).
    The session autosaves into `data`, as it would for a user."""
    from screens.app import make_app
    from screens.views.question import QuestionScreen

    app = make_app(str(tree), animate=False, data_dir=data)
    async with app.run_test(size=SIZE) as pilot:
        while not isinstance(app.screen, QuestionScreen) or app.screen.question is None:
            await pilot.pause()
        screen = app.screen
        painted = _spy_on_paints(screen)
        found: list[Times] = []
        while limit is None or len(found) < limit:
            asked = screen.question
            if app.screen is not screen or asked is None:
                break

            def moved(asked: Any = asked) -> bool:
                """The next question is on screen: the compositor painted the prompt since the
                walk moved on (or the outcome screen replaced the question screen)."""
                if app.screen is not screen:
                    return True
                return screen.question is not asked and painted[-1] is screen.question

            times = await press(pilot, "1", moved)
            if app.screen is screen:
                found.append(times)
        answered = len(screen.walk.path)
    if limit is None and answered != len(found) + 1:
        raise RuntimeError(f"walk answered {answered} questions but timed {len(found)} steps")
    return found


def _spy_on_paints(screen: Any) -> list[Any]:
    """The question shown each time the compositor paints the prompt (it calls the widget's
    `render_lines` for every frame in which the prompt's region is drawn)."""
    prompt = screen.query_one("#prompt")
    painted: list[Any] = [None]
    render_lines = prompt.render_lines

    def spy(crop: Any) -> Any:
        painted.append(screen.question)
        return render_lines(crop)

    prompt.render_lines = spy
    return painted


async def _measure(tree: Path, data: Path, walks: int, presses: int) -> dict[str, list[Times]]:
    times: dict[str, list[Times]] = {"idle": [], "step": []}
    for _ in range(walks):
        times["idle"] += await idle_presses(presses, precise_press)
        times["step"] += await walk(tree, data, precise_press)
    times["idle"] += await idle_presses(presses, precise_press)
    times["repaint"] = await idle_presses(presses, precise_press, repaint=True)
    times["pilot idle"] = await idle_presses(max(5, presses // 4), pilot_press)
    times["pilot step"] = await walk(tree, data, pilot_press, limit=max(5, presses // 4))
    return times


SERIES = [
    ("precise, rendered", "minimal app, unbound key", "idle", 0),
    ("precise, rendered", "wizard, answer `1`", "step", 0),
    ("precise, settled", "minimal app, unbound key", "idle", 1),
    ("precise, settled", "minimal app, key that changes the Label", "repaint", 1),
    ("precise, settled", "wizard, answer `1`", "step", 1),
    ("Pilot press+pause", "minimal app, unbound key", "pilot idle", 0),
    ("Pilot press+pause", "wizard, answer `1`", "pilot step", 0),
]


def step_latency(workdir: Path, questions: int, walks: int) -> Result:
    tree = generate.write(generate.walk_tree(questions), workdir / f"walk-{questions}.toml")
    times = asyncio.run(_measure(tree, workdir / "data-steps", walks, questions))

    def series(key: str, which: int) -> list[float]:
        return [t[which] for t in times[key]]

    table = Table(
        f"Step latency, {questions}-question generated tree",
        ["Harness", "What", "Samples", "Median", "p95"],
        note=f"{walks} walks, a key every {GAP * 1000:.0f} ms at most. The extra cost per step "
        "is the step time minus the minimal app's median for a key that does nothing (p95: the "
        "steps' p95 minus that median).",
    )
    for harness, what, key, which in SERIES:
        found = series(key, which)
        table.rows.append([harness, what, str(len(found)), ms(median(found)), ms(p95(found))])
    rows = []
    for which, moment in ((0, "rendered"), (1, "settled")):
        idle, steps = median(series("idle", which)), series("step", which)
        extra, extra_p95 = median(steps) - idle, p95(steps) - idle
        judged = which == 0
        rows += [
            Row(f"Step latency ({moment}): extra cost per step, median", ms(extra),
                f"<= {ms(MEDIAN_TARGET)}" if judged else "",
                extra <= MEDIAN_TARGET if judged else None),
            Row(f"Step latency ({moment}): extra cost per step, p95", ms(extra_p95),
                f"<= {ms(P95_TARGET)}" if judged else "",
                extra_p95 <= P95_TARGET if judged else None),
        ]  # fmt: skip
    pilot_extra = median(series("pilot step", 0)) - median(series("pilot idle", 0))
    rows.append(Row("Step latency with Pilot press+pause (20 ms idle slices), median extra",
                    ms(pilot_extra)))  # fmt: skip
    return Result(rows, [table])
