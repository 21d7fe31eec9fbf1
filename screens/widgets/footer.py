"""The footer of every screen: Textual's compact `Footer`, rebuilt only when what it shows changes.

Textual's footer builds its keys anew whenever the screen's bindings may have changed (each
focus change, each `refresh_bindings`), and styling the new keys was about a third of the time
an answer took to show the next question. Here the keys shown (key, label, enabled, tooltip)
are compared with the last ones first; the footer is rebuilt only when they differ.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool, str], ...]


class WizardFooter(Footer):
    def __init__(self) -> None:
        # Compact: keys closer together, so an 80-column footer shows all of the outcome's,
        # and each new key is styled once (a key starts compact; a wide footer restyles it).
        super().__init__(compact=True)
        self._shown: Shown | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            shown = _shown(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)


def _shown(screen: Screen[object]) -> Shown:
    """What a footer shows of `screen`'s bindings (the palette's key included)."""
    palette = screen.app.COMMAND_PALETTE_BINDING
    return tuple(
        (binding.key, binding.description, binding.action, enabled, tooltip or "")
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == palette
    )
