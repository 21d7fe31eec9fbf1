"""What `wizard export` and `wizard email` do (declared in `wizard.cli.exports`)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from wizard.exports import Rendered, render
from wizard.exports.compose import addresses, compose, mark_sent, save_to_outbox
from wizard.exports.eml import HeaderError, message_bytes
from wizard.exports.files import ExportFileError, exports_folder, target_path, write_new
from wizard.exports.mail import (
    MailConfig,
    MailError,
    config_path,
    load_config,
    password_for,
    send,
)
from wizard.reading import read_regular
from wizard.sessions.files import SESSION_LIMIT, data_dir
from wizard.sessions.model import Session, SessionFileError
from wizard.sessions.resume import replay, session_tree
from wizard.sessions.store import SessionError, SessionStore
from wizard.terminal import visible

PLACEHOLDER_FROM = "counselor@example.invalid"
"""The From address of an .eml exported without one (`.invalid` is never a real domain)."""


def _fail(message: str) -> int:
    one_line = visible(message).replace("\n", "\\n")  # it may quote a file: never an escape
    print(f"wizard: {one_line}", file=sys.stderr)
    return 1


def read_session(args: argparse.Namespace) -> Session:
    """The session SESSION names: a file path, else an id in the store."""
    path = Path(args.session)
    if path.suffix in (".toml", ".json") and path.exists():  # a pipe is refused, not looked up
        if path.suffix == ".json":
            from wizard.cli.session_commands import read_session_json

            return read_session_json(path)
        try:
            return Session.from_toml(read_regular(path, SESSION_LIMIT).decode("utf-8"))
        except OSError as error:
            raise SessionError(f"{path}: cannot read: {error.strerror or error}") from None
        except UnicodeDecodeError as error:
            raise SessionError(f"{path}: cannot read: not UTF-8 text ({error.reason})") from None
    store = SessionStore(data_dir(getattr(args, "data_dir", None)))
    return store.load(store.find(args.session))


def render_session(args: argparse.Namespace) -> Rendered:
    """The session's summary, its walk rebuilt on the tree as it is now (a changed tree is
    reported on stderr)."""
    session = read_session(args)
    resumed = replay(session, session_tree(session))
    for line in resumed.summary():
        print(f"note: {visible(line)}", file=sys.stderr)
    lang = getattr(args, "export_lang", None) or session.language
    rendered = render(session, resumed.walk, lang, getattr(args, "notes", "client"))
    if rendered.left_out:
        some = "1 private note" if rendered.left_out == 1 else f"{rendered.left_out} notes"
        which = "--notes all" if rendered.notes == "client" else "--notes client or all"
        print(f"note: {some} left out ({which} puts them in)", file=sys.stderr)
    return rendered


def _mail_config(args: argparse.Namespace) -> MailConfig:
    return load_config(args.config).with_options(
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
        security=getattr(args, "security", None),
        user=getattr(args, "user", None),
        sender=args.sender,
        timeout=getattr(args, "timeout", None),
    )


def export(args: argparse.Namespace) -> int:
    try:
        rendered = render_session(args)
        if args.format == "eml":
            config = _mail_config(args)
            sender = config.sender
            if not sender.strip():  # a file to look at or send later: a placeholder, said so
                sender = PLACEHOLDER_FROM
                who = rendered.summary.counselor or "the counselor's name"
                print(
                    f"note: no From address set: the message is from {who} <{PLACEHOLDER_FROM}>; "
                    f'pass --from, or set from = "Your Name <you@example.org>" in '
                    f"{visible(str(args.config or config_path()))}",
                    file=sys.stderr,
                )
            people = addresses(rendered, sender, args.to, args.cc)
            data = message_bytes(compose(rendered, people, args.subject))
        else:
            data = rendered.text_of(args.format).encode("utf-8")
        if args.output is not None and str(args.output) == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return 0
        folder = None
        if args.output is None:
            try:
                folder = exports_folder(data_dir(getattr(args, "data_dir", None)))
            except OSError as error:
                raise ExportFileError(f"cannot make the exports folder: {error}") from None
        target = target_path(args.output, rendered.summary, args.format, folder)
        path = write_new(target, data, args.force)
    except (SessionError, SessionFileError, HeaderError, MailError, ExportFileError) as error:
        return _fail(str(error))
    print(f"Wrote {visible(str(path.absolute()))}")
    return 0


def email(args: argparse.Namespace) -> int:
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
        from wizard.exports.outbox import record_failure

        record_failure(saved, str(error))
        _fail(f"not sent: {error}")
        print(f"The message is kept in {saved}; nothing was lost.", file=sys.stderr)
        print(f"Send it again with: wizard outbox send {saved.stem}", file=sys.stderr)
        return 1
    kept = mark_sent(saved, folder)
    who = ", ".join(m.address for m in people.recipients)
    print(f"Sent to {who} via {config.describe()}; a copy is in {kept}")
    return 0
