"""Reading user files: only regular files, and only up to a size.

A named pipe (FIFO) given as a tree or lying in `sessions/` would block a plain `open()` forever,
and a device could be read without end. So a file is opened with `O_NONBLOCK` (opening a FIFO
then returns at once), checked with `fstat` on the open descriptor (no race with a rename), and
refused unless it is a regular file; its size is checked before it is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The path is not a regular file (a pipe, a device, a socket, a folder)."""

    def __init__(self, path: Path | str, kind: str) -> None:
        super().__init__(f"is {kind}, not a regular file")
        self.strerror = f"is {kind}, not a regular file"
        self.kind = kind


class FileTooLarge(OSError):
    """The file is larger than the limit for its kind."""

    def __init__(self, path: Path | str, size: int, limit: int) -> None:
        message = f"too large ({_size(size)}; the limit is {_size(limit)})"
        super().__init__(message)
        self.strerror = message
        self.size, self.limit = size, limit


def _size(count: int) -> str:
    if count >= 2**20:
        return f"{count / 2**20:.0f} MB"
    return f"{count / 2**10:.0f} KB" if count >= 2**10 else f"{count} bytes"


def kind_of(mode: int) -> str:
    """What a file of `mode` is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "a regular file" if stat.S_ISREG(mode) else "not a file"


def is_regular(path: Path) -> bool:
    """Whether `path` is (or links to) a regular file; never blocks, never raises."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of `path`, a regular file (a link to one is followed) of at most `limit` bytes.
    `NotRegularFile`, `FileTooLarge` or the `OSError` of opening or reading it."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise NotRegularFile(path, "a folder") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(path, kind_of(info.st_mode))
        if limit is not None and info.st_size > limit:
            raise FileTooLarge(path, info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read() if limit is None else handle.read(limit + 1)
    finally:
        if fd >= 0:
            os.close(fd)
    if limit is not None and len(data) > limit:  # it grew while we read
        raise FileTooLarge(path, len(data), limit)
    return data
