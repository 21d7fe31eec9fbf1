"""`wizard export SESSION --format md|html|txt|json|eml` and `wizard email SESSION --to ADDR`.

SESSION is a saved session's id (or a unique start of one), or the path of a session file
(`.toml`, or a `.json` export). Errors are one line on stderr and exit status 1. An export
never replaces an existing file without `--force`; an email is written to the outbox before it
is sent, so nothing is lost when sending fails.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from wizard.exports import FORMATS, Rendered
from wizard.exports.compose import (
    addresses,
    compose,
    mark_sent,
    save_to_outbox,
)
from wizard.exports.eml import HeaderError, message_bytes
from wizard.exports.files import ExportFileError, target_path, write_new
from wizard.mail import SECURITIES, MailConfig, MailError, load_config, password_for, send
from wizard.session_resume import replay, session_tree
from wizard.session_store import SessionError, SessionStore
from wizard.sessions import Session, SessionFileError
from wizard.storage import data_dir
from wizard.summary import build_summary


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `export` and `email` to the `wizard` command line."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "session", metavar="SESSION", help="a session id (or unique start), or a session file"
    )
    common.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="folder holding the sessions"
    )
    common.add_argument(
        "--lang",
        dest="export_lang",
        metavar="CODE",
        help="language of tree texts (default: the session's)",
    )
    common.add_argument("--from", dest="sender", metavar="ADDR", help="the From address")
    common.add_argument(
        "--to",
        action="append",
        default=[],
        metavar="ADDR",
        help="a To address (repeatable; default: the client's email)",
    )
    common.add_argument(
        "--cc", action="append", default=[], metavar="ADDR", help="a Cc address (repeatable)"
    )
    common.add_argument("--subject", help="the subject (default: the pathway and the date)")
    common.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="mail settings (default: mail.toml in the user config folder)",
    )

    p = sub.add_parser(
        "export",
        parents=[common],
        help="export a session's summary (Markdown, HTML, text, JSON, email)",
        description="Write the summary of a session: md (Markdown), html (one self-contained "
        "file), txt (plain text), json (data, importable as a session) or eml (the email "
        "message; needs a From address and a To address or the client's email).",
    )
    p.add_argument("--format", "-f", choices=FORMATS, default="md", help="default: md")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="file or folder to write (default: client-name-DATE.EXT here; - for stdout)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "email",
        parents=[common],
        help="email a session's summary over SMTP",
        description="Send the summary (text and HTML, with the Markdown and JSON attached). "
        "The message is first written to the outbox in the data folder. The password comes "
        "from $WIZARD_SMTP_PASSWORD or a prompt, never from a file.",
    )
    p.add_argument("--host", help="SMTP server")
    p.add_argument("--port", type=int, help="SMTP port (default: 587, 465 for ssl, 25 for none)")
    p.add_argument("--security", choices=SECURITIES, help="default: starttls")
    p.add_argument("--user", help="log in as this user (no login when unset)")
    p.add_argument("--timeout", type=float, help="seconds to wait for the server (default 30)")
    p.set_defaults(handler=cmd_email)


def _fail(message: str) -> int:
    print(f"wizard: {message}", file=sys.stderr)
    return 1


def read_session(args: argparse.Namespace) -> Session:
    """The session SESSION names: a file path, else an id in the store."""
    path = Path(args.session)
    if path.suffix in (".toml", ".json") and path.is_file():
        if path.suffix == ".json":
            from wizard.session_cli import read_session_json

            return read_session_json(path)
        try:
            return Session.from_toml(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise SessionError(f"{path}: cannot read: {error}") from None
    store = SessionStore(data_dir(getattr(args, "data_dir", None)))
    return store.load(store.find(args.session))


def render_session(args: argparse.Namespace) -> Rendered:
    """The session's summary, its walk rebuilt on the tree as it is now (a changed tree is
    reported on stderr)."""
    session = read_session(args)
    resumed = replay(session, session_tree(session))
    for line in resumed.summary():
        print(f"note: {line}", file=sys.stderr)
    lang = getattr(args, "export_lang", None) or session.language
    return Rendered(build_summary(session, resumed.walk, lang), session)


def _mail_config(args: argparse.Namespace) -> MailConfig:
    return load_config(args.config).with_options(
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
        security=getattr(args, "security", None),
        user=getattr(args, "user", None),
        sender=args.sender,
        timeout=getattr(args, "timeout", None),
    )


def cmd_export(args: argparse.Namespace) -> int:
    try:
        rendered = render_session(args)
        if args.format == "eml":
            config = _mail_config(args)
            people = addresses(rendered, config.sender, args.to, args.cc)
            data = message_bytes(compose(rendered, people, args.subject))
        else:
            data = rendered.text_of(args.format).encode("utf-8")
        if args.output is not None and str(args.output) == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return 0
        path = write_new(target_path(args.output, rendered.summary, args.format), data, args.force)
    except (SessionError, SessionFileError, HeaderError, MailError, ExportFileError) as error:
        return _fail(str(error))
    print(f"Wrote {path}")
    return 0


def cmd_email(args: argparse.Namespace) -> int:
    try:
        rendered = render_session(args)
        config = _mail_config(args)
        people = addresses(rendered, config.sender, args.to, args.cc)
        message = compose(rendered, people, args.subject)
        folder = data_dir(getattr(args, "data_dir", None))
        saved = save_to_outbox(rendered, message, folder)
    except (SessionError, SessionFileError, HeaderError, MailError, ExportFileError) as error:
        return _fail(str(error))
    print(f"Saved the message to {saved}")
    try:
        prompt = getpass.getpass if sys.stdin.isatty() else None
        send(message, config, password_for(config, prompt=prompt))
    except MailError as error:
        _fail(f"not sent: {error}")
        print(f"The message is kept in {saved}; nothing was lost.", file=sys.stderr)
        return 1
    kept = mark_sent(saved, folder)
    who = ", ".join(m.address for m in people.recipients)
    print(f"Sent to {who} via {config.describe()}; a copy is in {kept}")
    return 0
