"""Building one Summary from a session: finished, in progress, notes, ticks, sources."""

from __future__ import annotations

from wizard.report.outcome import outcome_data
from wizard.report.summary import build_summary, summary_data
from wizard.sessions.model import Session, tree_hash
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

from .factory import FIXED, SAMPLE_S2, SAMPLE_X1, SESSION_ID, make_session


def test_finished_summary_has_every_part(x1: tuple[Session, Walk], sample_tree: Tree) -> None:
    session, walk = x1
    s = build_summary(session, walk)
    assert s.status == "finished" and s.finished
    assert (s.client_name, s.client_email, s.counselor) == (
        "Ana Silva",
        "ana@example.org",
        "Li Wei",
    )
    assert s.date == FIXED.date().isoformat()
    assert s.session_id == SESSION_ID
    assert (s.tree.id, s.tree.version, s.tree.last_reviewed) == ("sample", "1.0.0", "2026-11-01")
    assert s.tree.hash == tree_hash(sample_tree)
    assert s.pathway is not None
    assert (s.pathway.id, s.pathway.verdict, s.pathway.verdict_label) == (
        "x1-remark",
        "recommended",
        "Recommended",
    )
    assert s.pathway.summary == "Have the internship added to your residence permit."
    # The S2 route needs a university outside China: not open to this X1 student.
    assert [(a.id, a.open, a.verdict_label) for a in s.alternatives] == [
        ("s2", False, "Not open to you")
    ]
    assert s.alternatives[0].why_closed() == "You answered “In China” to “Where are you enrolled?”."
    assert s.steps == [
        "Ask your university for an approval letter",
        "Apply at the Exit-Entry Bureau",
    ]
    [item] = s.checklist
    assert (item.id, item.who_label, item.when, item.done) == (
        "approval-letter",
        "your university",
        "before you start",
        True,
    )
    assert s.checklist_counts() == (1, 1)
    assert [(a.question, a.answer) for a in s.answers] == [
        ("enrolment", "In China"),
        ("field", "Yes"),
        ("start-date", "2026-06-01"),
    ]
    assert s.answers[0].note == "Enrolled at Fudan until 2027.\nBring the original letter."
    assert s.answers[1].note == ""
    assert [src.id for src in s.sources] == ["advisory"]
    assert s.sources[0].accessed == "2026-11-25"
    assert s.disclaimer == "General information, not legal advice."


def test_outcome_parts_are_those_of_the_outcome_data(x1: tuple[Session, Walk]) -> None:
    """The summary reuses `outcome_data`: the same risks, steps and checklist texts."""
    session, walk = x1
    s = build_summary(session, walk)
    data = outcome_data(walk)
    assert [r.id for r in s.risks] == [r["id"] for r in data["risks"]]
    assert s.steps == data["steps"]
    assert [c.text for c in s.checklist] == [c["text"] for c in data["checklist"]]


def test_risks_are_grouped_most_severe_first(sample_tree: Tree) -> None:
    session, walk = make_session(sample_tree, [("enrolment", "china"), ("field", "no")], notes={})
    s = build_summary(session, walk)
    assert [(sev, [r.id for r in risks]) for sev, risks in s.risks_by_severity()] == [
        ("caution", ["unrelated"])
    ]
    session, walk = make_session(sample_tree, SAMPLE_S2)
    groups = build_summary(session, walk).risks_by_severity()
    assert [sev for sev, _ in groups] == ["high"]


def test_unfinished_session_is_in_progress(sample_tree: Tree) -> None:
    session, walk = make_session(sample_tree, [("enrolment", "overseas")])
    s = build_summary(session, walk)
    assert s.status == "in progress" and not s.finished
    assert s.pathway is None and s.checklist == [] and s.steps == []
    assert s.next_question == "How many months is the internship?"
    assert [r.id for r in s.risks] == ["s2-in-country"]  # met by the option picked
    assert [src.id for src in s.sources] == ["advisory"]  # the risk's and the question's
    assert s.heading == "Sample pathways"


def test_ticks_of_another_outcome_do_not_count(sample_tree: Tree) -> None:
    session, walk = make_session(sample_tree, SAMPLE_X1)
    session.set_tick("s2", "approval-letter", True)
    assert build_summary(session, walk).checklist_counts() == (0, 1)


def test_notes_off_the_path_are_kept(sample_tree: Tree) -> None:
    """A note on a question the path no longer reaches still reaches the client."""
    session, walk = make_session(
        sample_tree, SAMPLE_X1, notes={"months": "Asked about 8 months first.", "field": "ok"}
    )
    s = build_summary(session, walk)
    assert [(n.question, n.prompt, n.note) for n in s.other_notes] == [
        ("months", "How many months is the internship?", "Asked about 8 months first.")
    ]
    assert [a.note for a in s.answers] == ["", "ok", ""]


def test_summary_data_is_plain_json_data(x1: tuple[Session, Walk]) -> None:
    import json

    session, walk = x1
    data = summary_data(build_summary(session, walk))
    assert json.loads(json.dumps(data)) == data
    assert data["checklist"][0]["done"] is True
    assert data["pathway"]["id"] == "x1-remark"
    assert data["client"] == {"name": "Ana Silva", "email": "ana@example.org"}
