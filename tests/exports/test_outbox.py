"""`wizard outbox` and `wizard outbox send`: a failed email is listed with why, and sent again
from its one file (a retry that fails again writes no other file)."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.exports.outbox import FAILED, count_unsent, strip_ours, unsent
from wizard.sessions.model import Session
from wizard.sessions.store import SessionStore
from wizard.tree.walk import Walk

from .factory import store_session
from .smtp import Server, free_port


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _no_settings(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data_dir.parent / "config"))
    monkeypatch.delenv("WIZARD_SMTP_PASSWORD", raising=False)


@pytest.fixture
def failed(
    x1: tuple[Session, Walk], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, int]:
    """An email that could not be sent (nothing listens on the port): its outbox file."""
    store_session(data_dir, x1[0])
    session = SessionStore(data_dir).load(x1[0].id)
    port = free_port()
    code, _, err = _run(
        data_dir, capsys, "email", session.id, "--from", "li@example.org",
        "--host", "127.0.0.1", "--port", str(port), "--security", "none",
    )  # fmt: skip
    assert code == 1
    [kept] = (data_dir / "outbox").iterdir()
    assert f"Send it again with: wizard outbox send {kept.stem}" in err
    return kept, port


def test_outbox_lists_the_failed_email_with_why(
    failed: tuple[Path, int], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept, port = failed
    code, out, err = _run(data_dir, capsys, "outbox")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "1 unsent email:"
    assert lines[1].startswith(f"{kept.stem}  ")
    assert "to ana@example.org: " in lines[1]
    assert f"127.0.0.1:{port} (none): connection refused (is the server running?)" in lines[2]
    assert lines[-1] == "Send them again with: wizard outbox send [ID]"
    assert count_unsent(data_dir) == 1


def test_a_failed_retry_writes_no_other_file(
    failed: tuple[Path, int], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept, port = failed
    before = message_from_bytes(strip_ours(kept.read_bytes()), policy=policy.default)
    for _ in range(2):
        code, _, err = _run(
            data_dir, capsys, "outbox", "send", kept.stem[:12],
            "--host", "127.0.0.1", "--port", str(port), "--security", "none",
        )  # fmt: skip
        assert code == 1
        assert f"wizard: {kept.stem} not sent: 127.0.0.1:{port} (none): connection refused" in err
    assert list((data_dir / "outbox").iterdir()) == [kept]
    [message] = unsent(data_dir)
    assert message.tries == 3 and "connection refused" in message.why
    assert "(tried 3 times)" in message.reason()
    again = message_from_bytes(strip_ours(kept.read_bytes()), policy=policy.default)
    assert again["Message-ID"] == before["Message-ID"]
    assert kept.read_bytes().count(FAILED.encode()) == 1  # the last failure only


def test_retry_sends_and_moves_to_sent(
    failed: tuple[Path, int],
    data_dir: Path,
    smtp_server: Server,
    capsys: pytest.CaptureFixture[str],
) -> None:
    kept, _ = failed
    code, out, err = _run(
        data_dir, capsys, "outbox", "send",
        "--host", "127.0.0.1", "--port", str(smtp_server.port), "--security", "none",
    )  # fmt: skip
    assert (code, err) == (0, "")
    sent = data_dir / "sent" / kept.name
    assert out == f"Sent {kept.stem} to ana@example.org; a copy is in {sent}\n"
    assert not list((data_dir / "outbox").iterdir())
    [envelope] = smtp_server.recorder.envelopes
    assert isinstance(envelope.content, bytes)
    assert b"X-Wizard" not in envelope.content  # the outbox's own lines are not sent
    assert envelope.rcpt_tos == ["ana@example.org"]
    code, out, _ = _run(data_dir, capsys, "outbox")
    assert code == 0 and out.startswith("No unsent email")


def test_send_names_an_unknown_message(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(data_dir, capsys, "outbox", "send", "nope")
    assert code == 1 and "no unsent message 'nope'" in err
