"""The session file's format: its version, its keys, and the few words every list shows about a
session. Shared by the model (which writes the file), the store and the light listing."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

FORMAT = 1
"""The session file format this version writes and reads."""

SESSIONS = "sessions"
"""The folder of session files inside the data folder."""

FIELDS = frozenset(
    [
        "format",
        "id",
        "tree",
        "tree_version",
        "tree_hash",
        "tree_file",
        "created",
        "updated",
        "revision",
        "language",
        "client_name",
        "client_email",
        "counselor",
        "client_id",
        "outcome",
        "outcome_title",
        "concluded",
        "copied_from",
        "copied_at",
        "remembered",
        "notes",
        "shared_notes",
        "checklist",
        "answers",
    ]
)
"""The keys a session file may hold (`Session`'s fields; a test keeps the two the same)..."""
REQUIRED = frozenset(["id", "tree", "tree_version", "tree_hash", "created", "updated"])
"""...and those it must hold."""


def progress_text(outcome: str | None, answered: int) -> str:
    """A short progress text for lists: "finished" or "N answered"."""
    if outcome:
        return "finished"
    return f"{answered} answered" if answered != 1 else "1 answered"


def outcome_label(outcome: str | None, outcome_title: str | None) -> str:
    """The outcome for lists: its title when the file has it, else its id ("" before one)."""
    return outcome_title or outcome or ""


class Filterable(Protocol):
    """What a typed filter is matched against: a `Session`, or a listing's `SessionSummary`."""

    @property
    def id(self) -> str: ...
    @property
    def tree(self) -> str: ...
    @property
    def client_name(self) -> str | None: ...
    @property
    def client_email(self) -> str | None: ...
    @property
    def counselor(self) -> str | None: ...
    @property
    def outcome(self) -> str | None: ...
    @property
    def outcome_title(self) -> str | None: ...
    @property
    def progress(self) -> str: ...


def matches_filter(session: Filterable, text: str) -> bool:
    """Whether a filter typed by the user matches `session`: each word it holds is in one of
    its id, tree, client name and email, counselor, outcome (id or title) or progress."""
    fields = [session.id, session.tree, session.client_name, session.client_email]
    fields += [session.counselor, session.outcome, session.outcome_title, session.progress]
    haystack = " ".join(part or "" for part in fields).casefold()
    return all(word in haystack for word in text.casefold().split())


def aware(value: dt.datetime) -> dt.datetime:
    """Times are stored with their offset; a hand-written time without one is taken as UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
