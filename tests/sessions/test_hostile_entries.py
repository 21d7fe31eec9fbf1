"""Odd entries in sessions/ (tests/data/hostile/sessions/, one file per case: the kind of entry,
named X.toml, and the one-line warning expected): each is reported in one line and left where it
is, and the other sessions still list, from the command line and in the app's listing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.sessions import store as store_module
from wizard.sessions.index import list_sessions

DATA = Path(__file__).parents[1] / "data"
GOOD = DATA / "sessions" / "good" / "20261101-a1b2c3.toml"
CASES = sorted((DATA / "hostile" / "sessions").glob("*.toml"))


def _case(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    return text.splitlines()[0].removeprefix("# expect:").strip(), tomllib.loads(text)["kind"]


def make_entry(kind: str, entry: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Put an entry of `kind` at `entry`; True when unreadability is simulated (root reads
    mode 000 files)."""
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(entry)
    elif kind == "folder":
        entry.mkdir()
    elif kind == "symlink-folder":
        target = entry.parent.parent / "elsewhere"
        target.mkdir()
        entry.symlink_to(target, target_is_directory=True)
    elif kind == "unreadable":
        shutil.copy(GOOD, entry)
        entry.write_text(GOOD.read_text().replace("20261101-a1b2c3", "X"))
        entry.chmod(0)
        if os.access(entry, os.R_OK):  # root: simulate what anyone else would meet
            real = store_module.read_regular

            def refuse(path: Path, limit: int | None = None) -> bytes:
                if Path(path).name == entry.name:
                    raise PermissionError(13, "Permission denied")
                return real(path, limit)

            monkeypatch.setattr(store_module, "read_regular", refuse)
            monkeypatch.setattr("wizard.sessions.index.read_regular", refuse)
            return True
    else:  # pragma: no cover - a new fixture kind
        raise AssertionError(kind)
    return False


def _in_time(call, seconds: float = 20):  # type: ignore[no-untyped-def]
    """`call()`, failing the test (not hanging it) if it does not return in time."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"still running after {seconds} s (blocked on the entry?)"
    return result[0]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_an_odd_entry_is_reported_and_the_others_listed(
    tmp_path: Path, case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expect, kind = _case(case)
    data = tmp_path / "data"
    (data / "sessions").mkdir(parents=True)
    shutil.copy(GOOD, data / "sessions" / GOOD.name)
    entry = data / "sessions" / "X.toml"
    simulated = make_entry(kind, entry, monkeypatch)
    command = ["sessions", "list", "--data-dir", str(data)]
    if simulated:
        code = _in_time(lambda: main(command))
        out, err = capsys.readouterr()
    else:
        result = subprocess.run(
            [sys.executable, "-m", "wizard", *command],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        code, out, err = result.returncode, result.stdout, result.stderr
    assert code == 0, err
    assert "20261101-a1b2c3" in out
    assert err.splitlines() == [f"warning: {expect}"]
    listed = _in_time(lambda: list_sessions(data))
    assert [s.id for s in listed.sessions] == ["20261101-a1b2c3"]
    assert listed.problems == [expect]
    assert os.path.lexists(entry)  # reported, left where it is
    if kind == "unreadable":
        entry.chmod(0o644)  # so that tmp_path can be cleaned
