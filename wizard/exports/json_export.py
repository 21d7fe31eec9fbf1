"""The summary as JSON: machine-readable, and importable again as a session.

    {
      "format": "china-pathways-wizard/summary",
      "format_version": 1,
      "tree": {"id": ..., "version": ..., "hash": "sha256:..."},
      "summary": { ... everything the other formats show, as data ... },
      "session": { ... Session.to_json_data() ... }
    }

`wizard sessions import FILE.json` reads the "session" part (`wizard.cli.session_commands`). Text is
kept exactly as entered (JSON escapes what it must), since this is data, not a display.

`wizard run --format json` prints the summary of a walk alone (`outcome_export_data`): the same
summary fields at the top level, without a session's (id, date, client, counselor, notes), plus
"outcome" and "why", the shape `wizard run` printed before it had a format name:

    {
      "format": "china-pathways-wizard/outcome",
      "format_version": 1,
      "status": "finished", "language": "en", "tree": {...}, "pathway": {...},
      "outcome": {... the same as "pathway" ...},
      "why": [{"question": ..., "prompt": ..., "answer": <as given>, "label": ...}, ...],
      "alternatives": [...], "risks": [...], "steps": [...], "checklist": [...],
      "answers": [...], "next_question": null, "continue": ..., "sources": [...],
      "disclaimer": ...
    }
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from wizard.report.outcome import why_data
from wizard.report.summary import Summary, summary_data
from wizard.tree.walk import Walk

if TYPE_CHECKING:  # a walk's outcome (`wizard run`) has no session
    from wizard.sessions.model import Session

FORMAT_NAME = "china-pathways-wizard/summary"
FORMAT_VERSION = 1
OUTCOME_FORMAT_NAME = "china-pathways-wizard/outcome"
OUTCOME_FORMAT_VERSION = 1
SESSION_KEYS = ("session_id", "date", "client", "counselor", "other_notes")
"""Fields of `summary_data` that only a session has: left out of a walk's summary."""


def export_data(summary: Summary, session: Session) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "tree": {"id": summary.tree.id, "version": summary.tree.version, "hash": summary.tree.hash},
        "summary": summary_data(summary),
        "session": session.to_json_data(),
    }


def to_json(summary: Summary, session: Session) -> str:
    return json.dumps(export_data(summary, session), ensure_ascii=False, indent=2) + "\n"


def outcome_export_data(summary: Summary, walk: Walk) -> dict[str, Any]:
    """The summary of `walk` alone (see the module docstring), for `wizard run`."""
    data = summary_data(summary)
    for key in SESSION_KEYS:
        del data[key]
    head = {"format": OUTCOME_FORMAT_NAME, "format_version": OUTCOME_FORMAT_VERSION}
    for key in ("status", "language", "tree", "pathway"):
        head[key] = data.pop(key)
    legacy = {"outcome": head["pathway"], "why": why_data(walk, summary.language)}
    return {**head, **legacy, **data}


def to_outcome_json(summary: Summary, walk: Walk) -> str:
    return json.dumps(outcome_export_data(summary, walk), ensure_ascii=False, indent=2) + "\n"
