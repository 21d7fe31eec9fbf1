"""The Textual app: `make_app` builds it (for the CLI and the tests alike), `run_app` runs it.

Startup imports only Textual and the home screen (tests/app/test_startup.py keeps it so); the
engine (and pydantic with it) and the other screens are imported when first needed.
"""

from __future__ import annotations

# isort: off
import screens.startup_gc  # noqa: F401  first: holds the collector off while Textual is imported
# isort: on

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from screens.commands import WizardCommands
from screens.messages import (
    CompareSession,
    DeleteSession,
    LeaveSession,
    RestoreSession,
    ResumeSession,
    StartTree,
    WalkChanged,
    WalkScreen,
    WhatIf,
)
from screens.session_actions import SESSION_BINDINGS, SessionActions
from screens.startup_gc import freeze_startup
from screens.views.home import HomeScreen
from screens.widgets.literal import visible
from wizard.sessions.progress import Progress

if TYPE_CHECKING:
    import argparse

    from screens.catalog import TreeCard
    from wizard.exports import Rendered
    from wizard.tree.schema import Tree

TITLE = "China Pathways Wizard"


class Options(NamedTuple):
    """How the app was started (from the command line, or by a test)."""

    lang: str = "en"
    counselor: bool = False
    data_dir: Path | None = None
    """Where sessions are saved (None: the default data folder)."""
    session: str | None = None
    """A saved session to resume at once."""
    animate: bool = True
    """False in tests and screenshots: no animations, no cursor blink."""


