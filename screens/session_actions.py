"""The app's sessions feature: autosave on every change, resume, counselor mode (session form,
notes, node ids and sources), "what if" copies and the comparison. Mixed into `WizardApp`, so the
app file keeps to its screens; everything decided here is decided by `wizard.session_*`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.reactive import var

from screens.messages import WalkChanged, WalkScreen, WalkView
from screens.views.home import HomeScreen
from wizard.sessions.progress import Progress

if TYPE_CHECKING:
    from screens.catalog import SessionCard
    from wizard.sessions.index import SessionSummary
    from wizard.sessions.lifecycle import Reopened, SessionLifecycle
    from wizard.sessions.store import SessionConflict, SessionLocked
    from wizard.tree.schema import AnyQuestion

SESSION_BINDINGS = [
    Binding("n", "note", "Note", tooltip="Write a note on this question (counselor mode)"),
    Binding(
        "ctrl+n",
        "note_on_yes_no",
        "Note",
        tooltip="Write a note on this question (counselor mode; n answers no here)",
    ),
    Binding("s", "session_form", "Session", tooltip="Client and counselor names (counselor mode)"),
    Binding(
        "ctrl+t",
        "toggle_counselor",
        "Counselor",
        show=False,
        tooltip="Turn counselor mode on or off",
    ),
]


class SessionActions:
    """Methods `WizardApp` gains from the sessions feature (it is a Textual `App`)."""

    counselor = var(False)
    """Counselor mode: node ids, sources and notes on each question, the session form."""

    # Set by WizardApp; declared for the type checker.
    progress: Progress | None
    lang: str
    options: Any
    _keeper: SessionLifecycle | None = None
    _reported: frozenset[str] = frozenset()
    """Problems with session files already told (replaced, never mutated: one per app)."""

    # The keeper, created on first use (it brings the engine)

    def sessions(self) -> SessionLifecycle:
        if self._keeper is None:
            from wizard.sessions.lifecycle import SessionLifecycle

            self._keeper = SessionLifecycle(self.options.data_dir, self.lang)
        return self._keeper

    def watch_counselor(self, on: bool) -> None:
        app = self._app()
        app.set_class(on, "-counselor")
        app.sub_title = "counselor mode" if on else ""
        app.refresh_bindings()

    def action_toggle_counselor(self) -> None:
        self.counselor = not self.counselor
        self._app().notify("Counselor mode on." if self.counselor else "Counselor mode off.")

    # Saving

    def on_walk_changed(self, event: WalkChanged) -> None:
        """Every answer, back, revise, tick, note and start arrives here: the session saves."""
        from wizard.sessions.store import SessionConflict, SessionError

        keeper = self.sessions()
        if keeper.left is None or event.progress is not keeper.left[0]:
            self.progress = event.progress  # (a walk left for home stays left)
        try:
            keeper.changed(event.progress, event.change)
        except SessionConflict as conflict:
            self._conflict(conflict)
        except SessionError as error:
            self._app().notify(str(error), title="Not saved", severity="error", markup=False)
        self._report_kept()
        self._refresh_counselor()

    def _report_kept(self) -> None:
        """Say where changes went that a conflict had left unsaved when their session was left."""
        kept = self.sessions().take_kept()
        if kept is not None:
            self._app().notify(
                f"Your unsaved version of the session you left is kept as session {kept}.",
                title="Kept as a new session",
                markup=False,
                timeout=15,
            )

    def leave_session(self) -> bool:
        """Back on the home screen: let go of the session (another window may open or delete it
        now); resuming it opens it again. Nothing is left to export until one is open. Whether
        there was a session to let go of."""
        if self._keeper is None:
            return False  # nothing was ever opened (and the engine stays unimported)
        self._keeper.leave()
        self.progress = None
        self._report_kept()
        return True

    def _conflict(self, conflict: SessionConflict) -> None:
        from screens.dialogs.conflict import conflict_dialog

        self._app().push_screen(conflict_dialog(conflict), self._resolve_conflict)

    def _resolve_conflict(self, choice: str | None) -> None:
        from wizard.sessions.store import SessionError

        keeper = self.sessions()
        app = self._app()
        try:
            if choice == "copy" and keeper.session is not None:
                theirs = keeper.session.id
                mine = keeper.save_copy()
                app.notify(
                    f"Your version is saved as session {mine}, and you go on in it here; the "
                    f"other window's stays as session {theirs}.",
                    title="Both versions kept",
                    markup=False,
                    timeout=10,
                )
            elif choice == "overwrite" and keeper.handle is not None:
                keeper.handle.save(force=True)
                app.notify("Saved your version over the other window's changes.")
            elif choice == "reload" and keeper.handle is not None:
                keeper.handle.reload()  # the user chose to drop this window's changes
                self.resume_session(keeper.handle.current.id, take_over=True)
            else:
                app.notify(
                    "Your next change will ask again. If you leave this session first (go home "
                    "or quit), your version is kept as a new session.",
                    title="Not saved yet",
                    severity="warning",
                    timeout=15,
                )
        except SessionError as error:
            app.notify(str(error), title="Not saved", severity="error", markup=False)

    # Resuming

    def saved_sessions(self) -> list[SessionSummary]:
        """Sessions for the home screen, newest first. Listed without validating them (see
        `wizard.sessions.index`), so the home screen never waits for pydantic to be imported."""
        from wizard.sessions.folder import data_dir
        from wizard.sessions.index import list_sessions

        index = list_sessions(data_dir(self.options.data_dir))
        for problem in index.problems:
            if problem in self._reported:
                continue  # left in place (a newer format): said once, not on every return home
            self._reported = self._reported | {problem}
            self._app().notify(
                problem,
                title="Unreadable session file",
                severity="warning",
                markup=False,
                timeout=20,
            )
        return index.sessions

    def resume_session(self, key: str, take_over: bool = False) -> None:
        """Reopen a saved session where it was left; say so if it cannot be, or if its tree
        changed since (and which answer no longer fits)."""
        from wizard.diagnostics import TreeError
        from wizard.sessions.store import SessionDamaged, SessionError, SessionLocked

        app = self._app()
        try:
            reopened = self.sessions().reopen(key, take_over=take_over)
        except SessionLocked as locked:
            self._locked(locked)
            return
        except SessionError as error:
            app.notify(str(error), title="Cannot open the session", severity="error", markup=False)
            if isinstance(error, SessionDamaged):
                self._relist()  # listed unvalidated; now moved aside
            return
        except TreeError as error:
            problems = "\n".join(str(d) for d in error.diagnostics[:5])
            app.notify(
                problems, title="Cannot open the session's tree", severity="error", markup=False
            )
            return
        self._show_reopened(reopened)

    def _relist(self) -> None:
        """List the sessions on the home screen again (if it is the screen shown)."""
        screen = self._app().screen
        if isinstance(screen, HomeScreen):
            screen.load_catalog()

    def what_if_title(self, limit: int = 40, short: bool = False) -> str:
        """The header's "What if: … of Ana Silva's session" while a what-if copy is open
        (`limit`: of the question's prompt; 0 leaves it out; `short`: for a narrow header)."""
        keeper = self._keeper
        session = keeper.session if keeper is not None else None
        if session is None or not session.copied_from or self.progress is None:
            return ""
        from wizard.sessions.compare import what_if_title

        return what_if_title(session, self.progress.walk.tree, limit, short)

    def _refresh_headers(self) -> None:
        from screens.widgets.header import WizardHeader

        for header in self._app().screen.query(WizardHeader):
            header.refresh_title()

    def _show_reopened(self, reopened: Reopened) -> None:
        from screens.dialogs.session import NoticeDialog

        app: Any = self._app()
        session = self.sessions().session  # shown in its language, if its tree offers it
        app.begin(reopened.progress, session.language if session is not None else None)
        app.call_after_refresh(self._refresh_headers)
        summary = reopened.resumed.summary()
        if summary:
            app.push_screen(NoticeDialog("The saved answers were replayed", summary))

    def _locked(self, locked: SessionLocked) -> None:
        from screens.dialogs.session import ChoiceDialog

        key = locked.session_id
        choices = [
            ("copy", "Open a copy of it (the other window keeps the original)"),
            ("anyway", "Open it anyway (saves are still checked, nothing is overwritten silently)"),
            ("cancel", "Cancel"),
        ]
        message = f"{_held_by(locked)}\n\n{LET_GO}"

        def chosen(choice: str | None) -> None:
            if choice == "copy":
                self._open_copy(key)
            elif choice == "anyway":
                self.resume_session(key, take_over=True)

        self._app().push_screen(
            ChoiceDialog("This session is open in another window", message, choices),
            chosen,
        )

    def _open_copy(self, key: str) -> None:
        from wizard.diagnostics import TreeError
        from wizard.sessions.store import SessionError

        try:
            reopened = self.sessions().reopen_copy(key)
        except (SessionError, TreeError) as error:
            self._app().notify(str(error), severity="error", markup=False)
            return
        self._show_reopened(reopened)

    # Deleting (from the home screen's list)

    def ask_delete_session(self, card: SessionCard) -> None:
        """Ask before deleting a saved session. One open in another window is not offered for
        deletion: the dialog says why (what is typed there must not lose its file)."""
        from screens.dialogs.session import ChoiceDialog
        from wizard.sessions.store import DELETED, SessionLocked

        keeper = self.sessions()
        owner = keeper.open_elsewhere(card.key)
        if owner is not None:
            self._cannot_delete(card, SessionLocked(card.key, owner))
            return
        message = (
            f"{card.title}\n{card.detail}\n\nIts file is moved to "
            f"{keeper.store.folder / DELETED}: u puts it back just after, and "
            "`wizard sessions restore` at any time."
        )
        choices = [("keep", "Keep it"), ("delete", "Delete it")]
        self._app().push_screen(
            ChoiceDialog("Delete this saved session?", message, choices, yes_no=("delete", "keep")),
            lambda choice: self._delete_session(card) if choice == "delete" else None,
        )

    def _delete_session(self, card: SessionCard) -> None:
        from wizard.sessions.store import SessionError, SessionLocked, SessionNotFound

        keeper = self.sessions()
        app = self._app()
        shown = keeper.session is not None and keeper.session.id == card.key
        walk = keeper.progress
        try:
            moved = keeper.delete(card.key)
        except SessionLocked as locked:  # opened elsewhere since the dialog was shown
            self._cannot_delete(card, locked)
            return
        except SessionNotFound:
            app.notify("That session was already deleted (in another window?).", markup=False)
            self._relist()
            return
        except SessionError as error:
            app.notify(str(error), title="Not deleted", severity="error", markup=False)
            return
        if shown and self.progress is walk:
            self.progress = None  # its walk is gone with it: nothing left to export
        home = app.screen if isinstance(app.screen, HomeScreen) else None
        undo = " Press u to put it back." if home is not None else ""
        app.notify(
            f"{card.title} ({card.key}): its file is now in {moved.parent}.{undo}",
            title="Session deleted",
            markup=False,
            timeout=10,
        )
        self._relist()
        if home is not None:
            home.offer_undo(card.key)

    def restore_deleted(self, key: str) -> bool:
        """Put a session deleted here back (the undo of a delete); says why if it cannot be."""
        from wizard.sessions.bin import restore
        from wizard.sessions.store import SessionError

        app = self._app()
        try:
            session = restore(self.sessions().store, key)
        except SessionError as error:
            app.notify(_sentence(error), title="Not restored", severity="error", markup=False)
            return False
        from screens.catalog import session_card

        title = session_card(session, self.lang).title
        app.notify(
            f"{title} ({session.id}) is back in the list.", title="Session restored", markup=False
        )
        self._relist()
        return True

    def _cannot_delete(self, card: SessionCard, locked: SessionLocked) -> None:
        from screens.dialogs.session import NoticeDialog

        lines = [
            f"{card.title} ({card.key})",
            _held_by(locked),
            "It is not deleted while it is open there, so nothing typed there is lost. "
            f"{LET_GO} Then delete it here.",
        ]
        self._app().push_screen(NoticeDialog("This session is open in another window", lines))

    # What if, and the comparison

    def what_if(self, question_id: str) -> None:
        """Copy the session up to `question_id` and continue the copy from there."""
        from wizard.sessions.store import SessionError

        keeper = self.sessions()
        app = self._app()
        if keeper.handle is None:
            app.notify("Answer a question first: there is no session to copy yet.")
            return
        original = keeper.handle.current.id
        try:
            reopened = keeper.what_if(question_id)
        except SessionError as error:
            app.notify(str(error), severity="error", markup=False)
            return
        self._show_reopened(reopened)
        app.notify(
            f"A copy of session {original}: pick another answer here. Ctrl+P › Compare puts "
            "the two side by side.",
            title="What if",
            markup=False,
            timeout=10,
        )

    def action_compare(self, key: str | None = None) -> None:
        """Compare a session (the open one, or `key`) with its original, or with one picked."""
        from screens.catalog import session_card
        from screens.dialogs.session import SessionPicker

        keeper = self.sessions()
        app = self._app()
        first = key or (keeper.session.id if keeper.session is not None else None)
        if first is None:
            app.notify("Open or start a session first, then compare it with another.")
            return
        copied_from = keeper.session.copied_from if keeper.session is not None else None
        if key is None and copied_from is not None:
            self._compare(copied_from, first)
            return
        others = [session_card(s, self.lang) for s in keeper.saved() if s.id != first]
        if not others:
            app.notify("There is no other session to compare with.")
            return
        app.push_screen(
            SessionPicker("Compare with which session?", others),
            lambda second: self._compare(first, second) if second else None,
        )

    def _compare(self, left: str, right: str) -> None:
        from screens.views.compare import CompareScreen
        from wizard.diagnostics import TreeError
        from wizard.sessions.store import SessionError

        try:
            comparison = self.sessions().comparison(left, right, self.lang)
        except (SessionError, TreeError) as error:
            self._app().notify(str(error), title="Cannot compare", severity="error", markup=False)
            return
        self._app().push_screen(CompareScreen(comparison))

    # Counselor mode: the session form and notes

    def action_session_form(self) -> None:
        from screens.dialogs.session import SessionForm

        if self.progress is None:
            self._app().notify("Start or resume a pathway first: details belong to a session.")
            return
        session = self.sessions().session
        people = (
            (session.client_name or "", session.client_email or "", session.counselor or "")
            if session is not None
            else ("", "", "")
        )
        self._app().push_screen(SessionForm(people), self._people_entered)

    def _people_entered(self, people: tuple[str, str, str] | None) -> None:
        from wizard.sessions.store import SessionConflict, SessionError

        if people is None:
            return
        keeper = self.sessions()
        if keeper.progress is None and self.progress is not None:
            keeper.changed(self.progress, "start")  # attach the walk on screen
        try:
            keeper.set_people(*people)
        except SessionConflict as conflict:
            self._conflict(conflict)
        except SessionError as error:
            self._app().notify(str(error), title="Not saved", severity="error", markup=False)
        else:
            client, email, counselor = people
            said = [
                f"client {client or '(none)'}" + (f" <{email}>" if email else ""),
                f"counselor {counselor or '(none)'}",
            ]
            session = keeper.session
            where = f" in session {session.id}" if session is not None else ""
            self._app().notify(
                f"Saved{where}: {', '.join(said)}.",
                title="Session details saved",
                markup=False,
            )
            self._refresh_headers()

    def action_note(self) -> None:
        from screens.dialogs.session import NoteDialog
        from wizard.tree.schema import tr

        question = _question(self._app().screen)
        progress = self.progress
        if question is None or progress is None:
            return

        def written(note: tuple[str, bool] | None) -> None:
            if note is None:
                return
            text, shared = note
            if text.strip():
                progress.notes[question.id] = text.rstrip()
            else:
                progress.notes.pop(question.id, None)
            if shared and text.strip():
                progress.shared.add(question.id)
            else:
                progress.shared.discard(question.id)
            self._app().post_message(WalkChanged(progress, "note"))

        prompt = tr(question.prompt, self.lang)
        note = progress.notes.get(question.id, "")
        shared = question.id in progress.shared
        self._app().push_screen(NoteDialog(prompt, note, shared), written)

    def action_note_on_yes_no(self) -> None:
        self.action_note()

    def _refresh_counselor(self) -> None:
        from screens.widgets.counselor import CounselorPanel

        screen = self._app().screen
        question = _question(screen)
        if self.progress is None:
            return
        for panel in screen.query(CounselorPanel):
            note = self.progress.notes.get(question.id, "") if question is not None else ""
            shared = question is not None and question.id in self.progress.shared
            panel.show(self.progress.walk.tree, question, note, self.lang, shared)

    def session_check_action(self, action: str) -> bool | None:
        """Counselor actions show (and work) only in counselor mode, on a question screen."""
        if action in ("note", "note_on_yes_no"):
            # On a yes/no question n answers "no": the note is Ctrl+N there (shown instead).
            screen = self._app().screen
            if not self.counselor or _question(screen) is None:
                return False
            yes_no = bool(getattr(screen, "is_yes_no", lambda: False)())
            return yes_no == (action == "note_on_yes_no")
        if action == "session_form":
            return self.counselor and isinstance(self._app().screen, WalkView)
        return True

    def on_unmount(self) -> None:
        if self._keeper is not None:
            self._keeper.close()  # release the lock

    def _app(self) -> Any:
        return self


def _question(screen: object) -> AnyQuestion | None:
    """The question on `screen`, when it asks one."""
    return screen.question if isinstance(screen, WalkScreen) else None


LET_GO = (
    "That window lets go of it when it goes back to its home screen (h on the outcome, or "
    "Ctrl+P › Home), opens another session, or quits."
)


def _held_by(locked: SessionLocked) -> str:
    """Who has the session open, for people: the window's process and since when (local)."""
    import datetime as dt
    import socket

    owner = locked.owner
    where = "this computer" if owner.host == socket.gethostname() else f"computer {owner.host}"
    try:
        since = dt.datetime.fromisoformat(owner.since).astimezone()
    except ValueError:
        when = ""
    else:
        day = "" if since.date() == dt.date.today() else f"{since:%Y-%m-%d} "
        when = f" since {day}{since:%H:%M}"
    return (
        f"Another window (the wizard's process {owner.pid} on {where}) has had session "
        f"{locked.session_id} open{when}."
    )


def _sentence(error: Exception) -> str:
    """An engine message (lower case, for the command line) as a dialog's sentence."""
    text = str(error)
    return text[:1].upper() + text[1:]
