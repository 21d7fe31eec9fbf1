"""The risks met so far: a panel of cards, updated by adding and removing cards, never rebuilt."""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from screens.widgets.badges import SEVERITY_MARKS, severity_badge
from screens.widgets.line import Line
from screens.widgets.literal import literal
from wizard.tree.schema import SEVERITIES, Risk, tr
from wizard.tree.walk import RiskHit


def risk_content(risk: Risk, lang: str, full: bool = True) -> Content:
    """A risk as a badge and title, then (when `full`) its detail and what to do about it."""
    head = Content.assemble(
        severity_badge(risk.severity), " ", literal(tr(risk.title, lang), "bold")
    )
    if not full:
        return head
    return Content("\n").join(
        [
            head,
            literal(tr(risk.detail, lang)),
            Content.assemble(("What to do: ", "bold"), literal(tr(risk.mitigation, lang))),
        ]
    )


def risk_tally(hits: list[RiskHit]) -> Content:
    """`!! HIGH 1  ! CAUTION 2`: how many risks of each severity, worst first."""
    counts = Counter(hit.risk.severity for hit in hits)
    parts: list[Content | str] = []
    for severity in reversed(SEVERITIES):
        if counts[severity]:
            mark, word, style = SEVERITY_MARKS[severity]
            parts += [Content.styled(f" {mark} {word} {counts[severity]} ", style), " "]
    return Content.assemble(*parts)


class RiskCard(Static):
    """One risk met, in full; marked `NEW` (in words, not only a tint) on the step it was met."""

    def __init__(self, hit: RiskHit, lang: str) -> None:
        super().__init__(classes=f"risk-card -{hit.risk.severity}")
        self.risk = hit.risk
        self.lang = lang
        self.risk_id = hit.risk.id
        self.mark(new=True)

    def mark(self, new: bool) -> None:
        content = risk_content(self.risk, self.lang)
        if new:
            content = Content.assemble(("NEW ", "bold $text-error"), content)
        self.update(content)
        self.set_class(new, "-new")


class RisksPanel(VerticalScroll):
    """Every risk met on the path so far, newest first; new ones are marked until the next step."""

    def __init__(self, lang: str = "en", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self._cards: dict[str, RiskCard] = {}

    def compose(self) -> ComposeResult:
        yield Line(id="risks-title")
        yield Static("None yet.", id="risks-none")

    def show(self, hits: list[RiskHit]) -> list[RiskHit]:
        """Bring the panel up to `hits`; return the risks that were not shown before."""
        wanted = {hit.risk.id for hit in hits}
        for risk_id in [r for r in self._cards if r not in wanted]:
            self._cards.pop(risk_id).remove()
        for card in self._cards.values():
            if card.has_class("-new"):
                card.mark(new=False)
        new = [hit for hit in hits if hit.risk.id not in self._cards]
        if new:
            cards = [RiskCard(hit, self.lang) for hit in new]
            for card in cards:
                self._cards[card.risk_id] = card
            self.mount_all(reversed(cards), after="#risks-none")
            self.scroll_home(animate=False)
        title = f"Risks met so far ({len(hits)})" if hits else "Risks met so far"
        self.query_one("#risks-title", Line).show(title)
        self.query_one("#risks-none", Static).display = not hits
        return new
