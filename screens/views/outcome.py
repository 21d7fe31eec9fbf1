"""The outcome screen: verdict, why, alternatives, risks, steps, checklist, sources, review date.

Everything shown comes from `wizard.report.outcome.outcome_data`, the same data the exports use,
so the screen and an exported summary can never disagree.
"""

from __future__ import annotations

import contextlib

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from screens.messages import StartTree, WalkChanged, WalkScreen
from screens.widgets.badges import closed_badge, severity_badge, verdict_badge
from screens.widgets.footer import WizardFooter
from screens.widgets.hanging import Hanging
from screens.widgets.header import WizardHeader
from screens.widgets.keys import ANSWERS, BACK
from screens.widgets.lists import TickList, _digit_index
from screens.widgets.literal import link, literal
from wizard.report.summary import Summary, walk_summary
from wizard.sessions.progress import Progress
from wizard.tree.walk import Walk


class Checklist(TickList):
    """The outcome's checklist: Space, Enter or a number key ticks; the page follows the
    highlighted item. A tick only ever changes on an item the user can see: while the
    highlighted item is out of view (the outcome opens at its top, the checklist far below),
    Space pages down as it does on any page, Enter shows the item, and a number key moves to
    its item and shows it, none of them ticking."""

    BINDINGS = [
        Binding("space", "tick", "Tick", key_display="␣/↵/1-9"),  # Space, Enter, 1-9
        Binding("enter", "tick_or_show", "Tick", show=False),
    ]

    def on_show(self, event: events.Show) -> None:  # type: ignore[override]
        # The outcome opens at its verdict: the focused checklist appearing must not scroll the
        # page down to its highlighted item, as OptionList's own handler (skipped) would.
        event.prevent_default()

    def in_view(self, index: int | None = None) -> bool:
        """Whether the option at `index` (the highlighted one) is wholly on screen in the page
        (or, taller than the page, starts on it)."""
        index = self.highlighted if index is None else index
        page = self.parent
        if index is None or not isinstance(page, VerticalScroll):
            return False
        self._update_lines()
        line = self._index_to_line.get(index)
        if line is None:
            return False
        top = self.virtual_region.y + self.styles.gutter.top + line
        bottom = top + self._heights[index]
        view_top = page.scroll_offset.y
        view_bottom = view_top + page.scrollable_content_region.height
        if bottom - top > view_bottom - view_top:
            return view_top <= top < view_bottom
        return view_top <= top and bottom <= view_bottom

    def action_tick(self) -> None:
        if self.in_view():
            super().action_tick()
            return
        page = self.parent
        if isinstance(page, VerticalScroll) and page.scroll_offset.y < page.max_scroll_y:
            page.scroll_page_down(animate=False)
        else:
            self.scroll_to_highlight()

    def action_tick_or_show(self) -> None:
        if self.in_view():
            super().action_tick()
        else:
            self.scroll_to_highlight()

    def on_key(self, event: events.Key) -> None:
        index = _digit_index(event)
        if index is not None and index < self.option_count and not self.in_view(index):
            # Moved to and shown, not ticked unseen (TickList's own handler, which ticks, runs
            # after this one unless prevented).
            event.prevent_default()
            event.stop()
            self.highlighted = index
            self.scroll_to_highlight()


