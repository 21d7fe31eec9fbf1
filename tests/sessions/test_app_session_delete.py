"""Deleting a saved session from the home screen's list, driven with Pilot: the key in the footer,
the confirm dialog, the file moved to sessions/deleted/ (as `wizard sessions delete` does), the list
and focus afterwards, and the refusals (open in another window, a move that fails)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from screens.app import WizardApp
from screens.dialogs.session import ChoiceDialog, NoticeDialog
from screens.views import home
from screens.views.home import HomeScreen, SessionList
from screens.views.question import QuestionScreen
from tests.paths import SAMPLE
from tests.pilot import (
    SESSIONS_SIZE,
    answer,
    app_for,
    dialog_text,
    flat,
    focus_sessions,
    notices,
    screen_text,
    settle,
    wait_for,
)
from tests.sessions.saved import saved_session, write_lock
from wizard.sessions.store import SessionStore
from wizard.tree.schema import Tree


def two_sessions(data: Path, tree: Tree) -> dict[str, str]:
    """Two saved sessions, Ana Silva's, last saved a minute ago, and Bo Chen's, a day before (so
    listed second): name to id. (A minute: a session a test saves now is then newer; times are
    kept to the second, and a tie would put either first.)"""
    store = SessionStore(data)
    ids = {}
    for name, answers in (("Bo Chen", ["overseas", 3]), ("Ana Silva", ["china"])):
        handle = saved_session(store, tree, answers, tree_file=SAMPLE)
        handle.set_people(name, None, None)
        handle.close()
        ids[name] = handle.current.id
    for name, back in (("Bo Chen", dt.timedelta(days=1)), ("Ana Silva", dt.timedelta(minutes=1))):
        path = store.path(ids[name])
        earlier = (store.load(ids[name]).updated - back).isoformat()
        path.write_text(re.sub(r"(?m)^updated = .*$", f"updated = {earlier}", path.read_text()))
    return ids


def footer_keys(app: WizardApp) -> str:
    return flat(screen_text(app).splitlines()[-1])


async def delete_session(pilot: Pilot[None], key: str) -> SessionList:
    """Delete session `key` from the home screen's list, as a user does: d, then "Delete it"."""
    await settle(pilot)
    session_list = await focus_sessions(pilot, key)
    await pilot.press("d", "2")
    await settle(pilot)
    return session_list


