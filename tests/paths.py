"""Where the test data lives: one place for every test folder (conftest.py files hold fixtures
only, and no test imports a conftest or another test module)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "good" / "sample.toml"
"""A small tree using every question type and condition operator."""

APP_DATA = DATA / "app"
VISA = APP_DATA / "visa.toml"
"""A fixed tree for snapshots and most Pilot tests (shipped trees still change)."""
MARKUP = APP_DATA / "markup.toml"
"""A tree whose texts look like markup and carry ANSI escapes."""

SESSION_DATA = DATA / "sessions"

BILINGUAL = DATA.parent / "exports" / "data" / "bilingual.toml"
"""A tree in English and Chinese, with long runs of CJK text, for the export tests."""
