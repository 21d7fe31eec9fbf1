"""File names and writing for exports: safe default names, and never overwriting by accident."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from wizard.report.summary import Summary
from wizard.sessions.files import atomic_write, create_new

_UNSAFE = re.compile(r"[^a-z0-9]+")


class ExportFileError(Exception):
    """An export that could not be written; the message says why, in one line."""


class ExportFileExists(ExportFileError):
    """The file is there already and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} already exists; use --force to overwrite it")


def slug(text: str, limit: int = 40) -> str:
    """Lowercase ASCII letters and digits joined by `-`: accents are dropped ("José" -> "jose"),
    other scripts leave nothing (the caller falls back to the session id)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", ascii_text.lower()).strip("-")[:limit].strip("-")


def default_name(summary: Summary, extension: str) -> str:
    """`client-name-YYYY-MM-DD.ext`, or `summary-SESSION-ID.ext` without a usable client name:
    only letters, digits, `-` and `.`, so it is safe on every file system and in a shell."""
    who = slug(summary.client_name)
    stem = f"{who}-{summary.date}" if who else f"summary-{slug(summary.session_id, 80)}"
    return f"{stem}.{extension}"


def target_path(output: Path | None, summary: Summary, extension: str) -> Path:
    """Where to write: `output`, or the default name inside it when it is a folder, or the
    default name in the current folder when it is None."""
    if output is None:
        return Path(default_name(summary, extension))
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
