"""The dialog shown when a save is refused because another window saved the same session (or its
file went missing): what happened, in plain words, and what each choice does to the counselor's
work. The choice's key goes back to `SessionActions._resolve_conflict`."""

from __future__ import annotations

import datetime as dt

from screens.dialogs.session import ChoiceDialog
from wizard.sessions.store import SessionConflict

NOT_SAVED = "Your latest changes here are not saved yet, and nothing has been overwritten."

CHOICES = {
    "copy": "Save my version as a new session: both versions are kept, nothing is lost",
    "overwrite": "Save my version over theirs: the other window's changes are replaced",
    "reload": "Drop my latest changes and go on from the other window's version",
    "later": "Decide later: your next change asks again, and leaving the session keeps your "
    "version as a new session",
}


def conflict_dialog(conflict: SessionConflict, now: dt.datetime | None = None) -> ChoiceDialog:
    if conflict.file_gone:  # nothing to load, and what is left of the file stays as it is
        return ChoiceDialog(
            "This session's file is missing or damaged",
            "The saved file of this session was deleted or damaged outside this window. "
            f"{NOT_SAVED}\n\nWhat should happen to your changes?",
            [(key, CHOICES[key]) for key in ("copy", "later")],
        )
    when = f" {_when(conflict.changed_at, now)}" if conflict.changed_at else ""
    return ChoiceDialog(
        "This session was changed in another window",
        f"Another window saved this session{when}, after this window last saved it. "
        f"{NOT_SAVED}\n\nWhat should happen to your changes?",
        [(key, CHOICES[key]) for key in ("copy", "overwrite", "reload")],
    )


def _when(moment: dt.datetime, now: dt.datetime | None = None) -> str:
    """`at 14:32` today (local time), else `on 2026-11-24 at 14:32`."""
    local = moment.astimezone()
    today = (now or dt.datetime.now(dt.UTC)).astimezone().date()
    day = "" if local.date() == today else f"on {local:%Y-%m-%d} "
    return f"{day}at {local:%H:%M}"
