"""The session model: any session survives a save and a load unchanged (TOML and JSON), and the
changes a walk, a note or a tick make are recorded as they should be."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.paths import SAMPLE, SESSION_DATA
from tests.sessions.saved import CHINA_X1, OVERSEAS_S2, session_of, walked
from wizard.sessions.model import (
    NewerFormatError,
    Session,
    SessionFileError,
    new_session_id,
    tree_hash,
)
from wizard.tree.loader import read
from wizard.tree.schema import Tree

ids = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,15}", fullmatch=True)
texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)  # no lone surrogates
zones = st.sampled_from(
    [dt.UTC, dt.timezone(dt.timedelta(hours=8)), dt.timezone(-dt.timedelta(hours=5, minutes=30))]
)
times = st.datetimes(timezones=zones)
values = st.one_of(
    texts,
    st.lists(texts, max_size=4),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
)
optional = st.none() | texts


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    questions = draw(st.lists(ids, unique=True, max_size=8))
    data: dict[str, Any] = {
        "id": draw(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,20}", fullmatch=True)),
        "tree": draw(ids),
        "tree_version": draw(texts),
        "tree_hash": "sha256:" + draw(st.text("0123456789abcdef", min_size=64, max_size=64)),
        "tree_file": draw(optional),
        "created": draw(times),
        "updated": draw(times),
        "revision": draw(st.integers(0, 10**6)),
        "language": draw(st.sampled_from(["en", "zh", "fr"])),
        "client_name": draw(optional),
        "client_email": draw(optional),
        "counselor": draw(optional),
        "outcome": draw(st.none() | ids),
        "copied_from": draw(st.none() | ids),
        "copied_at": draw(st.none() | ids),
        "remembered": draw(st.dictionaries(texts, values, max_size=3)),
        "notes": draw(st.dictionaries(texts, texts, max_size=3)),
        "checklist": draw(st.dictionaries(ids, st.lists(ids, max_size=3), max_size=3)),
        "answers": [{"question": q, "value": draw(values), "at": draw(times)} for q in questions],
    }
    return Session.model_validate(data)


@settings(max_examples=300, deadline=None)
@given(sessions())
def test_any_session_round_trips_through_toml(session: Session) -> None:
    loaded = Session.from_toml(session.to_toml())
    assert loaded == session
    for before, after in zip(session.answers, loaded.answers, strict=True):
        assert type(after.value) is type(before.value)  # a date stays a date, an int an int


@settings(max_examples=300, deadline=None)
@given(sessions())
def test_any_session_round_trips_through_json(session: Session) -> None:
    text = json.dumps(session.to_json_data())
    loaded = Session.from_json_data(json.loads(text))
    assert loaded == session
    assert [type(r.value) for r in loaded.answers] == [type(r.value) for r in session.answers]


def test_a_date_and_a_text_that_looks_like_one_stay_apart() -> None:
    session = Session.model_validate(
        {
            "id": "s1",
            "tree": "t",
            "tree_version": "1",
            "tree_hash": "sha256:" + "0" * 64,
            "created": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            "updated": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            "answers": [
                {
                    "question": "a",
                    "value": dt.date(2026, 3, 1),
                    "at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                },
                {
                    "question": "b",
                    "value": "2026-03-01",
                    "at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                },
            ],
        }
    )
    for loaded in (
        Session.from_toml(session.to_toml()),
        Session.from_json_data(session.to_json_data()),
    ):
        assert loaded.answer_values == {"a": dt.date(2026, 3, 1), "b": "2026-03-01"}


def test_the_file_is_readable_toml(sample_tree: Tree) -> None:
    session = session_of(sample_tree, CHINA_X1)
    session.set_note("field", "Studies economics.\nAsked about a second internship.")
    session.set_tick("x1-remark", "approval-letter", True)
    text = session.to_toml()
    assert 'tree = "sample"' in text
    assert '[[answers]]\nquestion = "enrolment"\nvalue = "china"\n' in text
    assert "value = 2026-03-01\n" in text  # a TOML date, not a string
    assert 'field = """\nStudies economics.\nAsked about a second internship."""' in text
    assert 'x1-remark = [\n    "approval-letter",\n]' in text
    assert "client_name" not in text  # absent, not empty
    assert 'outcome = "x1-remark"' in text


def test_recording_a_walk_keeps_the_time_of_unchanged_answers(sample_tree: Tree) -> None:
    first = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    later = dt.datetime(2026, 1, 2, 9, tzinfo=dt.UTC)
    session = session_of(sample_tree, [])
    walk = walked(sample_tree, OVERSEAS_S2)
    assert session.record_walk(walk, tree_hash(sample_tree), first)
    assert session.outcome == "s2"
    assert not session.record_walk(walk, tree_hash(sample_tree), later)  # nothing changed
    dropped = walk.revise("months", 12)
    assert [s.id for s in dropped] == ["sectors", "company"]
    assert session.record_walk(walk, tree_hash(sample_tree), later)
    assert [(r.question, r.value, r.at) for r in session.answers] == [
        ("enrolment", "overseas", first),
        ("months", 12, later),
    ]
    assert session.outcome == "too-long"
    assert session.remembered == {"sectors": ["ai"], "company": "ACME Ltd"}


def test_notes_and_ticks(sample_tree: Tree) -> None:
    session = session_of(sample_tree, CHINA_X1)
    assert session.set_note("enrolment", "Fudan, until 2027.  \n")
    assert session.notes == {"enrolment": "Fudan, until 2027."}
    assert not session.set_note("enrolment", "Fudan, until 2027.")
    assert session.set_note("enrolment", "   ")
    assert session.notes == {}
    assert session.set_tick("x1-remark", "approval-letter", True)
    assert not session.set_tick("x1-remark", "approval-letter", True)
    assert session.ticked("x1-remark") == ["approval-letter"]
    assert session.set_tick("x1-remark", "approval-letter", False)
    assert session.checklist == {}


def test_ticking_again_what_is_ticked_changes_nothing(sample_tree: Tree) -> None:
    # Opening a session records its ticks again; with two or more ticked, re-ticking one used
    # to move it last, which counted as a change: a save, a new revision, a false conflict.
    session = session_of(sample_tree, CHINA_X1)
    assert session.set_tick("x1-remark", "approval-letter", True)
    assert session.set_tick("x1-remark", "insurance", True)
    assert not session.set_tick("x1-remark", "approval-letter", True)
    assert not session.set_tick("x1-remark", "passport", False)
    assert session.ticked("x1-remark") == ["approval-letter", "insurance"]


def test_people_blank_means_absent(sample_tree: Tree) -> None:
    session = session_of(sample_tree, [])
    assert session.set_people("  Ana Silva ", "", None)
    assert (session.client_name, session.client_email, session.counselor) == (
        "Ana Silva",
        None,
        None,
    )


def test_duplicate_at_an_answer_keeps_what_came_before(sample_tree: Tree) -> None:
    session = session_of(sample_tree, OVERSEAS_S2)
    session.set_note("months", "Could extend.")
    copy = session.duplicate("months", "copy-1")
    assert copy.id == "copy-1" and copy.revision == 0
    assert copy.answer_values == {"enrolment": "overseas"}
    assert copy.remembered == {"months": 6, "sectors": ["ai"], "company": "ACME Ltd"}
    assert copy.outcome is None
    assert (copy.copied_from, copy.copied_at) == (session.id, "months")
    assert copy.notes == {"months": "Could extend."}
    assert session.answer_values["months"] == 6  # the original is untouched
    whole = session.duplicate(None, "copy-2")
    assert whole.answers == session.answers and whole.outcome == "s2" and whole.copied_at is None


def test_matches_filters_by_every_word(sample_tree: Tree) -> None:
    session = session_of(sample_tree, OVERSEAS_S2)
    session.set_people("Ana Silva", "ana@example.org", "Li Wei")
    assert session.matches("ana sample")
    assert session.matches("LI WEI")
    assert session.matches("finished")
    assert not session.matches("ana bob")


def test_new_ids_are_distinct_and_safe_file_names() -> None:
    made = {new_session_id() for _ in range(200)}
    assert len(made) == 200
    assert all(len(i) == 15 and i.replace("-", "").isalnum() for i in made)


def test_tree_hash_ignores_layout_but_not_content(sample_tree: Tree, tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")

    def digest_of(source: str) -> str:
        path = tmp_path / "tree.toml"
        path.write_text(source, encoding="utf-8")
        tree = read(path).tree
        assert tree is not None
        return tree_hash(tree)

    reformatted = "# a comment\n" + text.replace('id = "sample"', 'id   =   "sample"  # same')
    assert digest_of(reformatted) == tree_hash(sample_tree)
    assert digest_of(text.replace("max = 24", "max = 12")) != tree_hash(sample_tree)


BROKEN = sorted((SESSION_DATA / "broken").glob("*.toml"))


def expected_problem(path: Path) -> str:
    """Each broken fixture names, in its first line, the problem it must be reported with."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return first.removeprefix("# expect: ")


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_an_invalid_file_says_what_is_wrong(path: Path) -> None:
    with pytest.raises(SessionFileError) as caught:
        Session.from_toml(path.read_text(encoding="utf-8"))
    expected = expected_problem(path)
    assert any(p.startswith(expected) for p in caught.value.problems), caught.value.problems


