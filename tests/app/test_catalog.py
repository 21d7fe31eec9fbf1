"""The home screen's catalog of shipped trees."""

from __future__ import annotations

import pytest

from screens.catalog import tree_cards, tree_table
from wizard.toml import TOMLDecodeError, parse_toml
from wizard.tree.shipped import shipped_trees


def test_the_triage_comes_first_then_the_trees_by_name() -> None:
    refs = [card.ref for card in tree_cards()]
    assert refs == ["start", "internship", "permanent-residence", "work-after-study"]
    assert all(card.title and card.summary and card.last_reviewed for card in tree_cards())


def test_the_tree_table_read_from_the_start_of_a_shipped_tree_is_the_whole_files() -> None:
    for path in shipped_trees():
        text = path.read_text(encoding="utf-8")
        assert tree_table(text) == parse_toml(text)["tree"], path.name


@pytest.mark.parametrize(
    "text",
    [
        '[tree]\ntitle = "T"\n[tree.summary]\nen = "S"\nzh = "Z"\n[nodes.a]\nx = 1\n',
        '[tree]\ntitle = "T"\n[nodes.a]\nx = 1\n[tree.summary]\nen = "late"\n',
        '[tree]\ntitle = """a\n[nodes.fake]\nstill the title"""\n[nodes.a]\nx = 1\n',
        '[tree]\ntags = [\n["a"],\n]\n[nodes.a]\n',
        'tree.title = "dotted"\n[nodes.a]\nx = 1\n',
        '[nodes.a]\nx = 1\n[tree]\ntitle = "last"\n',
        '[tree]\ntitle = "T"\n[nodes.a]\nhelp = """\n[tree]\n"""\n',
    ],
)
def test_the_tree_table_is_the_same_as_from_the_whole_text(text: str) -> None:
    assert tree_table(text) == parse_toml(text)["tree"]


def test_a_tree_without_a_tree_table_or_broken_before_the_next_table_says_so() -> None:
    assert tree_table("[nodes.a]\nx = 1\n") is None
    with pytest.raises(TOMLDecodeError):
        tree_table('[tree]\ntitle = "unclosed\n[nodes.a]\n')
