"""How severities and verdicts look: always a mark and a word as well as a colour.

Colour alone fails on monochrome terminals, for colour-blind readers and in a pasted screenshot,
so every badge carries an escalating ASCII mark and the word itself. Colours are theme variables,
so Textual's theme switcher recolours them.
"""

from __future__ import annotations

from textual.content import Content

SEVERITY_MARKS: dict[str, tuple[str, str, str]] = {
    # severity: (mark, word, style)
    "info": ("i", "INFO", "$text-primary on $primary-muted"),
    "caution": ("!", "CAUTION", "$text-warning on $warning-muted"),
    "high": ("!!", "HIGH", "bold $text-error on $error-muted"),
    "critical": ("!!!", "CRITICAL", "bold $background on $error"),
}

VERDICT_MARKS: dict[str, tuple[str, str, str]] = {
    "recommended": ("✓", "RECOMMENDED", "bold $background on $success"),
    "possible": ("~", "POSSIBLE", "bold $background on $warning"),
    "not-advised": ("✗", "NOT ADVISED", "bold $background on $error"),
    "not-available": ("✗", "NOT AVAILABLE", "bold $text-error on $error-muted"),
}


def severity_badge(severity: str) -> Content:
    """` !! HIGH ` on the severity's colour."""
    mark, word, style = SEVERITY_MARKS.get(severity, ("?", severity.upper(), "reverse"))
    return Content.styled(f" {mark} {word} ", style)


def closed_badge() -> Content:
    """` ✗ NOT OPEN TO YOU `: an alternative this person's answers rule out (never shown with
    its general verdict)."""
    return Content.styled(" ✗ NOT OPEN TO YOU ", "reverse")


def verdict_badge(verdict: str) -> Content:
    """` ✓ RECOMMENDED ` on the verdict's colour."""
    mark, word, style = VERDICT_MARKS.get(verdict, ("?", verdict.upper(), "reverse"))
    return Content.styled(f" {mark} {word} ", style)
