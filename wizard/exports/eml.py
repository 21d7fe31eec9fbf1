"""The summary as an email message (.eml), built with the standard library's `email` package.

The message is multipart/mixed: a multipart/alternative with the plain text and the HTML export,
then the Markdown and the JSON export attached. It has From, To (Cc), Subject, Date and
Message-ID headers; names and subjects outside ASCII are encoded (RFC 2047) by the `email`
policy. The same message is written by `wizard export --format eml` and sent by `wizard email`.

Header safety: a CR, LF or other control character in a name, address or subject is refused
(`HeaderError`), never folded into the header, so no header can be injected.

Addresses get a simple, documented check (`check_address`): `local@domain`, no spaces, the local
part made of the characters RFC 5322 allows unquoted (dot-separated), and a domain of letters,
digits and hyphens with at least one dot and a top-level part of two or more letters; the
`email` package must parse it too. Quoted local parts and non-ASCII addresses are not accepted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from wizard.exports.escape import one_line
from wizard.report.summary import Summary

_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN = re.compile(r"([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
_NAMED = re.compile(r"\s*(.*?)\s*<([^<>]*)>\s*", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class HeaderError(ValueError):
    """A name, address or subject that cannot go into a mail header (the message says why)."""


def check_header_text(what: str, value: str) -> str:
    """`value` if it is safe in a header; `HeaderError` for CR, LF or any control character."""
    if "\r" in value or "\n" in value:
        raise HeaderError(f"{what} contains a line break (CR or LF); refused")
    if _CONTROL.search(value):
        raise HeaderError(f"{what} contains a control character; refused")
    return value


def check_address(address: str, what: str = "address") -> str:
    """`address` if it passes the check in the module docstring; `HeaderError` otherwise."""
    check_header_text(what, address)
    shown = f"{what} {address!r}"
    if not address:
        raise HeaderError(f"{what} is empty")
    if any(c.isspace() for c in address):
        raise HeaderError(f"{shown} contains a space")
    if address.count("@") != 1:
        raise HeaderError(f"{shown} is not of the form name@example.org")
    local, domain = address.split("@")
    if len(local) > 64 or not _LOCAL.fullmatch(local):
        raise HeaderError(f"{shown}: the part before @ is not a valid mailbox name")
    if len(domain) > 253 or not _DOMAIN.fullmatch(domain):
        raise HeaderError(f"{shown}: the domain must look like example.org")
    try:
        Address(addr_spec=address)
    except (ValueError, IndexError) as error:
        raise HeaderError(f"{shown} is not valid: {error}") from None
    return address


@dataclass(frozen=True)
class Mailbox:
    """A checked address with an optional display name."""

    address: str
    name: str = ""

    @property
    def domain(self) -> str:
        return self.address.rsplit("@", 1)[1]

    def header(self) -> Address:
        return Address(display_name=self.name, addr_spec=self.address)

    def __str__(self) -> str:
        return str(self.header())


def parse_mailbox(text: str, what: str = "address", name: str = "") -> Mailbox:
    """`Name <local@domain>` or `local@domain` (then named `name`), checked."""
    check_header_text(what, text)
    found = _NAMED.fullmatch(text)
    if found:
        given, address = found.group(1).strip().strip('"').strip(), found.group(2).strip()
    else:
        given, address = "", text.strip()
    display = given or name
    check_header_text(f"the name of {what}", display)
    return Mailbox(check_address(address, what), display)


def default_subject(summary: Summary) -> str:
    state = "" if summary.finished else " (in progress)"
    return f"Your pathway summary: {one_line(summary.heading)}{state}, {summary.date}"


@dataclass(frozen=True)
class Attachment:
    filename: str
    mime: str
    """maintype/subtype"""
    data: bytes


def build_message(
    *,
    sender: Mailbox,
    to: list[Mailbox],
    subject: str,
    text: str,
    html: str,
    attachments: list[Attachment],
    cc: list[Mailbox] | None = None,
    now: dt.datetime | None = None,
) -> EmailMessage:
    """The message (see the module docstring). Raises `HeaderError` for an unsafe subject."""
    if not to:
        raise HeaderError("no recipient: give at least one To address")
    message = EmailMessage(policy=SMTP)
    message["From"] = sender.header()
    message["To"] = [m.header() for m in to]
    if cc:
        message["Cc"] = [m.header() for m in cc]
    message["Subject"] = check_header_text("the subject", subject)
    message["Date"] = format_datetime(now or dt.datetime.now(dt.UTC).astimezone())
    message["Message-ID"] = make_msgid(domain=sender.domain)
    # 7-bit clean for any server: the text quoted-printable (readable raw), the HTML base64
    # (encoded in C, several times faster than quoted-printable for the larger part).
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="base64")
    for item in attachments:
        maintype, subtype = item.mime.split("/")
        params = {"charset": "utf-8"} if maintype == "text" else {}
        message.add_attachment(
            item.data, maintype=maintype, subtype=subtype, filename=item.filename, params=params
        )
    return message


def message_bytes(message: EmailMessage) -> bytes:
    """The message as sent over SMTP (CRLF line ends): the content of the .eml file."""
    return message.as_bytes(policy=SMTP)
