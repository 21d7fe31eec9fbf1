"""Sending a summary by email over SMTP, and the mail settings.

Settings come from `mail.toml` in the user config folder (or `--config FILE`), overridden by
command-line options:

    host = "smtp.example.org"
    port = 587                      # default: 465 for ssl, 587 for starttls, 25 for none
    security = "starttls"           # "starttls", "ssl" or "none"
    user = "counselor@example.org"  # log in only when set
    from = "Li Wei <counselor@example.org>"
    timeout = 30                    # seconds
    ca_file = "company-ca.pem"      # trust these CAs (PEM) instead of the system's

The server's certificate is always checked (name and chain) against the system's certificate
authorities, or against only those in `ca_file` for a server with a private CA (a relative path
is read from the settings file's folder). A certificate that fails is refused: nothing is sent.

The password is never stored: it is read from the environment variable `WIZARD_SMTP_PASSWORD`,
or asked for at a prompt. A `password` key in the file is refused. Logging in over a connection
without TLS is refused unless the server is this computer (loopback).

Every failure is a `MailError` with one line saying what happened and what to do.
"""

from __future__ import annotations

import ipaddress
import os
import smtplib
import socket
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Literal

from wizard.reading import read_regular
from wizard.sessions.files import APP_NAME
from wizard.toml import TOMLDecodeError, parse_toml

Security = Literal["starttls", "ssl", "none"]
SECURITIES: tuple[Security, ...] = ("starttls", "ssl", "none")
DEFAULT_PORTS: dict[str, int] = {"ssl": 465, "starttls": 587, "none": 25}
PASSWORD_ENV = "WIZARD_SMTP_PASSWORD"
CONFIG_NAME = "mail.toml"
_KEYS = {"host", "port", "security", "user", "from", "timeout", "ca_file"}


class MailError(Exception):
    """Mail could not be configured or sent; the message is one line for the user."""


@dataclass(frozen=True)
class MailConfig:
    host: str = ""
    port: int | None = None
    security: Security = "starttls"
    user: str = ""
    sender: str = ""
    """The `from` address, `Name <addr>` or `addr`."""
    timeout: float = 30.0
    ca_file: Path | None = None
    """Certificate authorities (PEM) trusted instead of the system's; None: the system's."""

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]

    def with_options(self, **options: Any) -> MailConfig:
        """This config with the options given on the command line (None: not given)."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})

    def describe(self) -> str:
        return f"{self.host}:{self.effective_port} ({self.security})"


def config_path() -> Path:
    """`mail.toml` in the user config folder of this platform."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / CONFIG_NAME


def load_config(path: Path | None = None) -> MailConfig:
    """The settings in `path` (given: it must exist), else in the default file if there is one,
    else the defaults."""
    explicit = path is not None
    path = path or config_path()
    try:
        text = read_regular(path, 2**20).decode("utf-8")
    except FileNotFoundError:
        if explicit:
            raise MailError(f"{path}: no such mail settings file") from None
        return MailConfig()
    except (OSError, UnicodeDecodeError) as error:
        raise MailError(f"{path}: cannot read the mail settings: {error}") from None
    try:
        data = parse_toml(text)
    except TOMLDecodeError as error:
        raise MailError(f"{path}: not valid TOML: {error}") from None
    return config_from_data(data, str(path), path.parent)


def config_from_data(
    data: Mapping[str, Any], where: str = "mail settings", folder: Path | None = None
) -> MailConfig:
    """The settings in `data`; a relative `ca_file` is taken from `folder` (the file's)."""
    if "password" in data:
        raise MailError(
            f"{where}: a password must not be stored in the settings file; remove it and set "
            f"{PASSWORD_ENV} or type it when asked"
        )
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise MailError(f"{where}: unknown setting(s) {', '.join(unknown)}")
    security = data.get("security", "starttls")
    if security not in SECURITIES:
        raise MailError(f"{where}: security must be one of {', '.join(SECURITIES)}")
    port = data.get("port")
    if port is not None and (not isinstance(port, int) or isinstance(port, bool)):
        raise MailError(f"{where}: port must be a whole number")
    if port is not None and not 0 < port < 65536:
        raise MailError(f"{where}: port {port} is out of range")
    timeout = data.get("timeout", 30)
    if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
        raise MailError(f"{where}: timeout must be a positive number of seconds")
    for key in ("host", "user", "from", "ca_file"):
        if not isinstance(data.get(key, ""), str):
            raise MailError(f"{where}: {key} must be text")
    return MailConfig(
        host=data.get("host", ""),
        port=port,
        security=security,
        user=data.get("user", ""),
        sender=data.get("from", ""),
        timeout=float(timeout),
        ca_file=_ca_path(data.get("ca_file", ""), folder),
    )


def _ca_path(value: str, folder: Path | None) -> Path | None:
    if not value.strip():
        return None
    path = Path(value).expanduser()
    return path if folder is None or path.is_absolute() else folder / path


