"""Session files that cannot be read, met in the app (Pilot): the home screen reports each once,
moves it to sessions/damaged/ with its bytes as they were, and lists the others; a file that only
fails when opened says why and leaves the list; a newer format is reported and left alone."""

from __future__ import annotations

import shutil
from pathlib import Path

from screens.views.home import HomeScreen
from screens.views.question import QuestionScreen
from tests.paths import SAMPLE, SESSION_DATA
from tests.pilot import SESSIONS_SIZE, app_for, flat, focus_sessions, notices, screen_text, settle
from tests.sessions.saved import saved_session
from wizard.sessions.store import SessionStore
from wizard.tree.schema import Tree

BROKEN = SESSION_DATA / "broken"


def good_session(data: Path, tree: Tree) -> str:
    handle = saved_session(SessionStore(data), tree, ["china"], tree_file=SAMPLE)
    handle.set_people("Ana Silva", None, None)
    handle.close()
    return handle.current.id


def damaged_copies(data: Path) -> dict[str, bytes]:
    """What sessions/damaged/ holds: each file's name up to its time stamp, and its bytes."""
    folder = data / "sessions" / "damaged"
    return {path.name.split(".")[0]: path.read_bytes() for path in folder.iterdir()}


async def test_unreadable_files_are_reported_once_and_moved_aside(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    good = good_session(data, sample_tree)
    folder = data / "sessions"
    shutil.copy(BROKEN / "truncated.toml", folder)
    (folder / "binary.toml").write_bytes(b"\xff\xfe\x00garbage")
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        said = notices(app)
        assert "Unreadable session file: truncated.toml: cannot be read (not valid TOML" in said
        assert "Unreadable session file: binary.toml: cannot be read (not UTF-8 text" in said
        assert f"moved to {folder / 'damaged' / 'truncated.'}" in said
        text = flat(screen_text(app))
        assert "Ana Silva · sample" in text and "truncated" not in text  # the rest still lists
        await focus_sessions(pilot)
        await pilot.press("enter")  # and resumes
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        app.action_home()
        await settle(pilot)
        assert notices(app) == said  # moved aside: not reported again
    assert damaged_copies(data) == {
        "truncated": (BROKEN / "truncated.toml").read_bytes(),
        "binary": b"\xff\xfe\x00garbage",
    }
    assert [s.id for s in SessionStore(data).scan().sessions] == [good]


async def test_a_file_that_fails_when_opened_says_why_and_leaves_the_list(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    good = good_session(data, sample_tree)
    shutil.copy(BROKEN / "wrong-types.toml", data / "sessions")  # lists, fails validation
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await focus_sessions(pilot, "wrong-types")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # not opened
        said = notices(app)
        assert "Cannot open the session: wrong-types.toml: cannot be read" in said
        assert "answers[1].value" in said
        assert f"moved to {data / 'sessions' / 'damaged' / 'wrong-types.'}" in said
        assert "wrong-types" not in flat(screen_text(app))  # gone from the list...
        assert [card.key for card in app.screen.session_cards] == [good]  # ...the rest stays
    assert damaged_copies(data) == {"wrong-types": (BROKEN / "wrong-types.toml").read_bytes()}


async def test_a_newer_format_is_reported_once_and_left_in_place(
    tmp_path: Path, sample_tree: Tree
) -> None:
    data = tmp_path / "data"
    good_session(data, sample_tree)
    newer = data / "sessions" / "future.toml"
    newer.write_text('format = 2\nid = "future"\n', encoding="utf-8")
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        assert "future.toml: cannot be read" in notices(app)
        assert "newer version of the wizard" in notices(app)
        for _ in range(2):  # home comes back after a dialog, or a walk
            await pilot.press("question_mark")
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert notices(app).count("future.toml") == 1  # said once, not on every return home
    assert newer.read_text(encoding="utf-8") == 'format = 2\nid = "future"\n'
    assert not (data / "sessions" / "damaged").exists()
