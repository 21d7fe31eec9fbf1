"""The summary as plain text, wrapped for email (72 columns), rendered from the `Summary` itself
(not by stripping the Markdown).

Text is shown literally: nothing here is markup, and control characters (ANSI escapes and the
like) are written out by `visible`, so a terminal printing the file never acts on them. Lines are
measured in display columns (a Chinese character takes two, see `columns.py`); URLs and Latin
words are never broken across lines.
"""

from __future__ import annotations

from wizard.exports.columns import columns, wrap
from wizard.exports.escape import one_line, paragraphs
from wizard.exports.markdown import intro, severity_heading
from wizard.report.summary import Summary

WIDTH = 72
_LABEL = 12


def _wrap(text: str, first: str = "", indent: str = "") -> list[str]:
    """`text` wrapped to WIDTH columns; the first line starts with `first`, the others with
    `indent`. The author's line breaks are kept, and a blank line between paragraphs."""
    out: list[str] = []
    prefix = first
    for number, lines in enumerate(paragraphs(text)):
        if number:
            out.append(indent.rstrip())
        for line in lines:
            out += wrap(line, WIDTH, prefix, indent) or [prefix.rstrip()]
            prefix = indent
    return out or ([first.rstrip()] if first.strip() else [])


def _heading(title: str, rule: str) -> list[str]:
    lines = _wrap(title)
    return ["", "", *lines, rule * max(columns(line) for line in lines)]


def _fact(label: str, value: str) -> list[str]:
    return _wrap(value, f"{label + ':':<{_LABEL}}", " " * _LABEL)


def to_text(s: Summary) -> str:
    title = one_line(s.heading) + ("" if s.finished else " (in progress)")
    out = _heading(title, "=")[2:]
    out += ["", intro(s), ""]
    out += _fact(
        "Status", "Finished" if s.finished else "In progress: not every question is answered yet"
    )
    if s.client_name or s.client_email:
        email = f" ({one_line(s.client_email)})" if s.client_email else ""
        out += _fact("Client", (one_line(s.client_name) or "(no name)") + email)
    if s.counselor:
        out += _fact("Counselor", s.counselor)
    if s.date:
        out += _fact("Date", s.date)
    guide = f"{one_line(s.tree.title)} (version {s.tree.version}, last reviewed "
    out += _fact("Guide", f"{guide}{s.tree.last_reviewed})")
    if s.session_id:
        out += _fact("Session", s.session_id)
    for section in (
        _pathway,
        _assumptions,
        _alternatives,
        _risks,
        _steps,
        _checklist,
        _answers,
        _other_notes,
        _continue,
        _sources,
        _footer,
    ):
        out += section(s)
    return "\n".join(line.rstrip() for line in out) + "\n"


def _pathway(s: Summary) -> list[str]:
    p = s.pathway
    if p is None:
        out = [*_heading("IN PROGRESS", "-"), ""]
        out += _wrap(
            "This session is not finished, so no pathway is recommended yet. The risks below "
            "are those met so far."
        )
        if s.next_question:
            out += ["", *_wrap(s.next_question, "Next question: ", "  ")]
        return out
    heading = "RECOMMENDED PATHWAY" if p.verdict == "recommended" else "YOUR PATHWAY"
    out = [*_heading(heading, "-"), ""]
    out += [*_wrap(p.title), f"Verdict: {p.verdict_label}", ""]
    return out + _wrap(p.summary, "Why: ", "  ")


def _assumptions(s: Summary) -> list[str]:
    if not s.assumptions:
        return []
    out = [*_heading("TO CONFIRM", "-"), ""]
    if any(a.lowers_verdict for a in s.assumptions):
        out += [*_wrap("The verdict takes these on trust: confirm them before you act."), ""]
    for a in s.assumptions:
        out += _wrap(one_line(a.text), "  * ", "    ")
    return out


def _alternatives(s: Summary) -> list[str]:
    if not s.alternatives:
        return []
    out = [*_heading("ALTERNATIVES", "-"), ""]
    for a in s.alternatives:
        out += _wrap(f"{one_line(a.title)}: {a.verdict_label}", "  * ", "    ")
        if not a.open:
            for line in (a.why_closed(), a.what_opens()):
                if line:
                    out += _wrap(one_line(line), "    ", "    ")
    return out


def _risks(s: Summary) -> list[str]:
    if not s.risks:
        return []
    out = _heading("RISKS", "-")
    for severity, risks in s.risks_by_severity():
        out += ["", f"[{severity_heading(severity).upper()}]"]
        for r in risks:
            out += ["", *_wrap(r.title, "  * ", "    "), *_wrap(r.detail, "    ", "    ")]
            out += _wrap(r.mitigation, "    What to do: ", "    ")
    return out


def _steps(s: Summary) -> list[str]:
    if not s.steps:
        return []
    out = [*_heading("STEPS", "-"), ""]
    for index, step in enumerate(s.steps, 1):
        marker = f"  {index}. "
        out += _wrap(step, marker, " " * len(marker))
    return out


def _checklist(s: Summary) -> list[str]:
    if not s.checklist:
        return []
    done, total = s.checklist_counts()
    out = _heading(f"CHECKLIST ({done} of {total} done)", "-")
    for c in s.checklist:
        mark = "[x] Done:  " if c.done else "[ ] To do: "
        optional = " (optional)" if not c.required else ""
        when = f"; when: {one_line(c.when)}" if c.when.strip() else ""
        out += ["", *_wrap(one_line(c.text) + optional, "  " + mark, " " * 13)]
        out += _wrap(f"Who: {c.who_label}{when}", " " * 13, " " * 13)
    return out


def _answers(s: Summary) -> list[str]:
    out = _heading("YOUR ANSWERS", "-")
    if not s.answers:
        return [*out, "", "No questions answered yet."]
    for index, a in enumerate(s.answers, 1):
        marker = f"  {index}. "
        indent = " " * len(marker)
        out += ["", *_wrap(a.prompt, marker, indent)]
        out += _wrap(a.answer, indent + "Answer: ", indent + "  ") or [indent + "Answer: (none)"]
        if a.note.strip():
            out += _wrap(a.note, indent + "Counselor's note: ", indent + "  ")
    return out


def _other_notes(s: Summary) -> list[str]:
    if not s.other_notes:
        return []
    out = _heading("NOTES ON QUESTIONS NO LONGER ON THE PATH", "-")
    for n in s.other_notes:
        out += ["", *_wrap(n.prompt, "  * ", "    ")]
        out += _wrap(n.note, "    Counselor's note: ", "      ")
    return out


def _continue(s: Summary) -> list[str]:
    if not s.continue_to:
        return []
    tree, label = s.continue_to
    return [*_heading("NEXT", "-"), "", *_wrap(f"{one_line(label)} (guide: {one_line(tree)})")]


def _sources(s: Summary) -> list[str]:
    if not s.sources:
        return []
    out = _heading("SOURCES", "-")
    for index, src in enumerate(s.sources, 1):
        marker = f"  {index}. "
        indent = " " * len(marker)
        dates = f"accessed {src.accessed}" + (
            f"; published {src.published}" if src.published else ""
        )
        out += ["", *_wrap(f"{one_line(src.title)}, {one_line(src.publisher)}", marker, indent)]
        out += [indent + one_line(src.url), f"{indent}({dates})"]
    return out


def _footer(s: Summary) -> list[str]:
    return ["", "", "-" * WIDTH, *_wrap(s.disclaimer, "Disclaimer: ", "")]
