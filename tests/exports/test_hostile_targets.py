"""Export targets that are not regular files (tests/data/hostile/targets/, one file per case
naming the kind of file system object and the one-line message expected): `--force` (the app's
Replace) never replaces them, and they are left as they were."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest

from wizard.exports.files import ExportFileError, write_new

CASES = sorted((Path(__file__).parents[1] / "data" / "hostile" / "targets").glob("*.toml"))


def _case(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    return text.splitlines()[0].removeprefix("# expect:").strip(), tomllib.loads(text)["kind"]


def make(kind: str, path: Path) -> None:
    """Put a file system object of `kind` at `path` (skip when this system cannot)."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "symlink":
        target = path.with_name("target.txt")
        target.write_text("kept\n")
        path.symlink_to(target)
    elif kind == "device":
        try:
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # as /dev/full
        except (PermissionError, AttributeError, OSError):
            pytest.skip("cannot make a device node here (not root)")
    else:  # pragma: no cover - a new fixture kind
        raise AssertionError(kind)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_force_replaces_only_regular_files(tmp_path: Path, case: Path) -> None:
    expect, kind = _case(case)
    target = tmp_path / "summary.md"
    make(kind, target)
    before = os.lstat(target)
    with pytest.raises(ExportFileError) as refused:
        write_new(target, b"new\n", force=True)
    assert expect in str(refused.value) and "\n" not in str(refused.value)
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    if kind == "symlink":
        assert target.with_name("target.txt").read_text() == "kept\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_force_still_replaces_a_regular_file(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_text("old\n")
    write_new(target, b"new\n", force=True)
    assert target.read_bytes() == b"new\n"
