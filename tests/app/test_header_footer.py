"""The footer (`screens.widgets.footer`): one line of keys, redrawn only when they change, whose
keys a click presses and whose pointer shows a key's tooltip; and the header's icon, which opens
the command palette (`screens.widgets.header`)."""

from __future__ import annotations

from textual.app import App
from textual.command import CommandPalette

from screens.app import make_app
from screens.views.home import HomeScreen
from screens.views.question import QuestionScreen
from screens.widgets.footer import WizardFooter
from screens.widgets.header import WizardHeader
from tests.paths import VISA
from tests.pilot import NARROW, wait_for, wait_for_screen


def _footer(app: App[None]) -> WizardFooter:
    return app.screen.query_one(WizardFooter)


def _line(app: App[None]) -> str:
    return _footer(app).render().plain


async def test_the_footer_shows_the_keys_and_follows_their_changes() -> None:
    app = make_app(str(VISA), animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for_screen(pilot, QuestionScreen)
        await wait_for(pilot, lambda: bool(_footer(app).keys), "the footer's keys")
        line = _line(app)
        assert line.startswith("esc Back ") and line.endswith("▏^p palette")
        assert len(line) == NARROW[0]
        before = _footer(app).keys
        app.screen.refresh_bindings()  # what every focus change and answer does
        await pilot.pause()
        assert _footer(app).keys is before, "redrawn for nothing"
        app.action_toggle_counselor()  # counselor mode adds its keys (a note, session details)
        await wait_for(pilot, lambda: len(_footer(app).keys) > len(before), "the counselor's keys")
        assert "Note" in _line(app)


async def test_a_click_on_a_key_presses_it_and_the_pointer_shows_its_tooltip() -> None:
    app = make_app(str(VISA), animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for_screen(pilot, QuestionScreen)
        footer = _footer(app)
        await wait_for(pilot, lambda: bool(footer.keys), "the footer's keys")
        back = next(k for k in footer.keys if k.label == "Back")
        assert back.tooltip == "Go back one question"
        x = _line(app).index("esc Back")
        await pilot.hover(WizardFooter, offset=(x + 1, 0))
        assert footer.key_at(x + 1) == back
        await wait_for(pilot, lambda: footer.tooltip == back.tooltip, "the key's tooltip")
        await pilot.hover(WizardFooter, offset=(NARROW[0] - 20, 0))  # between the keys
        await wait_for(pilot, lambda: footer.tooltip is None, "no tooltip")
        await pilot.click(WizardFooter, offset=(x + 1, 0))
        await wait_for_screen(pilot, HomeScreen)  # Back from the first question: home


async def test_the_headers_icon_opens_the_command_palette_and_says_so() -> None:
    app = make_app(str(VISA), animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for_screen(pilot, QuestionScreen)
        header = app.screen.query_one(WizardHeader)
        line = header.render().plain
        assert line.startswith(" ?") and "Internship visa (test tree)" in line
        assert len(line) == NARROW[0]
        await pilot.hover(WizardHeader, offset=(1, 0))
        await wait_for(pilot, lambda: header.tooltip == "Open the command palette", "tooltip")
        await pilot.click(WizardHeader, offset=(40, 0))  # the title: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.click(WizardHeader, offset=(1, 0))
        await wait_for_screen(pilot, CommandPalette)
