"""Mail headers from hostile names, addresses, subjects and tree titles: every case in
tests/data/hostile/headers/ (one file each, its `# expect:` line the refusal's one-line message,
empty when it must be accepted) and generated ones. A message that is built must parse back with
exactly the intended headers and values: no encoded word (RFC 2047) decoded into a new header."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.exports import Rendered
from wizard.exports.compose import addresses, compose
from wizard.exports.eml import HeaderError, Mailbox, build_message, default_subject, message_bytes
from wizard.tree.schema import Tree

from .factory import SAMPLE_S2, make_session, rendered

CASES = sorted((Path(__file__).parents[1] / "data" / "hostile" / "headers").glob("*.toml"))
HEADERS = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"]


def _case(path: Path) -> tuple[str, str, str]:
    text = path.read_text(encoding="utf-8")
    expect = text.splitlines()[0].removeprefix("# expect:").strip()
    data = tomllib.loads(text)
    return expect, data["field"], data["value"]


def _parsed(message: EmailMessage) -> EmailMessage:
    parsed = message_from_bytes(message_bytes(message), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _squash(text: str) -> str:
    return "".join(text.split())  # folding may add or drop spaces between encoded words


def test_the_corpus_is_there() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_hostile_header_case(sample_tree: Tree, path: Path) -> None:
    expect, field, value = _case(path)
    people = {"client_name": "Ana Silva", "counselor": "Li Wei"}
    if field in people:
        people[field] = value
    session, walk = make_session(sample_tree, SAMPLE_S2, **people)  # type: ignore[arg-type]
    r = rendered(session, walk)
    if field == "title":
        assert r.summary.pathway is not None
        pathway = replace(r.summary.pathway, title=value)
        r = Rendered(replace(r.summary, pathway=pathway), session)
    sender = value if field == "from" else "counselor@example.org"
    to = [value] if field == "to" else []
    subject = value if field == "subject" else None
    if expect:
        with pytest.raises(HeaderError) as refused:
            compose(r, addresses(r, sender, to), subject)
        assert expect in str(refused.value)
        assert "\n" not in str(refused.value) and "\r" not in str(refused.value)
        return
    parsed = _parsed(compose(r, addresses(r, sender, to), subject))
    assert list(parsed.keys()) == HEADERS
    [sent_from] = parsed["From"].addresses
    [sent_to] = parsed["To"].addresses
    assert (sent_from.display_name, sent_from.addr_spec) == (people["counselor"], sender)
    assert (sent_to.display_name, sent_to.addr_spec) == (people["client_name"], "ana@example.org")
    assert parsed["Subject"] == default_subject(r.summary)


_HOSTILE_PIECES = st.sampled_from(
    [
        "=?utf-8?q?=0D=0ABcc:_x@y.z?=",
        "=?UTF-8?B?DQpCY2M6IHhAeS56?=",
        "=?iso-8859-1?q?=0a?=",
        "\r",
        "\n",
        "\r\n",
        "\x00",
        "\u2028",
        "\u2029",
        "\x85",
        "Bcc: x@y.z",
        "=?",
        "?=",
        '"',
        "<x@y.z>",
        ",",
        ";",
        "José",
        "李",
        "\u202e",
    ]
)
_TEXT = st.lists(_HOSTILE_PIECES | st.text(max_size=8), max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(name=_TEXT, client=_TEXT, subject=_TEXT)
def test_built_messages_carry_exactly_the_intended_headers(
    name: str, client: str, subject: str
) -> None:
    """Any name, client and subject (a tree title in the default subject): the message is
    refused (HeaderError), or it parses back with exactly the intended headers and values."""
    sender = Mailbox("counselor@example.org", name)
    to = [Mailbox("ana@example.org", client)]
    try:
        message = build_message(
            sender=sender, to=to, subject=subject, text="x", html="<p>x</p>", attachments=[]
        )
    except HeaderError as error:
        assert "\n" not in str(error) and "\r" not in str(error)
        return
    parsed = _parsed(message)
    assert list(parsed.keys()) == [
        "From",
        "To",
        "Subject",
        "Date",
        "Message-ID",
        "MIME-Version",
        "Content-Type",
    ]
    [sent_from], [sent_to] = parsed["From"].addresses, parsed["To"].addresses
    assert sent_from.addr_spec == "counselor@example.org"
    assert sent_to.addr_spec == "ana@example.org"
    assert _squash(sent_from.display_name) == _squash(name)
    assert _squash(sent_to.display_name) == _squash(client)
    assert _squash(str(parsed["Subject"])) == _squash(subject)
    for value in (sent_from.display_name, sent_to.display_name, str(parsed["Subject"])):
        assert not any(c in value for c in "\r\n\x00\u2028\u2029\x85")
