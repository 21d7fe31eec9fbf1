"""Exporting from the app: a choice (save a file or email), then the export dialog (format and
path) or the email dialog (`screens.dialogs.email`). The summary is built by `wizard.report.summary`
from what is on screen; the files are written by `wizard.exports`, which never overwrites a file
unless "Replace" is ticked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, RadioSet, Static
from textual.widgets.button import ButtonVariant

from screens.widgets.literal import literal, visible
from screens.widgets.toggles import MarkedCheckbox, MarkedRadioButton
from wizard.exports import Rendered
from wizard.exports.files import ExportFileError, ExportFileExists, target_path, write_new
from wizard.report.summary import build_summary, snapshot

if TYPE_CHECKING:
    from screens.app import WizardApp

FORMATS: list[tuple[str, str]] = [
    ("html", "HTML: one file to open in a browser or print"),
    ("md", "Markdown"),
    ("txt", "Plain text"),
    ("json", "JSON: data, importable as a session"),
]


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


def rendered_now(app: WizardApp) -> Rendered:
    """The summary of the walk on screen, with its ticks and notes (nothing is saved)."""
    progress = app.progress
    assert progress is not None
    saved = app.sessions().session
    session = snapshot(saved, progress.walk, progress.ticked, progress.notes, app.lang)
    return Rendered(build_summary(session, progress.walk, app.lang), session)


def start_export(app: WizardApp) -> None:
    """Ask: save to a file or email? Then open that dialog."""
    from screens.dialogs.session import ChoiceDialog

    rendered = rendered_now(app)

    def chosen(choice: str | None) -> None:
        if choice == "file":
            app.push_screen(ExportDialog(rendered), saved)
        elif choice == "email":
            from screens.dialogs.email import EmailDialog

            app.push_screen(EmailDialog(rendered, app.options.data_dir), sent)

    def saved(path: Path | None) -> None:
        if path is not None:
            app.notify(visible(f"Saved the summary to {path}"), title="Exported", markup=False)

    def sent(message: str | None) -> None:
        if message is not None:
            app.notify(visible(message), title="Email sent", markup=False)

    state = "" if rendered.summary.finished else " It is marked in progress."
    app.push_screen(
        ChoiceDialog(
            "Export the summary",
            f"Save the summary to a file, or email it?{state}",
            [("file", "Save to a file (HTML, Markdown, text, JSON)"), ("email", "Email it")],
        ),
        chosen,
    )


class ExportDialog(ModalScreen[Path | None]):
    """Format and path; Enter in the path (or Ctrl+S) saves, Esc cancels. Dismisses with the
    path written."""

    CSS_PATH = ["sessions.tcss", "export.tcss"]
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, rendered: Rendered, folder: Path | None = None) -> None:
        super().__init__(classes="dialog")
        self.rendered = rendered
        self.folder = folder or Path.cwd()
        self.fmt = FORMATS[0][0]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static("Export the summary", classes="dialog-title")
            # Compact (borderless) toggles and box, labels beside them: it fits an 80x24 terminal.
            with HorizontalGroup(classes="field"):
                yield Label("Format", classes="field-label")
                with RadioSet(id="export-format", compact=True):
                    for index, (fmt, label) in enumerate(FORMATS):
                        yield MarkedRadioButton(label, value=index == 0, id=f"format-{fmt}")
            yield field_row(
                "Save as", Input(str(self._default(self.fmt)), id="export-path", compact=True)
            )
            yield MarkedCheckbox("Replace the file if it exists", id="export-replace", compact=True)
            yield message_line("export-problem")
            yield Static(
                "Enter in the file name saves · Tab moves · ↑↓ picks a format",
                classes="dialog-hint",
            )
            yield dialog_buttons(
                ("Save  Ctrl+S", "export-save", "primary", "save"),
                ("Cancel  Esc", "export-cancel", "default", "cancel"),
            )

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def _default(self, fmt: str) -> Path:
        return target_path(self.folder, self.rendered.summary, fmt)

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        new = FORMATS[event.index][0]
        path_input = self.query_one("#export-path", Input)
        current = Path(path_input.value.strip())
        if current.suffix == f".{self.fmt}":  # keep a name the user typed, change its extension
            path_input.value = str(current.with_suffix(f".{new}"))
        self.fmt = new

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self._problem("Type where to save the file.")
            return
        path = target_path(Path(text).expanduser(), self.rendered.summary, self.fmt)
        replace = self.query_one("#export-replace", Checkbox).value
        data = self.rendered.text_of(self.fmt).encode("utf-8")
        try:
            written = write_new(path, data, force=replace)
        except ExportFileExists:
            self._problem(f"{path} already exists: tick “Replace” to overwrite it.")
            return
        except ExportFileError as error:
            self._problem(str(error))
            return
        self.dismiss(written)

    def _problem(self, message: str) -> None:
        show_line(self.query_one("#export-problem", Static), message)

    def action_cancel(self) -> None:
        self.dismiss(None)
