"""The home screen's catalog of shipped trees."""

from __future__ import annotations

from screens.catalog import tree_cards


def test_the_triage_comes_first_then_the_trees_by_name() -> None:
    refs = [card.ref for card in tree_cards()]
    assert refs == ["start", "internship", "permanent-residence", "work-after-study"]
    assert all(card.title and card.summary and card.last_reviewed for card in tree_cards())
