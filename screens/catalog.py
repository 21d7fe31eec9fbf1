"""The home screen's list of trees: each tree's `[tree]` table only, never a full validation.

Validating a whole tree (pydantic) costs far more than reading its title; the home screen needs
only title, summary and review date, so it parses the TOML and reads that one table. The full
load, with its checks, happens when a tree is opened. Imported lazily (from a worker), since the
engine modules it needs bring pydantic, which the app's first frame does not need.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wizard.loader import resolve, shipped_trees
from wizard.schema import tr
from wizard.toml import TOMLDecodeError, parse_toml


@dataclass(frozen=True)
class TreeCard:
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
        meta = parse_toml(path.read_text(encoding="utf-8")).get("tree")
    except (OSError, UnicodeDecodeError, TOMLDecodeError) as error:
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


@dataclass(frozen=True)
class SessionCard:
    """What the home screen shows about one saved session (filled in by the sessions feature)."""

    key: str
    """What `WizardApp.resume_session` is given back."""
    title: str
    detail: str
    """E.g. the tree, the number of answers and when it was last saved."""
