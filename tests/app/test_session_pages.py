"""A long history on the home screen: the list holds a page of sessions and a "more" line that
adds the next page when reached; the filter still searches every session."""

from __future__ import annotations

from pathlib import Path

from screens.views.home import MORE, SESSION_PAGE, SessionList
from tests.paths import SESSION_DATA
from tests.pilot import SESSIONS_SIZE, app_for, focus_sessions, settle, wait_for

GOOD = (SESSION_DATA / "good" / "20261101-a1b2c3.toml").read_text(encoding="utf-8")
COUNT = SESSION_PAGE * 2 + 30


def _history(data: Path) -> None:
    folder = data / "sessions"
    folder.mkdir(parents=True)
    for n in range(COUNT):
        session_id = f"20261101-{n:06x}"
        text = GOOD.replace("20261101-a1b2c3", session_id).replace("Ana Silva", f"Client {n}")
        minute = f"{n // 60 % 24:02d}:{n % 60:02d}"
        text = text.replace("updated = 2026-11-01T09:20:00", f"updated = 2026-11-01T{minute}:00")
        (folder / f"{session_id}.toml").write_text(text, encoding="utf-8")


def _session_ids(session_list: SessionList) -> list[str]:
    return [o.id or "" for o in session_list.options if (o.id or "").startswith("session:")]


async def test_the_list_grows_a_page_at_a_time(tmp_path: Path) -> None:
    _history(tmp_path / "data")
    app = app_for(tmp_path / "data")
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: app.screen.query("#sessions"), "the sessions listed")
        session_list = await focus_sessions(pilot)
        assert len(_session_ids(session_list)) == SESSION_PAGE
        assert session_list.options[-1].id == MORE
        assert len(app.screen.session_cards) == COUNT
        newest = _session_ids(session_list)[0]
        await pilot.press("end")  # the "more" line: the next page comes in its place
        await wait_for(pilot, lambda: len(_session_ids(session_list)) == 2 * SESSION_PAGE)
        assert session_list.highlighted is not None
        highlighted = session_list.options[session_list.highlighted].id
        assert highlighted == _session_ids(session_list)[SESSION_PAGE]
        await pilot.press("end")
        await wait_for(pilot, lambda: len(_session_ids(session_list)) == COUNT)
        assert session_list.options[-1].id != MORE  # all shown: no more line
        assert _session_ids(session_list)[0] == newest


async def test_the_filter_searches_every_session(tmp_path: Path) -> None:
    _history(tmp_path / "data")
    app = app_for(tmp_path / "data")
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: app.screen.query("#sessions"), "the sessions listed")
        await pilot.press("slash", *"Client 3", "enter")  # the oldest: not in the first page
        await pilot.pause()
        session_list = app.screen.query_one("#sessions", SessionList)
        await wait_for(pilot, lambda: "session:20261101-000003" in _session_ids(session_list))
