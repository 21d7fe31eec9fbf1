"""What a window holds about one person's way through one tree.

The `Walk` is the whole state of the answers; `Progress` adds only what the screens add beside
it (which checklist items are ticked, the counselor's notes, and which tree was opened). The app
posts `screens.messages.WalkChanged` after every change, and the session lifecycle
(`wizard.sessions.lifecycle`) saves it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the app's first frame must not wait for the engine (pydantic)
    from wizard.tree.walk import Walk

Change = Literal["start", "answer", "back", "revise", "tick", "note"]


@dataclass
class Progress:
    """A walk plus the checklist ticks; the screens render it, the engine decides it."""

    walk: Walk
    tree_ref: str
    """What was opened: a shipped tree's id or a path to a TOML file."""
    ticked: set[str] = field(default_factory=set)
    """Ids of the checklist items ticked on the outcome screen."""
    notes: dict[str, str] = field(default_factory=dict)
    """Counselor notes per question id (saved with the session, shown with the answers)."""
    shared: set[str] = field(default_factory=set)
    """The question ids whose note is for the client (the others are private)."""

    def tick(self, item_id: str, ticked: bool = True) -> None:
        """Tick (or untick) a checklist item."""
        if ticked:
            self.ticked.add(item_id)
        else:
            self.ticked.discard(item_id)
