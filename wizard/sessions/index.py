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
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from wizard import toml
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
from wizard.toml import parse_toml

if TYPE_CHECKING:
    from wizard.sessions.cache import SummaryCache


class SessionSummary(NamedTuple):
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
    client_id: str | None = None
    """The client record the session belongs to (`wizard.sessions.clients`), if linked."""

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
    """Every session in the data folder's sessions folder, newest first. A file whose stat is
    unchanged since the last listing is taken from the cache (`wizard.sessions.cache`)."""
    folder = data_folder / SESSIONS
    index = SessionIndex(problems=folder_problems(folder))
    entries = _session_entries(folder)
    if not entries:
        return index  # no cache opened (nor sqlite3 imported) for an empty history
    from wizard.sessions.cache import SummaryCache

    cache = SummaryCache(data_folder)
    cached: set[str] = set()
    try:
        for entry in entries:
            summary = _from_cache(cache, entry, cached)
            if summary is None:
                summary = _validated_summary(data_folder, Path(entry.path), index.problems)
            if summary is not None:
                index.sessions.append(summary)
        cache.save(cached)
    finally:
        cache.close()
    index.sessions.sort(key=lambda s: (s.updated, s.id), reverse=True)
    return index


def _session_entries(folder: Path) -> list[os.DirEntry[str]]:
    """The files `folder.glob("*.toml")` gives (no hidden files), by name."""
    try:
        with os.scandir(folder) as scan:
            found = [e for e in scan if e.name.endswith(".toml") and e.name[0] != "."]
    except OSError:
        return []
    return sorted(found, key=lambda e: e.name)


def _from_cache(
    cache: SummaryCache, entry: os.DirEntry[str], cached: set[str]
) -> SessionSummary | None:
    """The file's summary from the cache when its stat is unchanged, else from its quick read
    (cached when the file did not change while it was read); None when it cannot be listed so."""
    name = entry.name
    try:
        before = entry.stat()  # follows a link, as reading does
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(before.st_mode):
        return None
    key = (before.st_size, before.st_mtime_ns, before.st_ctime_ns, before.st_ino)
    found = cache.get(name, key)
    if found is not None:
        cached.add(name)
        tree, updated, answered, *optional = found
        return SessionSummary(
            name[:-5], tree, dt.datetime.fromisoformat(updated), answered, *optional
        )
    summary = quick_summary(Path(entry.path))
    if summary is None:
        return None
    try:
        after = os.stat(entry.path)
        unchanged = (after.st_size, after.st_mtime_ns, after.st_ctime_ns, after.st_ino) == key
    except (OSError, ValueError):
        unchanged = False
    if unchanged:
        cached.add(name)
        cache.put(
            name,
            key,
            (
                summary.tree,
                summary.updated.isoformat(),
                summary.answered,
                *map(summary.__getattribute__, OPTIONAL),
            ),
        )
    return summary


OPTIONAL = (
    "client_name",
    "outcome",
    "outcome_title",
    "copied_from",
    "client_email",
    "counselor",
    "client_id",
)
"""The optional fields a summary takes, in its order."""


def quick_summary(path: Path) -> SessionSummary | None:
    """The listed fields of a session file, or None when they cannot be taken as they are."""
    try:
        data = parse_toml(read_regular(path, SESSION_LIMIT).decode("utf-8"))
    except (OSError, UnicodeDecodeError, toml.TOMLDecodeError, RecursionError, MemoryError):
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
        session.client_id,
    )
