"""Composing the summary email and keeping it safe: shared by `wizard email`, `wizard export
--format eml` and the app's email dialog.

Before anything is sent the message is written to `outbox/` in the data folder, so a refused
connection, a failed login or a rejected recipient loses nothing; once sent it moves to `sent/`.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from wizard.exports import Rendered
from wizard.exports.eml import (
    HeaderError,
    Mailbox,
    build_message,
    default_subject,
    message_bytes,
    parse_mailbox,
)
from wizard.exports.files import ExportFileError, default_name, write_new

OUTBOX = "outbox"
SENT = "sent"


@dataclass(frozen=True)
class Addresses:
    """Checked sender and recipients."""

    sender: Mailbox
    to: list[Mailbox]
    cc: list[Mailbox]

    @property
    def recipients(self) -> list[Mailbox]:
        return self.to + self.cc


def split_addresses(text: str) -> list[str]:
    """Addresses typed in one field, separated by commas or semicolons."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def addresses(
    rendered: Rendered, sender: str, to: list[str], cc: list[str] | None = None
) -> Addresses:
    """Parse and check the addresses; `HeaderError` saying which one is wrong. Without `to`, the
    client's address is used; a bare address gets the client's or the counselor's name."""
    summary = rendered.summary
    if not sender.strip():
        raise HeaderError("no From address: pass --from or set from = ... in the mail settings")
    to = to or ([summary.client_email] if summary.client_email else [])
    if not to:
        raise HeaderError("no To address: pass --to (the session has no client email)")

    def named(text: str, what: str) -> Mailbox:
        mine = summary.client_name if text.strip() == summary.client_email else ""
        return parse_mailbox(text, what, name=mine, name_what="the client name")

    return Addresses(
        parse_mailbox(
            sender, "the From address", name=summary.counselor, name_what="the counselor name"
        ),
        [named(t, "the To address") for t in to],
        [named(c, "the Cc address") for c in cc or []],
    )


def compose(
    rendered: Rendered,
    people: Addresses,
    subject: str | None = None,
    now: dt.datetime | None = None,
) -> EmailMessage:
    """The summary email: the text and HTML exports as alternatives, Markdown and JSON attached."""
    return build_message(
        sender=people.sender,
        to=people.to,
        cc=people.cc,
        subject=subject if subject is not None else default_subject(rendered.summary),
        text=rendered.txt,
        html=rendered.html,
        attachments=rendered.attachments(),
        now=now,
    )


def save_to_outbox(rendered: Rendered, message: EmailMessage, data_folder: Path) -> Path:
    """Write the message to `outbox/` under a new name (never replacing a file)."""
    folder = data_folder / OUTBOX
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportFileError(f"cannot create {folder}: {error.strerror or error}") from None
    stem = default_name(rendered.summary, "eml").removesuffix(".eml")
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    data = message_bytes(message)
    for count in range(1, 1000):
        suffix = "" if count == 1 else f"-{count}"
        path = folder / f"{stem}-{stamp}{suffix}.eml"
        if not path.exists():
            try:
                return write_new(path, data)
            except ExportFileError:
                if not path.exists():
                    raise
    raise ExportFileError(f"cannot find a free file name in {folder}")


def mark_sent(path: Path, data_folder: Path) -> Path:
    """Move a sent message from the outbox to `sent/`; where it is now (it stays put if the
    move fails: it was sent, and a copy in the outbox is harmless)."""
    target = data_folder / SENT / path.name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            return path
        os.rename(path, target)
    except OSError:
        return path
    return target