def password_for(
    config: MailConfig,
    environ: Mapping[str, str] = os.environ,
    prompt: Callable[[str], str] | None = None,
) -> str | None:
    """The password to log in with: None without a user; else `$WIZARD_SMTP_PASSWORD`, else
    `prompt` (getpass on a terminal). `MailError` when neither is available."""
    if not config.user:
        return None
    if environ.get(PASSWORD_ENV):
        return environ[PASSWORD_ENV]
    if prompt is None:
        raise MailError(
            f"a password is needed for {config.user} on {config.host}: set {PASSWORD_ENV} "
            "(it is never stored)"
        )
    try:
        return prompt(f"SMTP password for {config.user} on {config.host}: ")
    except (EOFError, KeyboardInterrupt):
        raise MailError("no password given; nothing was sent") from None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def send(
    message: EmailMessage,
    config: MailConfig,
    password: str | None = None,
) -> None:
    """Send `message` to its To and Cc addresses. `MailError` saying what failed; a recipient
    refused while others were accepted is a failure too (the message did not reach everyone)."""
    if not config.host:
        raise MailError(f"no SMTP server set: put host = ... in {config_path()} or pass --host")
    if config.user and config.security == "none" and not is_loopback(config.host):
        raise MailError(
            f"refusing to send the password for {config.user} without encryption to "
            f"{config.host}: use security starttls or ssl"
        )
    where = config.describe()
    context = tls_context(config) if config.security != "none" else None
    try:
        with _connect(config, context) as smtp:
            if config.security == "starttls":
                smtp.starttls(context=context)
            if config.user:
                smtp.login(config.user, password or "")
            refused = smtp.send_message(message)
    except ConnectionRefusedError:
        raise MailError(f"{where}: connection refused (is the server running?)") from None
    except TimeoutError:
        raise MailError(f"{where}: no answer after {config.timeout:g} s (timeout)") from None
    except socket.gaierror:
        raise MailError(f"{config.host}: unknown host") from None
    except smtplib.SMTPAuthenticationError as error:
        raise MailError(f"{where}: login as {config.user} refused: {_reply(error)}") from None
    except smtplib.SMTPRecipientsRefused as error:
        raise MailError(f"{where}: recipient(s) refused: {_refusals(error.recipients)}") from None
    except smtplib.SMTPSenderRefused as error:
        raise MailError(f"{where}: sender {error.sender} refused: {_reply(error)}") from None
    except smtplib.SMTPNotSupportedError as error:
        raise MailError(f"{where}: {error} (try another security setting)") from None
    except smtplib.SMTPResponseException as error:
        raise MailError(f"{where}: the server refused: {_reply(error)}") from None
    except ssl.SSLCertVerificationError as error:
        raise MailError(f"{where}: {_untrusted(error, config)}") from None
    except ssl.SSLError as error:
        raise MailError(f"{where}: TLS failed: {error.reason or error}") from None
    except (smtplib.SMTPException, OSError) as error:
        raise MailError(f"{where}: {error}") from None
    if refused:
        raise MailError(f"{where}: recipient(s) refused: {_refusals(refused)}")


def tls_context(config: MailConfig) -> ssl.SSLContext:
    """A client context that checks the server's name and certificate chain against the
    system's certificate authorities, or only those in `config.ca_file`."""
    if config.ca_file is None:
        return ssl.create_default_context()
    try:
        return ssl.create_default_context(cafile=str(config.ca_file))
    except FileNotFoundError:
        raise MailError(f"ca_file {config.ca_file}: no such file") from None
    except (OSError, ssl.SSLError) as error:
        why = error.reason if isinstance(error, ssl.SSLError) else error.strerror
        raise MailError(
            f"ca_file {config.ca_file}: not a readable PEM certificate file ({why or error})"
        ) from None


def _untrusted(error: ssl.SSLCertVerificationError, config: MailConfig) -> str:
    """One line: why the server's certificate was refused, and what to check."""
    why = (error.verify_message or error.reason or str(error)).rstrip(".")
    refused = f"certificate refused ({why}), checked against"
    if config.ca_file:
        return f"{refused} the CAs in {config.ca_file}; nothing was sent"
    advice = f"for a server with a private CA, set ca_file in {CONFIG_NAME}"
    return f"{refused} the system's CAs; nothing was sent; {advice}"


def _connect(config: MailConfig, context: ssl.SSLContext | None) -> smtplib.SMTP:
    port, timeout = config.effective_port, config.timeout
    if config.security == "ssl":
        return smtplib.SMTP_SSL(config.host, port, timeout=timeout, context=context)
    return smtplib.SMTP(config.host, port, timeout=timeout)


def _reply(error: smtplib.SMTPResponseException) -> str:
    text = error.smtp_error
    message = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{error.smtp_code} {' '.join(message.split())}"


def _refusals(recipients: Mapping[str, tuple[int, bytes | str]]) -> str:
    parts = []
    for address, (code, text) in recipients.items():
        message = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
        parts.append(f"{address} ({code} {' '.join(message.split())})")
    return ", ".join(parts)
