"""A real SMTP server for the tests: aiosmtpd on 127.0.0.1 and a free port."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.smtp import AuthResult, Envelope


@dataclass
class Recorder:
    """An aiosmtpd handler keeping every message it accepts; refuses recipients at
    `refused_domain` with 550."""

    envelopes: list[Envelope] = field(default_factory=list)
    refused_domain: str = "refused.example.org"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address.endswith("@" + self.refused_domain):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    recorder: Recorder
    port: int
    host: str = "127.0.0.1"


def refuse_everyone(*args: Any) -> AuthResult:
    return AuthResult(success=False, handled=False)
