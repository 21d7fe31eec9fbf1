"""Where the shipped trees are, and how a name given by a user finds a tree file. No pydantic
here: the app's home screen lists the trees before any tree model is imported."""

from __future__ import annotations

from pathlib import Path

SHIPPED = Path(__file__).resolve().parents[2] / "trees"
"""The trees that ship with the wizard (inside the wheel they sit beside the `wizard` package)."""


def shipped_trees() -> list[Path]:
    """The shipped tree files, sorted by name."""
    return sorted(SHIPPED.glob("*.toml"))


def resolve(name: str) -> Path:
    """A shipped tree's id, or a path to a TOML file."""
    candidate = SHIPPED / f"{name}.toml"
    if "/" not in name and not name.endswith(".toml") and candidate.is_file():
        return candidate
    return Path(name)
