"""Command palette entries (Ctrl+P) for the wizard's main actions, beside Textual's own
(theme, keys, screenshot, quit)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from screens.widgets.literal import literal, visible

if TYPE_CHECKING:
    from screens.app import WizardApp  # (not at run time: the app imports this module)

Command = tuple[str, str, Callable[[], object]]


class WizardCommands(Provider):
    """Start a tree, your answers, back, export, home."""

    @property
    def wizard(self) -> WizardApp:
        """The app, typed: this provider is listed in `WizardApp.COMMANDS` only."""
        return cast("WizardApp", self.app)

    def _commands(self) -> Iterator[Command]:
        app = self.wizard
        for card in app.catalog:
            if not card.problem:
                yield (f"Start: {card.title}", card.summary, partial(app.start_tree, card.ref))
        yield ("Your answers", "List every answer given; change any of them", app.action_answers)
        yield ("Back", "Go back one question", app.action_go_back)
        yield ("Export", "Save or send the outcome summary", app.action_export)
        yield ("Home", "Back to the list of pathways", app.action_home)
        yield ("Keys", "List the keys of each screen (also ? or F1)", app.action_help)
        yield (
            "Compare",
            "Put two sessions side by side: outcomes, risks, checklists",
            app.action_compare,
        )
        yield (
            "Counselor mode",
            "Turn on or off: node ids, sources, notes, session details",
            app.action_toggle_counselor,
        )
        yield ("Session details", "Client name and email, counselor name", app.action_session_form)

    async def discover(self) -> Hits:
        for name, help_text, command in self._commands():
            yield DiscoveryHit(literal(name), command, text=name, help=_help(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            name = visible(name)  # offsets below index what is shown
            score, offsets = matcher.fuzzy_search.match(query, name)
            if score > 0:
                shown = Content(name)
                for offset in offsets:
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, shown, command, text=name, help=_help(help_text))


def _help(text: str) -> str:
    """The palette parses help as markup: tree text is escaped first."""
    return escape(visible(text))
