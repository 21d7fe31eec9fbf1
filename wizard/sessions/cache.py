"""A cache of the listing: what `wizard.sessions.index` took from each session file, kept in
`session-index.sqlite` in the data folder, keyed by the file's name and its stat (size, mtime,
ctime, inode). A file whose stat is unchanged is listed from the cache without being read; any
change (the app saves by writing a new file and renaming it: a new inode) reads it again.

Listing 10,000 sessions read and parsed every file (about 1.4 s); from the cache it is one stat
per file and one query (bench/RESULTS.md). The cache is only ever a shortcut: a file the quick
read cannot list is never cached (it goes to the store each time, as before), and a cache that
cannot be opened, read or written (read-only folder, locked by another window past a short
wait, damaged) is left alone, or rebuilt when damaged, and the listing reads the files.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CACHE_FILE = "session-index.sqlite"
VERSION = 2
"""Bumped when what is cached changes: an older cache is emptied (2: `client_id`)."""

Stat = tuple[int, int, int, int]
"""(size, mtime_ns, ctime_ns, inode) of a session file."""

_COLUMNS = (
    "tree, updated, answered, client_name, outcome, outcome_title, copied_from, "
    "client_email, counselor, client_id"
)


class SummaryCache:
    """The cached summaries of one data folder, read once, written back in one transaction."""

    def __init__(self, data_folder: Path) -> None:
        self.path = data_folder / CACHE_FILE
        self.rows: dict[str, tuple[Stat, tuple[Any, ...]]] = {}
        self.changed: dict[str, tuple[Stat, tuple[Any, ...]]] = {}
        self._db: sqlite3.Connection | None = None
        try:
            self._open()
        except sqlite3.OperationalError:
            self.close()  # cannot open or locked past the wait: list without it
            self.rows = {}
        except sqlite3.DatabaseError:
            self._rebuild()  # not a database, or damaged

    def _open(self) -> None:
        db = sqlite3.connect(self.path, timeout=0.5, isolation_level=None)
        self._db = db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version != VERSION:
            with self._transaction(db):
                db.execute("DROP TABLE IF EXISTS summaries")
                db.execute(
                    "CREATE TABLE summaries (name TEXT PRIMARY KEY, size INT, mtime INT, "
                    f"ctime INT, ino INT, {_COLUMNS})"
                )
                db.execute(f"PRAGMA user_version={VERSION}")
        for name, size, mtime, ctime, ino, *summary in db.execute(
            f"SELECT name, size, mtime, ctime, ino, {_COLUMNS} FROM summaries"
        ):
            self.rows[name] = ((size, mtime, ctime, ino), tuple(summary))

    def _rebuild(self) -> None:
        """A damaged cache is removed and made again; if that fails too, no cache."""
        self.close()
        self.rows = {}
        for suffix in ("", "-journal"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.path}{suffix}")
        try:
            self._open()
        except sqlite3.Error:
            self.close()

    @staticmethod
    @contextlib.contextmanager
    def _transaction(db: sqlite3.Connection) -> Iterator[None]:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def get(self, name: str, stat: Stat) -> tuple[Any, ...] | None:
        """The cached summary fields of file `name` if its stat is still `stat`."""
        found = self.rows.get(name)
        return found[1] if found is not None and found[0] == stat else None

    def put(self, name: str, stat: Stat, summary: tuple[Any, ...]) -> None:
        self.changed[name] = (stat, summary)

    def save(self, present: set[str]) -> None:
        """Write what changed and forget every file not in `present` (gone, or no longer
        listed from its quick read); on any failure, do nothing."""
        gone = self.rows.keys() - present
        if self._db is None or not (self.changed or gone):
            return
        try:
            with self._transaction(self._db):
                self._db.executemany("DELETE FROM summaries WHERE name = ?", [(n,) for n in gone])
                self._db.executemany(
                    f"INSERT OR REPLACE INTO summaries VALUES (?, ?, ?, ?, ?, {_marks()})",
                    [(name, *stat, *summary) for name, (stat, summary) in self.changed.items()],
                )
        except sqlite3.Error:
            pass  # read-only, full, or another window holds it: the files are the truth

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def _marks() -> str:
    """A `?` for each cached column."""
    return ", ".join("?" * (_COLUMNS.count(",") + 1))
