"""Driving the app from the keyboard, as a user would, and reading the screen: the one home of the
Pilot helpers every app test uses.

Waiting: a test never sleeps a fixed time to let the app catch up. `pilot.pause()` lets pending
messages run; where more must happen first (a worker, a screen pushed, a search), `wait_for` polls
the real condition, with a generous timeout only as a safety net on a loaded machine."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen

from screens.app import WizardApp, make_app
from screens.dialogs.session import ChoiceDialog
from screens.views.home import SessionList
from screens.views.outcome import OutcomeScreen
from screens.views.question import QuestionScreen
from screens.widgets.lists import TickList

NARROW = (80, 24)
WIDE = (120, 40)
SESSIONS_SIZE = (110, 40)
"""Tall enough for the home screen's list of saved sessions."""

WAIT_SECONDS = 60.0
"""How long `wait_for` waits before failing: only reached when something is wrong."""

X1_ANSWERS = ["china", "x1", "yes", "2026-09-01"]
"""China, X1, related: yes, a start date: the recommended outcome of tests/data/app/visa.toml."""

_BORDERS = {ord(glyph): " " for glyph in "▎▊│█"}


def screen_text(app: WizardApp) -> str:
    """What the terminal shows now, as plain text (no styles)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(text: str) -> str:
    """The screen's words in order: lines joined, list borders dropped, runs of spaces collapsed
    (to find phrases that wrapped)."""
    return " ".join(text.translate(_BORDERS).split())


def dialog_text(app: WizardApp) -> str:
    """The words inside the dialog on top (the screen below shows around it)."""
    box = app.screen.query_one(".dialog-box").content_region
    lines = screen_text(app).splitlines()[box.y : box.bottom]
    return flat("\n".join(line[box.x : box.right] for line in lines))


def notices(app: WizardApp) -> str:
    """Every notification shown so far, title and message, one a line."""
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


def app_for(data: Path, tree: str | None = None, counselor: bool = False) -> WizardApp:
    """The app with its saved sessions in `data`, opening `tree` (or the home screen)."""
    return make_app(tree, data_dir=data, counselor=counselor, animate=False)


async def wait_for(
    pilot: Pilot[None],
    condition: Callable[[], object],
    what: str = "",
    timeout: float = WAIT_SECONDS,
) -> None:
    """Let the app run until `condition()` holds; fail after `timeout` seconds saying what was
    awaited and what the screen shows instead."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            app = pilot.app
            raise AssertionError(
                f"waited {timeout:g} s for {what or 'a condition'}; the screen is "
                f"{app.screen!r}:\n{screen_text(app)}"  # type: ignore[arg-type]
            )
        await pilot.pause()


async def wait_for_screen(pilot: Pilot[None], kind: type[Screen]) -> None:
    """Wait until the screen on top is a `kind` (a dialog opened, the outcome shown, with its
    alternatives judged) and has taken the focus (a key pressed before that goes to the screen
    below: Enter on the outcome screen ticks a checklist item instead of saving in the export
    dialog)."""

    def ready() -> bool:
        screen = pilot.app.screen
        focused = screen.focused is not None or not screen.focus_chain
        # The outcome screen judges the alternatives after its first frame: wait for them too.
        return isinstance(screen, kind) and focused and not getattr(screen, "checking", False)

    await wait_for(pilot, ready, f"a {kind.__name__} with the focus")
    await pilot.pause()


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the workers running now (the home screen's catalog) and the refreshes they cause."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def answer(pilot: Pilot[None], value: object) -> None:
    """Answer the current question with the keys a user would press: a number key for an
    option (each number key for several, then Enter), or the typed text and Enter; then wait
    until the next question or the outcome (its alternatives judged) is shown."""
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen), f"not on a question: {screen!r}"
    question = screen.question
    assert question is not None
    ids = [option.id for option in question.options]
    if question.type == "multi" and isinstance(value, list):
        await pilot.press(*[_digit(ids, str(v)) for v in value], "enter")
    elif ids:
        await pilot.press(_digit(ids, str(value)))
    else:
        await pilot.press(*str(value), "enter")
    if question.type != "multi" or isinstance(value, list):
        await wait_for(
            pilot,
            lambda: pilot.app.screen is not screen or screen.question is not question,
            f"the question after {question.id!r} (answered {value!r})",
        )
        # An outcome judges its alternatives after its first frame.
        await wait_for(
            pilot,
            lambda: not getattr(pilot.app.screen, "checking", False),
            "the outcome's alternatives judged",
        )
    await pilot.pause()


def _digit(ids: list[str], option_id: str) -> str:
    assert option_id in ids, f"{option_id!r} is not one of {ids}"
    index = ids.index(option_id)
    assert index < 9, "number keys reach the first nine options"
    return str(index + 1)


async def palette_run(pilot: Pilot[None], command: str) -> None:
    """Open the command palette (ctrl+p), type `command`, wait until the search has put a
    matching command first, and run it with Enter."""
    await pilot.press("ctrl+p")
    await wait_for_screen(pilot, CommandPalette)
    await pilot.press(*command)

    def found() -> bool:
        results = pilot.app.screen.query_one(CommandList)
        if results.highlighted is None:
            return False
        prompt = results.get_option_at_index(results.highlighted).prompt
        return command.lower() in str(getattr(prompt, "plain", prompt)).lower()

    await wait_for(pilot, found, f"{command!r} in the command palette")
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette), "the command")
    await pilot.pause()


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
    2 (email); return once that dialog is shown."""
    for value in X1_ANSWERS:
        await answer(pilot, value)
    await wait_for_screen(pilot, OutcomeScreen)
    checklist = pilot.app.screen.query_one("#checklist", TickList)
    for _ in range(20):  # Space pages down until the checklist's first item is in view, then ticks
        await pilot.press("space")
        await pilot.pause()
        if checklist.ticked:
            break
    assert checklist.ticked, "the first checklist item was not ticked"
    await pilot.press("e")
    await wait_for_screen(pilot, ChoiceDialog)
    chooser = pilot.app.screen
    await pilot.press(choice)
    await wait_for(pilot, lambda: pilot.app.screen is not chooser, "the export or email dialog")
    await pilot.pause()


async def focus_sessions(pilot: Pilot[None], key: str | None = None) -> SessionList:
    """Move to the saved sessions' list as a user does: `/` to the filter, Enter to the list,
    then down to session `key` (if given)."""
    await pilot.press("slash", "enter")
    await pilot.pause()
    session_list = pilot.app.screen.query_one("#sessions", SessionList)
    assert session_list.has_focus and session_list.highlighted == 0
    if key is not None:
        ids = [option.id for option in session_list.options]
        await pilot.press(*["down"] * ids.index(f"session:{key}"))
    return session_list
