"""The email message: structure, headers, encodings and the address check."""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

import pytest

from wizard.exports.compose import addresses, compose, split_addresses
from wizard.exports.eml import HeaderError, check_address, default_subject, message_bytes
from wizard.sessions.model import Session
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

from .checks import check_summary_message
from .factory import FIXED, SAMPLE_X1, make_session, rendered


def parse_message(raw: bytes) -> EmailMessage:
    parsed = message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_message_has_alternatives_attachments_and_headers(x1: tuple[Session, Walk]) -> None:
    r = rendered(*x1)
    people = addresses(r, "Li Wei <li.wei@counsel.example.org>", [], ["office@example.org"])
    raw = message_bytes(compose(r, people, now=FIXED))
    parsed = parse_message(raw)
    assert r.summary.date == "2026-11-25"  # the session's date names the attachments
    check_summary_message(parsed, r)
    assert parsed["From"] == "Li Wei <li.wei@counsel.example.org>"
    assert parsed["To"] == "Ana Silva <ana@example.org>"  # the client's name and address
    assert parsed["Cc"] == "office@example.org"
    subject = "Your pathway summary: X1 visa with an internship remark, 2026-11-25"
    assert parsed["Subject"] == subject
    assert parsedate_to_datetime(parsed["Date"]) == FIXED
    assert parsed["Message-ID"].endswith("@counsel.example.org>")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF throughout
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998


def test_non_ascii_names_and_subjects_are_encoded(sample_tree: Tree) -> None:
    r = rendered(*make_session(sample_tree, SAMPLE_X1, client_name="王芳 Zoë", counselor="李伟"))
    message = compose(r, addresses(r, "li@example.org", []), subject="总结 – Zusammenfassung")
    raw = message_bytes(message)
    raw.decode("ascii")  # every header encoded, every body part quoted-printable or base64
    assert b"=?utf-8?" in raw
    parsed = parse_message(raw)
    assert parsed["Subject"] == "总结 – Zusammenfassung"
    assert parsed["From"].addresses[0].display_name == "李伟"
    assert parsed["To"].addresses[0].display_name == "王芳 Zoë"


def test_each_message_gets_its_own_id(x1: tuple[Session, Walk]) -> None:
    r = rendered(*x1)
    people = addresses(r, "li@example.org", [])
    assert compose(r, people)["Message-ID"] != compose(r, people)["Message-ID"]


def test_recipients_default_to_the_client_and_are_required(sample_tree: Tree) -> None:
    r = rendered(*make_session(sample_tree, SAMPLE_X1, client_email=None))
    with pytest.raises(HeaderError, match="no To address"):
        addresses(r, "li@example.org", [])
    with pytest.raises(HeaderError, match="no From address"):
        addresses(r, " ", ["a@example.org"])
    people = addresses(r, "li@example.org", ["Bo <bo@example.org>", "cy@example.org"])
    assert [str(m) for m in people.to] == ["Bo <bo@example.org>", "cy@example.org"]
    assert str(people.sender) == "Li Wei <li@example.org>"  # the counselor's name


def test_split_addresses() -> None:
    assert split_addresses(" a@example.org, b@example.org; ") == ["a@example.org", "b@example.org"]


def test_default_subject_in_progress(sample_tree: Tree) -> None:
    r = rendered(*make_session(sample_tree, [("enrolment", "china")]))
    subject = "Your pathway summary: Sample pathways (in progress), 2026-11-25"
    assert default_subject(r.summary) == subject


@pytest.mark.parametrize(
    "address",
    ["ana@example.org", "a.b+tag@sub.example.co.uk", "o'neil@example.ie", "x_y-z@a-b.example"],
)
def test_good_addresses(address: str) -> None:
    assert check_address(address) == address


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("", "empty"),
        ("ana", "not of the form"),
        ("ana@example", "domain"),
        ("ana@@example.org", "not of the form"),
        ("a b@example.org", "space"),
        ("ana@exa mple.org", "space"),
        (".ana@example.org", "before @"),
        ("ana..b@example.org", "before @"),
        ('"quoted"@example.org', "before @"),
        ("ana@-example.org", "domain"),
        ("ana@example.o", "domain"),
        ("ana@例子.中国", "domain"),
        ("ana@example.org\r\nBcc: x@example.org", "line break"),
        ("ana@example.org>", "before @|domain"),
        ("x" * 65 + "@example.org", "before @"),
    ],
)
def test_bad_addresses_are_refused_with_a_reason(address: str, why: str) -> None:
    with pytest.raises(HeaderError, match=why):
        check_address(address, "the To address")


def test_date_defaults_to_now(x1: tuple[Session, Walk]) -> None:
    r = rendered(*x1)
    sent = parsedate_to_datetime(compose(r, addresses(r, "li@example.org", []))["Date"])
    assert abs(sent - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
