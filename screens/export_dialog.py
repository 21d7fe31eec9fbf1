"""Exporting from the app: a choice (save a file or email), then the export dialog (format and
path) or the email dialog (`screens.email_dialog`). The summary is built by `wizard.summary`
from what is on screen; the files are written by `wizard.exports`, which never overwrites a file
unless "Replace" is ticked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, RadioSet, Static

from screens.literal import literal, visible
from screens.toggles import MarkedCheckbox, MarkedRadioButton
from wizard.exports import Rendered
from wizard.exports.files import ExportFileError, ExportFileExists, target_path, write_new
from wizard.summary import build_summary, snapshot

if TYPE_CHECKING:
    from screens.app import WizardApp

FORMATS: list[tuple[str, str]] = [
    ("html", "HTML: one file to open in a browser or print"),
    ("md", "Markdown"),
    ("txt", "Plain text"),
    ("json", "JSON: data, importable as a session"),
]


def rendered_now(app: WizardApp) -> Rendered:
    """The summary of the walk on screen, with its ticks and notes (nothing is saved)."""
    progress = app.progress
    assert progress is not None
    saved = app.sessions().session
    session = snapshot(saved, progress.walk, progress.ticked, progress.notes, app.lang)
    return Rendered(build_summary(session, progress.walk, app.lang), session)


def start_export(app: WizardApp) -> None:
    """Ask: save to a file or email? Then open that dialog."""
    from screens.session_dialogs import ChoiceDialog

    rendered = rendered_now(app)

    def chosen(choice: str | None) -> None:
        if choice == "file":
            app.push_screen(ExportDialog(rendered), saved)
        elif choice == "email":
            from screens.email_dialog import EmailDialog

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
            yield Label("Format")
            # Compact (borderless) toggles, so that the dialog fits an 80x24 terminal.
            with RadioSet(id="export-format", compact=True):
                for index, (fmt, label) in enumerate(FORMATS):
                    yield MarkedRadioButton(label, value=index == 0, id=f"format-{fmt}")
            yield Label("Save as")
            yield Input(str(self._default(self.fmt)), id="export-path")
            yield MarkedCheckbox("Replace the file if it exists", id="export-replace", compact=True)
            yield Static(id="export-problem", classes="dialog-problem")
            yield Static(
                "Enter (in the file name) or Ctrl+S saves · Tab moves between fields, "
                "↑↓ picks a format · Esc cancels",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#export-problem").display = False
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
        problem = self.query_one("#export-problem", Static)
        problem.update(literal(message))
        problem.display = True
        # In a short terminal the dialog scrolls: the reason must not stay below its edge.
        self.call_after_refresh(problem.scroll_visible, animate=False)

    def action_cancel(self) -> None:
        self.dismiss(None)
