"""Sessions on disk: list, load, save, delete, and the open session an app instance works on.

Layout inside the data folder (`wizard.sessions.files.data_dir`):

    sessions/ID.toml            one file per session (see `wizard.sessions.model`)
    sessions/ID.lock            while an app instance has the session open (pid, host, start)
    sessions/damaged/           files that could not be read, moved aside with a time stamp
    sessions/deleted/           what `delete` removed, so a slip of the finger loses nothing
                                (listed and put back by `wizard.sessions.bin`)

Every write is atomic (`wizard.sessions.files.atomic_write`). Two instances never silently
overwrite each other: opening takes the lock (a live owner is reported, a dead one taken over),
and every save first checks that the file still holds the revision this instance loaded or last
saved.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from wizard.reading import read_regular
from wizard.sessions.files import (
    SESSION_LIMIT,
    FileLock,
    LockHeld,
    LockOwner,
    atomic_write,
    folder_problems,
    leftover_temp_files,
)
from wizard.sessions.format import SESSIONS
from wizard.sessions.model import (
    NewerFormatError,
    Session,
    SessionFileError,
    new_session_id,
    tree_hash,
    utc_now,
)
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

DAMAGED = "damaged"
DELETED = "deleted"
FILE_GONE = "is missing or unreadable"

_Change = Callable[[Session], bool]
"""Changes a session in place; returns whether anything changed."""


class SessionError(Exception):
    """A session operation that failed for a reason to tell the user (the message says it)."""


class SessionNotFound(SessionError):
    pass


class SessionDamaged(SessionError):
    """A session file could not be read; it has been moved aside (`damaged.moved_to`)."""

    def __init__(self, damaged: DamagedFile) -> None:
        self.damaged = damaged
        super().__init__(damaged.describe())


class SessionUnreadable(SessionError):
    """A session file that cannot be read at all (no permission, a folder, a named pipe): reported
    and left where it is."""

    def __init__(self, damaged: DamagedFile) -> None:
        self.damaged = damaged
        super().__init__(damaged.describe())


class SessionLocked(SessionError):
    """Another live instance has the session open."""

    def __init__(self, session_id: str, owner: LockOwner) -> None:
        self.session_id = session_id
        self.owner = owner
        super().__init__(f"session {session_id} is open in another window: {owner.describe()}")


class SessionConflict(SessionError):
    """The file changed on disk since this instance loaded it: saving would overwrite that."""

    def __init__(self, session_id: str, found: str, changed_at: dt.datetime | None = None) -> None:
        self.session_id = session_id
        self.file_gone = found == FILE_GONE
        """The file is missing or cannot be read: there is no other version to load, and
        forcing a save would replace what is left of it."""
        self.changed_at = changed_at
        """When the other version was saved (UTC), if the file says."""
        when = f" (saved {changed_at.astimezone():%Y-%m-%d %H:%M})" if changed_at else ""
        super().__init__(
            f"session {session_id} was changed elsewhere since this window last saved it: the "
            f"file {found}{when}. Nothing was overwritten, and this window's changes are kept "
            "here until you choose what to do with them."
        )


@dataclass(frozen=True)
class DamagedFile:
    """A session file that could not be read, and where it went."""

    path: Path
    problems: list[str]
    moved_to: Path | None = None

    def describe(self) -> str:
        where = f"; moved to {self.moved_to}" if self.moved_to else ""
        return f"{self.path.name}: cannot be read ({'; '.join(self.problems)}){where}"


@dataclass
class Listing:
    """All sessions that could be read, newest first, and the files that could not."""

    sessions: list[Session] = field(default_factory=list)
    damaged: list[DamagedFile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """What kept the folder itself from being listed (a file where the folder should be)."""

    def filtered(self, text: str) -> list[Session]:
        return [s for s in self.sessions if s.matches(text)]


class SessionStore:
    """The sessions folder of one data folder."""

    def __init__(self, data_folder: Path) -> None:
        self.folder = data_folder / SESSIONS

    def path(self, session_id: str) -> Path:
        return self.folder / f"{session_id}.toml"

    def lock_for(self, session_id: str) -> FileLock:
        return FileLock(self.folder / f"{session_id}.lock")

    # Reading

    def scan(self) -> Listing:
        """Every session, newest first. A damaged file is reported and moved aside; the others
        still list."""
        listing = Listing(problems=folder_problems(self.folder))
        files = sorted(self.folder.glob("*.toml")) if self.folder.is_dir() else []
        for path in files:
            try:
                listing.sessions.append(self._read(path))
            except (SessionDamaged, SessionUnreadable) as error:
                listing.damaged.append(error.damaged)
            except SessionNotFound:
                continue  # deleted while we listed
        listing.sessions.sort(key=lambda s: (s.updated, s.id), reverse=True)
        return listing

    def find(self, text: str) -> str:
        """The id of the session `text` names: its exact id, or any part of one that no other
        id holds (`ae3be6` for `20261125-ae3be6`); a start of exactly one id wins over the
        same text inside others."""
        text = text.strip().removesuffix(".toml")
        if text and self.path(text).is_file() and "/" not in text:
            return text
        ids = [p.stem for p in self.folder.glob("*.toml")] if self.folder.is_dir() else []
        found = [i for i in ids if text and text.casefold() in i.casefold()]
        starts = [i for i in found if i.casefold().startswith(text.casefold())]
        if len(found) == 1 or len(starts) == 1:
            return (found if len(found) == 1 else starts)[0]
        if found:
            raise SessionNotFound(f"{text!r} matches several sessions: {', '.join(sorted(found))}")
        raise SessionNotFound(f"no session {text!r} in {self.folder}")

    def load(self, session_id: str) -> Session:
        """The session; `SessionNotFound`, or `SessionDamaged` (and the file moved aside)."""
        return self._read(self.path(session_id))

    def _read(self, path: Path) -> Session:
        try:
            text = read_regular(path, SESSION_LIMIT).decode("utf-8")  # never a pipe, nor huge
        except FileNotFoundError:
            raise SessionNotFound(f"no session {path.stem!r} in {self.folder}") from None
        except UnicodeDecodeError as error:
            raise SessionDamaged(self._move_aside(path, [f"not UTF-8 text: {error}"])) from None
        except OSError as error:  # unreadable, or not a file: reported, left where it is
            reason = error.strerror or str(error)
            raise SessionUnreadable(DamagedFile(path, [reason])) from None
        try:
            session = Session.from_toml(text)
        except NewerFormatError as error:
            raise SessionDamaged(DamagedFile(path, error.problems)) from None  # left in place
        except SessionFileError as error:
            raise SessionDamaged(self._move_aside(path, error.problems)) from None
        if session.id != path.stem:
            problem = f"its id {session.id!r} does not match its file name"
            raise SessionDamaged(self._move_aside(path, [problem]))
        return session

    def _move_aside(self, path: Path, problems: list[str]) -> DamagedFile:
        """Move a damaged file into `damaged/` under a name that never replaces another."""
        target_dir = self.folder / DAMAGED
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        target = _free_name(target_dir, f"{path.stem}.{stamp}{path.suffix}")
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            os.rename(path, target)
        except OSError:
            return DamagedFile(path, problems)  # still reported; the file stays where it was
        return DamagedFile(path, problems, target)

    # Writing

    def write(self, session: Session, expected_revision: int | None) -> Session:
        """Save `session` as revision `expected_revision + 1` after checking the file still holds
        `expected_revision` (0: it must not exist yet). `None` skips the check (force). Returns
        the saved session; the argument is left unchanged, so a refused save loses nothing."""
        path = self.path(session.id)
        if expected_revision is not None:
            self._check_revision(session.id, expected_revision)
        base = session.revision if expected_revision is None else expected_revision
        on_disk = self._on_disk(path) if expected_revision is None else None
        revision = max(base, on_disk.revision if on_disk else 0) + 1
        saved = session.model_copy(update={"revision": revision, "updated": utc_now()})
        try:
            data = saved.to_toml().encode("utf-8")
        except UnicodeEncodeError:
            raise SessionError("the session holds text that cannot be saved as UTF-8") from None
        if len(data) > SESSION_LIMIT:
            raise SessionError(
                f"session {session.id} was not saved: it would be {_megabytes(len(data))}, over "
                f"the limit of {_megabytes(SESSION_LIMIT)} for a session; shorten its notes"
            )
        try:
            atomic_write(path, data)
        except OSError as error:
            raise SessionError(f"cannot save {path}: {error.strerror or error}") from None
        return saved

    def _check_revision(self, session_id: str, expected: int) -> None:
        path = self.path(session_id)
        if expected == 0:
            if path.exists():
                raise SessionConflict(session_id, "already exists")
            return
        found = self._on_disk(path)
        if found is None:
            raise SessionConflict(session_id, FILE_GONE)
        if found.revision != expected:
            raise SessionConflict(session_id, "holds another version", found.updated)

    def _on_disk(self, path: Path) -> Session | None:
        try:
            return Session.from_toml(read_regular(path, SESSION_LIMIT).decode("utf-8"))
        except (OSError, UnicodeDecodeError, SessionFileError):
            return None

    def create(self, session: Session) -> OpenSession:
        """Save a new session (a fresh id if its id is taken) and open it. An id another window
        is creating at this moment (its lock held, its file not yet there, or there by the time
        this one writes) counts as taken, as it is a moment later."""
        for _ in range(100):
            while self.path(session.id).exists():
                session = session.model_copy(update={"id": new_session_id()})
            try:
                handle = self._locked(session.id, take_over=False)
            except SessionLocked:
                session = session.model_copy(update={"id": new_session_id()})
                continue
            try:
                handle.session = self.write(session, expected_revision=0)
            except SessionConflict:
                handle.close()
                session = session.model_copy(update={"id": new_session_id()})
                continue
            except BaseException:
                handle.close()
                raise
            return handle
        raise SessionError(f"no free session id found in {self.folder}")

    def open(self, session_id: str, take_over: bool = False) -> OpenSession:
        """Load a session for editing, taking its lock: `SessionLocked` if a live instance has
        it (unless `take_over`), a dead one's lock is taken over."""
        handle = self._locked(session_id, take_over)
        try:
            handle.session = self.load(session_id)
        except BaseException:
            handle.close()
            raise
        for temp in leftover_temp_files(self.path(session_id)):
            with contextlib.suppress(OSError):  # a write killed midway; the file itself is whole
                temp.unlink()
        return handle

    def _locked(self, session_id: str, take_over: bool) -> OpenSession:
        lock = self.lock_for(session_id)
        try:
            lock.acquire(take_over=take_over)
        except LockHeld as held:
            raise SessionLocked(session_id, held.owner) from None
        except OSError as error:
            raise SessionError(f"cannot lock session {session_id}: {error}") from None
        return OpenSession(self, None, lock)

    def open_elsewhere(self, session_id: str) -> LockOwner | None:
        """Who else has the session open: a live lock owner other than this process, or None."""
        owner = self.lock_for(session_id).owner()
        if owner is not None and owner.is_alive() and owner.pid != os.getpid():
            return owner
        return None

    def delete(self, session_id: str) -> Path:
        """Move a session to `deleted/` (refused while a live instance has it open), so a
        slip loses nothing; a stale lock of a dead instance goes with it."""
        path = self.path(session_id)
        if not path.is_file():
            raise SessionNotFound(f"no session {session_id!r} in {self.folder}")
        owner = self.open_elsewhere(session_id)
        if owner is not None:
            raise SessionLocked(session_id, owner)
        target = _free_name(self.folder / DELETED, path.name)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(path, target)
            with contextlib.suppress(OSError):
                os.utime(target)  # its time in deleted/ is when it was deleted (newest restored)
        except FileNotFoundError:
            raise SessionNotFound(f"no session {session_id!r} in {self.folder}") from None
        except OSError as error:
            reason = error.strerror or str(error)
            raise SessionError(
                f"session {session_id} was not deleted: it could not be moved to "
                f"{target.parent} ({reason})"
            ) from None
        lock = self.lock_for(session_id)
        stale = lock.owner()
        if stale is not None and not stale.is_alive():
            with contextlib.suppress(OSError):
                lock.path.unlink()
        return target

    def import_session(self, session: Session, candidates: Collection[str] = ()) -> Imported:
        """Add a session read from elsewhere (an export) under a fresh id if its id is taken;
        never replaces an existing session. The same export imported again (the same session,
        as `same_content` sees it: under its own id, or under one of `candidates`, ids an
        earlier import may have taken) is recognised and not added twice, also when another
        window was importing it at the same moment (this one then drops the copy it made)."""
        found = self.same_as(session, candidates)
        if found is not None:
            return Imported(found, already=True)
        incoming = session.model_copy(update={"revision": 0})
        with self.create(incoming) as handle:
            saved = handle.current
        if saved.id != session.id:  # its id was taken, perhaps by the same import a moment ago
            there = self._when_written(session.id)
            if there is not None and same_content(there, session):
                with contextlib.suppress(OSError):
                    self.path(saved.id).unlink()
                return Imported(there, already=True)
        return Imported(saved, already=False)

    def same_as(self, session: Session, candidates: Collection[str] = ()) -> Session | None:
        """The saved session with `session`'s content among its own id and `candidates`."""
        for key in dict.fromkeys([session.id, *candidates]):
            try:
                saved = self.load(key)
            except SessionError:
                continue
            if same_content(saved, session):
                return saved
        return None

    def _when_written(self, session_id: str, wait: float = 2.0) -> Session | None:
        """The session `session_id` once its file is there: another window holding its lock
        may be writing it now (waits up to `wait` seconds for that)."""
        deadline = time.monotonic() + wait
        while True:
            try:
                return self.load(session_id)
            except SessionNotFound:
                if time.monotonic() > deadline or not self.lock_for(session_id).path.exists():
                    return None
                time.sleep(0.05)
            except SessionError:
                return None


