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