def test_the_good_fixture_loads() -> None:
    session = Session.from_toml((SESSION_DATA / "good" / "20261101-a1b2c3.toml").read_text("utf-8"))
    assert session.answer_values == {
        "enrolment": "china",
        "field": "yes",
        "start-date": dt.date(2026, 3, 1),
    }
    assert session.notes["field"].endswith("second internship is possible.")


def test_each_problem_is_named_once() -> None:
    text = (
        'format = 1\nid = "s"\ntree = "t"\ntree_version = "1"\ntree_hash = "md5:1"\n'
        'created = 2026-01-01T00:00:00Z\nrevision = -1\ncolour = "red"\n'
        '[[answers]]\nquestion = "q"\nvalue = true\nat = 2026-01-01T00:00:00Z\n'
        '[[answers]]\nquestion = "q"\nvalue = 1\nat = 2026-01-01T00:00:00Z\n'
    )
    with pytest.raises(SessionFileError) as caught:
        Session.from_toml(text)
    assert sorted(caught.value.problems) == [
        "answers[0].value: not a valid answer (text, a list of option ids, a number or a date)",
        "colour: unknown key",
        "revision: Input should be greater than or equal to 0",
        "tree_hash: String should match pattern '^sha256:[0-9a-f]{64}$'",
        "updated: missing",
    ]


def test_a_question_answered_twice_is_refused(sample_tree: Tree) -> None:
    text = session_of(sample_tree, CHINA_X1).to_toml().replace('"field"', '"enrolment"')
    with pytest.raises(SessionFileError, match="question 'enrolment' is answered twice"):
        Session.from_toml(text)


def test_a_newer_format_is_not_called_damaged() -> None:
    with pytest.raises(NewerFormatError, match="newer version of the wizard"):
        Session.from_toml('format = 2\nid = "s"\nwhatever = "new"\n')


def test_a_time_without_offset_is_taken_as_utc(sample_tree: Tree) -> None:
    text = session_of(sample_tree, []).to_toml()
    lines = [
        "created = 2026-01-01T08:00:00" if line.startswith("created") else line
        for line in text.splitlines()
    ]
    loaded = Session.from_toml("\n".join(lines))
    assert loaded.created == dt.datetime(2026, 1, 1, 8, tzinfo=dt.UTC)


def test_a_note_pasted_with_windows_line_ends_comes_back_as_it_was(sample_tree: Tree) -> None:
    session = session_of(sample_tree, CHINA_X1)
    session.set_note("field", "line one\r\nline two\rthree")
    assert Session.from_toml(session.to_toml()).notes == session.notes
