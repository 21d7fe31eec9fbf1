"""Where user files live: the data folder. Apart from `wizard.sessions.files` (which re-exports
it) so that the app's home screen finds the saved sessions without importing how files are
written."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "china-pathways-wizard"
ENV_DATA_DIR = "WIZARD_DATA_DIR"


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
