"""Screenshots of the email dialog at 80x24 and 120x40, compared with the saved SVGs (the
pattern of test_snapshots.py): the full dialog with a password field, and a wrong address shown
under its field. After a deliberate change: `--snapshot-update`, then review the SVGs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.pilot import Pilot

from screens.app import make_app
from tests.paths import VISA
from tests.pilot import NARROW, WIDE, mail_settings, to_outcome_then
from wizard.exports.eml import default_subject
from wizard.report.summary import Summary

SIZES = pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "120x40"])


@pytest.fixture(autouse=True)
def fixed_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that wants a login (so the Password field shows), and a subject dated one fixed
    day: the subject carries the session's date, which would change the picture every day."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("WIZARD_SMTP_PASSWORD", raising=False)
    mail_settings(tmp_path / "config", 2525, user="li@example.org")

    def dated(summary: Summary) -> str:
        return default_subject(dataclasses.replace(summary, date="2026-06-01"))

    monkeypatch.setattr("screens.dialogs.email.default_subject", dated)


async def _open_email(pilot: Pilot[None]) -> None:
    await to_outcome_then(pilot, "2")


async def _wrong_address(pilot: Pilot[None]) -> None:
    await to_outcome_then(pilot, "2")
    await pilot.press(*"ana at example", "ctrl+s")
    await pilot.pause()


class TestEmailDialog:
    @SIZES
    def test_email_dialog(self, snap_compare, size) -> None:
        app = make_app(str(VISA), animate=False)
        assert snap_compare(app, terminal_size=size, run_before=_open_email)

    def test_email_dialog_wrong_address(self, snap_compare) -> None:
        app = make_app(str(VISA), animate=False)
        assert snap_compare(app, terminal_size=NARROW, run_before=_wrong_address)
