"""Texts shown to people, in one or several languages. No pydantic here: the app's home screen
reads tree titles with `tr` before any tree model is imported."""

from __future__ import annotations

Text = str | dict[str, str]
"""A text shown to people: a plain string, or a table of language code to string."""


def tr(text: Text | None, lang: str = "en") -> str:
    """Pick the text in `lang`, falling back to English, then to any language given."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get("en") or next(iter(text.values()), "")


def walk_language(wanted: str | None, offered: list[str], default: str) -> str:
    """The language a walk is shown in: `wanted` (a client's, a saved session's) when the tree
    offers it (its `languages`), else `default` (the app's, from `--lang`)."""
    return wanted if wanted and wanted in offered else default
