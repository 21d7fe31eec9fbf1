"""Steps shared by the export and email dialog tests: mail settings in a test config folder, and
the keys that walk the fixed tree to an outcome and open a dialog from it."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from screens.dialogs.session import ChoiceDialog
from screens.views.outcome import OutcomeScreen
from tests.app.conftest import answer

X1_ANSWERS = ["china", "x1", "yes", "2026-09-01"]
"""China, X1, related: yes, a start date: the recommended outcome of tests/data/app/visa.toml."""


def mail_settings(config_home: Path, port: int, user: str = "") -> None:
    """A mail.toml under `config_home` (the test's $XDG_CONFIG_HOME); with `user`, the server
    wants a login, so the dialog asks for a password."""
    folder = config_home / "china-pathways-wizard"
    folder.mkdir(parents=True, exist_ok=True)
    login = f'user = "{user}"\n' if user else ""
    (folder / "mail.toml").write_text(
        f'host = "127.0.0.1"\nport = {port}\nsecurity = "none"\n{login}'
        'from = "Li Wei <li@example.org>"\n',
        encoding="utf-8",
    )


async def to_outcome_then(pilot: Pilot[None], choice: str) -> None:
    """Walk to the x1 outcome, tick the first checklist item, press e, and pick 1 (file) or
    2 (email)."""
    for value in X1_ANSWERS:
        await answer(pilot, value)
    assert isinstance(pilot.app.screen, OutcomeScreen)
    await pilot.press("space")
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceDialog)
    await pilot.press(choice)
    await pilot.pause()
