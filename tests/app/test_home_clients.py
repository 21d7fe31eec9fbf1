"""Clients on the home screen: each client's line followed by their sessions, newest first, the
client changed last first (a client with no session yet at the time they were added); sessions of
no client on their own at their place; typing filters; Enter on a client picks a tree and starts a
session for them, in their language when the tree offers it; a long list still comes a page of
lines at a time."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from screens.app import make_app
from screens.views.clients import TreePick
from screens.views.home import MORE, SESSION_PAGE, SessionList
from screens.views.question import QuestionScreen
from tests.paths import SESSION_DATA, VISA
from tests.pilot import (
    NARROW,
    SESSIONS_SIZE,
    app_for,
    flat,
    focus_sessions,
    notices,
    screen_text,
    settle,
    wait_for,
    wait_for_screen,
)
from wizard.sessions.clients import Client, ClientStore
from wizard.sessions.store import SessionStore

GOOD = (SESSION_DATA / "good" / "20261101-a1b2c3.toml").read_text(encoding="utf-8")
DAY = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


def _session(
    data: Path,
    key: str,
    hours: int,
    name: str | None = None,
    email: str | None = None,
    client: Client | None = None,
) -> None:
    """A saved session (the sample tree's, finished) of `name` and `email`, linked to `client`
    if given, last saved `hours` after DAY."""
    lines = [
        line
        for line in GOOD.replace("20261101-a1b2c3", key).splitlines()
        if not line.startswith(("client_name", "client_email", "updated"))
    ]
    head = [f"updated = {(DAY + dt.timedelta(hours=hours)).isoformat()}"]
    head += [f'client_name = "{name}"'] if name else []
    head += [f'client_email = "{email}"'] if email else []
    head += [f'client_id = "{client.id}"'] if client else []
    at = lines.index("revision = 4")
    text = "\n".join([*lines[:at], *head, *lines[at:]]) + "\n"
    folder = data / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{key}.toml").write_text(text, encoding="utf-8")


def _client(data: Path, name: str, email: str | None = None, language: str = "en") -> Client:
    store = ClientStore(data)
    client = store.create(name, email, language)
    return store.save(client.model_copy(update={"created": DAY}))  # before every session


def _ids(session_list: SessionList) -> list[str]:
    return [option.id or "" for option in session_list.options]


def _counselor_day(data: Path) -> dict[str, Client]:
    ana = _client(data, "Ana Silva", "ana@example.org")
    bo = _client(data, "Bo Chen", "bo@example.org")
    _session(data, "20261101-a00001", 1, "Ana Silva", "ana@example.org", ana)
    _session(data, "20261101-b00002", 2, "Bo Chen", "bo@example.org", bo)
    _session(data, "20261101-c00003", 3, "Cai Li")  # no client record: on its own
    _session(data, "20261101-a00004", 4, "ana silva", "ANA@example.org")  # hers by name
    added = ClientStore(data).create("Dee Okafor")  # just added: newest of all
    # A second back: a session a test answers now is then newer (times are kept to the second,
    # and a tie would put either first).
    earlier = added.model_copy(update={"created": added.created - dt.timedelta(seconds=1)})
    added = ClientStore(data).save(earlier)
    return {"ana": ana, "bo": bo, "dee": added}


async def test_home_shows_each_client_with_their_sessions(tmp_path: Path) -> None:
    data = tmp_path / "data"
    clients = _counselor_day(data)
    app = app_for(data, counselor=True)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#sessions"), "the sessions listed")
        session_list = await focus_sessions(pilot)
        assert _ids(session_list) == [
            f"client:{clients['dee'].id}",  # no session yet: when added (now)
            f"client:{clients['ana'].id}",  # her newest session: hour 4
            "session:20261101-a00004",
            "session:20261101-a00001",
            "session:20261101-c00003",  # no client: at its place, hour 3
            f"client:{clients['bo'].id}",  # hour 2
            "session:20261101-b00002",
        ]
        text = screen_text(app)
        assert "Clients and saved sessions" in text
        assert "Dee Okafor  no email  0 sessions · Enter: new session" in text
        assert "Ana Silva  ana@example.org  2 sessions · Enter: new session" in text
        # her sessions under her line, without her name
        assert "2 sessions · Enter: new session sample finished → x1-remark" in flat(text)
        assert "Cai Li · sample" in text


async def test_a_client_with_no_session_shows_on_home(tmp_path: Path) -> None:
    data = tmp_path / "data"
    dee = ClientStore(data).create("Dee Okafor", "dee@example.org")
    app = app_for(data, counselor=True)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#sessions"), "the client listed")
        session_list = await focus_sessions(pilot)
        assert _ids(session_list) == [f"client:{dee.id}"]
        assert "Dee Okafor  dee@example.org  0 sessions · Enter: new session" in screen_text(app)


async def test_typing_filters_clients_and_sessions(tmp_path: Path) -> None:
    data = tmp_path / "data"
    clients = _counselor_day(data)
    ana = f"client:{clients['ana'].id}"
    app = app_for(data, counselor=True)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#sessions"), "the sessions listed")
        session_list = app.screen.query_one("#sessions", SessionList)
        await pilot.press("slash", *"silva")  # her name: all her sessions
        await wait_for(pilot, lambda: _ids(session_list)[0] == ana, "Ana only")
        assert _ids(session_list) == [ana, "session:20261101-a00004", "session:20261101-a00001"]
        await pilot.press(*["backspace"] * 5, *"a00001")  # one of her sessions
        await wait_for(pilot, lambda: len(_ids(session_list)) == 2, "one session of hers")
        assert _ids(session_list) == [ana, "session:20261101-a00001"]
        assert "1 of 2 sessions · Enter: new session" in screen_text(app)
        await pilot.press(*["backspace"] * 6, *"cai")  # a session of no client
        await wait_for(pilot, lambda: _ids(session_list) == ["session:20261101-c00003"])
        await pilot.press(*["backspace"] * 3, *"okafor")  # a client with no session
        await wait_for(pilot, lambda: _ids(session_list) == [f"client:{clients['dee'].id}"])
        await pilot.press(*["backspace"] * 6, *"nobody")
        await wait_for(pilot, lambda: _ids(session_list) == [], "nothing")


def _bilingual(tmp_path: Path) -> Path:
    """The visa test tree, offered in English and Chinese."""
    text = VISA.read_text(encoding="utf-8")
    text = text.replace('start = "enrolment"\n', 'start = "enrolment"\nlanguages = ["en", "zh"]\n')
    text = text.replace(
        'prompt = "Where are you enrolled as a student?"',
        'prompt = { en = "Where are you enrolled as a student?", zh = "你在哪里注册为学生？" }',
    )
    path = tmp_path / "bilingual.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("offered", [True, False], ids=["offered", "not-offered"])
async def test_enter_on_a_client_starts_a_session_for_them_in_their_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, offered: bool
) -> None:
    tree = _bilingual(tmp_path) if offered else VISA
    monkeypatch.setattr("screens.catalog.shipped_trees", lambda: [tree])
    data = tmp_path / "data"
    clients = _counselor_day(data)
    ana = ClientStore(data).save(clients["ana"].model_copy(update={"language": "zh"}))
    app = app_for(data, counselor=True)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#sessions"), "the sessions listed")
        await focus_sessions(pilot)
        await pilot.press("down", "enter")  # Ana's line (Dee's is first)
        await wait_for_screen(pilot, TreePick)
        await pilot.press("enter")  # the one tree offered
        await wait_for_screen(pilot, QuestionScreen)
        await wait_for(pilot, lambda: "· Ana Silva" in screen_text(app), "her name in the header")
        prompt = "你在哪里注册为学生？" if offered else "Where are you enrolled as a student?"
        assert prompt in screen_text(app)
        if not offered:
            assert "This pathway is not offered in zh, Ana Silva's language" in notices(app)
        store = SessionStore(data)
        [new] = [s for s in store.scan().sessions if s.tree == "visa-fixture"]
        assert (new.client_id, new.client_name, new.client_email) == (
            ana.id,
            "Ana Silva",
            "ana@example.org",
        )
        assert new.language == ("zh" if offered else "en")

        await pilot.press("1")  # an answer, then home: her new session is first
        await wait_for(pilot, lambda: store.load(new.id).answers, "the answer saved")
        await app.run_action("home")
        await wait_for(pilot, lambda: app.screen is app.home, "home")
        session_list = app.home.query_one("#sessions", SessionList)
        await wait_for(
            pilot, lambda: _ids(session_list)[:2] == [f"client:{ana.id}", f"session:{new.id}"]
        )
        await focus_sessions(pilot, new.id)
        await pilot.press("enter")  # resumed in the language it was walked in
        await wait_for_screen(pilot, QuestionScreen)
        await pilot.press("escape")  # back to the first question
        await wait_for(pilot, lambda: prompt in screen_text(app), "the first question again")


async def test_many_clients_and_sessions_come_a_page_of_lines_at_a_time(tmp_path: Path) -> None:
    data = tmp_path / "data"
    clients = [_client(data, f"Client {n}") for n in range(5)]
    count = SESSION_PAGE * 2 + 30
    for n in range(count):
        client = clients[n % 6] if n % 6 < 5 else None  # every sixth of no client
        _session(data, f"20261101-{n:06x}", n, client.name if client else f"Solo {n}", None, client)
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: app.screen.query("#sessions"), "the sessions listed")
        session_list = await focus_sessions(pilot)
        assert len(_ids(session_list)) == SESSION_PAGE + 1  # a page of lines, and "more"
        assert session_list.options[-1].id == MORE
        await pilot.press("end")  # the "more" line: the next page comes in its place
        await wait_for(pilot, lambda: len(_ids(session_list)) == 2 * SESSION_PAGE + 1)
        await pilot.press("end")
        await wait_for(pilot, lambda: len(_ids(session_list)) == count + len(clients))
        ids = _ids(session_list)
        assert MORE not in ids
        latest = {n % 6: n for n in range(count)}  # each client's newest session
        order = sorted(range(5), key=lambda k: latest[k], reverse=True)
        assert [i for i in ids if i.startswith("client:")] == [
            f"client:{clients[k].id}" for k in order
        ]
        newest = f"session:20261101-{count - 1:06x}"
        assert ids.index(newest) == 1  # right under its client's line


@pytest.fixture
def utc() -> Iterator[None]:
    """Times shown in UTC (the home screen shows them in local time)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


async def _to_sessions(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await wait_for(pilot, lambda: pilot.app.screen.query("#sessions"), "the sessions listed")
    await pilot.press("s")
    await settle(pilot)


@pytest.mark.usefixtures("utc")
def test_snapshot_clients_on_home_at_80x24(
    snap_compare, monkeypatch: pytest.MonkeyPatch, own_data_dir: Path
) -> None:
    monkeypatch.setattr("screens.catalog.shipped_trees", lambda: [VISA])
    _counselor_day(own_data_dir)
    app = make_app(animate=False, counselor=True)
    assert snap_compare(app, terminal_size=NARROW, run_before=_to_sessions)
