"""File names and writing for exports: safe default names, and never overwriting by accident."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from wizard.report.summary import Summary
from wizard.sessions.files import atomic_write, create_new

_DASHES = re.compile(r"-+")

EXPORTS = "exports"
"""The folder in the data folder where exports go unless told otherwise."""


class ExportFileError(Exception):
    """An export that could not be written; the message says why, in one line."""


class ExportFileExists(ExportFileError):
    """The file is there already and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} already exists; use --force to overwrite it")


def slug(text: str, limit: int = 40) -> str:
    """Lowercase letters and digits joined by `-`: a Latin letter loses its accents ("José" ->
    "jose"), a letter of another script is kept ("张伟" stays "张伟"); anything else (spaces,
    punctuation, path separators, control and bidi characters) becomes a `-` between words."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        if plain.isascii() and plain.isalnum():
            out.append(plain.lower())
        elif char.isalnum():
            out.append(char.lower())
        else:
            out.append("-")
    return _DASHES.sub("-", "".join(out)).strip("-")[:limit].strip("-")


def default_name(summary: Summary, extension: str) -> str:
    """`client-name-YYYY-MM-DD.ext` (`张伟-2026-11-25.md`), or `summary-SESSION-ID.ext` without
    a usable client name: only letters, digits, `-` and `.`, never a path separator or a control
    character."""
    who = slug(summary.client_name)
    stem = f"{who}-{summary.date}" if who else f"summary-{slug(summary.session_id, 80)}"
    return f"{stem}.{extension}"


def exports_folder(data_folder: Path) -> Path:
    """`exports/` in the data folder (made if missing): where exports go by default."""
    folder = data_folder / EXPORTS
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def target_path(
    output: Path | None, summary: Summary, extension: str, default_folder: Path | None = None
) -> Path:
    """Where to write: `output`, or the default name inside it when it is a folder, or the
    default name in `default_folder` (the data folder's `exports/`; the current folder when
    None) when it is None."""
    if output is None:
        return (default_folder or Path()) / default_name(summary, extension)
    if output.is_dir():
        return output / default_name(summary, extension)
    return output


def write_new(path: Path, data: bytes, force: bool = False) -> Path:
    """Write `data` to `path`, atomically either way: a full disk or a crash leaves the old file
    or none, never a torn one. Without `force` an existing file is never replaced (`create_new`:
    the check and the creation are one step); with it, a regular file is replaced, and anything
    else (a device, a pipe, a symbolic link, a folder) never is."""
    try:
        if force:
            _check_replaceable(path)
            atomic_write(path, data)
        else:
            create_new(path, data)
    except FileExistsError:
        raise ExportFileExists(path) from None
    except IsADirectoryError:
        raise ExportFileError(f"{path} is a folder") from None
    except OSError as error:
        raise ExportFileError(f"cannot write {path}: {error.strerror or error}") from None
    return path


def _check_replaceable(path: Path) -> None:
    """`ExportFileError` unless `path` is absent or a regular file (not followed if a link)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(mode):
        kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
        raise ExportFileError(f"{path} is {kind}; only a regular file is ever replaced")