async def test_delete_asks_then_moves_the_file_to_deleted(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    ids = two_sessions(data, sample_tree)
    store = SessionStore(data)
    bo_bytes = store.path(ids["Bo Chen"]).read_bytes()
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        assert "Delete" not in footer_keys(app)  # on the pathways, `d` deletes nothing
        session_list = await focus_sessions(pilot, ids["Bo Chen"])
        assert "d Delete" in footer_keys(app)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        text = dialog_text(app)
        assert text.startswith("Delete this saved session? Bo Chen · sample 2 answered · updated")
        assert ids["Bo Chen"] in text and "Its file is moved to" in text
        assert f"movedto{data / 'sessions' / 'deleted'}:uputsitback" in "".join(text.split())
        assert "1. Keep it 2. Delete it" in text
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert f"Session deleted: Bo Chen · sample ({ids['Bo Chen']})" in notices(app)
        assert "Bo Chen" not in flat(screen_text(app))
        assert [o.id for o in session_list.options] == [f"session:{ids['Ana Silva']}"]
        assert session_list.has_focus and session_list.highlighted == 0  # the list goes on
    moved = data / "sessions" / "deleted" / f"{ids['Bo Chen']}.toml"
    assert moved.read_bytes() == bo_bytes  # moved whole, as `wizard sessions delete` does
    assert not store.path(ids["Bo Chen"]).exists()
    assert [s.id for s in store.scan().sessions] == [ids["Ana Silva"]]


async def test_keep_it_or_escape_deletes_nothing(tmp_path: Path, sample_tree: Tree) -> None:
    data = tmp_path / "data"
    ids = two_sessions(data, sample_tree)
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        session_list = await focus_sessions(pilot, ids["Bo Chen"])
        place = session_list.highlighted
        await pilot.press("d", "1")  # Keep it
        await settle(pilot)
        await pilot.press("delete")  # the Delete key asks too
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")  # and Esc keeps it
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert session_list.has_focus
        assert session_list.highlighted == place  # still on Bo Chen's, after both dialogs
    assert {s.id for s in SessionStore(data).scan().sessions} == set(ids.values())
    assert not (data / "sessions" / "deleted").exists()


async def test_a_name_with_markup_is_shown_as_typed(tmp_path: Path, sample_tree: Tree) -> None:
    store = SessionStore(tmp_path / "data")
    handle = saved_session(store, sample_tree, ["china"])
    handle.set_people("[b]Ana[/b] [link=x]y[/link]", None, None)
    handle.close()
    app = app_for(tmp_path / "data")
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await focus_sessions(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert "[b]Ana[/b] [link=x]y[/link] · sample" in dialog_text(app)


async def test_the_last_session_deleted_hides_the_list(tmp_path: Path, sample_tree: Tree) -> None:
    store = SessionStore(tmp_path / "data")
    saved_session(store, sample_tree, ["china"]).close()
    app = app_for(tmp_path / "data")
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await focus_sessions(pilot)
        await pilot.press("d", "2")
        await settle(pilot)
        assert "Resume a saved session" not in flat(screen_text(app))
        assert app.screen.focused is app.screen.query_one("#trees")  # focus not lost
    assert store.scan().sessions == []


async def test_a_session_open_in_another_window_is_not_deleted(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    ids = two_sessions(data, sample_tree)
    store = SessionStore(data)
    write_lock(store.lock_for(ids["Ana Silva"]).path, os.getppid())  # a live process has it
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await focus_sessions(pilot, ids["Ana Silva"])
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, NoticeDialog)  # no confirm: it is not offered at all
        text = dialog_text(app)
        assert text.startswith("This session is open in another window Ana Silva · sample")
        assert f"Another window (the wizard's process {os.getppid()} on this computer) has " in text
        assert "goes back to its home screen" in text  # and what to do about it
        assert "It is not deleted while it is open there" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert store.path(ids["Ana Silva"]).is_file()


async def test_a_failed_move_says_why_and_keeps_the_file(tmp_path: Path, sample_tree: Tree) -> None:
    data = tmp_path / "data"
    ids = two_sessions(data, sample_tree)
    (data / "sessions" / "deleted").write_text("in the way", encoding="utf-8")  # not a folder
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await focus_sessions(pilot, ids["Ana Silva"])
        await pilot.press("d", "2")
        await settle(pilot)
        assert f"Not deleted: session {ids['Ana Silva']} was not deleted" in notices(app)
        assert "could not be moved to" in notices(app)
        assert "Ana Silva" in flat(screen_text(app))  # still listed
    assert SessionStore(data).path(ids["Ana Silva"]).is_file()


async def test_the_session_this_window_had_open_is_let_go_and_deleted(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await answer(pilot, "china")
        session = app.sessions().session
        assert session is not None and isinstance(app.screen, QuestionScreen)
        app.action_home()  # this window lets go of the session (and its lock)
        await settle(pilot)
        assert not SessionStore(data).lock_for(session.id).path.exists()
        await focus_sessions(pilot)
        await pilot.press("d", "2")
        await settle(pilot)
        assert "Session deleted" in notices(app)
        assert app.sessions().session is None and app.progress is None
        await pilot.press("ctrl+p", *"export", "enter")  # nothing left to export
        await settle(pilot)
        assert "Answer a question first" in notices(app)
    assert (data / "sessions" / "deleted" / f"{session.id}.toml").is_file()
    assert not SessionStore(data).lock_for(session.id).path.exists()


async def test_back_home_the_highlight_stays_on_the_session_just_worked_on(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    ids = two_sessions(data, sample_tree)
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await focus_sessions(pilot, ids["Bo Chen"])
        await pilot.press("enter")  # resume Bo's, listed second
        await settle(pilot)
        await pilot.press("1", "enter")  # a sector: saved, now the newest, listed first
        await settle(pilot)
        app.action_home()
        await settle(pilot)
        session_list = app.screen.query_one("#sessions", SessionList)
        assert session_list.has_focus and session_list.highlighted == 0
        assert session_list.options[0].id == f"session:{ids['Bo Chen']}"
        await pilot.press("d")  # so `d` names the session the user just left
        await settle(pilot)
        assert "Bo Chen · sample" in dialog_text(app)


async def test_u_puts_the_deleted_session_back_while_offered(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    ids = two_sessions(data, sample_tree)
    store = SessionStore(data)
    bo_bytes = store.path(ids["Bo Chen"]).read_bytes()
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        session_list = await focus_sessions(pilot, ids["Bo Chen"])
        assert "Undo" not in footer_keys(app)  # nothing to undo yet
        await pilot.press("u")  # and the key does nothing
        await settle(pilot)
        assert "restored" not in notices(app)
        await pilot.press("d", "2")
        await settle(pilot)
        assert "Press u to put it back." in notices(app)
        assert "u Undo delete" in footer_keys(app)
        await pilot.press("u")
        await settle(pilot)
        restored = f"Session restored: Bo Chen · sample ({ids['Bo Chen']}) is back in the list."
        assert restored in notices(app)
        assert "Undo" not in footer_keys(app)  # one delete, one undo
        assert [o.id for o in session_list.options] == [
            f"session:{ids['Ana Silva']}",
            f"session:{ids['Bo Chen']}",
        ]
        assert session_list.has_focus and session_list.highlighted == 1  # on it again
    assert store.path(ids["Bo Chen"]).read_bytes() == bo_bytes  # the same file, untouched
    assert list((data / "sessions" / "deleted").iterdir()) == []


async def test_the_undo_is_withdrawn_after_a_while(
    tmp_path: Path, sample_tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offer lasts UNDO_SECONDS. The clock is the test's: the timer the home screen starts
    is caught, not run, and "the time is up" is its callback called, however busy the machine."""
    undo_timers: list[Callable[[], object]] = []
    set_timer = HomeScreen.set_timer

    def catch_undo_timer(self: HomeScreen, delay: float, callback=None, **kwargs):  # type: ignore[no-untyped-def]
        if delay != home.UNDO_SECONDS:
            return set_timer(self, delay, callback, **kwargs)
        undo_timers.append(callback)
        return set_timer(self, 24 * 3600, lambda: None)  # stoppable, never due in a test

    monkeypatch.setattr(HomeScreen, "set_timer", catch_undo_timer)
    data = tmp_path / "data"
    ids = two_sessions(data, sample_tree)
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await delete_session(pilot, ids["Bo Chen"])
        assert "u Undo delete" in footer_keys(app)
        [time_is_up] = undo_timers
        time_is_up()
        await wait_for(pilot, lambda: "Undo" not in footer_keys(app), "the offer withdrawn")
        await pilot.press("u")
        await settle(pilot)
    assert not SessionStore(data).path(ids["Bo Chen"]).exists()  # still deleted


async def test_undo_refuses_when_the_id_is_taken_again(tmp_path: Path, sample_tree: Tree) -> None:
    data = tmp_path / "data"
    ids = two_sessions(data, sample_tree)
    store = SessionStore(data)
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await delete_session(pilot, ids["Bo Chen"])
        moved = data / "sessions" / "deleted" / f"{ids['Bo Chen']}.toml"
        store.path(ids["Bo Chen"]).write_bytes(moved.read_bytes())  # put back elsewhere
        await pilot.press("u")
        await settle(pilot)
        assert f"Not restored: Session {ids['Bo Chen']} was not restored" in notices(app)
    assert moved.is_file()  # nothing changed
