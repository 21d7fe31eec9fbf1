"""A question whose every option has a long help text, at 80x24 (tests/data/app/helps.toml: the
shipped trees' longest prompt, labels and help). Moving through the options, the prompt stays on
screen and the highlighted option's whole help is shown, no word cut off; at 120x40 it all fits
without scrolling."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList

from screens.app import WizardApp, make_app
from screens.views.question import QuestionScreen
from tests.paths import APP_DATA
from tests.pilot import NARROW, WIDE, answer, flat
from wizard.tree.schema import tr

HELPS = APP_DATA / "helps.toml"
FRAME = str.maketrans({glyph: " " for glyph in "▊▎▔▁▂▃▄▅▆▇█"})
"""The list's border and the scrollbar's glyphs, which stand between the words of a line."""


def shown_in(widget: Widget) -> str:
    """The words the terminal shows inside `widget`'s region on the screen (what is scrolled
    out of it is not there), lines joined, frames and scrollbars left out."""
    region = widget.region.intersection(Region(0, 0, *widget.app.size))
    strips = widget.app.screen._compositor.render_strips()
    rows = [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]
    return flat("\n".join(rows).translate(FRAME))


@pytest.fixture
def helps_app() -> WizardApp:
    return make_app(str(HELPS), animate=False)


def asked(app: WizardApp) -> QuestionScreen:
    screen = app.screen
    assert isinstance(screen, QuestionScreen) and screen.question is not None
    return screen


def assert_usable(app: WizardApp, highlighted: int) -> None:
    """The prompt and the highlighted option (label and whole help) are on screen."""
    screen = asked(app)
    question = screen.question
    assert question is not None
    assert flat(tr(question.prompt, "en")) in shown_in(screen.query_one("#prompt"))
    shown = shown_in(screen.query_one("#main"))
    option = question.options[highlighted]
    assert flat(tr(option.label, "en")) in shown
    help_text = tr(option.help, "en")
    assert help_text and flat(help_text) in shown, f"the help of option {highlighted + 1} is cut"


async def walk_down_and_up(pilot: Pilot[None]) -> None:
    """Highlight each option in turn, down to the last and back up to the first, checking
    each: the page scrolls both ways."""
    screen = asked(pilot.app)
    question = screen.question
    assert question is not None
    current = screen.query_one(f"#{screen.query_one('#answer').current}", OptionList)
    last = len(question.options) - 1
    for index in [*range(last + 1), *reversed(range(last))]:
        if current.highlighted != index:
            await pilot.press("down" if index > (current.highlighted or 0) else "up")
            await pilot.pause()
        assert current.highlighted == index
        assert_usable(pilot.app, index)


async def test_every_option_help_is_readable_at_80x24(helps_app) -> None:
    async with helps_app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert asked(helps_app).question.type == "choice"
        await walk_down_and_up(pilot)


async def test_every_option_help_is_readable_where_several_can_be_ticked(helps_app) -> None:
    async with helps_app.run_test(size=NARROW) as pilot:
        await answer(pilot, "work")
        assert asked(helps_app).question.type == "multi"
        await walk_down_and_up(pilot)


async def test_at_120x40_the_whole_question_fits(helps_app) -> None:
    async with helps_app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = asked(helps_app)
        main = screen.query_one("#main")
        assert main.max_scroll_y == 0
        question = screen.question
        assert question is not None
        for choice in question.options:  # every option's help, not only the highlighted one
            assert flat(tr(choice.help, "en")) in shown_in(main)


def test_option_help_at_80x24(snap_compare) -> None:
    """The last option highlighted: the list scrolled to it, the prompt still above."""
    app = make_app(str(HELPS), animate=False)
    assert snap_compare(app, press=["end"], terminal_size=NARROW)
