"""Atomic writes, the advisory lock and where the data folder is."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.sessions.saved import dead_pid, write_lock
from wizard.sessions.files import (
    FileLock,
    LockHeld,
    atomic_write,
    data_dir,
    leftover_temp_files,
    process_start,
)


def test_data_dir_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WIZARD_DATA_DIR", str(tmp_path / "env"))
    assert data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("WIZARD_DATA_DIR")
    assert data_dir(None).name == "china-pathways-wizard"
    assert not (tmp_path / "env").exists()  # resolving never creates anything


def test_atomic_write_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "folder" / "s.toml"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert leftover_temp_files(target) == []
    assert sorted(p.name for p in target.parent.iterdir()) == ["s.toml"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "s.toml"
    atomic_write(target, b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftover_temp_files(target) == []


def test_a_live_lock_is_reported_with_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "s.lock"
    write_lock(path, os.getppid())  # the process that started pytest: alive, and not us
    with pytest.raises(LockHeld) as held:
        FileLock(path).acquire()
    assert held.value.owner.pid == os.getppid()
    assert f"process {os.getppid()} on this computer" in str(held.value)


def test_taking_over_a_live_lock_on_request(tmp_path: Path) -> None:
    path = tmp_path / "s.lock"
    write_lock(path, os.getppid())
    previous = FileLock(path).acquire(take_over=True)
    assert previous is not None and previous.pid == os.getppid()
    assert json.loads(path.read_text())["pid"] == os.getpid()


@pytest.mark.parametrize("content", ["dead", "garbage", "empty"])
def test_a_stale_lock_never_blocks(tmp_path: Path, content: str) -> None:
    path = tmp_path / "s.lock"
    if content == "dead":
        write_lock(path, dead_pid())
    else:
        path.write_text("{not json" if content == "garbage" else "", encoding="utf-8")
    lock = FileLock(path)
    lock.acquire()
    assert lock.held and json.loads(path.read_text())["pid"] == os.getpid()
    lock.release()
    assert not path.exists()


@pytest.mark.skipif(not process_start(os.getpid()), reason="no /proc to read start times from")
def test_a_dead_owners_pid_reused_by_another_process_does_not_hold_the_lock(
    tmp_path: Path,
) -> None:
    # The pid is alive (pytest's parent), but it started at another time than the lock says:
    # the owner died (a terminal closed) and the system gave its pid to another process.
    path = tmp_path / "s.lock"
    write_lock(path, os.getppid(), started=str(int(process_start(os.getppid())) + 1))
    FileLock(path).acquire()
    assert json.loads(path.read_text())["pid"] == os.getpid()
    write_lock(path, os.getppid(), started=process_start(os.getppid()))  # that very process
    with pytest.raises(LockHeld):
        FileLock(path).acquire()


def test_a_lock_on_another_host_is_assumed_alive(tmp_path: Path) -> None:
    path = tmp_path / "s.lock"
    write_lock(path, dead_pid(), host="some-other-machine")
    with pytest.raises(LockHeld, match="computer 'some-other-machine'"):
        FileLock(path).acquire()


def test_release_leaves_a_lock_someone_took_over(tmp_path: Path) -> None:
    path = tmp_path / "s.lock"
    lock = FileLock(path)
    lock.acquire()
    write_lock(path, os.getppid())  # another instance took it over
    lock.release()
    assert json.loads(path.read_text())["pid"] == os.getppid()
