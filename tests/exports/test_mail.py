"""Sending over SMTP to a real server (aiosmtpd on 127.0.0.1), its failures, and the settings."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from wizard.exports.compose import addresses, compose
from wizard.exports.mail import (
    PASSWORD_ENV,
    MailConfig,
    MailError,
    config_from_data,
    config_path,
    load_config,
    password_for,
    send,
)
from wizard.sessions.model import Session
from wizard.tree.walk import Walk

from .checks import check_summary_message
from .factory import rendered
from .smtp import Server, free_port


def local(server: Server, **changes: object) -> MailConfig:
    return MailConfig(host=server.host, port=server.port, security="none", timeout=5).with_options(
        **changes
    )


def test_the_server_receives_the_summary(x1: tuple[Session, Walk], smtp_server: Server) -> None:
    r = rendered(*x1)
    message = compose(r, addresses(r, "li@example.org", [], ["office@example.org"]))
    send(message, local(smtp_server))
    [envelope] = smtp_server.recorder.envelopes
    assert envelope.mail_from == "li@example.org"
    assert envelope.rcpt_tos == ["ana@example.org", "office@example.org"]
    assert isinstance(envelope.content, bytes)
    received = message_from_bytes(envelope.content, policy=policy.default)
    assert isinstance(received, EmailMessage)
    check_summary_message(received, r)
    assert received["Message-ID"] == message["Message-ID"]


def test_a_refused_recipient_is_an_error(x1: tuple[Session, Walk], smtp_server: Server) -> None:
    r = rendered(*x1)
    message = compose(r, addresses(r, "li@example.org", ["nobody@refused.example.org"]))
    refused = r"recipient\(s\) refused: nobody@refused\.example\.org \(550"
    with pytest.raises(MailError, match=refused):
        send(message, local(smtp_server))
    assert smtp_server.recorder.envelopes == []


def test_one_refused_recipient_of_two_is_still_an_error(
    x1: tuple[Session, Walk], smtp_server: Server
) -> None:
    r = rendered(*x1)
    people = addresses(r, "li@example.org", ["ana@example.org", "nobody@refused.example.org"])
    with pytest.raises(MailError, match=r"nobody@refused\.example\.org"):
        send(compose(r, people), local(smtp_server))
    [envelope] = smtp_server.recorder.envelopes  # the other one did get it
    assert envelope.rcpt_tos == ["ana@example.org"]


def test_connection_refused(x1: tuple[Session, Walk]) -> None:
    r = rendered(*x1)
    config = MailConfig(host="127.0.0.1", port=free_port(), security="none", timeout=5)
    with pytest.raises(MailError, match="connection refused"):
        send(compose(r, addresses(r, "li@example.org", [])), config)


def test_failed_login(x1: tuple[Session, Walk], smtp_server_with_auth: Server) -> None:
    r = rendered(*x1)
    config = local(smtp_server_with_auth, user="li")
    with pytest.raises(MailError, match="login as li refused: 535"):
        send(compose(r, addresses(r, "li@example.org", [])), config, password="wrong")
    assert smtp_server_with_auth.recorder.envelopes == []


def test_starttls_on_a_server_without_it(x1: tuple[Session, Walk], smtp_server: Server) -> None:
    r = rendered(*x1)
    with pytest.raises(MailError, match="STARTTLS"):
        message = compose(r, addresses(r, "li@example.org", []))
        send(message, local(smtp_server, security="starttls"))


def test_no_password_in_clear_to_another_computer(x1: tuple[Session, Walk]) -> None:
    r = rendered(*x1)
    config = MailConfig(host="smtp.example.org", security="none", user="li")
    with pytest.raises(MailError, match="without encryption"):
        send(compose(r, addresses(r, "li@example.org", [])), config, "secret")


def test_no_host(x1: tuple[Session, Walk]) -> None:
    r = rendered(*x1)
    with pytest.raises(MailError, match="no SMTP server set"):
        send(compose(r, addresses(r, "li@example.org", [])), MailConfig())


# Settings


def test_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "mail.toml"
    path.write_text(
        'host = "smtp.example.org"\nsecurity = "ssl"\nuser = "li"\nfrom = "Li <li@example.org>"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert (config.host, config.effective_port, config.user, config.sender) == (
        "smtp.example.org",
        465,
        "li",
        "Li <li@example.org>",
    )
    assert config.with_options(port=2525, user=None).effective_port == 2525
    assert MailConfig().effective_port == 587


@pytest.mark.parametrize(
    ("data", "why"),
    [
        ({"host": "h", "password": "secret"}, "must not be stored"),
        ({"hots": "h"}, "unknown setting"),
        ({"security": "tls"}, "security must be one of"),
        ({"port": "25"}, "port must be a whole number"),
        ({"port": 70000}, "out of range"),
        ({"timeout": 0}, "timeout"),
        ({"user": 5}, "user must be text"),
    ],
)
def test_bad_settings_say_what_is_wrong(data: dict[str, object], why: str) -> None:
    with pytest.raises(MailError, match=why):
        config_from_data(data)


def test_missing_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(MailError, match="no such mail settings file"):
        load_config(tmp_path / "absent.toml")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config_path() == tmp_path / "china-pathways-wizard" / "mail.toml"
    assert load_config() == MailConfig()  # no default file: defaults
    bad = tmp_path / "bad.toml"
    bad.write_text("host = \n", encoding="utf-8")
    with pytest.raises(MailError, match="not valid TOML"):
        load_config(bad)


def test_password_comes_from_the_environment_or_a_prompt() -> None:
    config = MailConfig(host="h", user="li")
    assert password_for(MailConfig(host="h")) is None  # no user: no login
    assert password_for(config, {PASSWORD_ENV: "s3cret"}) == "s3cret"
    assert password_for(config, {}, prompt=lambda text: "typed") == "typed"
    with pytest.raises(MailError, match=PASSWORD_ENV):
        password_for(config, {})

    def interrupted(text: str) -> str:
        raise EOFError

    with pytest.raises(MailError, match="no password given"):
        password_for(config, {}, prompt=interrupted)
