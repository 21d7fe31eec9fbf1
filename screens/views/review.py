"""'Your answers': every answer given, any of which can be changed; and the list of answers a
change dropped."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option as ListOption

from screens.messages import WalkView, WhatIf
from screens.widgets.footer import WizardFooter
from screens.widgets.hanging import Hanging
from screens.widgets.header import WizardHeader
from screens.widgets.lists import ChoiceList
from screens.widgets.literal import literal
from wizard.sessions.progress import Progress
from wizard.tree.schema import tr
from wizard.tree.walk import Step, answer_label


def step_content(
    number: int | None, step: Step, lang: str, note: str = "", shared: bool = False
) -> Content:
    """`3. Prompt` over `   → answer`, and the counselor's note on it if any (marked private
    or for the client)."""
    prefix = f"{number}. " if number is not None else "• "
    mark = "\n   ✉ Note for the client: " if shared else "\n   🔒 Private note: "
    return Content.assemble(
        (prefix, "$text-muted"),
        literal(tr(step.question.prompt, lang)),
        ("\n   → ", "$text-muted"),
        literal(answer_label(step.question, step.answer, lang), "bold"),
        *(((mark, "$text-warning"), literal(note)) if note else ()),
    )


class AnswersScreen(WalkView, Screen[str | None]):
    """Lists the answers on the path; Enter returns the id of the one to change."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("escape,a", "close", "Return", tooltip="Back to where you were"),
        Binding("w", "what_if", "What if…", tooltip="Copy the session up to here; answer anew"),
    ]

    def __init__(self, progress: Progress, lang: str = "en") -> None:
        super().__init__()
        self.progress = progress
        self.lang = lang

    def compose(self) -> ComposeResult:
        walk = self.progress.walk
        yield WizardHeader()
        yield Static(
            Content.assemble(
                ("Your answers", "bold"),
                ("  Enter changes the highlighted answer · Esc returns", "$text-muted"),
            ),
            id="answers-title",
        )
        yield ChoiceList(
            *[
                ListOption(
                    Hanging(
                        step_content(
                            n,
                            step,
                            self.lang,
                            self.progress.notes.get(step.id, ""),
                            step.id in self.progress.shared,
                        )
                    ),
                    id=step.id,
                )
                for n, step in enumerate(walk.path, 1)
            ],
            id="answer-list",
        )
        yield Static(self._where(), id="where")
        yield WizardFooter()

    def on_mount(self) -> None:
        self.sub_title = tr(self.progress.walk.tree.tree.title, self.lang)
        answers = self.query_one("#answer-list", ChoiceList)
        answers.display = bool(self.progress.walk.path)
        answers.focus()
        if answers.option_count:
            answers.highlighted = answers.option_count - 1

    def _where(self) -> Content:
        walk = self.progress.walk
        if not walk.path:
            return Content("No answers yet.")
        if walk.outcome is not None:
            return Content.assemble(
                ("Outcome: ", "bold"), literal(tr(walk.outcome.title, self.lang))
            )
        if walk.current is not None:
            return Content.assemble(
                ("Next question: ", "bold"), literal(tr(walk.current.prompt, self.lang))
            )
        return Content("")

    @on(OptionList.OptionSelected, "#answer-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_what_if(self) -> None:
        """Explore another branch from the highlighted answer, in a copy of the session."""
        answers = self.query_one("#answer-list", ChoiceList)
        if answers.highlighted is None:
            return
        question_id = answers.options[answers.highlighted].id
        if question_id is not None:
            self.post_message(WhatIf(question_id))


class DroppedScreen(ModalScreen[None]):
    """Says which later answers a change dropped, because they no longer lie on the path."""

    CSS_PATH = "review.tcss"
    AUTO_FOCUS = "#dropped-list"  # so ↑↓ scroll a long list
    BINDINGS = [
        Binding("escape,enter,space", "close", "Continue"),
    ]

    def __init__(self, dropped: list[Step], lang: str = "en") -> None:
        super().__init__()
        self.dropped = dropped
        self.lang = lang

    def compose(self) -> ComposeResult:
        count = len(self.dropped)
        with Vertical(id="dropped-box"):
            yield Static(
                f"Your change dropped {count} later answer{'s' if count != 1 else ''}",
                id="dropped-title",
            )
            with VerticalScroll(id="dropped-list"):
                for step in self.dropped:
                    yield Static(Hanging(self._dropped(step)), classes="dropped")
            yield Static(
                "They no longer lie on your path; if you reach one of those questions again, "
                "your earlier answer is offered. Enter continues.",
                id="dropped-note",
            )

    def _dropped(self, step: Step) -> Content:
        return Content.assemble(
            "• ",
            literal(tr(step.question.prompt, self.lang)),
            ("  → ", "$text-muted"),
            literal(answer_label(step.question, step.answer, self.lang), "bold"),
        )

    def action_close(self) -> None:
        self.dismiss(None)
