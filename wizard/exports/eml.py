"""The summary as an email message (.eml), built with the standard library's `email` package.

The message is multipart/mixed: a multipart/alternative with the plain text and the HTML export,
then the Markdown and the JSON export attached. It has From, To (Cc), Subject, Date and
Message-ID headers; names and subjects outside ASCII are encoded (RFC 2047) by the `email`
policy. The same message is written by `wizard export --format eml` and sent by `wizard email`.

Header safety: a CR, LF or other control character in a name, address or subject is refused
(`HeaderError`), never folded into the header, so no header can be injected. So is an RFC 2047
encoded word (`=?utf-8?q?...?=`) in a name or subject: the `email` package decodes it when it
parses the header, and an encoded CR LF would then start a new header. Headers are built from
`email.headerregistry` objects (an `Address` with its display name), and the finished message is
parsed back: its headers must be exactly the intended ones, with the intended values, or it is
refused.

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
from email.parser import BytesParser
from email.policy import SMTP, default
from email.utils import format_datetime, make_msgid

from wizard.exports.escape import one_line
from wizard.report.summary import Summary

_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN = re.compile(r"([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
_NAMED = re.compile(r"\s*(.*?)\s*<([^<>]*)>\s*", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ENCODED_WORD = re.compile(r"=\?.*\?=", re.DOTALL)
"""Anything a lenient parser could take for an encoded word: `=?` followed later by `?=`."""
_LINE_LIKE = re.compile("[\x80-\x9f\u2028\u2029]")
"""C1 controls (NEL among them), line and paragraph separators: line breaks to some readers."""


class HeaderError(ValueError):
    """A name, address or subject that cannot go into a mail header (the message says why)."""


def check_header_text(what: str, value: str, words: bool = True) -> str:
    """`value` if it is safe in a header; `HeaderError` for CR, LF or any control character,
    and (unless not `words`) an encoded word."""
    if "\r" in value or "\n" in value:
        raise HeaderError(f"{what} contains a line break (CR or LF); refused")
    if _CONTROL.search(value) or _LINE_LIKE.search(value):
        raise HeaderError(f"{what} contains a control character; refused")
    if words and _ENCODED_WORD.search(value):
        raise HeaderError(
            f"{what} contains an encoded word (=?...?=), which mail readers decode; refused"
        )
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


def parse_mailbox(text: str, what: str = "address", name: str = "", name_what: str = "") -> Mailbox:
    """`Name <local@domain>` or `local@domain` (then named `name`, which a refusal calls
    `name_what`, e.g. "the counselor name"), checked."""
    check_header_text(what, text, words=False)  # the name's words are checked as the name's
    found = _NAMED.fullmatch(text)
    if found:
        given, address = found.group(1).strip().strip('"').strip(), found.group(2).strip()
    else:
        given, address = "", text.strip()
    check_header_text(f"the name of {what}", given)
    check_header_text(name_what or f"the name of {what}", "" if given else name)
    return Mailbox(check_address(address, what), given or name)


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
    for what, boxes in (("From", [sender]), ("To", to), ("Cc", cc or [])):
        for box in boxes:
            check_address(box.address, f"the {what} address")
            check_header_text(f"the name of the {what} address", box.name)
    message = EmailMessage(policy=SMTP)
    message["From"] = sender.header()
    message["To"] = [m.header() for m in to]
    if cc:
        message["Cc"] = [m.header() for m in cc]
    message["Subject"] = check_header_text("the subject", subject)
    message["Date"] = format_datetime(now or dt.datetime.now(dt.UTC).astimezone())
    message["Message-ID"] = make_msgid(domain=sender.domain)
    _check_headers(message, sender, to, cc or [], subject)
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


def _check_headers(
    message: EmailMessage, sender: Mailbox, to: list[Mailbox], cc: list[Mailbox], subject: str
) -> None:
    """Parse the headers as a mail reader will and compare them with the intended ones: the
    same names, and the same addresses, names and subject once decoded. `HeaderError` if not."""
    head = message_bytes(message).split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
    intended = {"From": [sender], "To": to, "Cc": cc}
    try:
        parsed = BytesParser(policy=default).parsebytes(head)
        names = [name.lower() for name in parsed]
        expected = ["from", "to", *(["cc"] if cc else []), "subject", "date", "message-id"]
        if sorted(names) != sorted(expected):
            raise HeaderError("the message would carry other headers than intended; refused")
        for name, boxes in intended.items():
            found = [(a.display_name, a.addr_spec) for a in parsed[name].addresses] if boxes else []
            if [(_squash(n), a) for n, a in found] != [(_squash(m.name), m.address) for m in boxes]:
                raise HeaderError(f"the {name} header would not read as written; refused")
        if _squash(str(parsed["Subject"])) != _squash(subject):
            raise HeaderError("the subject would not read as written; refused")
    except HeaderError:
        raise
    except Exception as error:  # the email package's parser fails in many ways on odd input
        raise HeaderError(f"the message headers cannot be read back ({error}); refused") from None


def _squash(text: str) -> str:
    """Text without its white space: folding may add or drop spaces between encoded words."""
    return "".join(text.split())


def message_bytes(message: EmailMessage) -> bytes:
    """The message as sent over SMTP (CRLF line ends): the content of the .eml file."""
    return message.as_bytes(policy=SMTP)
