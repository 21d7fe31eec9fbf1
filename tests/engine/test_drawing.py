"""`wizard graph`: Mermaid and Graphviz output, and Graphviz really renders it."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from wizard.tree.drawing import describe, dot, mermaid
from wizard.tree.schema import Condition, Tree


def test_mermaid_has_every_node_edge_and_verdict_colour(sample_tree: Tree) -> None:
    text = mermaid(sample_tree)
    assert text.startswith("flowchart TD\n")
    assert 'n_enrolment -->|"Outside China"| n_months' in text
    assert 'n_field -->|"Yes"| n_start_hdate' in text
    assert 'n_months -->|"if months #lt;= 6"| n_sectors' in text
    assert "class n_too_hlong not_available" in text
    assert "classDef recommended fill:#b7e4c7" in text


def test_dot_colours_outcomes_by_verdict_and_labels_edges(sample_tree: Tree) -> None:
    text = dot(sample_tree)
    assert '"x1-remark" [label="X1 visa with an internship\\nremark\\n(recommended)"' in text
    assert 'fillcolor="#ffadad"' in text  # not-available
    assert '"enrolment" -> "field" [label="In China"];' in text
    assert '"months" -> "too-long" [label="otherwise"];' in text


def test_conditions_in_words() -> None:
    condition = Condition.model_validate(
        {"all": [{"answer": "years", "gte": 5}, {"not": {"answer": "spouse", "in": ["a", "b"]}}]}
    )
    assert describe(condition) == "years >= 5 and not (spouse in a/b)"


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_renders_the_dot_output(sample_tree: Tree) -> None:
    result = subprocess.run(
        ["dot", "-Tsvg"], input=dot(sample_tree), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "<svg" in result.stdout and "Too long for an S2" in result.stdout
