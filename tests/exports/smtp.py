"""A real SMTP server for the tests: aiosmtpd on 127.0.0.1 and a free port, in the clear, with
STARTTLS or with implicit TLS (SMTPS) on a certificate made for the test by `trustme`; and a relay
that keeps every byte the client sends, to see what crossed the wire in the clear."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, Literal

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope


@dataclass
class Recorder:
    """An aiosmtpd handler keeping every message it accepts, and the TLS version of the
    connection that brought it (None: in the clear); refuses recipients at `refused_domain`
    with 550."""

    envelopes: list[Envelope] = field(default_factory=list)
    tls_versions: list[str | None] = field(default_factory=list)
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
        tls = server.transport.get_extra_info("ssl_object")
        self.tls_versions.append(tls.version() if tls is not None else None)
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


def accept_li(server: Any, session: Any, envelope: Any, mechanism: str, auth: Any) -> AuthResult:
    """Logs in `li` with the password `s3cret`, no one else."""
    ok = getattr(auth, "login", None) == b"li" and getattr(auth, "password", None) == b"s3cret"
    return AuthResult(success=ok, handled=False)


TLS = Literal["starttls", "ssl"]


def server_context(ca: trustme.CA, *names: str) -> ssl.SSLContext:
    """A server's TLS context with a certificate from `ca` for `names`."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names).configure_cert(context)
    return context


@contextmanager
def tls_server(
    ca: trustme.CA, kind: TLS, names: tuple[str, ...] = ("127.0.0.1",), **options: Any
) -> Iterator[Server]:
    """A server on 127.0.0.1 with a certificate from `ca` for `names`: STARTTLS (required before
    MAIL) or implicit TLS from the first byte. `options` go to aiosmtpd's `SMTP`."""
    recorder = Recorder()
    context = server_context(ca, *names)
    if kind == "starttls":
        options |= {"tls_context": context, "require_starttls": True}
    else:
        options |= {"ssl_context": context}
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port(), **options)
    controller.start()
    try:
        yield Server(recorder, controller.port)
    finally:
        controller.stop()


class Wiretap:
    """A TCP relay on 127.0.0.1 in front of `port`, keeping every byte clients send through it:
    what anyone on the network path would see."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        self.seen = bytearray()
        self._sockets: list[socket.socket] = []
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def _accept(self) -> None:
        try:
            client, _ = self.listener.accept()
        except OSError:
            return  # closed before anyone connected
        upstream = socket.create_connection(("127.0.0.1", self.target), timeout=5)
        self._sockets += [client, upstream]
        for source, sink, keep in ((client, upstream, True), (upstream, client, False)):
            thread = threading.Thread(target=self._pump, args=(source, sink, keep), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _pump(self, source: socket.socket, sink: socket.socket, keep: bool) -> None:
        while data := _read(source):
            if keep:
                self.seen += data
            sink.sendall(data)
        with suppress(OSError):
            sink.shutdown(socket.SHUT_WR)  # pass the end of the stream on

    def close(self) -> None:
        self.listener.close()
        for thread in self._threads:
            thread.join(timeout=5)
        for sock in self._sockets:
            sock.close()


def _read(sock: socket.socket) -> bytes:
    try:
        return sock.recv(65536)
    except OSError:
        return b""