@dataclass(frozen=True)
class Imported:
    """What an import did: the session saved (`already`: the same one was there already)."""

    session: Session
    already: bool


def same_content(a: Session, b: Session) -> bool:
    """Whether two sessions hold the same: everything but the id, revision and time of the
    last save (which an import changes)."""
    skip = {"id", "revision", "updated"}
    return a.model_dump(exclude=skip) == b.model_dump(exclude=skip)


def record_into(
    session: Session,
    walk: Walk,
    digest: str,
    ticked: Collection[str] | None = None,
    notes: Mapping[str, str] | None = None,
    shared: Collection[str] | None = None,
) -> bool:
    """Bring `session` up to date with the walk (and, if given, the ticks of its outcome's
    checklist, the notes and which are shared); whether anything changed."""
    changed = session.record_walk(walk, digest)
    if ticked is not None and walk.outcome is not None:
        for item in walk.outcome.checklist:
            tick = item.id in ticked
            changed = session.set_tick(walk.outcome.id, item.id, tick) or changed
    if notes is not None:
        for qid in [*session.notes, *(q for q in notes if q not in session.notes)]:
            changed = session.set_note(qid, notes.get(qid, "")) or changed
    if shared is not None:
        for qid in [*session.notes]:
            changed = session.set_note_shared(qid, qid in shared) or changed
    return changed


