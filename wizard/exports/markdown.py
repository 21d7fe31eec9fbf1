"""The summary as Markdown (CommonMark): the single source the HTML export is rendered from.

Every string from the tree or the user passes through `md_inline` / `md_block`, so it renders
as the text it is. Severity headings are written as `### <icon> <Word>` (see `severity_heading`);
the HTML export recognises exactly those to style them.
"""

from __future__ import annotations

from wizard.exports.escape import md_block, md_inline, md_url
from wizard.report.summary import SEVERITY_ICONS, SEVERITY_LABELS, Summary

APP = "China Pathways Wizard"


def severity_heading(severity: str) -> str:
    return f"{SEVERITY_ICONS[severity]} {SEVERITY_LABELS[severity]}"


def intro(s: Summary) -> str:
    """The line under the title: what this is a summary of."""
    if s.of_session:
        return f"Summary of a session with the {APP}."
    return f"Summary of your answers to the {APP}."


def checklist_mark(done: bool) -> str:
    return "☑ **Done:**" if done else "☐ **To do:**"


def to_markdown(s: Summary) -> str:
    out = _head(s)
    out += _pathway(s) if s.pathway else _in_progress(s)
    for section in (
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
    return "\n".join(out) + "\n"


def _numbered(index: int) -> tuple[str, str]:
    """An ordered-list marker and the indentation that continues its item."""
    marker = f"{index}. "
    return marker, " " * len(marker)


def _item(marker: str, indent: str, parts: list[str]) -> str:
    """A list item whose non-empty parts (already Markdown) are lines joined by hard breaks."""
    return marker + ("\\\n" + indent).join(part for part in parts if part)


def _head(s: Summary) -> list[str]:
    title = md_inline(s.heading) + ("" if s.finished else " (in progress)")
    status = "Finished" if s.finished else "In progress: not every question is answered yet"
    facts = [f"- **Status:** {status}"]
    if s.client_name or s.client_email:
        email = f" ({md_inline(s.client_email)})" if s.client_email else ""
        facts.append(f"- **Client:** {md_inline(s.client_name) or '(no name)'}{email}")
    if s.counselor:
        facts.append(f"- **Counselor:** {md_inline(s.counselor)}")
    version = md_inline(s.tree.version, at_start=False)
    if s.date:
        facts.append(f"- **Date:** {s.date}")
    facts.append(
        f"- **Guide:** {md_inline(s.tree.title)} (version {version}, "
        f"last reviewed {s.tree.last_reviewed})"
    )
    if s.session_id:
        facts.append(f"- **Session:** {s.session_id}")
    return [f"# {title}", "", intro(s), "", *facts]


def _pathway(s: Summary) -> list[str]:
    p = s.pathway
    assert p is not None
    heading = "Recommended pathway" if p.verdict == "recommended" else "Your pathway"
    return [
        "",
        f"## {heading}",
        "",
        f"### {md_inline(p.title)}",
        "",
        f"**Verdict:** {p.verdict_label}",
        "",
        f"**Why:** {md_block(p.summary)}",
    ]


def _in_progress(s: Summary) -> list[str]:
    out = [
        "",
        "## In progress",
        "",
        "This session is not finished, so no pathway is recommended yet. "
        "The risks below are those met so far.",
    ]
    if s.next_question:
        out += ["", f"**Next question:** {md_inline(s.next_question)}"]
    return out


def _assumptions(s: Summary) -> list[str]:
    if not s.assumptions:
        return []
    lead = (
        "The verdict takes these on trust: confirm them before you act."
        if any(a.lowers_verdict for a in s.assumptions)
        else "Confirm these before you act."
    )
    return ["", "## To confirm", "", lead, ""] + [f"- {md_inline(a.text)}" for a in s.assumptions]


def _alternatives(s: Summary) -> list[str]:
    if not s.alternatives:
        return []
    out = ["", "## Alternatives", ""]
    for a in s.alternatives:
        parts = [f"{md_inline(a.title)}: **{a.verdict_label}**"]
        if not a.open:
            parts += [md_inline(a.why_closed()), md_inline(a.what_opens())]
        out.append(_item("- ", "  ", parts))
    return out


def _risks(s: Summary) -> list[str]:
    if not s.risks:
        return []
    out = ["", "## Risks"]
    for severity, risks in s.risks_by_severity():
        out += ["", f"### {severity_heading(severity)}", ""]
        for r in risks:
            mitigation = md_block(r.mitigation, "  ")
            parts = [f"**{md_inline(r.title)}**", md_block(r.detail, "  ")]
            parts.append(f"**What to do:** {mitigation}" if mitigation else "")
            out.append(_item("- ", "  ", parts))
    return out


def _steps(s: Summary) -> list[str]:
    if not s.steps:
        return []
    out = ["", "## Steps", ""]
    for index, step in enumerate(s.steps, 1):
        marker, indent = _numbered(index)
        out.append(marker + md_block(step, indent))
    return out


def _checklist(s: Summary) -> list[str]:
    if not s.checklist:
        return []
    done, total = s.checklist_counts()
    out = ["", f"## Checklist ({done} of {total} done)", ""]
    for c in s.checklist:
        optional = " (optional)" if not c.required else ""
        when = f"; when: {md_inline(c.when)}" if c.when.strip() else ""
        parts = [f"{checklist_mark(c.done)} {md_inline(c.text)}{optional}"]
        out.append(_item("- ", "  ", [*parts, f"Who: {md_inline(c.who_label)}{when}"]))
    return out


def _answers(s: Summary) -> list[str]:
    out = ["", "## Your answers", ""]
    if not s.answers:
        return [*out, "No questions answered yet."]
    for index, a in enumerate(s.answers, 1):
        marker, indent = _numbered(index)
        note = md_block(a.note, indent)
        parts = [f"**{md_inline(a.prompt)}**", md_block(a.answer, indent) or "(no answer)"]
        parts.append(f"*Counselor's note:* {note}" if note else "")
        out.append(_item(marker, indent, parts))
    return out


def _other_notes(s: Summary) -> list[str]:
    if not s.other_notes:
        return []
    out = ["", "## Notes on questions no longer on the path", ""]
    for n in s.other_notes:
        note = f"*Counselor's note:* {md_block(n.note, '  ')}"
        out.append(_item("- ", "  ", [f"**{md_inline(n.prompt)}**", note]))
    return out


def _continue(s: Summary) -> list[str]:
    if not s.continue_to:
        return []
    tree, label = s.continue_to
    return ["", "## Next", "", f"{md_inline(label)} (guide: {md_inline(tree)})"]


def _sources(s: Summary) -> list[str]:
    if not s.sources:
        return []
    out = ["", "## Sources", ""]
    for index, src in enumerate(s.sources, 1):
        marker, indent = _numbered(index)
        dates = f"accessed {src.accessed}" + (
            f"; published {src.published}" if src.published else ""
        )
        title = f"{md_inline(src.title)}, {md_inline(src.publisher)}"
        out.append(_item(marker, indent, [title, f"<{md_url(src.url)}> ({dates})"]))
    return out


def _footer(s: Summary) -> list[str]:
    return ["", "---", "", f"**Disclaimer:** {md_block(s.disclaimer)}"]
