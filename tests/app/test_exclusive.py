"""A multiple choice's "None of these" (`exclusive = true`): ticking it clears the other ticks and
ticking another clears it, each time with a notice, so no tick changes unseen."""

from __future__ import annotations

from screens.app import make_app
from screens.views.question import QuestionScreen
from screens.widgets.lists import MultiList
from tests.pilot import NARROW, answer, notices, wait_for


async def test_none_of_these_clears_the_other_ticks_and_back() -> None:
    app = make_app("internship", animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen), "the first question")
        for value in ["overseas", "other", "shanghai", 5, "in-china"]:
            await answer(pilot, value)
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.question.id == "company"
        multi = screen.query_one("#multi", MultiList)
        ids = [o.id for o in screen.question.options]
        none = ids.index("none") + 1
        await pilot.press("1", "2")
        await wait_for(pilot, lambda: multi.ticked == {"china-top500", "fortune500"}, "two ticks")
        await pilot.press(str(none))
        await wait_for(pilot, lambda: multi.ticked == {"none"}, "only “None of these”")
        await wait_for(pilot, lambda: "Unticked 2 options" in notices(app), "a notice saying so")
        await pilot.press("1")
        await wait_for(pilot, lambda: multi.ticked == {"china-top500"}, "“None of these” cleared")
