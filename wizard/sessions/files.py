"""Where user files live, and how they are written so that nothing is ever torn or silently lost.

- `data_dir`: the folder for sessions: `--data-dir`, else `$WIZARD_DATA_DIR`, else the platform's
  user data folder (platformdirs).
- `atomic_write`: a temporary file in the same folder, flushed and fsynced, then renamed over the
  target (and the folder fsynced), so a crash or kill at any moment leaves the old file or the new
  one, never a mix. `create_new` is the same for a file that must not exist yet (hard-linked into
  place, never replacing one).
- `FileLock`: an advisory lock file holding the owner's pid and host. A lock whose process has died
  (on this host) is stale and taken over, so a killed instance never blocks anyone for good.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import socket
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Re-exported: defined apart so that finding the data folder imports nothing else.
from wizard.reading import read_regular
from wizard.sessions.folder import APP_NAME as APP_NAME
from wizard.sessions.folder import ENV_DATA_DIR as ENV_DATA_DIR
from wizard.sessions.folder import SESSION_LIMIT as SESSION_LIMIT
from wizard.sessions.folder import data_dir as data_dir
from wizard.sessions.folder import folder_problems as folder_problems

TEMP_SUFFIX = ".tmp"
"""Temporary files are named `.NAME.RANDOM.tmp`: hidden, and never taken for a real file."""


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically and durably (see the module docstring)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(path.parent)


def create_new(path: Path, data: bytes) -> None:
    """Create `path` holding `data`, or `FileExistsError` (an existing file is never replaced).
    Atomic and durable as `atomic_write`: the data goes to a temporary file, fsynced, which is
    then hard-linked into place, so a full disk or a crash leaves no file, never a torn one."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temp_name, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: rename unless taken meanwhile
            if os.path.lexists(path):
                raise FileExistsError(path) from None
            os.rename(temp_name, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable. Not possible on every platform (Windows), hence optional."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def leftover_temp_files(path: Path) -> list[Path]:
    """Temporary files an interrupted `atomic_write(path, ...)` left behind."""
    return sorted(path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"))


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock: a process on a host, since a time."""

    pid: int
    host: str
    since: str
    started: str = ""
    """When the process started, as the system counts it (Linux: clock ticks since boot; "" where
    unknown): a dead owner's pid reused by another process must not keep the lock."""

    def describe(self) -> str:
        here = self.host == socket.gethostname()
        where = "this computer" if here else f"computer {self.host!r}"
        return f"process {self.pid} on {where} (since {self.since})"

    def is_alive(self) -> bool:
        """Whether the owner may still run. Only a process on this host can be checked; on
        Windows `os.kill(pid, 0)` would end the process, so there it is assumed alive."""
        if self.host != socket.gethostname() or os.name != "posix":
            return True
        if self.pid <= 0:
            return False  # unreadable lock content
        if self.pid == os.getpid():
            return True
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # it exists, owned by someone else
            pass
        now = process_start(self.pid)
        return not (self.started and now and now != self.started)


def process_start(pid: int) -> str:
    """When process `pid` started (field 22 of Linux's /proc/PID/stat), or "" where unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            text = stat.read().decode("ascii", "replace")
    except OSError:
        return ""
    # The command name (field 2) is in parentheses and may hold spaces: count after its end.
    fields = text[text.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else ""


class LockHeld(Exception):
    """Another live process holds the lock."""

    def __init__(self, path: Path, owner: LockOwner) -> None:
        self.path = path
        self.owner = owner
        super().__init__(f"in use by {owner.describe()}")


class FileLock:
    """An advisory lock: the file `path` exists while someone holds it and says who.

    `acquire()` creates it exclusively; if it exists and its owner is alive, `LockHeld` is raised
    unless `take_over` is given; a stale lock (dead owner, unreadable content) is replaced."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.held = False

    def owner(self) -> LockOwner | None:
        """The current owner, or None when the file is absent. Unreadable content counts as a
        dead owner (pid 0), so that a half-written lock never blocks."""
        try:
            text = read_regular(self.path, 4096).decode("utf-8", "replace")
        except FileNotFoundError:
            return None
        except OSError:
            return LockOwner(0, socket.gethostname(), "?")
        try:
            data = json.loads(text)
            owner = LockOwner(int(data["pid"]), str(data["host"]), str(data["since"]))
            return dataclasses.replace(owner, started=str(data.get("started", "")))
        except (ValueError, KeyError, TypeError, AttributeError):
            return LockOwner(0, socket.gethostname(), "?")

    def acquire(self, take_over: bool = False) -> LockOwner | None:
        """Take the lock; returns the previous owner if a stale or taken-over lock was replaced."""
        mine = LockOwner(os.getpid(), socket.gethostname(), _now(), process_start(os.getpid()))
        payload = json.dumps(
            {"pid": mine.pid, "host": mine.host, "since": mine.since, "started": mine.started}
        ).encode()
        try:
            _create_exclusive(self.path, payload)
        except FileExistsError:
            previous = self.owner()
            if previous is not None and previous.is_alive() and not take_over:
                raise LockHeld(self.path, previous) from None
            # Replace the stale lock. Two instances doing this at the same moment could both
            # think they hold it; the revision check on every save still catches that case.
            atomic_write(self.path, payload)
            self.held = True
            return previous
        self.held = True
        return None

    def release(self) -> None:
        """Remove the lock if it is still ours (someone may have taken it over)."""
        if not self.held:
            return
        self.held = False
        owner = self.owner()
        if owner is not None and owner.pid == os.getpid() and owner.host == socket.gethostname():
            with contextlib.suppress(OSError):
                self.path.unlink()


def _create_exclusive(path: Path, data: bytes) -> None:
    """Create `path` holding `data`, or `FileExistsError`. The content is written to a temporary
    file first and hard-linked into place, so nobody ever reads a half-written lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        try:
            os.link(temp_name, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: exclusive create, then write
            with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), "wb") as f:
                f.write(data)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
