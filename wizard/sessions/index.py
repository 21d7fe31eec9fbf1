"""Saved sessions as lists show them (the app's home screen), read without validating them.

Listing needs a handful of fields per file (client, tree, progress, outcome, last update), and
validating a whole session needs pydantic, whose import alone takes longer than the app's first
frame. So the listing parses each file's TOML and takes those fields as they are; a session is
validated in full (`wizard.sessions.store`) when it is opened.

A file the quick read cannot list (not UTF-8, not TOML, an unknown or missing key, a listed field
of the wrong type, an id that differs from its file name, another format) is then read by the
store, exactly as `SessionStore.scan` reads it: a damaged file is reported and moved aside, a
newer format is reported and left alone. Only then is pydantic imported (once per damaged file:
it is moved aside). A file that lists but fails the full validation is found damaged when opened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from wizard.reading import read_regular
from wizard.sessions.folder import SESSION_LIMIT, folder_problems
from wizard.sessions.format import (
    FIELDS,
    FORMAT,
    REQUIRED,
    SESSIONS,
    aware,
    matches_filter,
    outcome_label,
    progress_text,
)
from wizard.toml import TOMLDecodeError, parse_toml


@dataclass(frozen=True)
class SessionSummary:
    """What a list shows of one session; the same names as on `wizard.sessions.model.Session`."""

    id: str
    tree: str
    updated: dt.datetime
    answered: int
    client_name: str | None = None
    outcome: str | None = None
    outcome_title: str | None = None
    copied_from: str | None = None
    client_email: str | None = None
    counselor: str | None = None

    @property
    def progress(self) -> str:
        return progress_text(self.outcome, self.answered)

    def matches(self, text: str) -> bool:
        """Whether a filter typed by the user matches this session (as `Session.matches`)."""
        return matches_filter(self, text)

    @property
    def outcome_label(self) -> str:
        return outcome_label(self.outcome, self.outcome_title)


@dataclass
class SessionIndex:
    """The sessions that could be listed, newest first, and what was wrong with the others."""

    sessions: list[SessionSummary] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """One line per file that could not be listed (moved aside when damaged)."""


def list_sessions(data_folder: Path) -> SessionIndex:
    """Every session in the data folder's sessions folder, newest first."""
    folder = data_folder / SESSIONS
    index = SessionIndex(problems=folder_problems(folder))
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    for path in files:
        summary = quick_summary(path)
        if summary is None:
            summary = _validated_summary(data_folder, path, index.problems)
        if summary is not None:
            index.sessions.append(summary)
    index.sessions.sort(key=lambda s: (s.updated, s.id), reverse=True)
    return index


OPTIONAL = ("client_name", "outcome", "outcome_title", "copied_from", "client_email", "counselor")
"""The optional fields a summary takes, in its order."""


def quick_summary(path: Path) -> SessionSummary | None:
    """The listed fields of a session file, or None when they cannot be taken as they are."""
    try:
        data = parse_toml(read_regular(path, SESSION_LIMIT).decode("utf-8"))
    except (OSError, UnicodeDecodeError, TOMLDecodeError, RecursionError, MemoryError):
        return None
    updated, answers = data.get("updated"), data.get("answers", [])
    optional = [data.get(key) for key in OPTIONAL]
    if (
        data.get("format", FORMAT) != FORMAT
        or not FIELDS.issuperset(data)
        or not REQUIRED.issubset(data)
        or data.get("id") != path.stem
        or not isinstance(data.get("tree"), str)
        or not isinstance(updated, dt.datetime)
        or not isinstance(answers, list)
        or not all(value is None or isinstance(value, str) for value in optional)
    ):
        return None
    return SessionSummary(path.stem, data["tree"], aware(updated), len(answers), *optional)


def _validated_summary(data_folder: Path, path: Path, problems: list[str]) -> SessionSummary | None:
    """Read the file as the store does (validated; damaged files moved aside, and reported)."""
    from wizard.sessions.store import SessionDamaged, SessionError, SessionNotFound, SessionStore

    try:
        session = SessionStore(data_folder).load(path.stem)
    except SessionNotFound:
        return None  # deleted while we listed
    except SessionDamaged as error:
        problems.append(error.damaged.describe())
        return None
    except SessionError as error:
        problems.append(str(error))
        return None
    return SessionSummary(
        session.id,
        session.tree,
        session.updated,
        len(session.answers),
        session.client_name,
        session.outcome,
        session.outcome_title,
        session.copied_from,
        session.client_email,
        session.counselor,
    )
