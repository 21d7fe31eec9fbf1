"""Keyboard-only walks through the app: home to outcome, back, revise, ticks and refused answers."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from screens.app import make_app
from screens.messages import WalkChanged
from screens.views.help import HelpScreen
from screens.views.home import HomeScreen
from screens.views.outcome import OutcomeScreen
from screens.views.question import QuestionScreen
from screens.views.review import AnswersScreen, DroppedScreen
from tests.paths import VISA
from tests.pilot import (
    NARROW,
    WIDE,
    answer,
    flat,
    palette_run,
    screen_text,
    settle,
    wait_for_screen,
)
from wizard.tree.loader import SHIPPED
from wizard.tree.schema import tr

INTERNSHIP = SHIPPED / "internship.toml"
X1_PATH = {
    "enrolment": "china",
    "permit": "x1",
    "city": "shanghai",
    "activity": "internship",
    "programme": "degree",
    "related": "yes",
    "studies": "yes",
    "pay": "unpaid",
    "same-city": "same",
    "months": 3,
    "permit-covers": "yes",
}
"""A walk through the shipped internship tree to its recommended X1-remark outcome."""

needs_internship = pytest.mark.skipif(
    not INTERNSHIP.exists(), reason="the shipped internship tree is not there"
)


async def walk_to_end(pilot, answers: dict[str, object]) -> None:
    """Answer whatever is asked from `answers`, by question id, until an outcome shows."""
    while isinstance(pilot.app.screen, QuestionScreen):
        question = pilot.app.screen.question
        assert question is not None and question.id in answers, f"unexpected {question}"
        await answer(pilot, answers[question.id])


@pytest.mark.slow
@needs_internship
async def test_whole_shipped_tree_from_home_to_outcome_keyboard_only() -> None:
    app = make_app(animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        refs = [card.ref for card in app.catalog]
        assert "internship" in refs
        await pilot.press(str(refs.index("internship") + 1))
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await walk_to_end(pilot, X1_PATH)

        assert isinstance(app.screen, OutcomeScreen)
        walk = app.progress.walk
        assert walk.outcome is not None and walk.outcome.id == "x1-remark"
        shown = flat(screen_text(app))
        assert "RECOMMENDED" in shown
        assert flat(tr(walk.outcome.title))[:40] in shown


async def test_invalid_number_is_refused_with_the_reason(visa_app) -> None:
    async with visa_app.run_test(size=NARROW) as pilot:
        await answer(pilot, "overseas")
        screen = visa_app.screen
        assert screen.question.id == "months"

        await pilot.press("a", "b", "c", "enter")
        await pilot.pause()
        assert screen.question.id == "months", "a refused answer must not advance"
        assert "months" not in visa_app.progress.walk.answers
        assert "'abc' is not a number" in screen_text(visa_app)

        await pilot.press("backspace", "backspace", "backspace", "3", "0", "enter")
        await pilot.pause()
        assert screen.question.id == "months"
        assert "Must be at most 24 months" in screen_text(visa_app)

        await pilot.press("backspace", "backspace", "5", "enter")
        await pilot.pause()
        assert visa_app.progress.walk.answers["months"] == 5
        assert screen.question.id == "sectors"


async def test_back_shows_the_earlier_answer_selected(visa_app) -> None:
    async with visa_app.run_test(size=NARROW) as pilot:
        await answer(pilot, "overseas")
        await answer(pilot, 4)
        screen = visa_app.screen
        assert screen.question.id == "sectors"

        await pilot.press("escape")
        await pilot.pause()
        assert screen.question.id == "months"
        assert screen.query_one("#entry", Input).value == "4"

        await pilot.press("escape")  # Escape works from inside the box too
        await pilot.pause()
        assert screen.question.id == "enrolment"
        choice = screen.query_one("#choice")
        assert choice.highlighted == 1  # `overseas`, the second option
        assert "your earlier answer" in screen_text(visa_app)

        await pilot.press("backspace")  # at the first question, back goes home
        await pilot.pause()
        assert isinstance(visa_app.screen, HomeScreen)


@pytest.mark.slow
@needs_internship
async def test_revise_lists_dropped_answers_and_changes_the_outcome() -> None:
    app = make_app("internship", animate=False)
    async with app.run_test(size=WIDE) as pilot:
        await walk_to_end(pilot, X1_PATH)
        assert app.progress.walk.outcome.id == "x1-remark"

        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AnswersScreen)
        listed = flat(screen_text(app))
        for step in app.progress.walk.path:
            assert flat(tr(step.question.prompt))[:30] in listed
        await pilot.press("home", "enter")  # the first answer: where you study
        await pilot.pause()

        question = app.screen
        assert isinstance(question, QuestionScreen) and question.question.id == "enrolment"
        assert "Changing answer 1 of 11" in screen_text(app)
        await answer(pilot, "overseas")

        assert isinstance(app.screen, DroppedScreen)
        dropped = flat(screen_text(app))
        assert "Your change dropped 10 later answers" in dropped
        tree = app.progress.walk.tree
        for qid in ["permit", "city", "activity"]:
            assert flat(tr(tree.nodes[qid].prompt))[:30] in dropped
        listed = [str(item.render()) for item in app.screen.query(".dropped")]
        assert len(listed) == 10 and "residence permit" in listed[-1]  # the rest scroll into view
        await pilot.press("enter")
        await pilot.pause()

        assert app.progress.walk.answers == {"enrolment": "overseas"}
        assert question.question.id == "nationality"
        # The youth-intern scheme's conditions.
        for value in ["france", "elsewhere", 4, 21, "undecided"]:
            await answer(pilot, value)
        assert isinstance(app.screen, OutcomeScreen)
        assert app.progress.walk.outcome.id == "treaty-intern"


async def test_checklist_ticks_are_kept_and_reported(visa_app) -> None:
    seen: dict[int, WalkChanged] = {}

    def hook(message: object) -> None:  # a bubbling message is seen once per node it reaches
        if isinstance(message, WalkChanged):
            seen.setdefault(id(message), message)

    async with visa_app.run_test(size=NARROW, message_hook=hook) as pilot:
        for value in ["china", "x1", "yes", "2026-09-01"]:
            await answer(pilot, value)
        assert isinstance(visa_app.screen, OutcomeScreen)
        title = visa_app.screen.query_one("#checklist-title")
        assert "0 of 3 ticked" in str(title.render())

        await pilot.press("down", "up")  # the checklist is below the fold: show its first item
        await pilot.press("space", "down", "space")
        await pilot.pause()
        assert visa_app.progress.ticked == {"approval-letter", "company-form"}
        assert "2 of 3 ticked" in str(title.render())
        assert "[x] Company form" in screen_text(visa_app)  # the page follows the checklist

        await pilot.press("space")  # untick
        await pilot.pause()
        assert visa_app.progress.ticked == {"approval-letter"}

        await pilot.press("escape")  # back to the date, which keeps its answer
        await pilot.pause()
        assert visa_app.screen.query_one("#entry", Input).value == "2026-09-01"
        await pilot.press("enter")
        await pilot.pause()
        checklist = visa_app.screen.query_one("#checklist")
        assert checklist.ticked == {"approval-letter"}  # shown ticked again on the new outcome

    changes = [message.change for message in seen.values()]
    assert changes == [
        "start",
        "answer",
        "answer",
        "answer",
        "answer",
        "tick",
        "tick",
        "tick",
        "back",
        "answer",
    ]


async def test_outcome_shows_every_part(visa_app) -> None:
    async with visa_app.run_test(size=WIDE) as pilot:
        for value in ["china", "x1", "yes", "2026-09-01"]:
            await answer(pilot, value)
        page = visa_app.screen.query_one("#page")
        parts = []
        for _ in range(6):  # read the whole page, one screenful at a time
            parts.append(flat(screen_text(visa_app)))
            page.scroll_page_down(animate=False)
            await pilot.pause()
        shown = " ".join(parts)
        for phrase in [
            "✓ RECOMMENDED",
            "Why this outcome",
            "Where are you enrolled as a student? → At a university in China",
            "✗ NOT OPEN TO YOU S2 internship visa",  # it needs a university abroad
            "You answered “At a university in China” to “Where are you enrolled as a student?”.",
            "! CAUTION",
            "What to do: Plan the renewal",
            "1. Ask your university",
            "Who: Your university",
            "When: before anything is filed",
            "optional",
            "Hoping to work in China",
            "https://shanghai.bencham.org/news/",
            "accessed 2026-11-25",
            "last reviewed 2026-11-01",
            "not legal advice",
        ]:
            assert phrase in shown, phrase


async def test_narrow_terminal_folds_the_risks_into_a_toggle(visa_app) -> None:
    async with visa_app.run_test(size=NARROW) as pilot:
        await answer(pilot, "overseas")
        text = flat(screen_text(visa_app))
        assert "New risk !! HIGH The S2 internship visa" in text
        assert "Risks met: !! HIGH 1 i INFO 1 r or F4 shows them" in text
        assert "if it is refused you may have to leave" not in text

        await pilot.press("f4")  # in a text box `r` types; F4 works everywhere
        await pilot.pause()
        text = flat(screen_text(visa_app))
        assert "Risks met so far (2)" in text
        assert "if it is refused you may have to leave China" in text

        await pilot.press("escape")  # closes the panel; does not go back
        await pilot.pause()
        assert visa_app.screen.question.id == "months"
        assert "Risks met so far (2)" not in screen_text(visa_app)


async def test_wide_terminal_shows_the_risks_panel_beside_the_question(visa_app) -> None:
    async with visa_app.run_test(size=WIDE) as pilot:
        text = flat(screen_text(visa_app))
        assert "Risks met so far (1)" in text  # the first question's own (info) risk
        assert "i INFO" in text
        await pilot.press("down")  # highlight the risky option: its risk shows before it is picked
        await pilot.pause()
        assert "If you pick this: !! HIGH" in flat(screen_text(visa_app))
        await answer(pilot, "overseas")
        text = flat(screen_text(visa_app))
        assert "Risks met so far (2)" in text
        assert "NEW !! HIGH The S2 internship visa" in text


async def test_help_and_command_palette(visa_app) -> None:
    async with visa_app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(visa_app.screen, HelpScreen)
        assert "go back one question" in screen_text(visa_app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(visa_app.screen, QuestionScreen)

        await answer(pilot, "china")
        await palette_run(pilot, "Your answers")
        assert isinstance(visa_app.screen, AnswersScreen)


async def test_export_is_reached_from_the_outcome(visa_app) -> None:
    async with visa_app.run_test(size=WIDE) as pilot:
        for value in ["china", "x1", "yes", "2026-09-01"]:
            await answer(pilot, value)
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(visa_app.screen, OutcomeScreen)  # the export dialog opened
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(visa_app.screen, OutcomeScreen)


async def test_palette_starts_a_tree_and_the_theme_can_change(monkeypatch) -> None:
    monkeypatch.setattr("screens.catalog.shipped_trees", lambda: [VISA])
    app = make_app(animate=False)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await palette_run(pilot, "Start: Internship visa")
        await wait_for_screen(pilot, QuestionScreen)
        assert app.progress.walk.tree.id == "visa-fixture"

        before = app.export_screenshot()
        app.theme = "textual-light"  # what the palette's "Theme" command sets
        await pilot.pause()
        after = app.export_screenshot()
        assert after != before
        assert "Where are you enrolled as a student?" in screen_text(app)


@pytest.mark.skipif(
    not (SHIPPED / "work-after-study.toml").exists(), reason="the linked tree is not shipped"
)
async def test_continue_opens_the_tree_the_outcome_names(visa_app) -> None:
    async with visa_app.run_test(size=NARROW) as pilot:
        for value in ["china", "x1", "yes", "2026-09-01"]:
            await answer(pilot, value)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(visa_app.screen, QuestionScreen)
        assert visa_app.progress.walk.tree.id == "work-after-study"
        assert [type(s) for s in visa_app.screen_stack] == [HomeScreen, QuestionScreen]
