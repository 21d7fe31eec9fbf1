"""Clients as the home screen lists them (`wizard.sessions.client_index`): the same records as
the validated listing, without pydantic, and the sessions grouped under their clients, the
client changed last first, filtered as typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.fresh import run_fresh
from wizard.sessions.client_index import (
    CLIENT_FIELDS,
    ClientLine,
    ClientSummary,
    SessionLine,
    filtered_lines,
    group_sessions,
    list_clients,
)
from wizard.sessions.clients import Client, ClientStore
from wizard.sessions.index import SessionSummary

DAY = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)


def _session(
    key: str, hours: int, name: str | None = None, email: str | None = None, client: str = ""
) -> SessionSummary:
    return SessionSummary(
        key,
        "sample",
        DAY + dt.timedelta(hours=hours),
        1,
        client_name=name,
        client_email=email,
        client_id=client or None,
    )


def _client(key: str, name: str, hours: int, email: str | None = None) -> ClientSummary:
    return ClientSummary(key, name, DAY + dt.timedelta(hours=hours), email)


def _shown(lines: list[ClientLine | SessionLine]) -> list[str]:
    return [
        f"{line.client.name} {line.shown}/{line.total}"
        if isinstance(line, ClientLine)
        else ("  " if line.grouped else "") + line.session.id
        for line in lines
    ]


def test_the_fields_known_are_the_clients_fields() -> None:
    assert set(Client.model_fields) == CLIENT_FIELDS


def test_the_clients_listed_are_those_the_store_reads(tmp_path: Path) -> None:
    store = ClientStore(tmp_path)
    store.create("Bo Chen")
    store.create("Ana Silva", "ana@example.org", "zh", "Prefers mornings")
    store.folder.joinpath("broken.toml").write_text("name = [", encoding="utf-8")
    store.folder.joinpath("c-other.toml").write_text(
        'id = "c-other"\nname = "X"\ncreated = 2026-11-01T09:00:00\ncolour = "red"\n',
        encoding="utf-8",
    )
    store.folder.joinpath("c-naive.toml").write_text(
        'id = "c-naive"\nname = "Cai Li"\ncreated = 2026-11-01T09:00:00\n', encoding="utf-8"
    )
    full = store.scan()
    assert len(full.problems) == 2  # the store reports the two it cannot read
    listed = list_clients(tmp_path)
    assert [(c.id, c.name, c.email, c.language) for c in listed] == [
        (c.id, c.name, c.email, c.language) for c in full.clients
    ]
    assert [c.created for c in listed] == [
        c.created.replace(tzinfo=c.created.tzinfo or dt.UTC) for c in full.clients
    ]
    assert list_clients(tmp_path / "nowhere") == []


def test_sessions_group_under_their_client_by_id_or_by_name_and_email() -> None:
    ana = _client("c-ana", "Ana Silva", 0, "ana@example.org")
    bo = _client("c-bo", "Bo Chen", 1)
    sessions = [  # newest first, as listed
        _session("s5", 50, "Someone", client="c-gone"),  # an unknown id and no such name
        _session("s4", 40, "ana  SILVA", "ANA@example.org"),  # no id: by name and email
        _session("s3", 30),
        _session("s2", 20, "Ana Silva", client="c-ana"),
        _session("s1", 10, "Ana Silva"),  # no email: not Ana's record
    ]
    groups = group_sessions([ana, bo], sessions)
    assert _shown(filtered_lines(groups)) == [
        "s5",
        "Ana Silva 2/2",
        "  s4",
        "  s2",
        "s3",
        "s1",
        "Bo Chen 0/0",  # no session: at the time the client was added
    ]


def test_a_client_just_added_comes_first() -> None:
    new = _client("c-new", "Dee New", 99)
    groups = group_sessions([new], [_session("s1", 10), _session("s0", 0)])
    assert _shown(filtered_lines(groups)) == ["Dee New 0/0", "s1", "s0"]


def test_the_filter_keeps_a_client_with_the_sessions_it_matches() -> None:
    ana = _client("c-ana", "Ana Silva", 0, "ana@example.org")
    bo = _client("c-bo", "Bo Chen", 0)
    sessions = [
        _session("s3-x1", 30, "Ana Silva", client="c-ana"),
        _session("s2", 20, "Bo Chen", client="c-bo"),
        _session("s1", 10, "Ana Silva", client="c-ana"),
        _session("s0-x1", 0, "Cai Li"),
    ]
    groups = group_sessions([ana, bo], sessions)
    assert _shown(filtered_lines(groups, "silva")) == ["Ana Silva 2/2", "  s3-x1", "  s1"]
    assert _shown(filtered_lines(groups, "ana@")) == ["Ana Silva 2/2", "  s3-x1", "  s1"]
    assert _shown(filtered_lines(groups, "x1")) == ["Ana Silva 1/2", "  s3-x1", "s0-x1"]
    assert _shown(filtered_lines(groups, "bo")) == ["Bo Chen 1/1", "  s2"]
    assert _shown(filtered_lines(groups, "  ")) == _shown(filtered_lines(groups))
    assert filtered_lines(groups, "nobody") == []


def test_listing_clients_does_not_import_pydantic(tmp_path: Path) -> None:
    ClientStore(tmp_path).create("Ana Silva")
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from wizard.sessions.client_index import list_clients\n"
        f"assert [c.name for c in list_clients(Path({str(tmp_path)!r}))] == ['Ana Silva']\n"
        "assert 'pydantic' not in sys.modules, 'pydantic imported'\n"
    )
    done = run_fresh(code)
    assert done.returncode == 0, done.stderr


def test_a_client_file_changed_is_read_again(tmp_path: Path) -> None:
    store = ClientStore(tmp_path)
    ana = store.create("Ana Silva")
    assert [c.name for c in list_clients(tmp_path)] == ["Ana Silva"]
    store.save(ana.model_copy(update={"name": "Ana Souza"}))  # the same size, a new file
    assert [c.name for c in list_clients(tmp_path)] == ["Ana Souza"]
    store.path(ana.id).write_text("name = [", encoding="utf-8")
    assert list_clients(tmp_path) == []
    store.path(ana.id).unlink()
    assert list_clients(tmp_path) == []
