"""Screenshots of the main screens at 80x24 and 120x40, compared with the saved SVGs.

They use the fixed trees in tests/data/app, so content work on the shipped trees never breaks
them. After a deliberate change: `make snapshots`, then review the SVG diffs before committing."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from screens.app import make_app
from tests.paths import MARKUP, VISA
from tests.pilot import NARROW, WIDE, settle

SIZES = pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "120x40"])

TO_OUTCOME = ["1", "1", "1", *"2026-09-01", "enter"]
"""China, X1, related: yes, a start date: the recommended outcome."""


async def _settle(pilot: Pilot[None]) -> None:
    await settle(pilot)


class TestHome:
    @SIZES
    def test_home(self, snap_compare, monkeypatch, size) -> None:
        monkeypatch.setattr("screens.catalog.shipped_trees", lambda: [VISA, MARKUP])
        assert snap_compare(make_app(animate=False), terminal_size=size, run_before=_settle)


class TestQuestion:
    @SIZES
    def test_choice_question(self, snap_compare, size) -> None:
        assert snap_compare(make_app(str(VISA), animate=False), terminal_size=size)

    @SIZES
    def test_risk_showing(self, snap_compare, size) -> None:
        app = make_app(str(VISA), animate=False)
        assert snap_compare(app, press=["2"], terminal_size=size)

    @SIZES
    def test_number_validation_error(self, snap_compare, size) -> None:
        app = make_app(str(VISA), animate=False)
        assert snap_compare(app, press=["2", "3", "0", "enter"], terminal_size=size)


class TestAnswers:
    @SIZES
    def test_answers_screen(self, snap_compare, size) -> None:
        app = make_app(str(VISA), animate=False)
        assert snap_compare(app, press=["2", "3", "enter", "1", "a"], terminal_size=size)


class TestOutcome:
    @SIZES
    def test_outcome(self, snap_compare, size) -> None:
        app = make_app(str(VISA), animate=False)

        async def to_outcome(pilot: Pilot[None]) -> None:
            await pilot.press(*TO_OUTCOME)
            await settle(pilot)  # the alternatives are judged after the first frame

        assert snap_compare(app, run_before=to_outcome, terminal_size=size)
