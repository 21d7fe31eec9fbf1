"""The outcome screen's first frame shows the verdict at once; the alternatives (the verdict
engine's search) follow from a thread, the section saying so meanwhile."""

from __future__ import annotations

import threading
from typing import Any

import pytest

import screens.views.outcome
from screens.app import make_app
from screens.views.outcome import OutcomeScreen
from tests.paths import VISA
from tests.pilot import NARROW, flat, screen_text, wait_for

TO_OUTCOME = ["1", "1", "1", *"2026-09-01", "enter"]
"""China, X1, related: yes, a start date: the recommended outcome, with S2 as its alternative."""


async def test_the_verdict_shows_first_then_the_alternatives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    judged = threading.Event()  # held until the test has seen the first frame
    real = screens.views.outcome.walk_summary

    def held(*args: Any, alternatives: bool = True, **kwargs: Any) -> Any:
        if alternatives:
            assert judged.wait(30), "the test never let the alternatives through"
        return real(*args, alternatives=alternatives, **kwargs)

    monkeypatch.setattr(screens.views.outcome, "walk_summary", held)
    app = make_app(str(VISA), animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press(*TO_OUTCOME)
        await wait_for(pilot, lambda: isinstance(app.screen, OutcomeScreen), "the outcome")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "RECOMMENDED" in text and "Checking which of them your answers leave open" in text
        assert app.screen.checking
        judged.set()
        await wait_for(pilot, lambda: not app.screen.checking, "the alternatives judged")
        await pilot.pause()
        shown = str(app.screen.query_one("#alternatives").render())
        assert "Checking" not in shown and "S2" in shown
