"""Resuming a session whose tree changed: the walk stops at the first answer that no longer fits
and says which and why; nothing is dropped from the file, no outcome is shown that is not earned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.paths import SAMPLE
from tests.sessions.saved import CHINA_X1, OVERSEAS_S2, saved_session, session_of
from wizard.sessions.resume import open_session, replay
from wizard.sessions.store import SessionStore
from wizard.tree.loader import read
from wizard.tree.schema import Tree

CHINA_X1_DATE = dt.date(2026, 3, 1)
NEW_QUESTION = """
[nodes.visa-held]
type = "yesno"
prompt = "Do you hold a Chinese visa now?"
  [[nodes.visa-held.options]]
  id = "yes"
  next = "months"
  [[nodes.visa-held.options]]
  id = "no"
  next = "months"
"""


def changed(tmp_path: Path, *edits: tuple[str, str], extra: str = "") -> Tree:
    """The sample tree with text replacements (each must apply) and extra TOML appended."""
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "changed.toml"
    path.write_text(text + extra, encoding="utf-8")
    loaded = read(path)
    assert loaded.tree is not None, loaded.diagnostics
    return loaded.tree


def test_an_unchanged_tree_replays_silently(sample_tree: Tree) -> None:
    resumed = replay(session_of(sample_tree, OVERSEAS_S2), sample_tree)
    assert not resumed.tree_changed and resumed.issues == [] and resumed.summary() == []
    assert resumed.walk.outcome is not None and resumed.walk.outcome.id == "s2"


def test_a_content_change_that_still_fits_is_mentioned(sample_tree: Tree, tmp_path: Path) -> None:
    tree = changed(tmp_path, ('version = "1.0.0"', 'version = "1.1.0"'))
    resumed = replay(session_of(sample_tree, OVERSEAS_S2), tree)
    assert resumed.tree_changed and resumed.issues == []
    assert resumed.summary() == [
        "The tree 'sample' changed since this session was saved (now version 1.1.0). "
        "All your answers still fit."
    ]


def test_a_number_now_out_of_range_stops_there(sample_tree: Tree, tmp_path: Path) -> None:
    tree = changed(tmp_path, ("max = 24", "max = 4"))
    resumed = replay(session_of(sample_tree, OVERSEAS_S2), tree)
    assert resumed.stopped_at == "months"
    assert resumed.walk.current is not None and resumed.walk.current.id == "months"
    assert resumed.walk.answers == {"enrolment": "overseas"}
    assert resumed.walk.outcome is None  # no outcome the answers no longer support
    [issue] = resumed.issues
    assert issue.kind == "refused"
    assert issue.message == (
        "Your answer to “How many months is the internship?” (months) was '6 months', which no "
        "longer fits: must be at most 4 months. The walk stops there: please answer it again."
    )
    # Nothing is lost: the refused answer and those after it are offered again.
    assert resumed.walk.remembered == {"months": 6, "sectors": ["ai"], "company": "ACME Ltd"}


def test_a_removed_option_stops_there(sample_tree: Tree, tmp_path: Path) -> None:
    tree = changed(
        tmp_path,
        ('  [[nodes.sectors.options]]\n  id = "ai"\n  label = "Artificial intelligence"\n', ""),
        ('{ answer = "sectors", has = "ai" }', '{ answer = "sectors", has = "other" }'),
    )
    resumed = replay(session_of(sample_tree, OVERSEAS_S2), tree)
    assert resumed.stopped_at == "sectors"
    assert resumed.walk.answers == {"enrolment": "overseas", "months": 6}
    assert "not options here: 'ai'" in resumed.issues[0].message


def test_a_new_question_on_the_path_stops_there(sample_tree: Tree, tmp_path: Path) -> None:
    tree = changed(
        tmp_path,
        ('risks = ["s2-in-country"]\n  next = "months"', 'next = "visa-held"'),
        extra=NEW_QUESTION,
    )
    resumed = replay(session_of(sample_tree, OVERSEAS_S2), tree)
    assert resumed.stopped_at == "visa-held"
    [issue] = resumed.issues
    assert issue.kind == "unanswered"
    assert "“Do you hold a Chinese visa now?” (visa-held) has no saved answer" in issue.message
    # Once answered, the saved answers after it are offered again as preselections.
    resumed.walk.answer("no")
    assert resumed.walk.current is not None and resumed.walk.current.id == "months"
    assert resumed.walk.remembered["months"] == 6


def test_a_question_off_the_path_is_reported_and_kept(sample_tree: Tree, tmp_path: Path) -> None:
    tree = changed(tmp_path, ('label = "In China"\n  next = "field"', 'next = "start-date"'))
    resumed = replay(session_of(sample_tree, CHINA_X1), tree)
    assert resumed.walk.outcome is not None and resumed.walk.outcome.id == "x1-remark"
    [issue] = resumed.issues
    assert (issue.kind, issue.question) == ("dropped", "field")
    assert issue.message == (
        "Your answer 'Yes' to “Is the internship in your field of study?” (field) is not on the "
        "path any more; it is kept and offered again if the question comes back."
    )
    assert resumed.walk.remembered == {"field": "yes"}


def test_a_question_gone_from_the_tree(sample_tree: Tree, tmp_path: Path) -> None:
    tree = changed(
        tmp_path,
        ('next = "field"', 'next = "in-field"'),
        ("[nodes.field]", "[nodes.in-field]"),
        ("[[nodes.field.options]]", "[[nodes.in-field.options]]"),
        ("[[nodes.field.options]]", "[[nodes.in-field.options]]"),
    )
    resumed = replay(session_of(sample_tree, CHINA_X1), tree)
    assert resumed.stopped_at == "in-field"
    assert [(i.kind, i.question) for i in resumed.issues] == [
        ("unanswered", "in-field"),
        ("dropped", "field"),
    ]
    assert resumed.issues[1].message == (
        "The question 'field' is no longer in the tree; your answer 'yes' is kept in the "
        "session file but not used."
    )
    assert resumed.walk.remembered == {"field": "yes", "start-date": CHINA_X1_DATE}


def test_a_changed_outcome_is_never_silent(sample_tree: Tree, tmp_path: Path) -> None:
    tree = changed(tmp_path, ('{ answer = "months", lte = 6 }', '{ answer = "months", lte = 5 }'))
    resumed = replay(session_of(sample_tree, OVERSEAS_S2), tree)
    assert resumed.walk.outcome is not None and resumed.walk.outcome.id == "too-long"
    kinds = [(i.kind, i.question) for i in resumed.issues]
    assert kinds == [
        ("dropped", "sectors"),
        ("dropped", "company"),
        ("outcome-changed", "too-long"),
    ]
    assert resumed.issues[-1].message == (
        "The outcome changed: it was 'S2 internship visa' when saved; with the tree as it is "
        "now, the same answers lead to 'Too long for an S2'."
    )


def test_open_session_finds_the_tree_file(store: SessionStore, sample_tree: Tree) -> None:
    sid = saved_session(store, sample_tree, CHINA_X1, tree_file=SAMPLE).current.id
    store.lock_for(sid).path.unlink()  # as if that instance had ended
    handle, resumed = open_session(store, sid)
    with handle:
        assert resumed.walk.answers == handle.current.answer_values
        assert resumed.issues == []


def test_a_session_of_a_tree_that_is_gone(
    store: SessionStore, sample_tree: Tree, tmp_path: Path
) -> None:
    from wizard.diagnostics import TreeError

    copy = tmp_path / "gone.toml"
    copy.write_bytes(SAMPLE.read_bytes())
    sid = saved_session(store, sample_tree, CHINA_X1, tree_file=copy).current.id
    store.lock_for(sid).path.unlink()
    copy.unlink()
    with pytest.raises(TreeError):
        open_session(store, sid)
    assert not store.lock_for(sid).path.exists()  # the lock is not left behind
