"""Layout found wanting by hand at 80x24: wrapped list items, the home page's scroll position,
and the palette's keys command."""

from __future__ import annotations

from textual.content import Content

from screens.app import make_app
from screens.hanging import Hanging, hang_indent, wrap_hanging
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.question import QuestionScreen
from tests.app.conftest import NARROW, VISA, answer, screen_text, settle

LONG = "a long piece of text that cannot fit on one line of a narrow list at all"


def test_hang_indent_passes_spaces_and_one_list_marker() -> None:
    assert hang_indent("1. Yes") == 3
    assert hang_indent("12. Yes") == 4
    assert hang_indent("   → An answer") == 5
    assert hang_indent("[ ] A box") == 4
    assert hang_indent("[x] A box") == 4
    assert hang_indent("  • A bullet") == 4
    assert hang_indent("Plain text") == 0
    assert hang_indent("2024 rules") == 0  # a number without a dot is text, not a marker


def test_continuation_lines_start_under_the_text() -> None:
    lines = wrap_hanging(Content(f"1. {LONG}"), 30)
    assert len(lines) > 2
    assert lines[0].plain.startswith("1. a long")
    assert all(line.plain.startswith("   ") and line.plain[3] != " " for line in lines[1:])
    assert all(line.cell_length <= 30 for line in lines)
    words = " ".join(line.plain for line in lines).split()
    assert words == ["1.", *LONG.split()]  # nothing lost, nothing repeated


def test_styles_survive_the_wrapping() -> None:
    content = Content.assemble(("1. ", "bold"), Content.styled(LONG, "italic"))
    wrapped = Hanging(content).wrapped(30)
    assert wrapped.plain.count("\n") >= 2
    assert {str(span.style) for span in wrapped.spans} >= {"bold", "italic"}


def test_a_fixed_indent_overrides_the_marker() -> None:
    lines = wrap_hanging(Content(f"  Esc     {LONG}"), 40, indent=10)
    assert all(line.plain.startswith(" " * 10) for line in lines[1:])


def test_a_short_line_or_no_room_is_left_alone() -> None:
    assert [c.plain for c in wrap_hanging(Content("1. Yes"), 30)] == ["1. Yes"]
    wide_marker = wrap_hanging(Content(f"{' ' * 20}• {LONG}"), 30)  # indent over half the width
    assert all(line.cell_length <= 30 for line in wide_marker)


async def test_option_help_wraps_under_the_option_text(monkeypatch) -> None:
    """At 80 columns a tree's summary on the home screen wraps; its second line must start under
    the first, not under the option's number."""
    monkeypatch.setattr("screens.catalog.shipped_trees", lambda: [VISA])
    app = make_app(animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        lines = [line for line in screen_text(app).splitlines() if "▊ " in line]
        body = [line.split("▊ ", 1)[1] for line in lines if line.split("▊ ", 1)[1].strip()]
        assert body[0].startswith("1. ")
        assert len(body) >= 4, body  # title, summary over two lines, review date
        assert all(line.startswith("   ") and line[3] != " " for line in body[1:])


async def test_home_stays_at_the_top_when_sessions_are_listed() -> None:
    """Filling the sessions list (below the pathways) used to scroll the page down to it."""
    first = make_app(str(VISA), animate=False)
    async with first.run_test(size=NARROW) as pilot:
        await answer(pilot, "china")  # saves a session
        await first.workers.wait_for_complete()
    app = make_app(animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen) and home.session_cards
        assert home.query_one("#home").scroll_y == 0
        assert "Answer a few questions" in screen_text(app)


async def test_the_palette_offers_one_keys_command_and_it_opens_the_full_list(visa_app) -> None:
    async with visa_app.run_test(size=NARROW) as pilot:
        assert isinstance(visa_app.screen, QuestionScreen)
        titles = [c.title for c in visa_app.get_system_commands(visa_app.screen)]
        assert "Keys" not in titles  # Textual's panel of the focused widget's keys
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Keys")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(visa_app.screen, HelpScreen)
        assert "this list of keys" in screen_text(visa_app)
