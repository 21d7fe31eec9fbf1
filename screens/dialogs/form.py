"""Pieces every dialog form shares: a labelled row per field, a line for what went wrong, a row of
buttons. One row per field, so the dialogs fit an 80x24 terminal."""

from __future__ import annotations

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Label, Static
from textual.widgets.button import ButtonVariant

from screens.widgets.literal import literal
from screens.widgets.toggles import MarkedCheckbox


def field_row(label: str, field: Widget) -> HorizontalGroup:
    """A label beside its field: one row per field, so the dialogs fit an 80x24 terminal."""
    return HorizontalGroup(Label(label, classes="field-label"), field, classes="field")


def message_line(ident: str, under_field: bool = True) -> Static:
    """A line for what went wrong, hidden until then; under a field, indented to the field."""
    line = Static(
        id=ident, classes="dialog-problem field-problem" if under_field else "dialog-problem"
    )
    line.display = False
    return line


def dialog_buttons(*buttons: tuple[str, str, ButtonVariant, str]) -> HorizontalGroup:
    """One row of compact buttons, each (label, id, variant, the screen's action it runs)."""
    return HorizontalGroup(
        *(
            Button(text, id=ident, variant=kind, compact=True, action=f"screen.{action}")
            for text, ident, kind, action in buttons
        ),
        classes="dialog-buttons",
    )


def show_line(line: Static, message: str, error: bool = True) -> None:
    """Show `message` (text, never markup) in `line`, red when it is an error, and scroll it
    into view: in a terminal shorter than 24 rows the dialog scrolls."""
    # The engine's messages start in lower case, to follow "file:" on a command line.
    line.update(literal(message[:1].upper() + message[1:]))
    line.set_class(error, "-error")
    line.display = True
    line.call_after_refresh(line.scroll_visible, animate=False)


def private_notes_box(left_out: int) -> Checkbox | None:
    """The export and email dialogs' offer to include the private notes left out (None when
    there are none): unticked, the summary holds only the notes marked for the client."""
    if not left_out:
        return None
    some = "1 private note" if left_out == 1 else f"{left_out} private notes"
    return MarkedCheckbox(
        f"Include {some} (left out now)",
        id="private-notes",
        compact=True,
    )
