"""What `wizard outbox` and `wizard outbox send` do (declared in `wizard.cli.outbox`)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from wizard.exports.mail import MailError, load_config, password_for
from wizard.exports.outbox import find, outbox_folder, retry, unsent
from wizard.sessions.files import data_dir
from wizard.terminal import visible


def _fail(message: str) -> int:
    print(f"wizard: {visible(message)}", file=sys.stderr)
    return 1


def outbox(args: argparse.Namespace) -> int:
    folder = data_dir(getattr(args, "data_dir", None))
    if args.action == "send":
        return _send(args, folder)
    messages = unsent(folder)
    if not messages:
        print(f"No unsent email (outbox: {outbox_folder(folder)}).")
        return 0
    print(f"{len(messages)} unsent email{'s' if len(messages) != 1 else ''}:")
    for message in messages:
        print(visible(message.line()))
        print(f"    {visible(message.reason())}")
    print("Send them again with: wizard outbox send [ID]")
    return 0


def _send(args: argparse.Namespace, folder: Path) -> int:
    try:
        messages = [find(folder, args.message)] if args.message else unsent(folder)
    except LookupError as error:
        return _fail(str(error.args[0]))
    if not messages:
        print("No unsent email.")
        return 0
    try:
        config = load_config(args.config).with_options(
            host=args.host,
            port=args.port,
            security=args.security,
            user=args.user,
            timeout=args.timeout,
        )
        prompt = getpass.getpass if sys.stdin.isatty() else None
        password = password_for(config, prompt=prompt)
    except MailError as error:
        return _fail(f"nothing sent: {error}")
    if not config.host:
        return _fail("nothing sent: no SMTP server set: put host = ... in mail.toml or pass --host")
    failed = 0
    for message in messages:
        try:
            kept = retry(message.path, folder, config, password)
        except MailError as error:
            failed += 1
            _fail(f"{message.id} not sent: {error}")
            continue
        print(f"Sent {message.id} to {visible(message.to)}; a copy is in {kept}")
    if failed:
        print(f"{failed} still in the outbox; nothing was lost.", file=sys.stderr)
        return 1
    return 0