class OpenSession:
    """A session one app instance has open: it holds the lock and saves after each change.

    `record(walk)`, `set_note`, `set_tick` and `set_people` change the session and save at once
    when something changed. A refused save (`SessionConflict`, another instance wrote the file)
    leaves this instance's session as it was, unsaved: `save_copy()` keeps it under a new id,
    `save(force=True)` overwrites."""

    def __init__(self, store: SessionStore, session: Session | None, lock: FileLock) -> None:
        self.store = store
        self.session = session
        self.lock = lock
        self._digest: tuple[Tree, str] | None = None
        self.unsaved = False
        """True after a refused save: the session here differs from the file."""

    @property
    def current(self) -> Session:
        assert self.session is not None, "not loaded"
        return self.session

    def digest(self, walk: Walk) -> str:
        """`tree_hash` of the walk's tree, computed once per tree object."""
        if self._digest is None or self._digest[0] is not walk.tree:
            self._digest = (walk.tree, tree_hash(walk.tree))
        return self._digest[1]

    def record(
        self,
        walk: Walk,
        ticked: Collection[str] | None = None,
        notes: Mapping[str, str] | None = None,
        shared: Collection[str] | None = None,
    ) -> bool:
        """Take the walk's answers and outcome, and (if given) the ticks of its outcome's
        checklist, the notes and which notes are shared; save once if anything changed.
        Returns whether it saved."""
        digest = self.digest(walk)
        return self.apply(lambda s: record_into(s, walk, digest, ticked, notes, shared))

    def set_note(self, question_id: str, text: str) -> bool:
        return self.apply(lambda s: s.set_note(question_id, text))

    def set_tick(self, outcome_id: str, item_id: str, ticked: bool) -> bool:
        return self.apply(lambda s: s.set_tick(outcome_id, item_id, ticked))

    def set_people(
        self, client_name: str | None, client_email: str | None, counselor: str | None
    ) -> bool:
        return self.apply(lambda s: s.set_people(client_name, client_email, counselor))

    def apply(self, change: _Change) -> bool:
        """Run `change` on a copy of the session and save it if it changed anything (or if an
        earlier save was refused). On a refused save the change is kept here, unsaved."""
        draft = self.current.model_copy(deep=True)
        if not change(draft) and not self.unsaved:
            return False
        self.session = draft
        self.save()
        return True

    def save(self, force: bool = False) -> None:
        """Write the session (checking the revision unless `force`); `SessionConflict` if
        the file changed elsewhere, in which case the session stays here, marked unsaved."""
        session = self.current
        try:
            self.session = self.store.write(session, None if force else session.revision)
        except SessionError:
            self.unsaved = True
            raise
        self.unsaved = False

    def save_copy(self) -> OpenSession:
        """Keep this instance's session under a new id (after a conflict); this one is closed."""
        copy = self.current.model_copy(update={"id": new_session_id(), "revision": 0})
        handle = self.store.create(copy)
        self.close()
        return handle

    def reload(self) -> Session:
        """Drop this instance's unsaved state and read the file again."""
        self.session = self.store.load(self.current.id)
        self.unsaved = False
        return self.session

    def close(self) -> None:
        self.lock.release()

    def __enter__(self) -> OpenSession:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _megabytes(count: int) -> str:
    return f"{count / 2**20:.1f} MB"


def _free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem-2.suffix`... if that exists."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    count = 1
    while candidate.exists():
        count += 1
        candidate = folder / f"{stem}-{count}{suffix}"
    return candidate
