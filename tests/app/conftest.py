"""Helpers for driving the app from the keyboard, as a user would, and reading the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from screens.app import WizardApp, make_app
from screens.views.question import QuestionScreen

DATA = Path(__file__).parent.parent / "data" / "app"
VISA = DATA / "visa.toml"
"""A fixed tree for snapshots and most Pilot tests (shipped trees still change)."""
MARKUP = DATA / "markup.toml"
"""A tree whose texts look like markup and carry ANSI escapes."""

NARROW = (80, 24)
WIDE = (120, 40)


def screen_text(app: WizardApp) -> str:
    """What the terminal shows now, as plain text (no styles)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(text: str) -> str:
    """Screen text with line breaks and runs of spaces collapsed, to find phrases that wrapped."""
    return " ".join(text.split())


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the home screen's catalog worker and the refreshes it causes."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def answer(pilot: Pilot[None], value: object) -> None:
    """Answer the current question with the keys a user would press: a number key for an
    option (each number key for several), or the typed text and Enter."""
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen), f"not on a question: {screen!r}"
    question = screen.question
    assert question is not None
    ids = [option.id for option in question.options]
    if question.type in ("choice", "yesno"):
        await pilot.press(_digit(ids, str(value)))
    elif question.type == "multi":
        assert isinstance(value, list)
        await pilot.press(*[_digit(ids, v) for v in value], "enter")
    else:
        await pilot.press(*str(value), "enter")
    await pilot.pause()


def _digit(ids: list[str], option_id: str) -> str:
    assert option_id in ids, f"{option_id!r} is not one of {ids}"
    index = ids.index(option_id)
    assert index < 9, "number keys reach the first nine options"
    return str(index + 1)


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Sessions the app saves go to a fresh folder, never the user's, and none are listed."""
    folder = tmp_path / "data"
    monkeypatch.setenv("WIZARD_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def visa_app() -> WizardApp:
    return make_app(str(VISA), animate=False)
