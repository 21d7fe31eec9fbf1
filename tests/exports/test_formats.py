"""The formats: Markdown, HTML (self-contained, from the Markdown), text (72 columns), JSON."""

from __future__ import annotations

import json
import re

from wizard.exports.html import CSP, markdown_to_html
from wizard.exports.json_export import FORMAT_NAME, FORMAT_VERSION
from wizard.exports.text import WIDTH
from wizard.sessions.model import Session
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

from .checks import parse
from .factory import SAMPLE_S2, make_session, rendered


def test_markdown_has_every_section(x1: tuple[Session, Walk]) -> None:
    md = rendered(*x1).md
    headings = re.findall(r"^##? .*$", md, flags=re.MULTILINE)
    assert headings == [
        "# X1 visa with an internship remark",
        "## Recommended pathway",
        "## Alternatives",
        "## Steps",
        "## Checklist (1 of 1 done)",
        "## Your answers",
        "## Sources",
    ]
    assert "- ☑ **Done:** Internship approval letter\\\n  Who: your university" in md
    assert "*Counselor's note:* Enrolled at Fudan until 2027.\\\n   Bring the" in md
    assert "<https://shanghai.bencham.org/news/" in md
    assert md.rstrip().endswith("**Disclaimer:** General information, not legal advice.")


def test_risks_are_headed_by_word_and_icon(sample_tree: Tree) -> None:
    md = rendered(*make_session(sample_tree, SAMPLE_S2)).md
    assert "### ▲ High\n\n- **The S2 internship visa is applied for inside China only**" in md
    assert "**What to do:** Prefer the X1 route." in md


def test_html_is_the_markdown_rendered_in_a_safe_page(x1: tuple[Session, Walk]) -> None:
    r = rendered(*x1)
    page = r.html
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert markdown_to_html(r.md) in page
    assert '<meta charset="utf-8">' in page
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "script-src" not in CSP and "default-src 'none'" in CSP  # so no script may run
    assert "<title>X1 visa with an internship remark - Ana Silva</title>" in page
    assert "@media print" in page


def test_html_loads_nothing_from_outside(x1: tuple[Session, Walk]) -> None:
    tags = parse(rendered(*x1).html).tags
    names = {name for name, _ in tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    assert all("src" not in attrs for _, attrs in tags)
    assert "url(" not in rendered(*x1).html and "@import" not in rendered(*x1).html
    links = [attrs["href"] for name, attrs in tags if name == "a"]
    assert links == [
        "https://shanghai.bencham.org/news/interning-china-important-visa-advisory-foreign-students"
    ]


def test_severity_headings_get_a_class(sample_tree: Tree) -> None:
    tags = parse(rendered(*make_session(sample_tree, SAMPLE_S2)).html).tags
    assert ("h3", {"class": "severity severity-high"}) in tags


def test_text_is_wrapped_for_email(sample_tree: Tree) -> None:
    long_note = "This note is long enough to be wrapped. " * 8
    session, walk = make_session(sample_tree, SAMPLE_S2, notes={"company": long_note})
    txt = rendered(session, walk).txt
    for line in txt.splitlines():
        assert len(line) <= WIDTH or line.strip().startswith("https://"), line
    assert "  4. Name of the inviting company\n     Answer: ACME Shanghai Ltd.\n" in txt
    assert "     Counselor's note: This note is long enough to be wrapped. This note" in txt
    assert "[▲ HIGH]\n\n  * The S2 internship visa is applied for inside China only" in txt


def test_text_is_not_stripped_markdown(x1: tuple[Session, Walk]) -> None:
    txt = rendered(*x1).txt
    assert "**" not in txt and "\\" not in txt
    assert "  [x] Done:  Internship approval letter\n" in txt
    assert "Status:     Finished\nClient:     Ana Silva (ana@example.org)\n" in txt


def test_in_progress_is_said_in_every_format(sample_tree: Tree) -> None:
    r = rendered(*make_session(sample_tree, [("enrolment", "overseas")]))
    assert r.md.startswith("# Sample pathways (in progress)\n")
    assert "**Next question:** How many months is the internship?" in r.md
    assert r.txt.startswith("Sample pathways (in progress)\n")
    assert "Next question: How many months is the internship?" in r.txt
    assert "<h1>Sample pathways (in progress)</h1>" in r.html
    assert json.loads(r.json)["summary"]["status"] == "in progress"


def test_json_holds_tree_summary_and_session(x1: tuple[Session, Walk]) -> None:
    session, walk = x1
    data = json.loads(rendered(session, walk).json)
    assert (data["format"], data["format_version"]) == (FORMAT_NAME, FORMAT_VERSION)
    assert data["tree"] == {"id": "sample", "version": "1.0.0", "hash": session.tree_hash}
    assert data["session"] == session.to_json_data()
    assert Session.from_json_data(data["session"]) == session
    assert data["summary"]["answers"][0]["answer"] == "In China"


def test_raw_html_is_disabled_even_without_escaping() -> None:
    """The second line of defence: markdown-it shows raw HTML as text (the first is escaping)."""
    rendered_html = markdown_to_html("<script>alert(1)</script>\n\nHi <b onclick=x>there</b>\n")
    assert "<script" not in rendered_html and "<b " not in rendered_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered_html
    assert markdown_to_html("[x](javascript:alert(1))") == "<p>[x](javascript:alert(1))</p>\n"
