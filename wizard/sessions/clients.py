"""Clients: the people sessions are for, one small TOML file each in `clients/` of the data
folder (`clients/ID.toml`, written atomically like sessions):

    id = "c-20261125-3fa9c1"
    name = "Ana Silva"
    email = "ana@example.org"      # optional, like the two below
    language = "en"
    notes = "Prefers email in Portuguese."
    created = 2026-11-25T20:51:57+00:00

A session refers to its client by id (`Session.client_id`, optional). Names need not be unique:
two clients may share one. Sessions saved before clients existed, and imported ones, are linked
by their client name and email (`link_sessions`: once, and idempotent; run whenever clients are
listed); a session open in a window is left for the next time.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import tomli_w
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from wizard.reading import read_regular
from wizard.sessions.client_index import CLIENT_LIMIT, CLIENTS, client_matches, match_key
from wizard.sessions.files import atomic_write
from wizard.sessions.model import Session, describe_errors, utc_now
from wizard.sessions.store import SessionError, SessionStore
from wizard.toml import TOMLDecodeError, parse_toml

ClientId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=80)]


class Client(BaseModel):
    """One client (see the module docstring)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: ClientId
    name: str
    email: str | None = None
    language: str = "en"
    notes: str = ""
    created: dt.datetime

    def key(self) -> tuple[str, str]:
        return match_key(self.name, self.email)

    def matches(self, text: str) -> bool:
        """Whether every word typed is in the name or the email."""
        return client_matches(self.name, self.email, text)

    def to_toml(self) -> str:
        return tomli_w.dumps(self.model_dump(exclude_none=True), multiline_strings=True)


def new_client_id(now: dt.datetime | None = None) -> str:
    return f"c-{(now or utc_now()):%Y%m%d}-{secrets.token_hex(3)}"


@dataclass
class ClientListing:
    clients: list[Client] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class ClientStore:
    """The clients folder of one data folder, and the sessions beside it."""

    def __init__(self, data_folder: Path) -> None:
        self.data_folder = data_folder
        self.folder = data_folder / CLIENTS
        self.sessions = SessionStore(data_folder)

    def path(self, client_id: str) -> Path:
        return self.folder / f"{client_id}.toml"

    def scan(self) -> ClientListing:
        """Every client, by name."""
        listing = ClientListing()
        files = sorted(self.folder.glob("*.toml")) if self.folder.is_dir() else []
        for path in files:
            try:
                listing.clients.append(self._read(path))
            except SessionError as error:
                listing.problems.append(str(error))
        listing.clients.sort(key=lambda c: (c.name.casefold(), c.created))
        return listing

    def _read(self, path: Path) -> Client:
        try:
            data = parse_toml(read_regular(path, CLIENT_LIMIT).decode("utf-8"))
            client = Client.model_validate(data)
        except (OSError, UnicodeDecodeError, TOMLDecodeError) as error:
            raise SessionError(f"{path.name}: cannot be read ({error})") from None
        except ValidationError as error:
            problems = "; ".join(describe_errors(error))
            raise SessionError(f"{path.name}: cannot be read ({problems})") from None
        if client.id != path.stem:
            raise SessionError(f"{path.name}: its id {client.id!r} does not match its file name")
        return client

    def load(self, client_id: str) -> Client:
        path = self.path(client_id)
        if not path.is_file():
            raise SessionError(f"no client {client_id!r} in {self.folder}")
        return self._read(path)

    def save(self, client: Client) -> Client:
        atomic_write(self.path(client.id), client.to_toml().encode("utf-8"))
        return client

    def create(
        self, name: str, email: str | None = None, language: str = "en", notes: str = ""
    ) -> Client:
        name = " ".join(name.split())
        if not name:
            raise SessionError("a client needs a name")
        client_id = new_client_id()
        while self.path(client_id).exists():
            client_id = new_client_id()
        email = email.strip() if email and email.strip() else None
        client = Client(
            id=client_id,
            name=name,
            email=email,
            language=language,
            notes=notes,
            created=utc_now(),
        )
        return self.save(client)

    def find(self, text: str, clients: list[Client] | None = None) -> Client:
        """The client whose id is `text`, or whose name (or email) holds `text` and no other's
        does; `SessionError` saying which ones when several do."""
        clients = self.scan().clients if clients is None else clients
        exact = [c for c in clients if c.id == text.strip()]
        if exact:
            return exact[0]
        wanted = " ".join(text.split()).casefold()
        found = [c for c in clients if wanted and wanted in f"{c.name} {c.email or ''}".casefold()]
        named = [c for c in found if c.name.casefold() == wanted]
        if len(named) == 1:
            return named[0]
        if len(found) == 1:
            return found[0]
        if not found:
            raise SessionError(f"no client matches {text!r}")
        which = ", ".join(f"{c.name} <{c.email or 'no email'}> ({c.id})" for c in found[:6])
        raise SessionError(f"{text!r} matches several clients: {which}; type more, or an id")

    def sessions_of(self, client: Client) -> list[Session]:
        """The client's sessions, newest first."""
        return [s for s in self.sessions.scan().sessions if s.client_id == client.id]

    def link_sessions(self) -> int:
        """Give each session with a client name but no client id the client with that name and
        email (created when there is none). Returns how many sessions were linked; a second
        run links none. A session open in a window is skipped (linked next time)."""
        from wizard.sessions.store import SessionLocked

        known = self.scan().clients
        clients = {c.key(): c for c in known}
        ids = {c.id for c in known}
        linked = 0
        for session in self.sessions.scan().sessions:
            if session.client_id in ids or not (session.client_name or "").strip():
                continue  # linked already (an import's id from elsewhere is linked again)
            key = match_key(session.client_name, session.client_email)
            client = clients.get(key)
            if client is None:
                client = self.create(
                    session.client_name or "", session.client_email, session.language
                )
                clients[key] = client
                ids.add(client.id)
            try:
                handle = self.sessions.open(session.id)
            except (SessionLocked, SessionError):
                continue
            try:
                current = handle.current
                if current.client_id not in ids:
                    update = {"client_id": client.id, "revision": current.revision + 1}
                    data = current.model_copy(update=update).to_toml().encode("utf-8")
                    atomic_write(self.sessions.path(session.id), data)  # `updated` kept
                    linked += 1
            finally:
                handle.close()
        return linked


def attach(session: Session, client: Client) -> bool:
    """Make `session` the client's: their id, name and email. Returns whether anything changed
    (for `OpenSession.apply`)."""
    changed = session.set_people(client.name, client.email, session.counselor)
    if session.client_id != client.id:
        session.client_id = client.id
        changed = True
    return changed
