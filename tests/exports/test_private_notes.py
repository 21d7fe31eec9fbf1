"""Counselor's notes are private by default: exports and the email carry only the notes marked
for the client (`--notes client`, the default), all of them (`--notes all`) or none; the
counselor's own views (`sessions show`, `compare`) show every note, marked."""

from __future__ import annotations

import json
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.paths import SAMPLE
from wizard.cli.main import main
from wizard.sessions.model import Session
from wizard.tree.schema import Tree

from .factory import SAMPLE_X1, make_session, store_session
from .smtp import Server

PRIVATE = "Worried about her visa refusal in 2024"
SHARED = "Bring the original enrolment letter"


@pytest.fixture
def two_notes(sample_tree: Tree, data_dir: Path) -> str:
    """A saved session with a private note and one for the client."""
    session, _ = make_session(
        sample_tree,
        SAMPLE_X1,
        notes={"enrolment": SHARED, "field": PRIVATE},
        shared=["enrolment"],
        tree_file=SAMPLE,
    )
    return store_session(data_dir, session)


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "json", "eml"])
def test_every_format_leaves_private_notes_out(
    two_notes: str, data_dir: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, err = run(
        capsys, data_dir, "export", two_notes, "-f", fmt, "-o", "-", "--from", "li@example.org"
    )
    assert code == 0, err
    assert "counselor" in out.lower()
    assert SHARED in out or fmt in ("eml",)  # the .eml is encoded; read below
    assert PRIVATE not in out
    assert "1 private note left out (--notes all puts them in)" in err


def test_the_json_export_strips_the_session_too(
    two_notes: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, data_dir, "export", two_notes, "-f", "json", "-o", "-")
    data = json.loads(out)
    assert code == 0
    assert data["session"]["notes"] == {"enrolment": SHARED}
    assert data["session"]["shared_notes"] == ["enrolment"]
    assert PRIVATE not in out


def test_notes_all_and_none(
    two_notes: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, data_dir, "export", two_notes, "-o", "-", "--notes", "all")
    assert (code, err) == (0, "")
    assert PRIVATE in out and SHARED in out
    assert "*Counselor's note:*" in out
    code, out, err = run(capsys, data_dir, "export", two_notes, "-o", "-", "--notes", "none")
    assert code == 0 and PRIVATE not in out and SHARED not in out
    assert "2 notes left out" in err


def test_the_email_received_holds_no_private_note(
    two_notes: str, data_dir: Path, smtp_server: Server, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data_dir.parent / "config"))
    code, _, err = run(
        capsys, data_dir, "email", two_notes, "--from", "Li Wei <li@example.org>",
        "--host", "127.0.0.1", "--port", str(smtp_server.port), "--security", "none",
    )  # fmt: skip
    assert code == 0, err
    [envelope] = smtp_server.recorder.envelopes
    assert isinstance(envelope.content, bytes)
    received = message_from_bytes(envelope.content, policy=policy.default)
    assert isinstance(received, EmailMessage)
    texts = []
    for part in received.walk():
        if not part.is_multipart():
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            texts.append(payload.decode("utf-8"))
    whole = "\n".join(texts)
    assert SHARED in whole and "Counselor's note" in whole
    assert PRIVATE not in whole  # not in the text, the HTML, nor the attached Markdown or JSON


def test_show_marks_every_note(
    two_notes: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, data_dir, "sessions", "show", two_notes)
    assert code == 0
    assert f"Note (for the client): {SHARED}" in out
    assert f"Note (private): {PRIVATE}" in out


def test_compare_shows_every_note_marked(
    two_notes: str, data_dir: Path, sample_tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    other, _ = make_session(sample_tree, SAMPLE_X1, tree_file=SAMPLE)
    other_id = store_session(data_dir, other.model_copy(update={"id": "20261125-ffffff"}))
    code, out, _ = run(capsys, data_dir, "sessions", "compare", two_notes, other_id)
    assert code == 0
    flat = " ".join(out.split())
    assert "(private) Worried" in flat and "(for the client) Bring" in flat


def test_a_session_saved_before_sharing_opens_with_its_notes_private() -> None:
    old = {
        "id": "20261101-a1b2c3",
        "tree": "sample",
        "tree_version": "1.0.0",
        "tree_hash": "sha256:" + "0" * 64,
        "created": "2026-11-01T10:00:00+00:00",
        "updated": "2026-11-01T10:00:00+00:00",
        "notes": {"enrolment": "old note"},
    }
    session = Session.from_json_data(old)
    assert session.private_notes == ["enrolment"]
    assert session.with_notes("client").notes == {}
    assert "shared_notes" not in session.to_toml()  # written as before until one is shared
    session.set_note_shared("enrolment", True)
    again = Session.from_toml(session.to_toml())
    assert again.shared_notes == ["enrolment"] and again.private_notes == []
    again.set_note("enrolment", "")  # a removed note is no longer shared
    assert again.shared_notes == []


def test_importing_the_same_export_twice_says_it_is_already_there(
    two_notes: str, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "export.json"
    assert run(capsys, data_dir, "export", two_notes, "-f", "json", "-o", str(exported))[0] == 0
    other = tmp_path / "other"
    assert run(capsys, other, "sessions", "import", str(exported))[:2] == (
        0,
        f"Imported session {two_notes}.\n",
    )
    code, out, err = run(capsys, other, "sessions", "import", str(exported))
    assert (code, err) == (0, "")
    assert out == (
        f"Session {two_notes} is already there (the same as this export); nothing imported.\n"
    )
    assert len(list((other / "sessions").glob("*.toml"))) == 1


def test_any_unique_part_of_an_id_names_the_session(
    two_notes: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    part = two_notes[-6:]  # "a1b2c3": not the start of the id
    code, out, _ = run(capsys, data_dir, "sessions", "show", part)
    assert code == 0 and out.startswith(f"Session {two_notes} ")
    code, out, _ = run(capsys, data_dir, "export", part, "-o", "-", "--notes", "all")
    assert code == 0 and PRIVATE in out
    code, out, _ = run(capsys, data_dir, "sessions", "delete", part)
    assert code == 0 and two_notes in out