class WizardApp(SessionActions, App[None]):
    """Home, questions, answers and outcome; the rules all live in `wizard/`."""

    TITLE = TITLE
    # The default screen's own CSS_PATH is not loaded by Textual (only pushed screens' are).
    CSS_PATH = ["app.tcss", "views/home.tcss"]
    COMMANDS = App.COMMANDS | {WizardCommands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "Keys", tooltip="List the keys"),
        *SESSION_BINDINGS,
    ]

    def __init__(
        self, tree: str | None = None, loaded: Tree | None = None, options: Options | None = None
    ) -> None:
        super().__init__()
        self.options = options or Options()
        self.initial_tree = tree
        self.initial_loaded = loaded
        self.lang = self.options.lang
        """The language of the walk on screen (`begin`), else the app's (`options.lang`)."""
        self.home = HomeScreen(self.lang, self.saved_sessions)
        self.progress: Progress | None = None
        """The walk in progress, if any."""
        if not self.options.animate:
            self.animation_level = "none"

    def get_default_screen(self) -> Screen[None]:
        return self.home

    @property
    def catalog(self) -> list[TreeCard]:
        """The shipped trees, once the home screen has read them (for the command palette)."""
        return self.home.trees

    def get_key_display(self, binding: Binding) -> str:
        """F-keys as the hints and the keys list write them ("F2", not Textual's "f2")."""
        display = super().get_key_display(binding)
        return display.upper() if re.fullmatch(r"f\d+", display) else display

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, less its "Keys" panel (the bindings of the focused
        widget only): the wizard's "Keys" command opens the full list, as `?` does."""
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command

    def on_mount(self) -> None:
        self.call_after_refresh(freeze_startup)  # once the first screen is drawn
        self.counselor = self.options.counselor
        if self.options.session is not None:
            self.resume_session(self.options.session)
        elif self.initial_tree is not None:
            self.start_tree(self.initial_tree, self.initial_loaded)

    # Walks

    def start_tree(
        self,
        ref: str,
        loaded: Tree | None = None,
        answers: Mapping[str, object] | None = None,
        lang: str | None = None,
    ) -> bool:
        """Open a tree (a shipped id or a path) at its first question, or past the `answers`
        another tree carried over (checked by `wizard check`), in `lang` (a client's) if the
        tree offers it; say why if it cannot. Whether it opened."""
        tree = loaded or self._open_tree(ref)
        if tree is None:
            return False
        from wizard.tree.walk import Walk

        walk, _ = Walk.replay(tree, (answers or {}).items())
        self.begin(Progress(walk, ref), lang)
        return True

    def _open_tree(self, ref: str) -> Tree | None:
        from wizard.diagnostics import TreeError
        from wizard.lint import load

        try:
            return load(ref)
        except TreeError as error:
            problems = "\n".join(str(d) for d in error.diagnostics[:5]) or "unknown problem"
            self.notify(problems, title=f"Cannot open {ref}", severity="error", markup=False)
            return None

    def begin(self, progress: Progress, lang: str | None = None) -> None:
        """Show `progress` on a fresh question screen above home (a new walk or a resumed one),
        in `lang` (a client's, a saved session's) if its tree offers it, else the app's; a new
        session is saved with the language shown."""
        from screens.views.question import QuestionScreen
        from wizard.i18n import walk_language

        offered = progress.walk.tree.tree.languages
        self.lang = walk_language(lang, offered, self.options.lang)
        self.sessions().lang = self.lang
        self.progress = progress
        self._unwind()
        self.push_screen(QuestionScreen(progress, self.lang))
        self.post_message(WalkChanged(progress, "start"))

    # on_walk_changed (autosave), saved_sessions and resume_session: see SessionActions.

    # What the screens ask for (they cannot import the app: it imports them)

    @on(StartTree)
    def _asked_to_start(self, message: StartTree) -> None:
        self.start_tree(message.ref, answers=message.answers)

    @on(ResumeSession)
    def _asked_to_resume(self, message: ResumeSession) -> None:
        self.resume_session(message.key)

    @on(LeaveSession)
    def _back_home(self) -> None:
        self.lang = self.options.lang
        if self.leave_session():
            self._relist()  # leaving may have saved it, or kept a copy

    @on(CompareSession)
    def _asked_to_compare(self, message: CompareSession) -> None:
        self.action_compare(message.key)

    @on(DeleteSession)
    def _asked_to_delete(self, message: DeleteSession) -> None:
        self.ask_delete_session(message.card)

    @on(RestoreSession)
    def _asked_to_restore(self, message: RestoreSession) -> None:
        if self.restore_deleted(message.key) and isinstance(self.screen, HomeScreen):
            self.screen.highlight_session(message.key)

    @on(WhatIf)
    def _asked_what_if(self, message: WhatIf) -> None:
        self.what_if(message.question_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.session_check_action(action)

    def _unwind(self) -> None:
        """Pop every screen above home."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    # Actions, shared by bindings and the command palette

    def action_help(self) -> None:
        from screens.views.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(_keys_group(self.screen)))

    def action_home(self) -> None:
        self._unwind()

    def action_answers(self) -> None:
        if isinstance(self.screen, WalkScreen):
            self.screen.action_answers()
        else:
            self.notify("Start a pathway first: there are no answers yet.")

    def action_go_back(self) -> None:
        if isinstance(self.screen, WalkScreen):
            self.screen.action_back()
        else:
            self.notify("There is no question to go back to here.")

    def action_export(self) -> None:
        """Save the summary to a file or email it (`start_export`). A walk not
        finished yet exports too, marked in progress."""
        if self.progress is None or not self.progress.walk.path:
            self.notify("Answer a question first: export saves or sends the summary.")
            return
        self.start_export()

    def rendered_now(self) -> Rendered:
        """The summary of the walk on screen, with its ticks and notes (nothing is saved)."""
        from wizard.exports import render
        from wizard.report.summary import snapshot

        progress = self.progress
        assert progress is not None
        saved = self.sessions().session
        session = snapshot(
            saved, progress.walk, progress.ticked, progress.notes, self.lang, progress.shared
        )
        return render(session, progress.walk, self.lang)

    def start_export(self) -> None:
        """Ask: save to a file or email? Then open that dialog with the summary rendered now."""
        from screens.dialogs.session import ChoiceDialog

        rendered = self.rendered_now()

        def chosen(choice: str | None) -> None:
            if choice == "file":
                from screens.dialogs.export import ExportDialog

                self.push_screen(ExportDialog(rendered, data_folder=self.options.data_dir), saved)
            elif choice == "email":
                from screens.dialogs.email import EmailDialog

                self.push_screen(EmailDialog(rendered, self.options.data_dir), sent)

        def saved(path: Path | None) -> None:
            if path is not None:
                self.notify(visible(f"Saved the summary to {path}"), title="Exported", markup=False)

        def sent(message: str | None) -> None:
            if message is not None:
                self.notify(visible(message), title="Email sent", markup=False)

        state = "" if rendered.summary.finished else " It is marked in progress."
        self.push_screen(
            ChoiceDialog(
                "Export the summary",
                f"Save the summary to a file, or email it?{state}",
                [("file", "Save to a file (HTML, Markdown, text, JSON)"), ("email", "Email it")],
            ),
            chosen,
        )


def _keys_group(screen: object) -> str | None:
    """The group of the keys list (`screens.views.help.KEYS`) for the screen the user is on."""
    from screens.views.outcome import OutcomeScreen
    from screens.views.question import QuestionScreen
    from screens.views.review import AnswersScreen

    groups: list[tuple[type, str]] = [
        (HomeScreen, "Home"),
        (QuestionScreen, "Questions"),
        (AnswersScreen, "Your answers"),
        (OutcomeScreen, "Outcome"),
    ]
    if isinstance(screen, ModalScreen):
        return "Dialogs"
    return next((group for kind, group in groups if isinstance(screen, kind)), None)


def make_app(
    tree: str | None = None,
    *,
    loaded: Tree | None = None,
    session: str | None = None,
    lang: str = "en",
    counselor: bool = False,
    data_dir: Path | None = None,
    animate: bool = True,
) -> WizardApp:
    """The one way to build the app, for `wizard` and for the tests (`animate=False` there)."""
    return WizardApp(tree, loaded, Options(lang, counselor, data_dir, session, animate))


def run_app(args: argparse.Namespace) -> int:
    """Run the app for `wizard` / `wizard start TREE`. A tree that does not load raises
    `TreeError` before the screen is taken over, so the CLI prints its diagnostics."""
    loaded = None
    if args.tree is not None:
        from wizard.lint import load

        loaded = load(args.tree)
    app = make_app(
        args.tree,
        loaded=loaded,
        session=args.session,
        lang=args.lang,
        counselor=args.counselor,
        data_dir=args.data_dir,
    )
    app.run()
    return app.return_code or 0
