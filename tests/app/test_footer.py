"""The footer is rebuilt only when the keys it shows change (`screens.widgets.footer`)."""

from __future__ import annotations

from textual.app import App
from textual.widgets._footer import FooterKey

from screens.app import make_app
from screens.views.question import QuestionScreen
from screens.widgets.footer import WizardFooter
from tests.paths import VISA
from tests.pilot import NARROW, wait_for, wait_for_screen


def _keys(app: App[None]) -> list[FooterKey]:
    return list(app.screen.query_one(WizardFooter).query(FooterKey))


async def test_the_footer_is_kept_while_its_keys_stay_and_rebuilt_when_they_change() -> None:
    app = make_app(str(VISA), animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for_screen(pilot, QuestionScreen)
        await wait_for(pilot, lambda: bool(_keys(app)), "the footer's keys")
        before = _keys(app)
        app.screen.refresh_bindings()  # what every focus change and answer does
        await pilot.pause()
        assert [id(k) for k in _keys(app)] == [id(k) for k in before], "rebuilt for nothing"
        app.action_toggle_counselor()  # counselor mode adds its keys (note, session details)
        await wait_for(pilot, lambda: len(_keys(app)) > len(before), "the counselor's keys")
        assert not {id(k) for k in _keys(app)} & {id(k) for k in before}
