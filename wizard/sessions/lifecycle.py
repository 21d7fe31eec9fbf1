"""A window's session, from its first real change to the moment it lets go: when a session is
created (the first answer or note, not the mere opening of a tree), saving after every change,
reopening, what-if copies, comparing, and what a conflict or a late change keeps.

The rules need no widget, so they live here and are tested without Pilot; the app calls them
(`screens.session_actions`). Imported lazily by the app: it brings pydantic, which the home
screen does not need (it lists sessions with `wizard.sessions.index`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wizard.sessions.compare import Comparison, compare
from wizard.sessions.files import LockHeld, LockOwner, data_dir
from wizard.sessions.model import Session, new_session, new_session_id, tree_hash
from wizard.sessions.progress import Change, Progress
from wizard.sessions.resume import Resumed, open_session, replay, session_tree
from wizard.sessions.store import (
    DamagedFile,
    OpenSession,
    SessionConflict,
    SessionError,
    SessionLocked,
    SessionStore,
    record_into,
)
from wizard.tree.loader import SHIPPED, resolve


@dataclass
class Reopened:
    """A session opened again: the progress to show, and what its replay has to say."""

    progress: Progress
    resumed: Resumed


class SessionLifecycle:
    """Holds the open session (and its lock) of the walk on screen."""

    def __init__(self, folder: Path | None, lang: str = "en") -> None:
        self.store = SessionStore(data_dir(folder))
        self.lang = lang
        self.handle: OpenSession | None = None
        self.progress: Progress | None = None
        """The walk the open session belongs to."""
        self.damaged: list[DamagedFile] = []
        """Files found damaged by the last listing (moved aside), for the app to report."""
        self.kept: str | None = None
        """The id of the copy `close` last saved of changes a conflict left unsaved, until the
        app has said so (`take_kept`)."""
        self.left: tuple[Progress, OpenSession | None] | None = None
        """The walk this window left for the home screen, and its session (lock let go), for
        a change of that walk whose message arrives after the window left it."""

    @property
    def session(self) -> Session | None:
        return self.handle.current if self.handle is not None else None

    # Listing (called from a worker thread: files only, no widgets)

    def saved(self) -> list[Session]:
        """Every saved session, newest first; damaged files are moved aside and kept in
        `damaged` for the app to report."""
        listing = self.store.scan()
        self.damaged = listing.damaged
        return listing.sessions

    # Saving

    def changed(self, progress: Progress, change: Change) -> bool:
        """Save after a change; returns whether it wrote. A new walk detaches the old session;
        its first real change creates one. Raises the store's `SessionError`s."""
        if self.left is not None and progress is self.left[0] and self.handle is None:
            return self._late_change(progress, self.left[1])
        if progress is not self.progress:
            self.close()
            self.progress = progress
        if self.handle is None:
            if change == "start" or not (progress.walk.path or progress.notes):
                return False  # nothing worth keeping yet
            self.handle = self._create(progress)
            return True
        return self.handle.record(progress.walk, progress.ticked, progress.notes, progress.shared)

    def _create(self, progress: Progress) -> OpenSession:
        """The session, made with what the walk holds so far: written once, not created empty
        and then saved again."""
        walk = progress.walk
        digest = tree_hash(walk.tree)
        session = new_session(
            walk.tree, digest, tree_file=_tree_file(progress.tree_ref), language=self.lang
        )
        record_into(session, walk, digest, progress.ticked, progress.notes, progress.shared)
        return self.store.create(session)

    def _late_change(self, progress: Progress, handle: OpenSession | None) -> bool:
        """A change made just before the window went home, whose message came after (a tick
        typed just before `h`): saved into the session it belongs to, which is locked again for
        the moment and checked as every save is. Kept as a new session if another window saved
        that one since, as leaving with unsaved changes does."""
        if handle is None:
            if not (progress.walk.path or progress.notes):
                return False
            handle = self._create(progress)
        else:
            try:
                handle.lock.acquire()
            except LockHeld as held:
                raise SessionLocked(handle.current.id, held.owner) from None
        try:
            return handle.record(progress.walk, progress.ticked, progress.notes, progress.shared)
        except SessionConflict:
            handle = handle.save_copy()
            self.kept = handle.current.id
            return True
        finally:
            handle.close()
            self.left = (progress, handle)

    def set_people(self, client: str, email: str, counselor: str) -> None:
        """The session form's fields; creates the session if the walk has none yet."""
        if self.handle is None:
            if self.progress is None:
                return
            self.handle = self._create(self.progress)
        self.handle.set_people(client, email, counselor)

    # Reopening

    def reopen(self, key: str, take_over: bool = False) -> Reopened:
        """Open a saved session (see `wizard.sessions.resume.open_session` for what it raises)."""
        if self.handle is not None and self.handle.current.id == key:
            self.close()  # our own, still held after going home: else "open in another window"
        handle, resumed = open_session(self.store, key, take_over=take_over)
        self.close()
        self.handle = handle
        self.progress = _progress(handle.current, resumed)
        return Reopened(self.progress, resumed)

    def reopen_copy(self, key: str) -> Reopened:
        """Open a copy of a session another window holds (nothing of theirs is touched)."""
        original = self.store.load(key)
        copy = original.duplicate(None, new_session_id())
        with self.store.create(copy) as handle:
            copy_id = handle.current.id
        return self.reopen(copy_id)

    def what_if(self, question_id: str) -> Reopened:
        """Duplicate the open session before `question_id` and open the copy there."""
        assert self.handle is not None and self.progress is not None, "no session is open"
        self.handle.record(
            self.progress.walk, self.progress.ticked, self.progress.notes, self.progress.shared
        )
        copy = self.handle.current.duplicate(question_id, new_session_id())
        with self.store.create(copy) as handle:
            copy_id = handle.current.id
        return self.reopen(copy_id)

    def save_copy(self) -> str:
        """After a refused save: keep this window's session under a new id."""
        assert self.handle is not None
        self.handle = self.handle.save_copy()
        return self.handle.current.id

    def open_elsewhere(self, key: str) -> LockOwner | None:
        """Who else has the session open (another window), if anyone."""
        return self.store.open_elsewhere(key)

    def delete(self, key: str) -> Path:
        """Move a saved session to `deleted/` (see `SessionStore.delete`); this window lets go
        of it first when it is the one it last had open."""
        if self.session is not None and self.session.id == key:
            self.close()
        left = self.left[1] if self.left is not None else None
        if left is not None and left.current.id == key:
            self.left = None  # a late change must not bring it back
        return self.store.delete(key)

    def comparison(self, left: str, right: str, lang: str = "en") -> Comparison:
        """Two saved sessions side by side (`TreeError` if a tree cannot be loaded)."""
        sides = []
        for key in (left, right):
            if self.session is not None and key == self.session.id and self.progress is not None:
                sides.append((self.session, self.progress.walk))  # as on screen now
                continue
            session = self.store.load(key)
            sides.append((session, replay(session, session_tree(session)).walk))
        return compare(sides[0], sides[1], lang)

    def take_kept(self) -> str | None:
        """The id of a copy `close` kept (once), for the app to tell the user."""
        kept, self.kept = self.kept, None
        return kept

    def leave(self) -> None:
        """Back on the home screen: this window no longer edits the session, so it lets go of
        it (and its lock), and another window may open or delete it. Resuming it here opens it
        again: the lock is taken again and the file read again, so nothing the other window
        saved meanwhile is overwritten."""
        progress = self.progress
        closed = self.close()
        self.left = (progress, closed) if progress is not None else None

    def close(self) -> OpenSession | None:
        """Let go of the open session (and its lock); returns it, closed. Changes a conflict
        left unsaved (the user put off choosing) are first saved as a new session, so leaving
        never loses them."""
        if self.handle is not None and self.handle.unsaved:
            try:
                self.handle = self.handle.save_copy()
                self.kept = self.handle.current.id
            except SessionError:
                pass  # nowhere to keep them: the earlier "Not saved" message said why
        if self.handle is not None:
            self.handle.close()
        closed, self.handle = self.handle, None
        self.progress = None
        self.left = None
        return closed


def _progress(session: Session, resumed: Resumed) -> Progress:
    walk = resumed.walk
    ticked = set(session.ticked(walk.outcome.id)) if walk.outcome is not None else set()
    ref = session.tree_file or session.tree
    return Progress(
        walk, ref, ticked=ticked, notes=dict(session.notes), shared=set(session.shared_notes)
    )


def _tree_file(ref: str) -> str | None:
    """None for a shipped tree (found again by its id), else the file's absolute path."""
    path = resolve(ref)
    if path.parent == SHIPPED:
        return None
    return str(path.resolve())
