"""Where a question's hint sits: right under the box for a number, date or text question (where
the eye is), below the scrolled list for a choice or multiple choice (so the highlighted
option's help is never covered)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from screens.app import make_app
from screens.views.question import QuestionScreen
from screens.widgets.line import Line
from tests.paths import VISA
from tests.pilot import answer, settle

# Answers reaching each kind of question of the test tree, and a phrase of its hint.
ENTRY_QUESTIONS = [
    (["overseas"], "A number from 1 to 24 months"),
    (["china", "x1", "yes"], "A date as YYYY-MM-DD"),
    (["overseas", 6, ["ai"]], "Up to 80 characters"),
]
LIST_QUESTIONS = [
    ([], "1-9 or Enter picks"),
    (["overseas", 6], "Space or 1-9 ticks"),
]


async def _question_after(pilot: Pilot[None], answers: list[object]) -> QuestionScreen:
    await settle(pilot)
    for value in answers:
        await answer(pilot, value)
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    return screen


def _hint_line(screen: QuestionScreen) -> Line:
    """The one hint line shown; the other is hidden and empty."""
    shown = [line for line in screen.query(Line) if line.id in ("hint", "entry-hint")]
    visible = [line for line in shown if line.display and line.visual]
    assert len(visible) == 1, [line.id for line in visible]
    hidden = next(line for line in shown if line is not visible[0])
    assert not str(hidden.render()).strip()
    return visible[0]


@pytest.mark.parametrize("size", [(80, 24), (100, 32)])
@pytest.mark.parametrize(("answers", "phrase"), ENTRY_QUESTIONS)
async def test_an_entry_question_has_its_hint_right_under_the_box(
    size: tuple[int, int], answers: list[object], phrase: str
) -> None:
    app = make_app(str(VISA), animate=False)
    async with app.run_test(size=size) as pilot:
        screen = await _question_after(pilot, answers)
        hint = _hint_line(screen)
        assert hint.id == "entry-hint" and phrase in str(hint.render())
        box = screen.query_one("#entry").region
        assert hint.region.y == box.bottom  # the next line after the box's lower border
        assert hint.region.bottom < size[1] - 4  # not at the foot of the screen


@pytest.mark.parametrize(("answers", "phrase"), LIST_QUESTIONS)
async def test_a_list_keeps_its_hint_below_the_scrolled_part(
    answers: list[object], phrase: str
) -> None:
    app = make_app(str(VISA), animate=False)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await _question_after(pilot, answers)
        hint = _hint_line(screen)
        assert hint.id == "hint" and phrase in str(hint.render())
        assert hint.region.y == screen.query_one("#main").region.bottom


async def test_going_back_from_a_number_to_a_list_moves_the_hint_back() -> None:
    app = make_app(str(VISA), animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _question_after(pilot, ["overseas"])
        assert _hint_line(screen).id == "entry-hint"
        await pilot.press("escape")
        await pilot.pause()
        assert screen.question is not None and screen.question.type == "choice"
        assert _hint_line(screen).id == "hint"
