"""Counselor mode on the question screen: the question's node id, the sources behind it (so the
counselor can point to the rule) and the note on it. Hidden unless the app is in counselor mode
(the app carries the class `-counselor`; see sessions.tcss)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from screens.widgets.literal import link, literal
from wizard.tree.schema import AnyQuestion, Tree, tr


class CounselorPanel(Static):
    """Node id, sources and note of the question on screen."""

    SCOPED_CSS = False  # the rule below looks at the app's class, outside this widget
    DEFAULT_CSS = """
    CounselorPanel {
        display: none;
        margin-top: 1;
        padding: 0 1;
        border-left: thick $secondary;
    }
    .-counselor CounselorPanel {
        display: block;
    }
    """

    def show(
        self,
        tree: Tree,
        question: AnyQuestion | None,
        note: str,
        lang: str = "en",
        shared: bool = False,
    ) -> None:
        if question is None:
            self.update("")
            return
        parts: list[Content | str | tuple[str, str]] = [
            ("Node ", "$text-muted"),
            literal(question.id, "bold"),
            ("  n adds a note · s session details", "$text-muted"),
        ]
        for sid in question.sources:
            source = tree.sources.get(sid)
            if source is None:
                continue
            parts += [
                "\n",
                literal(f"[{sid}] ", "$text-accent"),
                literal(tr(source.title, lang)),
                (" — ", "$text-muted"),
                link(source.url),
            ]
        if not question.sources:
            parts += ["\n", ("No source cited for this question itself.", "$text-muted")]
        if note:
            mark = "✉ Note for the client: " if shared else "🔒 Private note: "
            parts += ["\n", (mark, "bold $text-warning"), literal(note)]
        self.update(Content.assemble(*parts))
