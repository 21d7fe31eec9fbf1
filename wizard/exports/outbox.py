"""The outbox: emails written but not sent yet, listed and sent again.

`wizard.exports.compose.save_to_outbox` writes every message to `outbox/` before it is sent; a
sent one moves to `sent/`. A message whose sending failed stays in `outbox/` as its one `.eml`
file: the failure (when, why, how many tries) is written into that same file as `X-Wizard-*`
header lines, which are taken out again before the message is sent. A retry sends the file and
rewrites it in place when it fails again: one file per message, however many tries.

Used by `wizard outbox [send]`, `wizard email` and the app (home screen and email dialog).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from wizard.exports import Rendered
from wizard.exports.compose import OUTBOX, mark_sent, save_to_outbox
from wizard.exports.eml import message_bytes
from wizard.exports.files import ExportFileError
from wizard.exports.mail import MailConfig, MailError, send
from wizard.sessions.files import atomic_write

FAILED = "X-Wizard-Failed"
"""`ISO time; reason`: the last failure, one line."""
TRIES = "X-Wizard-Tries"
"""How many times sending was tried."""
_OURS = re.compile(rb"^x-wizard-[a-z-]*:", re.IGNORECASE)
_LIMIT = 2 * 2**20
"""A file in the outbox larger than this is not read (a summary email is some 100 KB)."""


@dataclass(frozen=True)
class Unsent:
    """A message waiting in the outbox."""

    path: Path
    to: str
    subject: str
    written: dt.datetime | None
    """When it was written (its Date header), else None."""
    failed_at: dt.datetime | None
    why: str
    """Why the last try failed ("" when unknown: written by an older version, or never tried)."""
    tries: int

    @property
    def id(self) -> str:
        return self.path.stem

    def line(self) -> str:
        """One line for lists: id, to, subject, when."""
        when = f"{self.written:%Y-%m-%d %H:%M}" if self.written else "?"
        return f"{self.id}  {when}  to {self.to or '?'}: {self.subject or '(no subject)'}"

    def reason(self) -> str:
        tries = f" (tried {self.tries} times)" if self.tries > 1 else ""
        if not self.why:
            return "not sent (no reason recorded)" + tries
        when = f"{self.failed_at:%Y-%m-%d %H:%M}: " if self.failed_at else ""
        return f"{when}{self.why}{tries}"


def outbox_folder(data_folder: Path) -> Path:
    return data_folder / OUTBOX


def unsent(data_folder: Path) -> list[Unsent]:
    """The messages in the outbox, oldest first (unreadable ones are left out)."""
    folder = outbox_folder(data_folder)
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix == ".eml" and _visible(p))
    except OSError:
        return []
    found = []
    for path in paths:
        try:
            found.append(read_unsent(path))
        except (OSError, ValueError):
            continue
    found.sort(key=lambda u: (u.written or dt.datetime.max.replace(tzinfo=dt.UTC), u.id))
    return found


def count_unsent(data_folder: Path) -> int:
    """How many messages wait in the outbox, without reading them (for the home screen)."""
    try:
        return sum(
            1 for p in outbox_folder(data_folder).iterdir() if p.suffix == ".eml" and _visible(p)
        )
    except OSError:
        return 0


def read_unsent(path: Path) -> Unsent:
    data = _read(path)
    message = _parse(data)
    to = ", ".join(addr for _, addr in getaddresses(message.get_all("To", []) or []) if addr)
    failed = str(message.get(FAILED, "") or "")
    when_text, _, why = failed.partition(";")
    try:
        failed_at: dt.datetime | None = dt.datetime.fromisoformat(when_text.strip())
    except ValueError:
        failed_at, why = None, failed
    try:
        written: dt.datetime | None = parsedate_to_datetime(str(message["Date"]))
    except (TypeError, ValueError):
        written = None
    try:
        tries = int(str(message.get(TRIES, "0")))
    except ValueError:
        tries = 0
    subject = " ".join(str(message.get("Subject", "") or "").split())
    return Unsent(path, to, subject, written, failed_at, why.strip(), tries)


def find(data_folder: Path, ident: str) -> Unsent:
    """The unsent message whose id is `ident` or starts with it; `LookupError` saying why."""
    messages = unsent(data_folder)
    exact = [m for m in messages if m.id == ident]
    matches = exact or [m for m in messages if m.id.startswith(ident)]
    if not matches:
        raise LookupError(f"no unsent message {ident!r} in {outbox_folder(data_folder)}")
    if len(matches) > 1:
        names = ", ".join(m.id for m in matches[:5])
        raise LookupError(f"{ident!r} could be {names}: type more of it")
    return matches[0]


def record_failure(path: Path, error: str, now: dt.datetime | None = None) -> None:
    """Write why sending `path` failed into the file itself (replaced atomically); the previous
    failure's lines go. Nothing happens if the file cannot be rewritten: it is still there."""
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        data = _read(path)
        tries = read_unsent(path).tries
    except (OSError, ValueError):
        return
    reason = " ".join(error.split())[:500].encode("ascii", "replace").decode("ascii")
    lines = [
        f"{FAILED}: {now.isoformat()}; {reason}".encode("ascii"),
        f"{TRIES}: {tries + 1}".encode("ascii"),
    ]
    eol = b"\r\n" if b"\r\n" in data[:2000] else b"\n"
    try:
        atomic_write(path, eol.join(lines) + eol + strip_ours(data))
    except OSError:
        return


