"""The export dialog: format and path for a summary the app rendered (`WizardApp.start_export`
first asks: a file, or email?). The files are written by `wizard.exports`, which never
overwrites a file unless "Replace" is ticked."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, RadioSet, Static

from screens.dialogs.form import (
    dialog_buttons,
    field_row,
    message_line,
    private_notes_box,
    show_line,
)
from screens.widgets.toggles import MarkedCheckbox, MarkedRadioButton
from wizard.exports import Rendered
from wizard.exports.files import (
    ExportFileError,
    ExportFileExists,
    exports_folder,
    target_path,
    write_new,
)

FORMATS: list[tuple[str, str]] = [
    ("html", "HTML: one file to open in a browser or print"),
    ("md", "Markdown"),
    ("txt", "Plain text"),
    ("json", "JSON: data, importable as a session"),
]


def _default_folder(data_folder: Path | None) -> Path:
    """`exports/` in the data folder; the current folder if it cannot be made."""
    from wizard.sessions.files import data_dir

    try:
        return exports_folder(data_dir(data_folder)).absolute()
    except OSError:
        return Path.cwd()


class ExportDialog(ModalScreen[Path | None]):
    """Format and path; Enter in the path (or Ctrl+S) saves, Esc cancels. Dismisses with the
    path written."""

    CSS_PATH = ["sessions.tcss", "export.tcss"]
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self, rendered: Rendered, folder: Path | None = None, data_folder: Path | None = None
    ) -> None:
        super().__init__(classes="dialog")
        self.rendered = rendered
        self.folder = folder if folder is not None else _default_folder(data_folder)
        self.fmt = FORMATS[0][0]
        self.path_at_start = ""

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
            notes = private_notes_box(self.rendered.left_out)
            if notes is not None:
                yield notes
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
        self.path_at_start = self.query_one("#export-path", Input).value

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

    @on(Checkbox.Changed, "#private-notes")
    def _notes_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.rendered = self.rendered.with_notes("all" if event.value else "client")

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
        """Esc cancels; after a file name was typed, it asks first."""
        path = Path(self.query_one("#export-path", Input).value)
        if path.with_suffix("") != Path(self.path_at_start).with_suffix(""):
            from screens.dialogs.session import ask_before_leaving

            ask_before_leaving(self, "the export", self.action_save)
        else:
            self.dismiss(None)
