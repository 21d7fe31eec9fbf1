"""The summary table and RESULTS.md.

RESULTS.md has a generated part (machine, summary, details) and, below `NOTES_MARKER`, notes
written by hand (profiles, fixes with before/after numbers) that a new run keeps as they are.
"""

from __future__ import annotations

from pathlib import Path

from bench.stats import Result, Row, Table

NOTES_MARKER = "<!-- Notes below this line are written by hand; `make bench` keeps them. -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |"]
    lines.append("| " + " | ".join("---" for _ in header) + " |")
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def summary_table(rows: list[Row]) -> list[str]:
    body = [[r.metric, r.measured, r.target or "–", r.verdict] for r in rows]
    return markdown_table(["Metric", "Measured", "Target", "Result"], body)


def detail(table: Table) -> list[str]:
    lines = [f"### {table.title}", ""]
    if table.note:
        lines += [table.note, ""]
    return [*lines, *markdown_table(table.header, table.rows), ""]


def render(result: Result, machine: list[tuple[str, str]], command: str) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `{command}`. Medians of at least 10 runs unless a table says otherwise; "
        "every ratio compares two things measured side by side, interleaved, in the same run. "
        "`wizard/` and `screens/` are compiled to bytecode first, as an install does.",
        "",
        "## Machine",
        "",
        *markdown_table(["", ""], [list(pair) for pair in machine]),
        "",
        "## Summary",
        "",
        *summary_table(result.rows),
        "",
        "## Details",
        "",
    ]
    for table in result.tables:
        lines += detail(table)
    return "\n".join(lines)


def write_results(path: Path, text: str) -> None:
    """Write `text` to `path`, keeping the hand-written notes of the file already there."""
    notes = f"{NOTES_MARKER}\n"
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if NOTES_MARKER in old:
            notes = NOTES_MARKER + old.split(NOTES_MARKER, 1)[1]
    path.write_text(f"{text.rstrip()}\n\n{notes}", encoding="utf-8")
