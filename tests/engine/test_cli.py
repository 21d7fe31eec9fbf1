"""The command line: run, paths, graph, schema, help and version, and clean errors."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.paths import SAMPLE
from wizard.cli.main import app_defaults, build_parser, main


def answers_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_run_prints_the_outcome(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = answers_file(
        tmp_path, 'enrolment = "china"\nfield = "yes"\nstart-date = 2026-03-01\n'
    )
    assert main(["run", str(SAMPLE), "--answers", answers]) == 0
    out = capsys.readouterr().out
    assert out.startswith("X1 visa with an internship remark\n=====")
    assert "\nVerdict: Recommended\n" in out
    assert "  2. Is the internship in your field of study?\n     Answer: Yes\n" in out
    assert "  [ ] To do: Internship approval letter\n" in out
    assert "Who: your university; when: before you start" in out
    # A walk has no session: no id, date or people in the header.
    assert "Summary of your answers to the China Pathways Wizard." in out
    assert not any(
        line.startswith(("Session:", "Date:", "Client:", "Counselor:")) for line in out.splitlines()
    )


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_run_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    answers = answers_file(tmp_path, 'enrolment = "overseas"\nmonths = 12\n')
    assert main(["run", str(SAMPLE), "--answers", answers, "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        data = json.loads(out)
        assert (data["format"], data["format_version"]) == ("china-pathways-wizard/outcome", 1)
        assert data["outcome"]["id"] == "too-long"
        assert data["pathway"] == data["outcome"]
        assert [w["answer"] for w in data["why"]] == ["overseas", 12]
        assert [a["answer"] for a in data["answers"]] == ["Outside China", "12 months"]
        assert data["risks"][0]["severity"] == "high"
        assert data["status"] == "finished" and data["tree"]["id"] == "sample"
        assert not {"session_id", "date", "client", "counselor", "other_notes"} & set(data)
    else:
        assert out.startswith("# Too long for an S2\n")
        assert "\n**Verdict:** Not available\n" in out


def test_run_stops_at_the_next_question_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = answers_file(tmp_path, 'enrolment = "china"\n')
    assert main(["run", str(SAMPLE), "--answers", answers]) == 2
    out = capsys.readouterr().out
    assert out.startswith("Next question (field, yesno): Is the internship in your field of study?")
    assert "  yes: Yes\n  no: No\n" in out
    assert out.endswith(
        f'To answer it, put this line in {answers}:\n  field = "yes"\n  (one of the ids above)\n'
    )


def test_run_reports_a_refused_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = answers_file(tmp_path, 'enrolment = "overseas"\nmonths = "lots"\n')
    assert main(["run", str(SAMPLE), "--answers", answers]) == 2
    captured = capsys.readouterr()
    assert "months: 'lots' is not a number" in captured.err
    assert "Next question (months, number)" in captured.out


def test_run_with_a_broken_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = answers_file(tmp_path, "enrolment = \n")
    assert main(["run", str(SAMPLE), "--answers", answers]) == 1
    assert "not valid TOML" in capsys.readouterr().err
    assert main(["run", str(SAMPLE), "--answers", str(tmp_path / "none.toml")]) == 1
    assert "cannot read answers" in capsys.readouterr().err


def test_run_with_a_broken_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = tmp_path / "tree.toml"
    tree.write_text("[tree]\nid = 3\n")
    assert main(["run", str(tree), "--answers", answers_file(tmp_path, "")]) == 1
    assert f"{tree}:2: tree: error: id: Input should be a valid string" in capsys.readouterr().err


def test_paths_and_graph(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["paths", str(SAMPLE)]) == 0
    assert "not-allowed (not-advised): Not allowed\n  paths: 3" in capsys.readouterr().out
    assert main(["graph", str(SAMPLE), "--format", "dot"]) == 0
    assert capsys.readouterr().out.startswith('digraph "sample" {')
    assert main(["graph", str(SAMPLE)]) == 0
    assert capsys.readouterr().out.startswith("flowchart TD")


def test_schema_is_json_schema_of_the_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["properties"]) == {"tree", "sources", "risks", "nodes", "outcomes"}
    assert schema["additionalProperties"] is False
    assert (
        "ChoiceQuestion" in schema["$defs"]
        and "continue" in schema["$defs"]["Outcome"]["properties"]
    )


def all_commands(
    parser: argparse.ArgumentParser, prefix: str = "wizard"
) -> Iterator[tuple[str, Any]]:
    """Every command and nested subcommand with its parser."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield f"{prefix} {name}", sub
                yield from all_commands(sub, f"{prefix} {name}")


def test_every_command_has_complete_help() -> None:
    commands = dict(all_commands(build_parser()))
    assert {"wizard check", "wizard schema", "wizard run", "wizard paths", "wizard graph"} <= set(
        commands
    )
    for name, sub in commands.items():
        assert sub.description, f"{name} has no description"
        for action in sub._actions:
            if not isinstance(action, argparse._SubParsersAction):
                assert action.help, f"{name} {action.dest} has no help"
        assert sub.format_help().startswith("usage: wizard")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith("wizard ")


def test_run_shows_typed_text_as_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    company = "ACME *x* [link](javascript:1) \x1b[31mred"
    answers = answers_file(
        tmp_path,
        f'enrolment = "overseas"\nmonths = 4\nsectors = ["ai"]\ncompany = {json.dumps(company)}\n',
    )
    assert main(["run", str(SAMPLE), "--answers", answers, "--format", "md"]) == 0
    markdown = capsys.readouterr().out
    # Markdown escapes: the written-out escape's backslash is escaped too, so it renders as \x1b.
    assert r"ACME \*x\* \[link\](javascript:1) \\x1b\[31mred" in markdown
    assert "\x1b" not in markdown
    assert main(["run", str(SAMPLE), "--answers", answers]) == 0
    text = capsys.readouterr().out
    assert r"ACME *x* [link](javascript:1) \x1b[31mred" in text and "\x1b" not in text


def test_no_arguments_open_the_app_as_the_parser_would() -> None:
    """`wizard` alone skips building the parser: what it runs must be what parsing gives."""
    assert vars(app_defaults()) == vars(build_parser().parse_args([]))
