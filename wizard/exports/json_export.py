"""The summary as JSON: machine-readable, and importable again as a session.

    {
      "format": "china-pathways-wizard/summary",
      "format_version": 1,
      "tree": {"id": ..., "version": ..., "hash": "sha256:..."},
      "summary": { ... everything the other formats show, as data ... },
      "session": { ... Session.to_json_data() ... }
    }

`wizard sessions import FILE.json` reads the "session" part (`wizard.session_commands`). Text is
kept exactly as entered (JSON escapes what it must), since this is data, not a display.
"""

from __future__ import annotations

import json
from typing import Any

from wizard.sessions import Session
from wizard.summary import Summary, summary_data

FORMAT_NAME = "china-pathways-wizard/summary"
FORMAT_VERSION = 1


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
