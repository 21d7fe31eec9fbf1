"""`wizard export` and `wizard email` from the command line."""

from __future__ import annotations

import json
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

import pytest

from wizard.cli.main import main
from wizard.sessions.model import Session
from wizard.sessions.store import SessionStore
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

from .checks import check_summary_message
from .factory import SAMPLE_X1, make_session, rendered, store_session
from .smtp import Server, free_port

Run = tuple[int, str, str]


class Runner(Protocol):
    def __call__(self, *argv: str) -> Run: ...


@pytest.fixture
def run(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Runner:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data_dir.parent / "config"))  # no real mail.toml
    monkeypatch.delenv("WIZARD_SMTP_PASSWORD", raising=False)

    def invoke(*argv: str) -> Run:
        code = main([argv[0], *argv[1:], "--data-dir", str(data_dir)])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture
def saved(x1: tuple[Session, Walk], data_dir: Path) -> Session:
    """The x1 session as saved in the store (the store sets its own revision and time)."""
    store_session(data_dir, x1[0])
    return SessionStore(data_dir).load(x1[0].id)


def expected(session: Session, walk: Walk, fmt: str) -> str:
    return rendered(session, walk).text_of(fmt)


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "json"])
def test_export_writes_each_format(
    run: Runner, saved: Session, x1: tuple[Session, Walk], tmp_path: Path, fmt: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = run("export", saved.id[:10], "--format", fmt, "-o", str(out_dir))
    assert (code, err) == (0, "")
    path = out_dir / f"ana-silva-{saved.updated.date()}.{fmt}"
    assert out == f"Wrote {path}\n"
    assert path.read_text(encoding="utf-8") == expected(saved, x1[1], fmt)


def test_export_never_overwrites_without_force(run: Runner, saved: Session, tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_text("keep me", encoding="utf-8")
    code, out, err = run("export", saved.id, "-o", str(target))
    assert code == 1 and out == ""
    assert err == f"wizard: {target} already exists; use --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run("export", saved.id, "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# X1 visa")


def test_export_to_stdout(run: Runner, saved: Session, x1: tuple[Session, Walk]) -> None:
    code, out, err = run("export", saved.id, "-f", "txt", "-o", "-")
    assert (code, err) == (0, "")
    assert out == expected(saved, x1[1], "txt")


def test_export_default_name_in_the_exports_folder(
    run: Runner, saved: Session, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("export", saved.id, "-f", "html")
    written = data_dir / "exports" / f"ana-silva-{saved.updated.date()}.html"
    assert code == 0 and written.is_file()
    assert out == f"Wrote {written.absolute()}\n"  # says where it went
    assert not list(tmp_path.glob("*.html"))  # not the current folder


def test_export_from_a_session_file(run: Runner, x1: tuple[Session, Walk], tmp_path: Path) -> None:
    path = tmp_path / "someone.toml"
    path.write_text(x1[0].to_toml(), encoding="utf-8")
    code, out, _ = run("export", str(path), "-f", "md", "-o", "-")
    assert code == 0 and out == expected(*x1, "md")


def test_json_export_imports_as_the_same_session(
    run: Runner, saved: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.json"
    assert run("export", saved.id, "-f", "json", "-o", str(path))[0] == 0
    other = tmp_path / "elsewhere"
    code = main(["sessions", "import", str(path), "--data-dir", str(other)])
    assert (code, capsys.readouterr().out) == (0, f"Imported session {saved.id}.\n")
    [imported] = SessionStore(other).scan().sessions
    assert imported.answers == saved.answers
    assert (imported.notes, imported.checklist, imported.client_name) == (
        saved.notes,
        saved.checklist,
        saved.client_name,
    )
    # and the JSON export of a session file is read back by `export` itself
    code, out, _ = run("export", str(path), "-f", "md", "-o", "-")
    assert code == 0 and out.startswith("# X1 visa with an internship remark")


def test_eml_export_without_a_sender_uses_a_placeholder_and_says_how_to_set_it(
    run: Runner, saved: Session, tmp_path: Path, data_dir: Path
) -> None:
    code, _, err = run("export", saved.id, "-f", "eml", "-o", str(tmp_path / "p.eml"))
    assert code == 0
    config = data_dir.parent / "config" / "china-pathways-wizard" / "mail.toml"
    assert err == (
        "note: no From address set: the message is from Li Wei <counselor@example.invalid>; "
        f'pass --from, or set from = "Your Name <you@example.org>" in {config}\n'
    )
    parsed = message_from_bytes((tmp_path / "p.eml").read_bytes(), policy=policy.default)
    assert parsed["From"] == "Li Wei <counselor@example.invalid>"
    code, _, err = run(
        "export", saved.id, "-f", "eml", "--from", "li@example.org", "-o", str(tmp_path / "m.eml")
    )
    assert (code, err) == (0, "")
    parsed = message_from_bytes((tmp_path / "m.eml").read_bytes(), policy=policy.default)
    assert parsed["To"] == "Ana Silva <ana@example.org>"


def test_unknown_session_is_one_line(run: Runner) -> None:
    code, out, err = run("export", "nothing-like-it")
    assert code == 1 and out == ""
    assert err.startswith("wizard: no session 'nothing-like-it'") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("José Müller", "jose-muller-2026-11-25.md"),
        ("王芳", "王芳-2026-11-25.md"),  # a Chinese name stays in the file name
        ("张伟 / ../x\x1b[31m", "张伟-x-31m-2026-11-25.md"),  # no separator or control character
        ("\u202e/", "summary-20261125-a1b2c3.md"),
    ],
)
def test_default_names_are_safe(sample_tree: Tree, name: str, file: str) -> None:
    from wizard.exports.files import default_name

    session, walk = make_session(sample_tree, SAMPLE_X1, client_name=name)
    assert default_name(rendered(session, walk).summary, "md") == file


# wizard email


def test_email_sends_and_keeps_a_copy(
    run: Runner, saved: Session, x1: tuple[Session, Walk], smtp_server: Server, data_dir: Path
) -> None:
    code, out, err = run(
        "email", saved.id, "--from", "Li Wei <li@example.org>", "--cc", "office@example.org",
        "--host", "127.0.0.1", "--port", str(smtp_server.port), "--security", "none",
    )  # fmt: skip
    assert (code, err) == (0, "")
    [sent] = (data_dir / "sent").iterdir()
    assert not list((data_dir / "outbox").iterdir())
    assert out.splitlines() == [
        f"Saved the message to {data_dir / 'outbox' / sent.name}",
        f"Sent to ana@example.org, office@example.org via 127.0.0.1:{smtp_server.port} (none); "
        f"a copy is in {sent}",
    ]
    [envelope] = smtp_server.recorder.envelopes
    assert isinstance(envelope.content, bytes)
    received = message_from_bytes(envelope.content, policy=policy.default)
    assert isinstance(received, EmailMessage)
    check_summary_message(received, rendered(saved, x1[1]))
    # the same message as the .eml written: the same bytes but for the server's added header
    kept = message_from_bytes(sent.read_bytes(), policy=policy.default)
    assert kept["Message-ID"] == received["Message-ID"]


def test_email_failure_loses_nothing(run: Runner, saved: Session, data_dir: Path) -> None:
    port = free_port()
    code, out, err = run(
        "email", saved.id, "--from", "li@example.org", "--host", "127.0.0.1",
        "--port", str(port), "--security", "none",
    )  # fmt: skip
    assert code == 1
    [kept] = (data_dir / "outbox").iterdir()
    assert out == f"Saved the message to {kept}\n"
    assert err.splitlines() == [
        f"wizard: not sent: 127.0.0.1:{port} (none): connection refused (is the server running?)",
        f"The message is kept in {kept}; nothing was lost.",
        f"Send it again with: wizard outbox send {kept.stem}",
    ]
    assert message_from_bytes(kept.read_bytes())["To"] == "Ana Silva <ana@example.org>"


def test_email_rejected_recipient(run: Runner, saved: Session, smtp_server: Server) -> None:
    code, _, err = run(
        "email", saved.id, "--to", "nobody@refused.example.org", "--from", "li@example.org",
        "--host", "127.0.0.1", "--port", str(smtp_server.port), "--security", "none",
    )  # fmt: skip
    assert code == 1
    assert "recipient(s) refused: nobody@refused.example.org (550 5.1.1 No such user here)" in err


def test_email_failed_login(
    run: Runner, saved: Session, smtp_server_with_auth: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIZARD_SMTP_PASSWORD", "wrong")
    code, _, err = run(
        "email", saved.id, "--from", "li@example.org", "--user", "li", "--host", "127.0.0.1",
        "--port", str(smtp_server_with_auth.port), "--security", "none",
    )  # fmt: skip
    assert code == 1
    assert "login as li refused: 535" in err


def test_email_settings_from_the_config_file(
    run: Runner, saved: Session, smtp_server: Server, tmp_path: Path
) -> None:
    config = tmp_path / "mail.toml"
    config.write_text(
        f'host = "127.0.0.1"\nport = {smtp_server.port}\nsecurity = "none"\n'
        'from = "Li Wei <li@example.org>"\n',
        encoding="utf-8",
    )
    code, _, err = run("email", saved.id, "--config", str(config))
    assert (code, err) == (0, "")
    [envelope] = smtp_server.recorder.envelopes
    assert envelope.mail_from == "li@example.org"


def test_email_bad_address_is_refused_before_anything(
    run: Runner, saved: Session, data_dir: Path
) -> None:
    code, out, err = run("email", saved.id, "--to", "ana at example", "--from", "li@example.org")
    assert code == 1 and out == ""
    assert err == "wizard: the To address 'ana at example' contains a space\n"
    assert not (data_dir / "outbox").exists()


def test_json_export_is_valid_json(run: Runner, saved: Session) -> None:
    code, out, _ = run("export", saved.id, "-f", "json", "-o", "-")
    assert code == 0 and json.loads(out)["session"]["id"] == saved.id


def test_command_line_choices_match_the_engine_and_import_nothing_heavy() -> None:
    import subprocess
    import sys

    from wizard import exports
    from wizard.cli import exports as export_cli
    from wizard.exports import mail

    assert export_cli.FORMATS == exports.FORMATS
    assert export_cli.SECURITIES == mail.SECURITIES
    code = (
        "import sys\nfrom wizard.cli.main import build_parser\nbuild_parser()\n"
        "heavy = ('wizard.exports', 'wizard.exports.mail', 'markdown_it', 'smtplib')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
