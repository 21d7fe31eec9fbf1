"""The question screen: one screen for the whole walk, whose widgets are refilled for each question.

It renders the engine's `Walk` (held in `Progress`) and calls it to answer, go back and revise;
it decides nothing itself. After every change it posts `WalkChanged` for the app.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Input, OptionList
from textual.widgets.option_list import Option as ListOption

from screens.messages import WalkChanged, WalkScreen
from screens.widgets.badges import severity_badge
from screens.widgets.counselor import CounselorPanel
from screens.widgets.entry import AnswerInput
from screens.widgets.footer import WizardFooter
from screens.widgets.hanging import Hanging
from screens.widgets.header import WizardHeader
from screens.widgets.keys import ANSWERS, BACK
from screens.widgets.line import Line
from screens.widgets.lists import ChoiceList, MultiList
from screens.widgets.literal import literal
from screens.widgets.risks import RisksPanel, risk_content, risk_tally
from wizard.sessions.progress import Change, Progress
from wizard.tree.answers import AnswerError, entry_rule
from wizard.tree.schema import (
    AnswerValue,
    AnyQuestion,
    MultiQuestion,
    NumberQuestion,
    Option,
    TextQuestion,
    tr,
)
from wizard.tree.walk import RoutingError, Walk, answer_label

CRUMBS = 3
"""How many earlier answers the step line shows."""


class QuestionScreen(WalkScreen, Screen[None]):
    """Asks the walk's current question (or, while revising, an earlier one)."""

    # The outcome's styles are read with the question's: read when the outcome first shows,
    # Textual restyles every widget on every screen, a good part of reaching the outcome.
    CSS_PATH = ["question.tcss", "outcome.tcss"]
    AUTO_FOCUS = None
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        *BACK,
        Binding("w", "toggle_why", "Why we ask", tooltip="Show or hide why this is asked"),
        ANSWERS,
        Binding(
            "r,f4",
            "toggle_risks",
            "Risks",
            tooltip="Show or hide the risks met so far",
        ),
        # On a yes/no question y and n answer it (n is then not the counselor's note key:
        # Ctrl+N is, and the footer says so).
        Binding("y", "yes_no('yes')", "Yes", tooltip="Answer yes"),
        Binding("n", "yes_no('no')", "No", tooltip="Answer no"),
    ]

    def __init__(self, progress: Progress, lang: str = "en") -> None:
        super().__init__()
        self.progress = progress
        self.lang = lang
        self.revising: str | None = None
        """The id of an earlier question being changed, or None when going forward."""
        self.question: AnyQuestion | None = None

    @property
    def walk(self) -> Walk:
        return self.progress.walk

    def compose(self) -> ComposeResult:
        yield WizardHeader()
        with Horizontal(id="body"):
            with Vertical(id="column"):
                # The question stays put above what scrolls: a long list of options (each with
                # its help) scrolls to the highlight without taking the prompt out of sight.
                with Vertical(id="asked"):
                    yield Line(id="step")
                    yield Line(id="prompt")
                yield from self._scrolled()
                yield Line(id="hint")
            yield RisksPanel(self.lang, id="risks")
        yield Line(id="risk-bar")
        yield WizardFooter()

    def _scrolled(self) -> ComposeResult:
        with VerticalScroll(id="main", can_focus=False):
            yield Line(id="why")
            with ContentSwitcher(id="answer", initial="choice"):
                yield ChoiceList(id="choice")
                yield MultiList(id="multi")
                yield AnswerInput(id="entry")
            # A number, date or text question's hint (its range or format, its keys) sits right
            # under the box being typed in; a list's hint stays below the scrolled part.
            yield Line(id="entry-hint")
            yield Line(id="feedback")
            yield Line(id="preview")
            yield Line(id="new-risk")
            yield CounselorPanel(id="counselor")

    def on_mount(self) -> None:
        self.sub_title = tr(self.walk.tree.tree.title, self.lang)
        # A blinking cursor makes screenshots differ from run to run.
        self.query_one(AnswerInput).cursor_blink = self.app.animation_level != "none"
        self.refresh_view()

    # Rendering

    def refresh_view(self) -> None:
        """Show what the walk (or the revision in progress) asks now; the outcome when finished."""
        question = self._asked()
        if question is None:  # this screen's risks are shown again when the outcome closes
            self.app.push_screen(self._outcome_screen(), self._after_outcome)
            return
        self._show_risks()
        self.question = question
        self._show_question(question, self._preselected(question))

    def _asked(self) -> AnyQuestion | None:
        if self.revising is not None:
            return self.walk.tree.nodes[self.revising]
        return self.walk.current

    def _preselected(self, question: AnyQuestion) -> AnswerValue | None:
        if question.id in self.walk.answers:
            return self.walk.answers[question.id]
        return self.walk.remembered.get(question.id)

    def _show_question(self, question: AnyQuestion, earlier: AnswerValue | None) -> None:
        self.query_one("#step", Line).show(self._step_line())
        self.query_one("#prompt", Line).show(literal(tr(question.prompt, self.lang)))
        why = tr(question.help, self.lang)
        self.query_one("#why", Line).show(
            Content.assemble(("Why we ask: ", "bold"), literal(why)) if why else ""
        )
        why_line = self.query_one("#why", Line)
        if why_line.has_class("-has-text") != bool(why):
            why_line.set_class(bool(why), "-has-text")
        self.refresh_bindings()  # the `w` key comes or goes; y/n come on yes/no questions
        self.app.refresh_bindings()  # and the note key moves (n, or Ctrl+N on yes/no ones)
        self._say("")
        switcher = self.query_one("#answer", ContentSwitcher)
        self.query_one("#preview").remove_class("-shown")
        if question.type in ("choice", "yesno"):
            switcher.current = "choice"
            self._fill_choice(question, earlier)
        elif isinstance(question, MultiQuestion):
            switcher.current = "multi"
            self._fill_multi(question, earlier)
        else:
            switcher.current = "entry"
            self._fill_entry(question, earlier)
        self._show_hint(question, switcher.current == "entry")
        note = self.progress.notes.get(question.id, "")
        shared = question.id in self.progress.shared
        self.query_one(CounselorPanel).show(self.walk.tree, question, note, self.lang, shared)
        self.query_one("#main").scroll_home(animate=False)
        self._focus_answer()

    def _focus_answer(self) -> None:
        current = self.query_one("#answer", ContentSwitcher).current
        self.query_one(f"#{current}").focus()

    def _step_line(self) -> Content:
        path = self.walk.path
        if self.revising is not None:
            number = next(i for i, s in enumerate(path, 1) if s.id == self.revising)
            return Content.assemble(
                (f"Changing answer {number} of {len(path)}", "bold $text-warning"),
                ("  Enter keeps the change, Esc cancels", "$text-muted"),
            )
        crumbs = [literal(self.walk.label(step, self.lang)) for step in path[-CRUMBS:]]
        trail = Content(" › ").join(crumbs)
        if len(path) > CRUMBS:
            trail = Content.assemble("… › ", trail)
        line = Content.styled(f"Question {len(path) + 1}", "bold $text-accent")
        if crumbs:
            line = Content.assemble(line, ("  after ", "$text-muted"), trail.stylize("$text-muted"))
        return line

    def _option_prompt(self, number: int, option: Option, earlier: bool, box: int = 0) -> Content:
        """The option's line (number, label, risk badges) and its help under the label; `box`
        is the width of what the list draws before the number (a tick box), so that the help
        lines up with the label."""
        question = self.question
        assert question is not None
        label = literal(answer_label(question, option.id, self.lang), "bold" if earlier else "")
        parts: list[Content | str | tuple[str, str]] = [(f"{number}. ", "$text-muted"), label]
        for rid in option.risks:
            risk = self.walk.tree.risks.get(rid)
            if risk is not None:
                parts += ["  ", severity_badge(risk.severity)]
        if earlier:
            parts.append(("  ← your earlier answer", "$text-accent"))
        help_text = tr(option.help, self.lang)
        if help_text:
            parts += ["\n" + " " * (box + len(f"{number}. ")), literal(help_text, "$text-muted")]
        return Content.assemble(*parts)

    def _fill_choice(self, question: AnyQuestion, earlier: AnswerValue | None) -> None:
        options = self.query_one("#choice", ChoiceList)
        options.clear_options()
        options.add_options(
            ListOption(Hanging(self._option_prompt(n, o, o.id == earlier)), id=o.id)
            for n, o in enumerate(question.options, 1)
        )
        ids = [o.id for o in question.options]
        options.highlighted = ids.index(earlier) if earlier in ids else 0

    def _fill_multi(self, question: MultiQuestion, earlier: AnswerValue | None) -> None:
        ticked = earlier if isinstance(earlier, list) else []
        multi = self.query_one("#multi", MultiList)
        multi.exclusive = {o.id: o.text(self.lang) for o in question.options if o.exclusive}
        multi.set_items(
            [
                (o.id, self._option_prompt(n, o, False, box=len("[ ] ")), o.id in ticked)
                for n, o in enumerate(question.options, 1)
            ]
        )

    def _fill_entry(self, question: AnyQuestion, earlier: AnswerValue | None) -> None:
        shown = "" if earlier is None else answer_label(question, earlier, self.lang)
        if isinstance(question, NumberQuestion) and earlier is not None:
            shown = str(earlier)  # the number alone: the unit is in the hint
        placeholder = {"number": "a number", "date": "YYYY-MM-DD", "text": "your answer"}
        max_length = question.max_length if isinstance(question, TextQuestion) else 40
        entry = self.query_one("#entry", AnswerInput)
        entry.ask(question, shown, placeholder[question.type], max_length)

    def _show_hint(self, question: AnyQuestion, entry: bool) -> None:
        """The hint under the entry box, or under the scrolled list: the other line is emptied
        and hidden. (Each line's own `display`, not a class on the screen: a screen's class
        restyles every widget on it, a tenth of a step's time.)"""
        hint = self._hint(question)
        for ident, shown in (("#entry-hint", entry), ("#hint", not entry)):
            line = self.query_one(ident, Line)
            line.show(hint if shown else "")
            line.display = shown

    def _hint(self, question: AnyQuestion) -> Content:
        keys = {
            "choice": "↑↓ or j/k move · 1-9 or Enter picks",
            "yesno": "↑↓ or j/k move · 1-9 or Enter picks",
            "multi": "↑↓ move · Space or 1-9 ticks · Enter continues",
        }.get(question.type, "Enter continues · Esc goes back · Tab leaves the box")
        rule = entry_rule(question, self.lang)
        return Content.assemble(
            (rule + "\n", "$text-accent") if rule else "", (keys, "$text-muted")
        )

    def _say(self, message: str, error: bool = False) -> None:
        """Show a validation message under the answer (or clear it)."""
        feedback = self.query_one("#feedback", Line)
        feedback.show(literal(message))
        feedback.set_class(error, "-error")
        feedback.display = bool(message)

    def _show_risks(self) -> None:
        hits = self.walk.risks
        new = self.query_one(RisksPanel).show(hits)
        self.query_one("#new-risk", Line).show(
            Content("\n").join(
                Content.assemble(("New risk ", "bold"), risk_content(h.risk, self.lang, full=False))
                for h in new
            )
        )
        self.query_one("#new-risk").set_class(bool(new), "-shown")
        bar = Content.assemble(
            ("Risks met: ", "bold"), risk_tally(hits), ("r or F4 shows them", "$text-muted")
        )
        self.query_one("#risk-bar", Line).show(bar if hits else "No risks met so far.")

    # Answering

    @on(OptionList.OptionHighlighted, "#choice")
    @on(OptionList.OptionHighlighted, "#multi")
    def _previewed(self, event: OptionList.OptionHighlighted) -> None:
        """Show the risks of the highlighted option before it is picked."""
        question = self.question
        option = (
            next((o for o in question.options if o.id == event.option.id), None)
            if question
            else None
        )
        risks = [
            self.walk.tree.risks[r]
            for r in (option.risks if option else [])
            if r in self.walk.tree.risks
        ]
        preview = self.query_one("#preview", Line)
        preview.show(
            Content("\n").join(
                Content.assemble(
                    ("If you pick this: ", "bold"),
                    risk_content(risk, self.lang, full=False),
                    "\n",
                    literal(tr(risk.detail, self.lang)),
                )
                for risk in risks
            )
        )
        preview.set_class(bool(risks), "-shown")

    @on(OptionList.OptionSelected, "#choice")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._submit(event.option.id)

    @on(MultiList.Submitted)
    def _ticked(self, event: MultiList.Submitted) -> None:
        event.stop()
        self._submit(event.values)

    @on(Input.Changed, "#entry")
    def _typed(self, event: Input.Changed) -> None:
        result = event.validation_result
        if event.value.strip() and result is not None and not result.is_valid:
            self._say(_sentence(result.failure_descriptions[0]), error=False)
        else:
            self._say("")

    @on(Input.Submitted, "#entry")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit(event.value)

    def _submit(self, raw: object) -> None:
        """Give `raw` to the walk; a refused answer stays on screen with the reason."""
        try:
            if self.revising is not None:
                dropped = self.walk.revise(self.revising, raw)
            else:
                self.walk.answer(raw)
                dropped = []
        except (AnswerError, RoutingError) as error:
            self._say("✗ " + _sentence(str(error)), error=True)
            self.app.bell()
            return
        change: Change = "revise" if self.revising is not None else "answer"
        self.revising = None
        self.post_message(WalkChanged(self.progress, change))
        self.refresh_view()
        if dropped:
            from screens.views.review import DroppedScreen

            self.app.push_screen(DroppedScreen(dropped, self.lang))

    # Actions

    def action_back(self) -> None:
        """Close the risks view; else cancel a revision; else take back the last answer; at the
        first question, go home."""
        if self.has_class("-risks-open") and self.has_class("-narrow"):
            self.action_toggle_risks()
            return
        if self.revising is not None:
            self.revising = None
        elif self.walk.back() is None:
            self.app.pop_screen()
            return
        else:
            self.post_message(WalkChanged(self.progress, "back"))
        self.refresh_view()

    def action_toggle_why(self) -> None:
        self.toggle_class("-why-open")

    def is_yes_no(self) -> bool:
        """Whether the question asked is a yes/no one (y and n answer it)."""
        return self.question is not None and self.question.type == "yesno"

    def action_yes_no(self, value: str) -> None:
        question = self.question
        if question is not None and value in [o.id for o in question.options]:
            self._submit(value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "yes_no":
            return self.is_yes_no()
        if action == "toggle_why":
            return self.query_one("#why").has_class("-has-text")
        if action == "toggle_risks":
            return self.has_class("-narrow")
        return True

    def on_resize(self) -> None:
        self.refresh_bindings()  # the risks toggle exists only on narrow terminals

    def action_toggle_risks(self) -> None:
        self.toggle_class("-risks-open")
        if self.has_class("-narrow"):
            opened = self.has_class("-risks-open")
            self.query_one("#risks").focus() if opened else self._focus_answer()

    def action_answers(self) -> None:
        from screens.views.review import AnswersScreen

        self.app.push_screen(AnswersScreen(self.progress, self.lang), self.revise)

    def revise(self, question_id: str | None) -> None:
        """Ask an earlier question again, its answer preselected (None: carry on as before)."""
        if question_id is not None and question_id in self.walk.answers:
            self.revising = question_id
        self.refresh_view()

    def _outcome_screen(self) -> Screen[str | None]:
        from screens.views.outcome import OutcomeScreen

        return OutcomeScreen(self.progress, self.lang)

    def _after_outcome(self, revise: str | None) -> None:
        """The outcome screen closed: it went back a step, or asked to change an answer."""
        if revise is not None:
            self.revising = revise
        self.refresh_view()


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] if message else message
