"""Sending over TLS to a real server: aiosmtpd on 127.0.0.1 with STARTTLS or implicit TLS
(SMTPS) and a certificate from a CA made for the test (`trustme`). The message arrives intact,
the bytes on the wire are encrypted, and a certificate that cannot be trusted is refused with one
clear line (the `ca_file` setting trusts a private CA)."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
import trustme

from wizard.cli.main import main
from wizard.exports import Rendered
from wizard.exports.compose import addresses, compose
from wizard.exports.eml import message_bytes
from wizard.exports.mail import MailConfig, MailError, load_config, send
from wizard.sessions.model import Session
from wizard.sessions.store import SessionStore
from wizard.tree.walk import Walk

from .checks import check_summary_message
from .factory import rendered, store_session
from .smtp import TLS, Server, Wiretap, accept_li, tls_server

KINDS: list[TLS] = ["starttls", "ssl"]


@pytest.fixture
def tap_on() -> Iterator[list[Wiretap]]:
    taps: list[Wiretap] = []
    yield taps
    for tap in taps:
        tap.close()


def through(tap_on: list[Wiretap], server: Server) -> Wiretap:
    tap = Wiretap(server.port)
    tap_on.append(tap)
    return tap


def config_for(port: int, kind: TLS, ca_file: Path | None) -> MailConfig:
    return MailConfig(host="127.0.0.1", port=port, security=kind, timeout=5, ca_file=ca_file)


def summary_message(x1: tuple[Session, Walk]) -> tuple[EmailMessage, Rendered]:
    r = rendered(*x1)
    return compose(r, addresses(r, "li@example.org", [])), r


def received(server: Server) -> EmailMessage:
    [envelope] = server.recorder.envelopes
    assert isinstance(envelope.content, bytes)
    message = message_from_bytes(envelope.content, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.mark.parametrize("kind", KINDS)
def test_the_summary_arrives_intact_and_encrypted(
    kind: TLS,
    x1: tuple[Session, Walk],
    ca: trustme.CA,
    ca_file: Path,
    tap_on: list[Wiretap],
) -> None:
    message, r = summary_message(x1)
    with tls_server(ca, kind) as server:
        tap = through(tap_on, server)
        send(message, config_for(tap.port, kind, ca_file))
        tap.close()
    got = received(server)
    check_summary_message(got, r)
    assert got["Message-ID"] == message["Message-ID"]
    [version] = server.recorder.tls_versions  # what the server's end of the socket says
    assert version in ("TLSv1.2", "TLSv1.3")
    wire = bytes(tap.seen).lower()  # SMTP commands are case-insensitive; smtplib sends "ehlo"
    assert len(wire) > len(message_bytes(message))  # the whole message went through this relay...
    for clear in ("ana@example.org", "mail from", "subject:", message["Message-ID"]):
        assert clear.lower().encode() not in wire  # ...and none of it could be read on the way
    # STARTTLS begins in the clear (EHLO, STARTTLS); SMTPS is encrypted from the first byte.
    assert (b"starttls" in wire) == (kind == "starttls")
    assert (b"ehlo" in wire) == (kind == "starttls")


def test_the_relay_does_see_a_message_sent_in_the_clear(
    x1: tuple[Session, Walk], smtp_server: Server, tap_on: list[Wiretap]
) -> None:
    """The control for the test above: without TLS the same relay reads everything."""
    message, _ = summary_message(x1)
    tap = through(tap_on, smtp_server)
    send(message, MailConfig(host="127.0.0.1", port=tap.port, security="none", timeout=5))
    tap.close()
    assert b"FROM:<li@example.org>" in tap.seen
    assert message["Message-ID"].encode() in tap.seen
    assert smtp_server.recorder.tls_versions == [None]


def test_login_happens_inside_tls(x1: tuple[Session, Walk], ca: trustme.CA, ca_file: Path) -> None:
    """The server offers AUTH only after STARTTLS (aiosmtpd's default), so a login proves the
    order: TLS first, then the password."""
    message, r = summary_message(x1)
    with tls_server(ca, "starttls", authenticator=accept_li) as server:
        config = config_for(server.port, "starttls", ca_file).with_options(user="li")
        send(message, config, password="s3cret")
        with pytest.raises(MailError, match="login as li refused: 535"):
            send(message, config, password="wrong")
    check_summary_message(received(server), r)


@pytest.mark.parametrize("kind", KINDS)
def test_a_certificate_from_an_unknown_ca_is_refused(
    kind: TLS, x1: tuple[Session, Walk], ca: trustme.CA
) -> None:
    message, _ = summary_message(x1)
    with tls_server(ca, kind) as server, pytest.raises(MailError) as refused:
        send(message, config_for(server.port, kind, None))  # the system's CAs only
    assert str(refused.value) == (
        f"127.0.0.1:{server.port} ({kind}): certificate refused (unable to get local issuer "
        "certificate), checked against the system's CAs; nothing was sent; for a server with a "
        "private CA, set ca_file in mail.toml"
    )
    assert server.recorder.envelopes == []


def test_a_certificate_for_another_name_is_refused(
    x1: tuple[Session, Walk], ca: trustme.CA, ca_file: Path
) -> None:
    message, _ = summary_message(x1)
    names = ("mail.example.org",)
    with tls_server(ca, "starttls", names) as server, pytest.raises(MailError) as refused:
        send(message, config_for(server.port, "starttls", ca_file))
    assert (
        "certificate refused (IP address mismatch, certificate is not valid for '127.0.0.1')"
        in str(refused.value)
    )
    assert f"checked against the CAs in {ca_file}; nothing was sent" in str(refused.value)
    assert server.recorder.envelopes == []


def test_ca_file_trusts_only_its_own_cas(
    x1: tuple[Session, Walk], ca: trustme.CA, tmp_path: Path
) -> None:
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    message, _ = summary_message(x1)
    with tls_server(ca, "ssl") as server, pytest.raises(MailError, match="certificate refused"):
        send(message, config_for(server.port, "ssl", other))
    assert server.recorder.envelopes == []


@pytest.mark.parametrize(
    ("content", "why"),
    [(None, "no such file"), ("not a certificate\n", "not a readable PEM certificate file")],
)
def test_a_bad_ca_file_says_so(
    x1: tuple[Session, Walk], tmp_path: Path, content: str | None, why: str
) -> None:
    path = tmp_path / "ca.pem"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    message, _ = summary_message(x1)
    with pytest.raises(MailError, match=f"^ca_file {path}: {why}"):
        send(message, config_for(1, "starttls", path))


def test_ca_file_is_read_from_the_settings_folder(tmp_path: Path) -> None:
    path = tmp_path / "mail.toml"
    path.write_text('host = "h"\nca_file = "certs/ca.pem"\n', encoding="utf-8")
    assert load_config(path).ca_file == tmp_path / "certs" / "ca.pem"
    path.write_text('host = "h"\nca_file = "/etc/ssl/ca.pem"\n', encoding="utf-8")
    assert load_config(path).ca_file == Path("/etc/ssl/ca.pem")
    path.write_text('host = "h"\nca_file = 1\n', encoding="utf-8")
    with pytest.raises(MailError, match="ca_file must be text"):
        load_config(path)


# `wizard email`, as a counselor runs it


def settings(tmp_path: Path, server: Server, ca_file: Path | None) -> Path:
    path = tmp_path / "mail.toml"
    lines = [
        'host = "127.0.0.1"',
        f"port = {server.port}",
        'security = "starttls"',
        'from = "Li Wei <li@example.org>"',
        "timeout = 5",
    ]
    if ca_file is not None:
        lines.append(f'ca_file = "{ca_file.name}"')  # relative: beside mail.toml
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def email(data_dir: Path, session_id: str, config: Path) -> int:
    return main(["email", session_id, "--config", str(config), "--data-dir", str(data_dir)])


def test_wizard_email_over_starttls(
    x1: tuple[Session, Walk],
    ca: trustme.CA,
    ca_file: Path,
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store_session(data_dir, x1[0])
    saved = SessionStore(data_dir).load(x1[0].id)
    with tls_server(ca, "starttls") as server:
        code = email(data_dir, saved.id, settings(tmp_path, server, ca_file))
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert f"via 127.0.0.1:{server.port} (starttls)" in out
    check_summary_message(received(server), rendered(saved, x1[1]))
    assert server.recorder.tls_versions[0] in ("TLSv1.2", "TLSv1.3")


def test_wizard_email_to_an_untrusted_server_is_one_line(
    x1: tuple[Session, Walk],
    ca: trustme.CA,
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store_session(data_dir, x1[0])
    with tls_server(ca, "starttls") as server:
        code = email(data_dir, x1[0].id, settings(tmp_path, server, None))
    out, err = capsys.readouterr()
    [kept] = (data_dir / "outbox").iterdir()
    assert code == 1
    assert out == f"Saved the message to {kept}\n"
    assert err.splitlines() == [
        f"wizard: not sent: 127.0.0.1:{server.port} (starttls): certificate refused (unable to "
        "get local issuer certificate), checked against the system's CAs; nothing was sent; for "
        "a server with a private CA, set ca_file in mail.toml",
        f"The message is kept in {kept}; nothing was lost.",
        f"Send it again with: wizard outbox send {kept.stem}",
    ]
    assert server.recorder.envelopes == []
