"""Text from trees and users is shown as typed: never read as markup, never passed to the terminal
as an escape sequence."""

from __future__ import annotations

from textual.widgets import Input

from screens.app import make_app
from screens.commands import _help
from screens.widgets.literal import literal, visible
from tests.paths import MARKUP
from tests.pilot import WIDE, answer, flat, screen_text, settle


def test_visible_replaces_control_characters_with_stand_ins() -> None:
    assert visible("a\x1b[31mb") == "a␛[31mb"
    assert visible("bell\x07 del\x7f") == "bell␇ del␡"
    assert visible("csi\x9b2J") == "csi<U+009B>2J"
    assert visible("right\u202eto left") == "right<U+202E>to left"
    assert visible("two\nlines\ttab") == "two\nlines    tab"
    assert visible("[bold]plain[/bold] 中文") == "[bold]plain[/bold] 中文"


def test_literal_content_holds_no_markup_and_no_escape() -> None:
    content = literal("[bold]x[/bold] [link=https://e.example]y[/link] \x1b[2J")
    assert content.plain == "[bold]x[/bold] [link=https://e.example]y[/link] ␛[2J"
    assert not content.spans


def test_command_palette_help_is_escaped() -> None:
    assert _help("[b]x[/b]\x1b") == r"\[b]x\[/b]␛"


async def test_tree_and_typed_text_appear_literally(monkeypatch) -> None:
    monkeypatch.setattr("screens.catalog.shipped_trees", lambda: [MARKUP])
    app = make_app(animate=False)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        home = flat(screen_text(app))
        assert "[bold]Markup[/bold] tree" in home
        assert "[link=https://evil.example]a link[/link] and ␛[31mANSI red␛[0m." in home

        await pilot.press("1")
        await pilot.pause()
        shown = flat(screen_text(app))
        assert "Pick [bold]one[/bold] of ␛[31mthese␛[0m [link=x]now[/link]" in shown
        assert "1. [bold]Option A[/bold] !! HIGH" in shown
        assert "2. Option [link=x]B[/link]" in shown
        assert "If you pick this: !! HIGH Risk [red]title[/red]" in shown  # A is highlighted
        assert "Detail ␛[2J cleared?" in shown

        await answer(pilot, "a")
        entry = app.screen.query_one("#entry", Input)
        await pilot.press(*"[b]Bob[/b]")
        entry.insert_text_at_cursor(" \x1b[31mred")  # as a paste would
        await pilot.press("enter")
        await pilot.pause()

        outcome = flat(screen_text(app))
        assert "Done [bold]here[/bold]" in outcome
        assert "Summary ␛[1mbold?␛[0m" in outcome
        typed = app.progress.walk.answers["name"]
        assert typed == "[b]Bob[/b] \x1b[31mred"  # stored as typed...
        assert "Type a name → [b]Bob[/b] ␛[31mred" in outcome  # ...and shown as characters
        assert "[ ] Item [u]underlined?[/u]" in outcome
        assert "[blink]Mitigate[/blink]" in outcome

        assert "\x1b" not in app.export_screenshot()
        for text in (home, shown, outcome):
            assert "\x1b" not in text