def strip_ours(data: bytes) -> bytes:
    """The message without the `X-Wizard-*` header lines (and their continuations)."""
    head, sep, body = _split(data)
    kept: list[bytes] = []
    skipping = False
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            if not skipping:
                kept.append(line)
            continue
        skipping = bool(_OURS.match(line))
        if not skipping:
            kept.append(line)
    return b"".join(kept) + sep + body


def _ours(data: bytes) -> bytes:
    """The `X-Wizard-*` header lines of a message (with their continuations)."""
    head, _, _ = _split(data)
    kept: list[bytes] = []
    taking = False
    for line in head.splitlines(keepends=True):
        if line[:1] not in (b" ", b"\t"):
            taking = bool(_OURS.match(line))
        if taking:
            kept.append(line)
    return b"".join(kept)


def message_of(path: Path) -> EmailMessage:
    """The message in `path` as it is to be sent (without the outbox's own header lines)."""
    return _parse(strip_ours(_read(path)))


def retry(path: Path, data_folder: Path, config: MailConfig, password: str | None) -> Path:
    """Send the message in `path` again: moved to `sent/` on success (where it is now returned);
    on failure its reason is written into it and `MailError` raised."""
    try:
        message = message_of(path)
    except (OSError, ValueError) as error:
        raise MailError(f"{path}: cannot read the message: {error}") from None
    try:
        send(message, config, password)
    except MailError as error:
        record_failure(path, str(error))
        raise
    return mark_sent(path, data_folder)


def _split(data: bytes) -> tuple[bytes, bytes, bytes]:
    for sep in (b"\r\n\r\n", b"\n\n"):
        at = data.find(sep)
        if at >= 0:
            return data[: at + len(sep) // 2], sep[len(sep) // 2 :], data[at + len(sep) :]
    return data, b"", b""


def _parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def _read(path: Path) -> bytes:
    from wizard.reading import read_regular

    return read_regular(path, _LIMIT)


def _visible(path: Path) -> bool:
    return not path.name.startswith(".")


def save_again(
    rendered: Rendered, message: EmailMessage, data_folder: Path, earlier: Path | None
) -> Path:
    """Write `message` to the outbox: over `earlier` (the same message, tried before and still
    in the outbox: a retry from the same dialog), else under a new name."""
    if earlier is not None and earlier.parent == outbox_folder(data_folder) and earlier.is_file():
        try:
            atomic_write(earlier, _ours(_read(earlier)) + message_bytes(message))
        except OSError as error:
            raise ExportFileError(f"cannot write {earlier}: {error.strerror or error}") from None
        return earlier
    return save_to_outbox(rendered, message, data_folder)
