"""`wizard export SESSION --format md|html|txt|json|eml` and `wizard email SESSION --to ADDR`.

SESSION is a saved session's id (or any unique part of one), or the path of a session file
(`.toml`, or a `.json` export). Errors are one line on stderr and exit status 1. An export
never replaces an existing file without `--force`; an email is written to the outbox before it
is sent, so nothing is lost when sending fails.

This module only declares the commands, so that `wizard` starts fast; the work is done in
`wizard.cli.export_commands`, imported when one of them runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

FORMATS = ("md", "html", "txt", "json", "eml")
"""`wizard.exports.FORMATS` (kept here so that parsing the command line imports nothing heavy)."""
SECURITIES = ("starttls", "ssl", "none")
NOTE_CHOICES = ("client", "all", "none")
"""`wizard.sessions.model.NOTE_CHOICES`, for the same reason."""
"""`wizard.exports.mail.SECURITIES`, for the same reason."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `export` and `email` to the `wizard` command line."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "session",
        metavar="SESSION",
        help="a session id (or any unique part of one), or a session file",
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
        "--notes",
        choices=NOTE_CHOICES,
        default="client",
        help="the counselor's notes to include: client (those marked for the client; the "
        "default), all (private ones too) or none",
    )
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


def cmd_export(args: argparse.Namespace) -> int:
    from wizard.cli.export_commands import export

    return export(args)


def cmd_email(args: argparse.Namespace) -> int:
    from wizard.cli.export_commands import email

    return email(args)
