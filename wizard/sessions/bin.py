"""Deleted sessions: what `SessionStore.delete` moved to `sessions/deleted/`, listed and put back.

A deleted file keeps its name (`ID.toml`, or `ID-2.toml` when that session was deleted before),
and its modification time is set when it is moved there, so the newest deletion of an id is the
one restored. Restoring never replaces a session: if a session with that id exists again
(restored already, or imported), it is refused unless a new id is asked for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from wizard.reading import read_regular
from wizard.sessions.files import SESSION_LIMIT
from wizard.sessions.model import Session, SessionFileError, new_session_id
from wizard.sessions.store import DELETED, DamagedFile, SessionError, SessionNotFound, SessionStore


class SessionExists(SessionError):
    """A session with the id being restored exists again."""


@dataclass(frozen=True)
class DeletedSession:
    """One file in `sessions/deleted/`: the session it holds, and when it was deleted."""

    session: Session
    path: Path
    deleted_at: dt.datetime


@dataclass
class DeletedListing:
    """The deleted sessions, most recently deleted first, and the files that cannot be read
    (reported, left where they are: they are deleted already)."""

    sessions: list[DeletedSession] = field(default_factory=list)
    damaged: list[DamagedFile] = field(default_factory=list)


def list_deleted(store: SessionStore) -> DeletedListing:
    listing = DeletedListing()
    folder = store.folder / DELETED
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            when = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
            session = Session.from_toml(read_regular(path, SESSION_LIMIT).decode("utf-8"))
        except FileNotFoundError:
            continue  # restored meanwhile
        except OSError as error:
            listing.damaged.append(DamagedFile(path, [error.strerror or str(error)]))
        except UnicodeDecodeError as error:
            listing.damaged.append(DamagedFile(path, [f"not UTF-8 text: {error}"]))
        except SessionFileError as error:
            listing.damaged.append(DamagedFile(path, error.problems))
        else:
            listing.sessions.append(DeletedSession(session, path, when))
    listing.sessions.sort(key=lambda d: (d.deleted_at, d.path.name), reverse=True)
    return listing


def find_deleted(store: SessionStore, text: str) -> DeletedSession:
    """The latest deletion of the session `text` names (its id, or a unique start of one)."""
    text = text.strip().removesuffix(".toml")
    found = list_deleted(store).sessions
    exact = [d for d in found if d.session.id == text]
    matches = exact or [d for d in found if text and d.session.id.startswith(text)]
    ids = sorted({d.session.id for d in matches})
    if len(ids) > 1:
        raise SessionNotFound(f"{text!r} matches several deleted sessions: {', '.join(ids)}")
    if not matches:
        raise SessionNotFound(f"no deleted session {text!r} in {store.folder / DELETED}")
    return matches[0]  # newest first: the latest deletion of that id


def restore(store: SessionStore, text: str, new_id: bool = False) -> Session:
    """Put a deleted session back under its id; `SessionExists` if a session holds that id
    again, unless `new_id` (then it comes back under a fresh id, and both are kept)."""
    deleted = find_deleted(store, text)
    session = deleted.session
    if new_id:
        copy = session.model_copy(update={"id": new_session_id(), "revision": 0})
        with store.create(copy) as handle:
            restored = handle.current
        with contextlib.suppress(OSError):  # it is back; a leftover copy in deleted/ is harmless
            deleted.path.unlink()
        return restored
    target = store.path(session.id)
    if target.exists():
        raise SessionExists(
            f"session {session.id} was not restored: a session with that id exists again "
            "(restored already, or imported). Nothing was changed; restore it under a new id "
            "to keep both."
        )
    _move_without_replacing(deleted.path, target, session.id)
    return session


def _move_without_replacing(source: Path, target: Path, session_id: str) -> None:
    """Move `source` to `target`, never over a file that appeared there meanwhile: a hard link
    (which refuses an existing target) and then the old name removed."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except FileExistsError:
            raise SessionExists(
                f"session {session_id} was not restored: a session with that id was saved meanwhile"
            ) from None
        except OSError:  # no hard links on this file system: check, then rename
            if target.exists():
                raise SessionExists(f"session {session_id} was not restored: it exists") from None
            os.rename(source, target)
            return
        source.unlink()
    except SessionError:
        raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise SessionError(f"session {session_id} was not restored: {reason}") from None
