"""Layout found wanting by hand at 80x24: wrapped list items, the home page's scroll position,
and the palette's keys command."""

from __future__ import annotations

import pytest
from textual.content import Content
from textual.widgets import DataTable

from screens.app import make_app
from screens.catalog import session_card
from screens.views.compare import CompareScreen
from screens.views.help import HelpScreen
from screens.views.home import HomeScreen
from screens.views.question import QuestionScreen
from screens.widgets.hanging import Hanging, hang_indent, wrap_hanging
from tests.paths import VISA
from tests.pilot import NARROW, WIDE, answer, palette_run, screen_text, settle
from tests.sessions.saved import session_of
from wizard.sessions.compare import Comparison, Row

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
        await palette_run(pilot, "Keys")
        assert isinstance(visa_app.screen, HelpScreen)
        assert "Questions (this screen)" in screen_text(visa_app)  # this screen's keys first
        listed = "".join(str(s.render()) for s in visa_app.screen.query("#help-keys Static"))
        assert "this list of keys" in listed  # and then all the others


@pytest.mark.parametrize("size", [NARROW, WIDE])
async def test_both_sessions_of_a_comparison_are_on_screen(size: tuple[int, int]) -> None:
    """A long question used to widen the label column until both sessions' columns were off
    the right edge of the screen."""
    long_label = (
        "For how many consecutive years have you lived in China, at least 9 months in each?"
    )
    comparison = Comparison(
        "20260101-aaaaaa · José Müller 王",
        "20260101-bbbbbb · José Müller 王",
        {"Answers": [Row(long_label, "three years and a half", "six years")]},
    )
    app = make_app(animate=False)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await app.push_screen(CompareScreen(comparison))
        await pilot.pause()
        text = screen_text(app)
        assert "20260101-aaaaaa" in text and "20260101-bbbbbb" in text
        assert "six years" in text and "three years" in text
        assert "at least 9 months in each?" in " ".join(text.split())  # the label wraps, whole
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.size.width  # nothing to scroll sideways to


def test_a_what_if_copy_says_whose_copy_it_is_on_home(sample_tree) -> None:
    """A copy has the same client and tree as its original: the card says which is the copy."""
    original = session_of(sample_tree, ["china"])
    copy = original.model_copy(update={"id": "20260101-bbbbbb", "copied_from": original.id})
    assert "what if" not in session_card(original).detail
    assert session_card(copy).detail.endswith(f"20260101-bbbbbb · a what-if copy of {original.id}")


def test_a_home_card_names_the_outcome_by_its_title(sample_tree) -> None:
    """The card used to say `outcome: x1-remark`; the title is stored in the session."""
    finished = session_of(sample_tree, ["china", "yes", "2026-03-01"])
    assert "→ X1 visa with an internship remark ·" in session_card(finished).detail
    older = finished.model_copy(update={"outcome_title": None})  # saved before titles were kept
    assert "→ x1-remark ·" in session_card(older).detail
    assert "→" not in session_card(session_of(sample_tree, ["china"])).detail
