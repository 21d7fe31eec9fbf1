"""Export: every format of a session with 200 answers (Markdown, HTML, text, JSON and the .eml
message that holds text, HTML and two attachments), from its summary."""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import generate
from bench.stats import Result, Row, Table, median, ms

TARGET = 0.050
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


def session_with_answers(tree_path: Path) -> tuple[Any, Any]:
    """A session that answered every question of the walk tree, with notes, people and ticks."""
    from wizard.lint import load
    from wizard.sessions.model import new_session, tree_hash
    from wizard.tree.walk import Walk

    tree = load(tree_path)
    walk = Walk(tree)
    while walk.current is not None:
        walk.answer(walk.current.options[0].id)
    session = new_session(tree, tree_hash(tree), tree_file=str(tree_path), now=NOW)
    session.record_walk(walk, session.tree_hash, now=NOW)
    for step in walk.path[::10]:
        session.set_note(
            step.id, f"Client asked about {step.id}: <check> & confirm *before* applying."
        )
    session.set_people(
        client_name="Zhāng Wěi", client_email="client@example.org", counselor="Counselor Name"
    )
    if walk.outcome is not None and walk.outcome.checklist:
        session.set_tick(walk.outcome.id, walk.outcome.checklist[0].id, True)
    return session, tree


def _formats(session: Any, tree: Any) -> dict[str, Callable[[Any], object]]:
    """Each step of exporting everything, in order; each takes the `Rendered` being filled."""
    from wizard.exports.compose import addresses, compose
    from wizard.exports.eml import message_bytes

    def eml(rendered: Any) -> bytes:
        people = addresses(rendered, "counselor@example.org", ["client@example.org"])
        return message_bytes(compose(rendered, people, now=NOW))

    return {
        "md": lambda r: r.md,
        "html": lambda r: r.html,
        "txt": lambda r: r.txt,
        "json": lambda r: r.json,
        "eml": eml,
    }


def export_all(workdir: Path, questions: int, runs: int) -> Result:
    from wizard.exports import Rendered
    from wizard.report.summary import build_summary
    from wizard.sessions.resume import replay

    tree_path = generate.write(generate.walk_tree(questions), workdir / f"walk-{questions}.toml")
    session, tree = session_with_answers(tree_path)
    formats = _formats(session, tree)
    times: dict[str, list[float]] = {k: [] for k in ["replay", "summary", *formats, "total"]}
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        walk = replay(session, tree).walk
        times["replay"].append(time.perf_counter() - start)
        begin = time.perf_counter()
        rendered = Rendered(build_summary(session, walk), session)
        times["summary"].append(time.perf_counter() - begin)
        for name, render in formats.items():
            mark = time.perf_counter()
            render(rendered)
            times[name].append(time.perf_counter() - mark)
        times["total"].append(time.perf_counter() - begin)
    answered = len(session.answers)
    total = median(times["total"])
    table = Table(
        f"Export of a session with {answered} answers",
        ["Step", "Median"],
        [[name, ms(median(values))] for name, values in times.items()],
        note=f"{runs} runs. Total = summary + every format (HTML reuses the Markdown, the .eml "
        "reuses text, HTML, Markdown and JSON, as the exporter does); replaying the walk from "
        "the saved answers is shown apart.",
    )
    row = Row(
        f"Export: every format, session with {answered} answers",
        ms(total),
        f"<= {ms(TARGET)}",
        total <= TARGET,
    )
    return Result([row], [table])
