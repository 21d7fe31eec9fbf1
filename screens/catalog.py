"""The home screen's lists: each tree's `[tree]` table only, never a full validation, and the
saved sessions as `wizard.sessions.index` reads them (a few fields, not validated).

Validating a whole tree (pydantic) costs far more than reading its title; the home screen needs
only title, summary and review date, so it parses that one table (`wizard.tree.shipped.tree_table`,
the reader the linter also takes shipped tree ids from). The full load, with its checks, happens
when a tree is opened. Nothing here imports pydantic (nor may anything it imports): the list is
read before the home screen's first frame.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple, Protocol

from wizard import toml
from wizard.i18n import tr
from wizard.tree.shipped import resolve, shipped_trees, tree_table


class TreeCard(NamedTuple):
    """What the home screen shows about one tree."""

    ref: str
    """What to open: the tree's id for a shipped tree."""
    title: str
    summary: str
    last_reviewed: str
    problem: str = ""
    """Why the tree cannot be offered, when its metadata cannot be read."""


def tree_cards(lang: str = "en") -> list[TreeCard]:
    """A card for every shipped tree: the `start` triage first (it is where someone unsure
    begins), then the others by file name."""
    paths = sorted(shipped_trees(), key=lambda path: path.stem != "start")
    return [tree_card(path, lang) for path in paths]


def tree_card(path: Path, lang: str = "en") -> TreeCard:
    """The card of one tree file; a card with `problem` set when the file cannot be read."""
    try:
        meta = tree_table(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, toml.TOMLDecodeError) as error:
        return TreeCard(path.stem, path.stem, "", "", f"cannot be read: {error}")
    if not isinstance(meta, dict):
        return TreeCard(path.stem, path.stem, "", "", "has no [tree] table")
    reviewed = meta.get("last_reviewed")
    return TreeCard(
        ref=path.stem if resolve(path.stem) == path else str(path),
        title=_text(meta.get("title"), lang) or path.stem,
        summary=_text(meta.get("summary"), lang),
        last_reviewed=reviewed.isoformat()
        if hasattr(reviewed, "isoformat")
        else str(reviewed or ""),
    )


def _text(value: object, lang: str) -> str:
    return tr(value, lang) if isinstance(value, str | dict) else ""


class SessionCard(NamedTuple):
    """What the home screen shows about one saved session (filled in by the sessions feature)."""

    key: str
    """What `WizardApp.resume_session` is given back."""
    title: str
    detail: str
    """E.g. the tree, the number of answers and when it was last saved."""


class Listed(Protocol):
    """A session as lists show it: a `wizard.sessions.model.Session` or a `SessionSummary`."""

    @property
    def id(self) -> str: ...
    @property
    def tree(self) -> str: ...
    @property
    def client_name(self) -> str | None: ...
    @property
    def outcome(self) -> str | None: ...
    @property
    def outcome_label(self) -> str: ...
    @property
    def progress(self) -> str: ...
    @property
    def updated(self) -> dt.datetime: ...
    @property
    def copied_from(self) -> str | None: ...


def session_card(session: Listed, lang: str = "en") -> SessionCard:
    """Client, tree, progress, outcome and last update, for the home screen's list."""
    title = f"{session.client_name or 'No client name'} · {session.tree}"
    outcome = f" → {session.outcome_label}" if session.outcome else ""
    updated = session.updated.astimezone().strftime("%Y-%m-%d %H:%M")
    copy = f" · a what-if copy of {session.copied_from}" if session.copied_from else ""
    detail = f"{session.progress}{outcome} · updated {updated} · {session.id}{copy}"
    # Names and the outcome title stored in the session only: reading every tree would slow home.
    del lang
    return SessionCard(session.id, title, detail)