class OutcomeScreen(WalkScreen, Screen[str | None]):
    """Shows where the walk ended. Dismissed with None after going back one question, or with the
    id of an earlier question the user chose to change."""

    CSS_PATH = "outcome.tcss"
    AUTO_FOCUS = ""  # `on_mount` focuses, without scrolling
    BINDINGS = [
        *BACK,
        ANSWERS,
        Binding("e", "app.export", "Export", tooltip="Save or send this summary"),
        Binding("c", "continue", "Continue", tooltip="Continue in the tree this outcome names"),
        Binding("h", "app.home", "Home", tooltip="Back to the list of pathways"),
        Binding("pagedown", "page(1)", "Page down", show=False, priority=True),
        Binding("pageup", "page(-1)", "Page up", show=False, priority=True),
    ]

    def __init__(self, progress: Progress, lang: str = "en") -> None:
        super().__init__()
        self.progress = progress
        self.lang = lang
        # The same typed summary every export renders (ticks are read live from `progress`),
        # first without the alternatives: which of them this person's answers leave open takes
        # a search (a tenth of a second on the largest tree), done after the first frame.
        # (Nor the tree's hash: the screen does not show it.)
        self.summary: Summary = walk_summary(progress.walk, lang, "", alternatives=False)
        outcome = progress.walk.outcome
        tree = progress.walk.tree
        self.checking = bool(outcome and any(a in tree.outcomes for a in outcome.alternatives))
        """Whether the alternatives are still being judged (the section says so meanwhile)."""

    def compose(self) -> ComposeResult:
        s = self.summary
        pathway = s.pathway
        assert pathway is not None
        yield WizardHeader()
        with VerticalScroll(id="page"):
            verdict = Content.assemble(
                verdict_badge(pathway.verdict), " ", literal(pathway.title, "bold")
            )
            yield Static(Content("\n\n").join([verdict, literal(pathway.summary)]), id="verdict")
            yield from self._section("Why this outcome", self._why(), "why")
            if s.assumptions:
                yield from self._section("To confirm", self._confirm(), "to-confirm")
            if s.alternatives or self.checking:
                yield from self._section("Alternatives", self._alternatives(), "alternatives")
            if s.risks:
                yield from self._section("Risks", self._risks(), "outcome-risks")
            if s.steps:
                yield from self._section("Steps", self._steps(), "steps")
            if s.checklist:
                yield Static(self._checklist_title(), classes="section-title", id="checklist-title")
                checklist = Checklist(id="checklist")
                checklist.set_items(self._checklist())
                yield checklist
            if s.continue_to:
                yield Static(self._continue(), id="continue")
            if s.sources:
                yield from self._section("Sources", self._sources(), "sources")
            yield Static(self._reviewed(), id="reviewed")
        yield WizardFooter()

    def on_mount(self) -> None:
        self.sub_title = self.summary.tree.title
        # The checklist takes the keys when there is one (Space ticks); else the page scrolls.
        # Focused before the first layout (a focus moved later restyles the page), and without
        # scrolling to it: the page opens at the verdict.
        lists = self.query(Checklist)
        self.set_focus(lists.first() if lists else self.query_one("#page"), scroll_visible=False)
        if self.checking:
            # A copy: the user may go back (changing the walk) while the thread reads it.
            self.call_after_refresh(self._judge_alternatives, self.progress.walk.copy())

    # A description: Textual would otherwise build one from repr() of the walk (tree and all).
    @work(thread=True, exclusive=True, description="judging the alternatives")
    def _judge_alternatives(self, walk: Walk) -> None:
        summary = walk_summary(walk, self.lang)
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile: nothing to show
            self.app.call_from_thread(self._show_alternatives, summary)

    def _show_alternatives(self, summary: Summary) -> None:
        """The full summary is in: show the alternatives as this person's answers leave them."""
        self.summary = summary
        self.checking = False
        for section in self.query("#alternatives").results(Static):
            section.update(_titled("Alternatives", self._alternatives()))

    def _section(self, title: str, body: list[Content], ident: str) -> ComposeResult:
        # One widget each, its title the first line: every widget on a new screen is styled,
        # laid out and sent its events one by one.
        yield Static(_titled(title, body), id=ident, classes="section")

    def _why(self) -> list[Content]:
        return [
            Content.assemble(
                "• ", literal(a.prompt), ("  → ", "$text-muted"), literal(a.answer, "bold")
            )
            for a in self.summary.answers
        ]

    def _confirm(self) -> list[Content]:
        """What the verdict takes on trust: "I don't know" answers, unestablished conditions."""
        return [Content.assemble("• ", literal(a.text)) for a in self.summary.assumptions]

    def _alternatives(self) -> list[Content]:
        """Each alternative as this person's answers leave it: open, with its verdict for them,
        or not open, with the answers that close it and what would open it."""
        if self.checking:
            return [
                Content.styled("Checking which of them your answers leave open…", "$text-muted")
            ]
        rows = []
        for a in self.summary.alternatives:
            badge = verdict_badge(a.verdict) if a.open else closed_badge()
            rows.append(Content.assemble("• ", badge, " ", literal(a.title)))
            for line in (a.why_closed(), a.what_opens()) if not a.open else ():
                if line:
                    rows.append(literal(f"  {line}", "$text-muted"))
        return rows

    def _risks(self) -> list[Content]:
        """Risks grouped by severity, worst first, each with what to do about it."""
        rows: list[Content] = []
        for severity, risks in self.summary.risks_by_severity():
            rows.append(severity_badge(severity))
            for r in risks:
                rows += [
                    Content.assemble("  ", literal(r.title, "bold")),
                    Content.assemble("  ", literal(r.detail)),
                    Content.assemble(
                        ("  What to do: ", "bold $text-success"), literal(r.mitigation)
                    ),
                ]
        return rows

    def _steps(self) -> list[Content]:
        return [
            Content.assemble((f"{n}. ", "bold"), literal(s))
            for n, s in enumerate(self.summary.steps, 1)
        ]

    def _checklist(self) -> list[tuple[str, Content, bool]]:
        items = []
        for c in self.summary.checklist:
            who = c.who_label
            prompt = Content.assemble(
                literal(c.text),
                ("\n    Who: ", "$text-muted"),
                who[:1].upper() + who[1:],
                (" · When: ", "$text-muted"),
                literal(c.when),
                ("" if c.required else " · optional", "$text-muted italic"),
            )
            items.append((c.id, prompt, c.id in self.progress.ticked))
        return items

    def _checklist_title(self) -> Content:
        ids = [c.id for c in self.summary.checklist]
        done = sum(i in self.progress.ticked for i in ids)
        return Content.assemble(
            "Checklist",
            (
                f"  {done} of {len(ids)} ticked · Space, Enter or 1-9 ticks the highlighted "
                "item (Space pages down while it is out of view)",
                "$text-muted",
            ),
        )

    def _continue(self) -> Content:
        assert self.summary.continue_to is not None
        _, label = self.summary.continue_to
        return Content.assemble(
            ("Next: ", "bold"), literal(label), ("  press c to continue", "$text-accent")
        )

    def _sources(self) -> list[Content]:
        rows = []
        for s in self.summary.sources:
            rows += [
                Content.assemble("• ", literal(s.title, "bold"), ", ", literal(s.publisher)),
                Content.assemble("  ", link(s.url)),
                Content.styled(f"  accessed {s.accessed}", "$text-muted"),
            ]
        return rows

    def _reviewed(self) -> Content:
        t = self.summary.tree
        return Content.assemble(
            literal(f"{t.title}, version {t.version}, last reviewed {t.last_reviewed}.", "bold"),
            "\n",
            literal(self.summary.disclaimer, "italic"),
        )

    # Actions

    @on(TickList.Toggled, "#checklist")
    def _ticked(self, event: TickList.Toggled) -> None:
        event.stop()
        self.progress.tick(event.option_id, event.ticked)
        self.query_one("#checklist-title", Static).update(self._checklist_title())
        self.post_message(WalkChanged(self.progress, "tick"))

    def action_back(self) -> None:
        """Take back the last answer and return to that question."""
        self.progress.walk.back()
        self.post_message(WalkChanged(self.progress, "back"))
        self.dismiss(None)

    def action_answers(self) -> None:
        from screens.views.review import AnswersScreen

        def chosen(question_id: str | None) -> None:
            if question_id is not None:
                self.dismiss(question_id)

        self.app.push_screen(AnswersScreen(self.progress, self.lang), chosen)

    def action_continue(self) -> None:
        link = self.progress.walk.outcome.continue_ if self.progress.walk.outcome else None
        if link is not None:
            # The answers the triage already has are carried over, not asked again.
            self.post_message(StartTree(link.tree, link.answers))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "continue":
            return self.summary.continue_to is not None
        return True

    def action_page(self, direction: int) -> None:
        page = self.query_one("#page", VerticalScroll)
        page.scroll_page_down() if direction > 0 else page.scroll_page_up()


def _titled(title: str, rows: list[Content]) -> Hanging:
    """A section: its title in the section titles' style, then its rows, one cell in."""
    heading = Content.styled(title, "bold $text-accent")
    return Hanging(Content("\n").join([heading, *(Content(" ") + row for row in rows)]))
