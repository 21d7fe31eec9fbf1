"""What a session concluded, kept in its file: the outcome, the verdict for this person, and the
ids of the risks met and of the outcome's checklist. `wizard sessions recheck` compares it with
what the same answers conclude on the trees as they are now (`wizard.sessions.recheck`).

Stored as the optional `[concluded]` table of a session file (absent before an outcome, and in
files saved before it existed: those can show outcome changes only).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from wizard.tree.judge import verdict_of
from wizard.tree.schema import Id
from wizard.tree.walk import Walk


class Concluded(BaseModel):
    """The digest of an outcome reached."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    outcome: Id
    verdict: str
    """The verdict this person's answers give (`wizard.tree.judge`), not the outcome's own."""
    risks: list[Id] = Field(default_factory=list)
    """The risks met on the path, in the order met."""
    checklist: list[Id] = Field(default_factory=list)
    """The outcome's checklist item ids."""


def conclusion(walk: Walk) -> Concluded | None:
    """What `walk` concludes, or None before an outcome."""
    outcome = walk.outcome
    if outcome is None:
        return None
    return Concluded(
        outcome=outcome.id,
        verdict=verdict_of(walk.tree, outcome, walk.answers).verdict,
        risks=[hit.risk.id for hit in walk.risks],
        checklist=[item.id for item in outcome.checklist],
    )
