"""What waits for the counselor, counted for the home screen without loading a tree or a
session model (this module imports neither pydantic nor how files are written): the sessions a
tree update affects, from the cache `wizard sessions recheck` keeps (`wizard.sessions.recheck`),
and the emails waiting in the outbox (`wizard.exports.outbox`).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from wizard.sessions.format import SESSIONS

CACHE = "recheck-cache.json"
CACHE_VERSION = 1
OUTBOX = "outbox"
"""`wizard.exports.compose.OUTBOX`, kept here so that counting imports no export code."""


def clients_count(data_folder: Path) -> int:
    """How many client records there are (`wizard.sessions.clients`; files, not read)."""
    try:
        with os.scandir(data_folder / "clients") as entries:
            return sum(
                1 for e in entries if e.name.endswith(".toml") and not e.name.startswith(".")
            )
    except OSError:
        return 0


def unsent_count(data_folder: Path) -> int:
    """How many messages wait in the outbox (their files, not read)."""
    try:
        with os.scandir(data_folder / OUTBOX) as entries:
            return sum(1 for e in entries if e.name.endswith(".eml") and not e.name.startswith("."))
    except OSError:
        return 0


def cached_count(data_folder: Path) -> int | None:
    """How many sessions the last recheck found affected, if the cache still holds for every
    session file and tree (None: it does not, a recheck is needed). Loads no tree: it only
    stats the session files and hashes the tree files' bytes."""
    cache = read_cache(data_folder)
    shas: dict[Path, str | None] = {}
    files = session_files(data_folder)
    if {p.stem for p in files} != cache.keys():
        return None
    count = 0
    for path in files:
        entry = cache[path.stem]
        if entry_key(path, entry, shas) != entry.get("key"):
            return None
        count += bool(entry.get("changes"))
    return count


def entry_key(
    path: Path, entry: dict[str, Any] | None, shas: dict[Path, str | None]
) -> list[Any] | None:
    if entry is None or not isinstance(entry.get("tree_path"), str):
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    where = Path(entry["tree_path"])
    return [stat.st_mtime_ns, stat.st_size, str(where), file_sha(where, shas)]


def file_sha(path: Path, shas: dict[Path, str | None]) -> str | None:
    if path not in shas:
        try:
            shas[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            shas[path] = None
    return shas[path]


def session_files(data_folder: Path) -> list[Path]:
    folder = data_folder / SESSIONS
    try:
        with os.scandir(folder) as entries:
            return sorted(
                Path(e.path)
                for e in entries
                if e.name.endswith(".toml") and not e.name.startswith(".") and e.is_file()
            )
    except OSError:
        return []


def read_cache(data_folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((data_folder / CACHE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return {}
    sessions = data.get("sessions")
    return sessions if isinstance(sessions, dict) else {}
