"""Where user files live: the data folder, what the sessions folder may hold (`SESSION_LIMIT`) and
why it cannot be listed (`folder_problems`). Apart from `wizard.sessions.files` (which re-exports
them) so that the app's home screen finds the saved sessions without importing how files are
written."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "china-pathways-wizard"
ENV_DATA_DIR = "WIZARD_DATA_DIR"

SESSION_LIMIT = 2 * 2**20
"""The largest session file saved or read (2 MB; a real session is a few KB): a larger one is
refused when saved, and listed as damaged without being parsed, so one huge note or 200,000
answers never make every listing slow."""


def data_dir(explicit: Path | str | None = None) -> Path:
    """The data folder: `explicit` (from `--data-dir`), else `$WIZARD_DATA_DIR`, else the user
    data folder of this platform. It is not created here: reading never creates folders."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def folder_problems(folder: Path) -> list[str]:
    """Why a sessions folder cannot be listed, in one line, when it or a folder above it is not
    a folder (a file in its place); [] when it is a folder or not there yet."""
    for place in (folder, *folder.parents):
        if place.is_dir():
            return []
        if place.exists() or place.is_symlink():
            what = "the sessions folder" if place == folder else "the data folder"
            return [f"{what} {place} is not a folder: no session can be listed or saved there"]
    return []
