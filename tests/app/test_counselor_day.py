"""The counselor's day, in the app: private and shared notes, the outcome's ticks, what-if copies,
dialogs that cancel with Esc and ask before unsaved text is lost."""

from __future__ import annotations

from pathlib import Path

from screens.app import make_app
from screens.dialogs.export import ExportDialog
from screens.dialogs.session import ChoiceDialog, NoteDialog
from screens.views.outcome import OutcomeScreen
from screens.views.question import QuestionScreen
from tests.paths import VISA
from tests.pilot import (
    NARROW,
    X1_ANSWERS,
    answer,
    dialog_text,
    flat,
    screen_text,
    settle,
    wait_for,
    wait_for_screen,
)
from wizard.sessions.store import SessionStore

PRIVATE = "worried about money"
SHARED = "bring your passport"


async def write_note(pilot, text: str, shared: bool) -> None:
    await pilot.press("n")
    await wait_for_screen(pilot, NoteDialog)
    await pilot.press(*text)
    if shared:
        await pilot.press("ctrl+o")
    await pilot.press("ctrl+s")
    await wait_for_screen(pilot, QuestionScreen)


async def test_notes_are_private_unless_marked_and_the_export_says_so(
    own_data_dir: Path, tmp_path: Path
) -> None:
    app = make_app(str(VISA), counselor=True, animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await write_note(pilot, PRIVATE, shared=False)
        assert f"Private note: {PRIVATE}" in flat(screen_text(app))
        await answer(pilot, X1_ANSWERS[0])
        await write_note(pilot, SHARED, shared=True)
        assert f"Note for the client: {SHARED}" in flat(screen_text(app))
        for value in X1_ANSWERS[1:]:
            await answer(pilot, value)
        await wait_for_screen(pilot, OutcomeScreen)
        await pilot.press("e")
        await wait_for_screen(pilot, ChoiceDialog)
        await pilot.press("1")
        await wait_for_screen(pilot, ExportDialog)
        assert "Include 1 private note" in dialog_text(app)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        target = tmp_path / "out.md"
        dialog.query_one("#export-path").value = str(target)
        dialog.action_save()
        await wait_for_screen(pilot, OutcomeScreen)
        text = target.read_text(encoding="utf-8")
        assert SHARED in text and PRIVATE not in text
        # asked for, the private one goes too
        await pilot.press("e")
        await wait_for_screen(pilot, ChoiceDialog)
        await pilot.press("1")
        await wait_for_screen(pilot, ExportDialog)
        dialog = app.screen
        dialog.query_one("#private-notes").value = True
        await pilot.pause()
        dialog.query_one("#export-path").value = str(tmp_path / "all.md")
        dialog.action_save()
        await wait_for_screen(pilot, OutcomeScreen)
    text = (tmp_path / "all.md").read_text(encoding="utf-8")
    assert SHARED in text and PRIVATE in text
    [session] = SessionStore(own_data_dir).scan().sessions
    assert len(session.shared_notes) == 1 and session.shared_notes[0] in session.notes
    assert len(session.notes) == 2


async def test_esc_in_the_note_dialog_asks_before_dropping_text() -> None:
    app = make_app(str(VISA), counselor=True, animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press("escape")  # nothing typed: just closes
        await wait_for_screen(pilot, QuestionScreen)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press(*"half a thought", "escape")
        await wait_for_screen(pilot, ChoiceDialog)
        assert "Leave the note without saving?" in flat(screen_text(app))
        await pilot.press("escape")  # back to the note, text still there
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press("escape", "2")  # leave without saving
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen), "the question")
        assert app.progress is None or not app.progress.notes


async def test_space_on_the_outcome_at_80x24_ticks_nothing_out_of_view(own_data_dir: Path) -> None:
    """The outcome opens at its top with the checklist focused far below: Space pages down (as
    on any page) and ticks only once the highlighted item is on screen; the saved file shows
    no tick made out of view."""
    app = make_app(str(VISA), animate=False)
    async with app.run_test(size=NARROW) as pilot:
        for value in X1_ANSWERS:
            await answer(pilot, value)
        await wait_for_screen(pilot, OutcomeScreen)
        await settle(pilot)
        checklist = app.screen.query_one("#checklist")
        page = app.screen.query_one("#page")
        assert not checklist.in_view()  # the situation of the report
        presses = 0
        while not checklist.in_view():
            before = page.scroll_offset.y
            await pilot.press("space")
            await pilot.pause()
            presses += 1
            assert checklist.ticked == set(), "a tick changed on an item out of view"
            assert app.progress.ticked == set()
            assert page.scroll_offset.y > before or checklist.in_view()  # it paged down
            assert presses < 20
        await pilot.press("enter")  # now in view: ticks
        await pilot.pause()
        assert app.progress.ticked == {"approval-letter"}
        assert "[x] Internship approval letter" in screen_text(app)
        # a number key for an item out of view moves there without ticking
        await pilot.press("home")
        page.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        assert not checklist.in_view(2)
        await pilot.press("3")
        await pilot.pause()
        assert app.progress.ticked == {"approval-letter"}
        assert checklist.highlighted == 2 and checklist.in_view(2)
        footer = flat(screen_text(app))
        assert "␣/↵/1-9 Tick" in footer  # Space, Enter, 1-9
    [session] = SessionStore(own_data_dir).scan().sessions
    assert session.checklist == {"x1-remark": ["approval-letter"]}


