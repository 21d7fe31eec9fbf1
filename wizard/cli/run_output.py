"""What `wizard run` prints: the outcome of a walk rendered by the exports (`walk_summary`, then
`wizard.exports` text, Markdown or JSON: the same renderers as a session's summary), or, when
the answers stop early, the next question and how to answer it in the answers file."""

from __future__ import annotations

from wizard.exports.columns import wrap
from wizard.exports.escape import one_line
from wizard.exports.json_export import to_outcome_json
from wizard.exports.markdown import to_markdown
from wizard.exports.text import WIDTH, to_text
from wizard.report.summary import walk_summary
from wizard.tree.answers import answer_example
from wizard.tree.schema import AnyQuestion, tr
from wizard.tree.walk import Walk


def render_outcome(walk: Walk, fmt: str = "text", lang: str = "en") -> str:
    """The finished `walk` as `text`, `md` or `json`."""
    summary = walk_summary(walk, lang, None if fmt == "json" else "")
    if fmt == "json":
        return to_outcome_json(summary, walk)
    if fmt == "md":
        return to_markdown(summary)
    return to_text(summary)


def question_text(question: AnyQuestion, lang: str = "en", answers_file: str = "") -> str:
    """The next question as text, wrapped like the text export, with the line that answers it
    in `answers_file`. Tree text is shown literally (control characters written out)."""
    head = f"Next question ({question.id}, {question.type}): "
    lines = _wrapped(tr(question.prompt, lang), head, "  ")
    if question.help:
        lines += _wrapped(tr(question.help, lang), "  Why we ask: ", "    ")
    for option in question.options:
        lines += _wrapped(option.text(lang), f"  {option.id}: ", "    ")
    example, meaning = answer_example(question, lang)
    meaning = one_line(meaning)  # a unit is tree text
    where = f"in {one_line(answers_file)}" if answers_file else "in the answers file"
    lines += ["", f"To answer it, put this line {where}:", f"  {example}", f"  ({meaning})"]
    return "\n".join(lines) + "\n"


def _wrapped(text: str, first: str, indent: str) -> list[str]:
    return wrap(one_line(text), WIDTH, first, indent) or [first.rstrip()]


__all__ = ["question_text", "render_outcome"]
