"""The outcome's title kept in the session, for lists that must not read the trees; and what-if
copies marked in `wizard sessions list`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.sessions.saved import CHINA_X1, OVERSEAS_S2, saved_session, session_of, walked
from wizard.cli.main import main
from wizard.sessions.model import Session, tree_hash
from wizard.sessions.store import SessionStore
from wizard.tree.schema import Tree, tr

CHINA_X1_SECOND = "field"
"""The sample tree's second question on the CHINA_X1 path."""


def test_reaching_an_outcome_stores_its_title_and_a_revision_updates_it(
    sample_tree: Tree,
) -> None:
    session = session_of(sample_tree, CHINA_X1)
    outcome = sample_tree.outcomes["x1-remark"]
    assert session.outcome == "x1-remark"
    assert session.outcome_title == tr(outcome.title, "en") == session.outcome_label
    assert Session.from_toml(session.to_toml()).outcome_title == session.outcome_title
    assert session.matches("internship remark")  # the filter finds a session by its title

    walk = walked(sample_tree, CHINA_X1)
    walk.revise("start-date", "2027-06-01")  # another outcome
    assert walk.outcome is not None and walk.outcome.id != "x1-remark"
    assert session.record_walk(walk, tree_hash(sample_tree))
    assert session.outcome_title == tr(walk.outcome.title, "en")

    unfinished = session_of(sample_tree, CHINA_X1[:1])
    assert (unfinished.outcome, unfinished.outcome_title, unfinished.outcome_label) == (
        None,
        None,
        "",
    )


def test_a_file_without_the_title_shows_the_outcome_id(sample_tree: Tree) -> None:
    session = session_of(sample_tree, CHINA_X1).model_copy(update={"outcome_title": None})
    assert session.outcome_label == "x1-remark"


def test_a_what_if_copy_before_the_outcome_drops_its_title(sample_tree: Tree) -> None:
    session = session_of(sample_tree, CHINA_X1)
    copy = session.duplicate(CHINA_X1_SECOND, "20260101-cccccc")
    assert (copy.outcome, copy.outcome_title) == (None, None)
    whole = session.duplicate(None, "20260101-dddddd")
    assert whole.outcome_title == session.outcome_title


def test_sessions_list_shows_outcome_titles_and_marks_copies(
    tmp_path: Path, sample_tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    store = SessionStore(data)
    handle = saved_session(store, sample_tree, OVERSEAS_S2)
    original = handle.current
    handle.close()
    later = dt.datetime(2099, 1, 1, tzinfo=dt.UTC)  # listed first: newest first
    copy = original.duplicate(None, "20990101-eeeeee", now=later)
    (data / "sessions" / f"{copy.id}.toml").write_text(copy.to_toml(), encoding="utf-8")
    title = tr(sample_tree.outcomes[original.outcome or ""].title, "en")

    assert main(["sessions", "list", "--data-dir", str(data)]) == 0
    head, *rows = capsys.readouterr().out.splitlines()
    assert head.split()[-4:] == ["OUTCOME", "WHAT", "IF", "OF"]
    assert rows[0].startswith(copy.id) and rows[0].endswith(f"{title}  {original.id}")
    assert rows[1].startswith(original.id) and rows[1].endswith(title)

    assert main(["sessions", "list", "--format", "json", "--data-dir", str(data)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["outcome"], r["outcome_title"], r["copied_from"]) for r in listed] == [
        (original.outcome, title, original.id),
        (original.outcome, title, ""),
    ]
