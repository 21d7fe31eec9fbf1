"""What the home screen needs, and only that, at startup (the cold start target of bench/): no
pydantic, no engine or session models, no other screen; and sessions listed without validation
still behave when one turns out damaged."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from screens.app import make_app
from screens.views.home import HomeScreen
from tests.paths import SESSION_DATA
from tests.pilot import NARROW, screen_text, settle

ROOT = Path(__file__).resolve().parents[2]

HOME_READY = """
import gc
import sys

before = gc.get_threshold()
from screens.app import make_app
from screens.views.home import HomeScreen

relist = HomeScreen._relist_sessions  # the sessions are listed after the first frame


def list_then_exit(self, *args, **kwargs):
    relist(self, *args, **kwargs)
    print(" ".join(sorted(sys.modules)))
    self.app.call_after_refresh(self.app.exit)


HomeScreen._relist_sessions = list_then_exit
make_app(data_dir=sys.argv[1]).run(headless=True, size=(80, 24))
print(gc.get_threshold() == before, gc.get_freeze_count())
"""

NOT_AT_START = (
    "pydantic",
    "argparse",
    "wizard.tree.schema",
    "wizard.tree.loader",
    "wizard.tree.walk",
    "wizard.sessions.model",
    "wizard.sessions.store",
    "wizard.sessions.files",
    "wizard.exports",
    "wizard.sessions.lifecycle",
    "screens.views.question",
    "screens.views.outcome",
    "screens.dialogs.export",
    "screens.dialogs.session",
    "screens.views.compare",
    "screens.views.help",
)


def test_the_home_screen_is_ready_without_the_engine(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "sessions"
    folder.mkdir(parents=True)
    shutil.copy(SESSION_DATA / "good" / "20261101-a1b2c3.toml", folder)
    done = subprocess.run(
        [sys.executable, "-c", HOME_READY, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    listed, collector = done.stdout.strip().splitlines()
    modules = set(listed.split())
    assert "screens.views.home" in modules and "wizard.sessions.index" in modules
    assert sorted(modules & set(NOT_AT_START)) == []
    # The collector was held off while starting, then what startup made was frozen.
    restored, frozen = collector.split()
    assert restored == "True" and int(frozen) > 20_000


async def test_a_listed_session_found_damaged_when_opened_leaves_the_list(tmp_path: Path) -> None:
    """The home list does not validate sessions; opening one that fails says so, and it goes."""
    folder = tmp_path / "data" / "sessions"
    folder.mkdir(parents=True)
    shutil.copy(SESSION_DATA / "broken" / "wrong-types.toml", folder)
    app = make_app(data_dir=tmp_path / "data", animate=False)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert [card.key for card in home.session_cards] == ["wrong-types"]
        app.resume_session("wrong-types")
        await settle(pilot)
        assert app.screen is home and home.session_cards == []
        assert "Resume a saved session" not in screen_text(app)
        assert any("wrong-types.toml: cannot be read" in n.message for n in app._notifications)
    assert (tmp_path / "data" / "sessions" / "damaged").is_dir()
