"""What a QA pass at 80x24 found: footer keys that did not work where the focus was, a header
cut at its end, an export dialog that needed scrolling, toggles told apart by colour only."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Checkbox, RadioButton

from screens.app import WizardApp
from screens.dialogs.export import ExportDialog
from screens.widgets.entry import AnswerInput
from tests.pilot import NARROW, WIDE, answer, screen_text

LONG_TITLE = "Can I get permanent residence in China?"
"""A shipped tree's title, too long to follow the app's name in an 80-column header."""


def footer(app: WizardApp) -> str:
    return " ".join(screen_text(app).splitlines()[-1].split())


def header(app: WizardApp) -> str:
    return " ".join(screen_text(app).splitlines()[0].split())


async def test_the_footer_shows_the_keys_that_work_where_the_focus_is(visa_app) -> None:
    """In an answer box the letters type; the footer used to offer `a`, `r` and `?` there."""
    async with visa_app.run_test(size=NARROW) as pilot:
        await answer(pilot, "overseas")  # then a number question, its box focused
        assert visa_app.screen.query_one(AnswerInput).has_focus
        keys = footer(visa_app)
        for shown in ["F2 Your answers", "F4 Risks", "F1 Keys", "esc Back"]:
            assert shown in keys, keys
        for hidden in ["a Your answers", "r Risks", "? Keys", "w Why"]:
            assert hidden not in keys, keys

        await pilot.press("tab")  # out of the box: the letters work again
        await pilot.pause()
        keys = footer(visa_app)
        for shown in ["a Your answers", "r Risks", "? Keys", "w Why we ask"]:
            assert shown in keys, keys
        assert "F2" not in keys and "F4" not in keys, keys


async def test_the_header_keeps_the_whole_tree_title_at_80_columns(visa_app) -> None:
    async with visa_app.run_test(size=NARROW) as pilot:
        visa_app.screen.sub_title = LONG_TITLE
        await pilot.pause()
        assert header(visa_app) == f"? {LONG_TITLE}"

        await pilot.resize_terminal(*WIDE)  # room for both again
        await pilot.pause()
        assert header(visa_app) == f"? China Pathways Wizard — {LONG_TITLE}"


async def test_the_export_dialog_fits_80x24_and_shows_choices_without_colour(
    visa_app, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with visa_app.run_test(size=NARROW) as pilot:
        for value in ["china", "x1", "yes", "2026-09-01"]:
            await answer(pilot, value)
        await pilot.press("e", "1")
        await pilot.pause()
        dialog = visa_app.screen
        assert isinstance(dialog, ExportDialog)
        box = dialog.query_one(".dialog-box", VerticalScroll)
        assert box.max_scroll_y == 0, "the dialog scrolls at 80x24"
        assert "Save Ctrl+S Cancel Esc" in " ".join(screen_text(visa_app).split())

        def glyphs() -> list[str]:
            return [str(button.render()).lstrip("▐")[:1] for button in buttons]

        buttons = [*dialog.query(RadioButton), dialog.query_one(Checkbox)]
        assert glyphs() == ["●", "○", "○", "○", " "]
        await pilot.press("shift+tab", "down", "enter")  # pick Markdown
        await pilot.press("tab", "tab", "space")  # tick Replace
        await pilot.pause()
        assert glyphs() == ["○", "●", "○", "○", "✓"]
        assert dialog.fmt == "md" and dialog.query_one(Checkbox).value
