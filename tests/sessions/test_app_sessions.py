"""The sessions feature in the app, driven with Pilot as a user would: autosave and resume from
the home screen, the filter, counselor notes, a changed tree, a session open elsewhere, and the
"what if" comparison."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import DataTable, OptionList

from screens.dialogs.session import ChoiceDialog, NoticeDialog
from screens.views.compare import CompareScreen
from screens.views.question import QuestionScreen
from screens.widgets.entry import AnswerInput
from tests.paths import SAMPLE
from tests.pilot import (
    SESSIONS_SIZE,
    answer,
    app_for,
    flat,
    screen_text,
    settle,
)
from tests.sessions.saved import saved_session, write_lock
from wizard.sessions.compare import Comparison, Row
from wizard.sessions.store import SessionStore
from wizard.tree.loader import read


async def test_answers_are_saved_and_resumed_from_home(tmp_path: Path) -> None:
    data = tmp_path / "data"
    async with app_for(data, str(SAMPLE)).run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        await answer(pilot, "china")
        await answer(pilot, "yes")
        [session] = SessionStore(data).scan().sessions  # saved after each answer
        assert session.answer_values == {"enrolment": "china", "field": "yes"}
    app = app_for(data)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        text = flat(screen_text(app))
        assert "Resume a saved session" in text, text
        assert "No client name · sample 2 answered · updated" in text
        assert session.id in text
        await pilot.press("slash", *"2 ans", "enter", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.question is not None and screen.question.id == "start-date"
        assert screen.walk.answers == {"enrolment": "china", "field": "yes"}
        await answer(pilot, "2026-03-01")  # and it goes on saving into the same file
    assert SessionStore(data).load(session.id).outcome == "x1-remark"


async def test_the_home_list_filters_as_you_type(tmp_path: Path, sample_tree) -> None:
    store = SessionStore(tmp_path / "data")
    for name, answers in (("Ana Silva", ["china"]), ("Bo Chen", ["overseas", 3])):
        handle = saved_session(store, sample_tree, answers)
        handle.set_people(name, None, None)
        handle.close()
    app = app_for(tmp_path / "data")
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        assert "Ana Silva" in screen_text(app) and "Bo Chen" in screen_text(app)
        await pilot.press("slash", "b", "o")
        await pilot.pause()
        listed = app.screen.query_one("#sessions", OptionList)  # the line above names the newest
        text = " ".join(str(o.prompt) for o in listed.options)
        assert "Bo Chen" in text and "Ana Silva" not in text
        await pilot.press(*" zzz")
        await pilot.pause()
        assert "Bo Chen" not in " ".join(str(o.prompt) for o in listed.options)


async def test_counselor_notes_are_saved_and_shown(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE), counselor=True)
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        assert "Node enrolment" in flat(screen_text(app))  # the node id, for the counselor
        assert "[advisory] Interning in China?" in flat(screen_text(app))  # and its source
        await pilot.press("n", *"Fudan [b]x[/b]", "ctrl+s")
        await pilot.pause()
        assert "Private note: Fudan [b]x[/b]" in flat(screen_text(app))
        await answer(pilot, "china")
        await pilot.press("s")  # the session form
        await pilot.pause()
        await pilot.press(*"Ana", "enter", *"a@b.cn", "enter", *"Li", "enter")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert "Private note: Fudan [b]x[/b]" in flat(screen_text(app))
    [session] = SessionStore(data).scan().sessions
    assert session.notes == {"enrolment": "Fudan [b]x[/b]"}
    assert (session.client_name, session.client_email, session.counselor) == ("Ana", "a@b.cn", "Li")


async def test_resuming_after_the_tree_changed_says_which_answer(tmp_path: Path) -> None:
    tree_file = tmp_path / "sample.toml"
    tree_file.write_bytes(SAMPLE.read_bytes())
    tree = read(tree_file).tree
    assert tree is not None
    store = SessionStore(tmp_path / "data")
    handle = saved_session(store, tree, ["overseas", 6, "ai", "ACME"], tree_file=tree_file)
    handle.close()
    tree_file.write_text(SAMPLE.read_text().replace("max = 24", "max = 4"), encoding="utf-8")
    app = app_for(tmp_path / "data")
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        app.resume_session(handle.current.id)
        await settle(pilot)
        assert isinstance(app.screen, NoticeDialog)
        await pilot.pause()
        text = flat(screen_text(app))
        assert "was '6 months', which no longer fits: must be at most 4 months" in text
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.question is not None and screen.question.id == "months"
        assert screen.query_one(AnswerInput).value == "6"  # offered again, to correct
        assert screen.walk.answers == {"enrolment": "overseas"}


async def test_a_session_open_elsewhere_can_be_opened_as_a_copy(
    tmp_path: Path, sample_tree
) -> None:
    store = SessionStore(tmp_path / "data")
    handle = saved_session(store, sample_tree, ["china"], tree_file=SAMPLE)
    handle.close()
    write_lock(store.lock_for(handle.current.id).path, os.getppid())  # another window
    app = app_for(tmp_path / "data")
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        app.resume_session(handle.current.id)
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "Another window (the wizard's process" in flat(screen_text(app))
        await pilot.press("1")  # open a copy
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.sessions().session is not None
        assert app.sessions().session.id != handle.current.id
    assert len(store.scan().sessions) == 2


async def test_what_if_then_compare(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = app_for(data, str(SAMPLE))
    async with app.run_test(size=SESSIONS_SIZE) as pilot:
        await settle(pilot)
        for value in ("china", "yes", "2026-03-01"):
            await answer(pilot, value)
        await pilot.press("space")  # tick the first checklist item: saved at once
        await pilot.pause()
        original = app.sessions().session
        assert original is not None and original.outcome == "x1-remark"
        assert SessionStore(data).load(original.id).checklist == {"x1-remark": ["approval-letter"]}
        await pilot.press("a")  # the answers, then "what if" on the second one
        await pilot.pause()
        await pilot.press("up", "w")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.question is not None and screen.question.id == "field"
        await answer(pilot, "no")
        copy = app.sessions().session
        assert copy is not None and copy.id != original.id and copy.outcome == "not-allowed"
        await pilot.press("ctrl+p", *"Compare", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        outcome = next(r for r in rows if r[1] == "outcome")
        assert outcome == ["≠", "outcome", "X1 visa with an internship remark", "Not allowed"]
        field = next(r for r in rows if r[1] == "Is the internship in your field of study?")
        assert field[2:] == ["Yes", "No"]
        assert any(r[1] == "The internship must relate to your major" for r in rows)
        letter = next(r for r in rows if r[1] == "Internship approval letter")
        assert letter[2:] == ["[x]", "—"]  # ticked on the left, not needed on the right
    stored = {s.id: s for s in SessionStore(data).scan().sessions}
    assert stored[original.id].outcome == "x1-remark"  # the original is untouched
    assert stored[copy.id].copied_from == original.id


async def test_the_comparison_header_shows_both_titles_whole(tmp_path: Path) -> None:
    """At 80 columns a one-line header cut each title to "20261126-7acb91 · A": the client's
    name and "(what if)" are what tell the two sessions apart."""
    comparison = Comparison(
        "20261126-7acb91 · Ana Silva",
        "20261126-42a5fd · Ana Silva (what if)",
        {"Outcome": [Row("outcome", "X1 visa", "S2 visa")]},
    )
    app = app_for(tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(CompareScreen(comparison))
        await pilot.pause()
        words = flat(screen_text(app))
        assert "20261126-7acb91 · 20261126-42a5fd · Ana Silva Ana Silva (what if)" in words
        assert app.screen.query_one(DataTable).header_height == 2
        await pilot.resize_terminal(160, 24)
        await pilot.pause()
        assert app.screen.query_one(DataTable).header_height == 1  # wide: one line again
        assert "20261126-42a5fd · Ana Silva (what if)" in screen_text(app)