async def test_a_what_if_copy_says_so_in_every_header_and_the_compare_columns(
    own_data_dir: Path,
) -> None:
    from textual.widgets import DataTable

    from screens.views.compare import CompareScreen
    from screens.views.review import AnswersScreen
    from tests.pilot import palette_run

    app = make_app(str(VISA), counselor=True, animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"Ana Silva", "ctrl+s")
        await wait_for_screen(pilot, QuestionScreen)
        for value in X1_ANSWERS:
            await answer(pilot, value)
        await wait_for_screen(pilot, OutcomeScreen)
        assert "What if" not in screen_text(app)
        await pilot.press("a")
        await wait_for_screen(pilot, AnswersScreen)
        await pilot.press("w")  # what if, at the highlighted (last) answer
        await wait_for(
            pilot, lambda: "What if" in screen_text(app).splitlines()[0], "the what-if header"
        )
        header = screen_text(app).splitlines()[0]
        assert "What if: " in header and "Ana Silva's session" in header
        assert "“" in header, "at 80 columns the header still names the question it branched at"
        await answer(pilot, "2026-10-01")
        await wait_for_screen(pilot, OutcomeScreen)
        assert "Ana Silva's session" in screen_text(app).splitlines()[0]
        await palette_run(pilot, "Compare")
        await wait_for_screen(pilot, CompareScreen)
        table = app.screen.query_one(DataTable)
        labels = " ".join(str(c.label) for c in table.columns.values())
        assert "Ana Silva · the original" in labels
        assert "Ana Silva · what if: another answer to" in labels
        assert "What if" in screen_text(app).splitlines()[0]


async def test_session_details_esc_asks_ctrl_s_saves_and_a_notice_confirms() -> None:
    from screens.dialogs.session import SessionForm
    from tests.pilot import notices

    app = make_app(str(VISA), counselor=True, animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await wait_for_screen(pilot, SessionForm)
        await pilot.press("escape")  # nothing typed: closes
        await wait_for_screen(pilot, QuestionScreen)
        await pilot.press("s")
        await wait_for_screen(pilot, SessionForm)
        await pilot.press(*"张伟", "escape")
        await wait_for_screen(pilot, ChoiceDialog)
        assert "Leave the session details without saving?" in flat(screen_text(app))
        await pilot.press("escape")  # back to the form, the name still there
        await wait_for_screen(pilot, SessionForm)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, QuestionScreen)
        await wait_for(pilot, lambda: "Session details saved" in notices(app), "the notice")
        assert "client 张伟" in notices(app)


async def test_esc_in_the_email_dialog_asks_once_something_was_typed(
    tmp_path: Path, monkeypatch
) -> None:
    from screens.dialogs.email import EmailDialog
    from tests.pilot import to_outcome_then

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    app = make_app(str(VISA), animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await to_outcome_then(pilot, "2")
        assert isinstance(app.screen, EmailDialog)
        await pilot.press(*"ana@example.org", "escape")
        await wait_for_screen(pilot, ChoiceDialog)
        await pilot.press("escape")
        await wait_for_screen(pilot, EmailDialog)
        assert app.screen.query_one("#mail-to").value == "ana@example.org"
        await pilot.press("escape", "2")  # leave without sending
        await wait_for_screen(pilot, OutcomeScreen)


async def test_y_and_n_answer_a_yes_no_question_and_the_note_moves_to_ctrl_n() -> None:
    app = make_app(str(VISA), counselor=True, animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("n")  # not a yes/no question: n is the note
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press("escape")
        await wait_for_screen(pilot, QuestionScreen)
        await answer(pilot, "china")
        await answer(pilot, "x1")
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.question.id == "related"
        footer = screen_text(app).splitlines()[-1]
        assert "y Yes" in footer and "n No" in footer and "^n Note" in footer
        await pilot.press("ctrl+n")  # the note, on a yes/no question
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press("escape")
        await wait_for_screen(pilot, QuestionScreen)
        await pilot.press("y")
        await wait_for(pilot, lambda: screen.question.id != "related", "the next question")
        assert app.progress.walk.answers["related"] == "yes"
        await pilot.press("escape")  # back: n answers no
        await wait_for(pilot, lambda: screen.question.id == "related", "the yes/no question")
        await pilot.press("n")
        await wait_for(pilot, lambda: app.progress.walk.answers.get("related") == "no", "no")


async def test_question_mark_lists_this_screens_keys_first() -> None:
    from screens.views.help import HelpScreen

    app = make_app(str(VISA), animate=False)
    async with app.run_test(size=NARROW) as pilot:
        for value in X1_ANSWERS:
            await answer(pilot, value)
        await wait_for_screen(pilot, OutcomeScreen)
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        text = flat(screen_text(app))
        assert "Keys" in text and "Outcome (this screen)" in text
        assert "↑ ↓                move through the checklist" in screen_text(app)
        assert "Everywhere" not in text or text.index("Outcome (this") < text.index("Everywhere")
        await pilot.press("escape")
        await wait_for_screen(pilot, OutcomeScreen)
        await pilot.press("escape")  # back to the last question
        await wait_for_screen(pilot, QuestionScreen)
        await pilot.press("f1")  # (? would be typed into the date box)
        await wait_for_screen(pilot, HelpScreen)
        assert "Questions (this screen) ↑ ↓ or j k" in flat(screen_text(app))


async def test_y_and_n_answer_the_leave_without_saving_question() -> None:
    app = make_app(str(VISA), counselor=True, animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press(*"draft", "escape")
        await wait_for_screen(pilot, ChoiceDialog)
        assert "y: Leave without saving · n: Go back" in flat(screen_text(app))
        await pilot.press("n")  # no: back to the note
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press("escape")
        await wait_for_screen(pilot, ChoiceDialog)
        await pilot.press("y")  # yes: leave it
        await wait_for_screen(pilot, QuestionScreen)
        assert app.progress is None or not app.progress.notes
