"""Fixtures for the export and email tests: deterministic sessions, a real SMTP server, and the
app on the test tree with its own data and config folders (no password in the environment)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
from aiosmtpd.controller import Controller

from screens.app import WizardApp, make_app
from tests.paths import SAMPLE, VISA
from wizard.sessions.model import Session
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

from .factory import SAMPLE_X1, make_session
from .smtp import Recorder, Server, free_port, refuse_everyone


@pytest.fixture
def x1(sample_tree: Tree) -> tuple[Session, Walk]:
    return make_session(
        sample_tree,
        SAMPLE_X1,
        notes={"enrolment": "Enrolled at Fudan until 2027.\nBring the original letter."},
        shared=["enrolment"],  # for the client: in every export
        ticks=1,
        tree_file=SAMPLE,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def smtp_server() -> Iterator[Server]:
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield Server(recorder, controller.port)
    finally:
        controller.stop()


@pytest.fixture
def smtp_server_with_auth() -> Iterator[Server]:
    """A server that offers AUTH (without TLS, on loopback) and refuses every login."""
    recorder = Recorder()
    controller = Controller(
        recorder,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=refuse_everyone,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield Server(recorder, controller.port)
    finally:
        controller.stop()


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    """A certificate authority made for the tests; no system trusts it."""
    return trustme.CA()


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> Path:
    """`ca`'s certificate as a PEM file, for the `ca_file` mail setting."""
    path = tmp_path / "test-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WizardApp:
    monkeypatch.setenv("WIZARD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("WIZARD_SMTP_PASSWORD", raising=False)
    monkeypatch.chdir(tmp_path)
    return make_app(str(VISA), animate=False)
