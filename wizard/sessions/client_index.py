"""Clients as the home screen lists them, read without validating them, and the saved sessions
grouped under their clients.

As `wizard.sessions.index` does for sessions: the home screen needs a client's id, name, email,
language and when the record was made, and `wizard.sessions.clients` validates records with
pydantic, whose import alone takes longer than the app's first frame. So each `clients/ID.toml`
is parsed and those fields are taken as they are. A file that cannot be taken so (not TOML, an
unknown key, a field of the wrong type, an id that differs from its file name) is left out here:
`wizard clients` and the clients screen (`l`) read it in full and say what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import NamedTuple

from wizard import toml
from wizard.reading import read_regular
from wizard.sessions.format import aware
from wizard.sessions.index import SessionSummary
from wizard.toml import parse_toml

CLIENTS = "clients"
"""The folder of the client records in the data folder."""
CLIENT_LIMIT = 2**20
"""The largest client file read (a real one is a few hundred bytes)."""
CLIENT_FIELDS = frozenset(["id", "name", "email", "language", "notes", "created"])
"""The keys a client file may hold (`Client`'s fields; a test keeps the two the same)."""


def match_key(name: str | None, email: str | None) -> tuple[str, str]:
    """What links a session to a client by name and email: spaces and case do not count."""
    return (" ".join((name or "").split()).casefold(), (email or "").strip().casefold())


def client_matches(name: str, email: str | None, text: str) -> bool:
    """Whether every word typed is in the client's name or email."""
    hay = f"{name} {email or ''}".casefold()
    return all(word in hay for word in text.casefold().split())


class ClientSummary(NamedTuple):
    """What the home screen shows of one client; the same names as on `Client`."""

    id: str
    name: str
    created: dt.datetime
    email: str | None = None
    language: str = "en"

    def key(self) -> tuple[str, str]:
        return match_key(self.name, self.email)

    def matches(self, text: str) -> bool:
        return client_matches(self.name, self.email, text)


_READ: dict[str, tuple[tuple[int, int, int, int], ClientSummary | None]] = {}
"""What this process read of each client file, by path, with the file's stat (size, mtime,
ctime, inode) then: the home screen lists the clients each time it is shown, and a file whose
stat is unchanged is not read again (3,000 files: 0.3 s read, a few ms stat)."""


def list_clients(data_folder: Path) -> list[ClientSummary]:
    """Every client record that can be listed as it is, by name (as `ClientStore.scan`)."""
    try:
        with os.scandir(data_folder / CLIENTS) as scan:
            entries = [e for e in scan if e.name.endswith(".toml") and e.name[0] != "."]
    except OSError:
        return []
    found = [client for entry in entries if (client := _client_of(entry)) is not None]
    return sorted(found, key=lambda c: (c.name.casefold(), c.created, c.id))


def _client_of(entry: os.DirEntry[str]) -> ClientSummary | None:
    """The file's client as last read if its stat is unchanged, else read now (the stat is taken
    first: a change made while it is read is read next time)."""
    try:
        before = entry.stat()
    except (OSError, ValueError):
        return None
    key = (before.st_size, before.st_mtime_ns, before.st_ctime_ns, before.st_ino)
    known = _READ.get(entry.path)
    if known is not None and known[0] == key:
        return known[1]
    client = quick_client(Path(entry.path))
    _READ[entry.path] = (key, client)
    return client


def quick_client(path: Path) -> ClientSummary | None:
    """The listed fields of a client file, or None when they cannot be taken as they are."""
    try:
        data = parse_toml(read_regular(path, CLIENT_LIMIT).decode("utf-8"))
    except (OSError, UnicodeDecodeError, toml.TOMLDecodeError, RecursionError, MemoryError):
        return None
    name, email, language, created = (data.get(k) for k in ("name", "email", "language", "created"))
    if (
        not CLIENT_FIELDS.issuperset(data)
        or data.get("id") != path.stem
        or not isinstance(name, str)
        or not isinstance(email, str | None)
        or not isinstance(language, str | None)
        or not isinstance(data.get("notes", ""), str)
        or not isinstance(created, dt.datetime)
    ):
        return None
    return ClientSummary(path.stem, name, aware(created), email, language or "en")


class Group(NamedTuple):
    """A client and their sessions, newest first; or one session of no client (`client` None)."""

    client: ClientSummary | None
    sessions: list[SessionSummary]

    @property
    def latest(self) -> dt.datetime:
        """When the group last changed: its newest session, or when the client was added."""
        if self.sessions:
            return self.sessions[0].updated
        assert self.client is not None
        return self.client.created


def group_sessions(clients: list[ClientSummary], sessions: list[SessionSummary]) -> list[Group]:
    """Each client with their sessions, and each session of no client on its own, the group
    changed last first. A session is its client's by its `client_id`; one with no known client
    id, by its client name and email (as `ClientStore.link_sessions` would link it). `sessions`
    come newest first (`list_sessions`), and stay so within a group."""
    by_id = {client.id: client for client in clients}
    by_key = {client.key(): client for client in clients}  # the last of a name, as linking
    theirs: dict[str, list[SessionSummary]] = {client.id: [] for client in clients}
    groups = []
    for session in sessions:
        client = by_id.get(session.client_id or "")
        if client is None and (session.client_name or "").strip():
            client = by_key.get(match_key(session.client_name, session.client_email))
        if client is None:
            groups.append(Group(None, [session]))
        else:
            theirs[client.id].append(session)
    groups += [Group(client, theirs[client.id]) for client in clients]
    return sorted(groups, key=_order, reverse=True)


def _order(group: Group) -> tuple[dt.datetime, str]:
    return (group.latest, group.client.id if group.client else group.sessions[0].id)


class ClientLine(NamedTuple):
    """A client's line in a list: `shown` of their `total` sessions follow it."""

    client: ClientSummary
    total: int
    shown: int


class SessionLine(NamedTuple):
    """A session's line in a list; `grouped` under its client's line."""

    session: SessionSummary
    grouped: bool


Line = ClientLine | SessionLine


def filtered_lines(groups: list[Group], typed: str = "") -> list[Line]:
    """The lines a list shows of `groups` for the filter typed: a client when their name or
    email matches it (with all their sessions) or one of their sessions does (with those); a
    session of no client when it matches (`SessionSummary.matches`)."""
    typed = typed if typed.strip() else ""
    lines: list[Line] = []
    for group in groups:
        client = group.client
        if client is None:
            lines += [
                SessionLine(s, False) for s in group.sessions if not typed or s.matches(typed)
            ]
            continue
        whole = client.matches(typed)
        shown = group.sessions if whole else [s for s in group.sessions if s.matches(typed)]
        if whole or shown:
            lines.append(ClientLine(client, len(group.sessions), len(shown)))
            lines += [SessionLine(session, True) for session in shown]
    return lines
