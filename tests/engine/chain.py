"""Trees made up for the size and speed tests."""

from __future__ import annotations

TODAY_TEXT = "2026-11-01"


def chain_tree(nodes: int, help_words: int = 0) -> str:
    """A valid tree: a chain of yes/no questions, `yes` to the next, `no` to one shared outcome
    (so every question is a way to `stop`, the hard case for dominators)."""
    help_text = " ".join(["word"] * help_words)
    parts = [
        f'[tree]\nid = "chain"\ntitle = "Chain"\nsummary = "A long chain."\nversion = "1"\n'
        f"last_reviewed = {TODAY_TEXT}\nreview_every_days = 3650\n"
        f'disclaimer = "Test data."\nstart = "q0"\n\n'
        '[sources.src]\ntitle = "S"\npublisher = "P"\nurl = "https://example.org/"\n'
        "accessed = 2026-11-01\n"
    ]
    for i in range(nodes):
        after = f"q{i + 1}" if i + 1 < nodes else "done"
        extra = f'help = "{help_text}"\n' if help_words else ""
        parts.append(
            f'\n[nodes.q{i}]\ntype = "yesno"\nprompt = "Question {i}?"\n{extra}'
            f'  [[nodes.q{i}.options]]\n  id = "yes"\n  next = "{after}"\n'
            f'  [[nodes.q{i}.options]]\n  id = "no"\n  next = "stop"\n'
        )
    for outcome in ("done", "stop"):
        parts.append(
            f'\n[outcomes.{outcome}]\ntitle = "T"\nverdict = "not-advised"\nsummary = "S"\n'
            'sources = ["src"]\n'
        )
    return "".join(parts)
