"""Clients: a record each (`clients/ID.toml`), sessions linked by name and email once, and
`wizard clients [show NAME | add NAME]`."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.sessions.clients import ClientStore
from wizard.sessions.store import SessionError, SessionStore
from wizard.tree.schema import Tree

from .saved import CHINA_X1, saved_session


def save(store: SessionStore, tree: Tree, name: str, email: str | None) -> str:
    handle = saved_session(store, tree, CHINA_X1)
    handle.set_people(name, email, None)
    handle.close()
    return handle.current.id


def test_sessions_are_linked_once_by_name_and_email(
    store: SessionStore, sample_tree: Tree, tmp_path: Path
) -> None:
    a1 = save(store, sample_tree, "Ana Silva", "ana@example.org")
    a2 = save(store, sample_tree, " ana  silva", "ANA@example.org")  # the same person
    other = save(store, sample_tree, "Ana Silva", "ana.s@example.org")  # a namesake
    nobody = save(store, sample_tree, "", None)
    updated = {s.id: s.updated for s in store.scan().sessions}
    clients = ClientStore(tmp_path / "data")
    assert clients.link_sessions() == 3
    assert clients.link_sessions() == 0  # idempotent
    linked = {s.id: s for s in store.scan().sessions}
    assert linked[a1].client_id == linked[a2].client_id != linked[other].client_id
    assert linked[nobody].client_id is None
    assert {i: s.updated for i, s in linked.items()} == updated  # the order is not changed
    assert len(clients.scan().clients) == 2
    ana = clients.load(linked[a1].client_id or "")
    assert ana.name.casefold() == "ana silva"  # as the newest of her sessions spells it
    assert ana.email and ana.email.casefold() == "ana@example.org"
    assert [s.id for s in clients.sessions_of(ana)] == [
        s.id for s in store.scan().sessions if s.id in (a1, a2)
    ]


def test_find_takes_any_unique_part_of_a_name(tmp_path: Path) -> None:
    clients = ClientStore(tmp_path / "data")
    ana = clients.create("Ana Silva", "ana@example.org")
    clients.create("Bo Chen")
    clients.create("Chen Li", notes="Prefers mornings")
    assert clients.find("silva") == ana
    assert clients.find("ana@") == ana
    assert clients.find(ana.id) == ana
    with pytest.raises(SessionError, match="matches several clients: Bo Chen"):
        clients.find("chen")
    with pytest.raises(SessionError, match="no client matches 'zed'"):
        clients.find("zed")


def test_the_clients_commands(
    store: SessionStore, sample_tree: Tree, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    older = save(store, sample_tree, "Ana Silva", "ana@example.org")
    newer = save(store, sample_tree, "Ana Silva", "ana@example.org")
    assert main(["clients", "--data-dir", data]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["NAME", "EMAIL", "SESSIONS", "LAST", "ID"]
    assert out[1].startswith("Ana Silva  ana@example.org  2 ")
    assert main(["clients", "add", "Bo Chen", "--email", "bo@example.org", "--data-dir", data]) == 0
    capsys.readouterr()
    assert main(["clients", "show", "silv", "--data-dir", data]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("Ana Silva  ana@example.org  (c-")
    assert "2 sessions, newest first:" in shown
    ids = [i for i in (older, newer) if i in shown]
    assert len(ids) == 2
    order = [s.id for s in store.scan().sessions]
    assert shown.index(order[0]) < shown.index(order[1])


def test_an_imported_client_id_from_elsewhere_is_linked_here(
    store: SessionStore, sample_tree: Tree, tmp_path: Path
) -> None:
    session_id = save(store, sample_tree, "Ana Silva", "ana@example.org")
    path = store.path(session_id)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('client_name = "', 'client_id = "c-elsewhere"\nclient_name = "'))
    clients = ClientStore(tmp_path / "data")
    assert clients.link_sessions() == 1
    [ana] = clients.scan().clients
    assert store.load(session_id).client_id == ana.id
