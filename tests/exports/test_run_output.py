"""`wizard run`'s output: the exports' renderers applied to the summary of a walk alone (no
session), and the next question with a line that answers it when the answers stop early."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.paths import BILINGUAL, SAMPLE
from wizard.cli.main import main
from wizard.cli.run_output import question_text, render_outcome
from wizard.exports.columns import columns
from wizard.exports.markdown import to_markdown
from wizard.exports.text import WIDTH, to_text
from wizard.report.summary import Summary, build_summary, walk_summary
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

from .factory import SAMPLE_S2, SAMPLE_X1, make_session

SESSION_ONLY = ("Client", "Counselor", "Date", "Session")
"""Header facts only a saved session has."""


def _without_session_lines(text: str, prefix: str) -> list[str]:
    """`text` without the header facts of a session and without the intro line."""
    return [
        line
        for line in text.splitlines()
        if not line.startswith(tuple(f"{prefix}{fact}:" for fact in SESSION_ONLY))
        and not line.startswith("Summary of ")
    ]


@pytest.mark.parametrize(
    ("fmt", "export", "prefix"), [("text", to_text, ""), ("md", to_markdown, "- **")]
)
def test_run_renders_what_a_session_export_renders(
    sample_tree: Tree, fmt: str, export: Callable[[Summary], str], prefix: str
) -> None:
    """Apart from the session's own header lines, `wizard run` prints exactly the session's
    export of the same walk (no notes, nothing ticked): one renderer for both."""
    session, walk = make_session(sample_tree, SAMPLE_S2, notes={})
    exported = export(build_summary(session, walk))
    printed = render_outcome(walk, fmt)
    assert _without_session_lines(printed, prefix) == _without_session_lines(exported, prefix)
    assert "Summary of your answers to the China Pathways Wizard." in printed
    assert "Summary of a session with the China Pathways Wizard." in exported


def test_a_walk_alone_has_no_session_parts(sample_tree: Tree) -> None:
    walk, _ = Walk.replay(sample_tree, SAMPLE_X1)
    s = walk_summary(walk)
    assert (s.session_id, s.date, s.client_name, s.client_email, s.counselor) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert not s.of_session and s.finished
    assert [c.done for c in s.checklist] == [False]
    assert [(a.question, a.note) for a in s.answers] == [
        ("enrolment", ""),
        ("field", ""),
        ("start-date", ""),
    ]


def test_run_json_is_the_summary_without_the_session_plus_the_old_keys(sample_tree: Tree) -> None:
    walk, _ = Walk.replay(sample_tree, SAMPLE_X1)
    data = json.loads(render_outcome(walk, "json"))
    assert list(data)[:2] == ["format", "format_version"]
    assert data["pathway"]["id"] == data["outcome"]["id"] == "x1-remark"
    # "why" keeps the answer as given (the date written out) beside its words.
    assert data["why"][2] == {
        "question": "start-date",
        "prompt": "When does it start?",
        "answer": "2026-06-01",
        "label": "2026-06-01",
    }
    assert data["checklist"][0]["done"] is False
    assert data["next_question"] is None
    assert data["tree"]["hash"].startswith("sha256:")


def test_run_text_fits_72_columns_with_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text('degree = "master"\nemployer = "上海某科技有限公司"\n', encoding="utf-8")
    assert main(["run", str(BILINGUAL), "--answers", str(answers)]) == 0
    out = capsys.readouterr().out
    too_wide = [line for line in out.splitlines() if columns(line) > WIDTH and "://" not in line]
    assert too_wide == []
    assert "居留许可" in out


# Each question type of the sample tree, reached by these answers, with the line offered.
NEXT = [
    ([], "enrolment", 'enrolment = "china"', "one of the ids above"),
    ([("enrolment", "china")], "field", 'field = "yes"', "one of the ids above"),
    ([("enrolment", "china"), ("field", "yes")], "start-date", "start-date = 2020-01-01", "a date"),
    ([("enrolment", "overseas")], "months", "months = 1", "a number, in months, from 1 to 24"),
    ([("enrolment", "overseas"), ("months", 4)], "sectors", 'sectors = ["', "a list of any"),
    (SAMPLE_S2[:3], "company", 'company = "..."', "text in quotes"),
]


@pytest.mark.parametrize(("answers", "qid", "line", "meaning"), NEXT)
def test_the_offered_line_answers_the_question(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    answers: list[tuple[str, object]],
    qid: str,
    line: str,
    meaning: str,
) -> None:
    """The line `wizard run` offers for the next question is accepted: put in the file, the walk
    moves past that question with no complaint."""
    path = tmp_path / "answers.toml"
    path.write_text("".join(f"{q} = {json.dumps(a)}\n" for q, a in answers), encoding="utf-8")
    assert main(["run", str(SAMPLE), "--answers", str(path)]) == 2
    out = capsys.readouterr().out
    assert out.startswith(f"Next question ({qid}, ")
    offered = out.split(f"put this line in {path}:\n", 1)[1].splitlines()
    assert offered[0].strip().startswith(line) and meaning in offered[1]
    path.write_text(path.read_text(encoding="utf-8") + offered[0].strip() + "\n", encoding="utf-8")
    code = main(["run", str(SAMPLE), "--answers", str(path)])
    captured = capsys.readouterr()
    assert captured.err == ""
    assert code == 0 or not captured.out.startswith(f"Next question ({qid}, ")


def test_the_next_question_shows_tree_text_as_text(sample_tree: Tree) -> None:
    question = sample_tree.nodes["enrolment"].model_copy(update={"help": "\x1b[2Jcleared"})
    text = question_text(question, answers_file="a\x1b[31m.toml")
    assert "\x1b" not in text
    assert r"\x1b[2Jcleared" in text and r"a\x1b[31m.toml" in text
