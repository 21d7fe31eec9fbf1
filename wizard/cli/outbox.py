"""`wizard outbox` (the emails not sent yet: to, subject, when, why) and `wizard outbox send
[ID]` (send them again; a sent message moves to `sent/`, a failed one stays as its one file).

Declared here; the work is in `wizard.cli.outbox_commands`, imported when the command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

SECURITIES = ("starttls", "ssl", "none")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "outbox",
        help="emails not sent yet (to, subject, when, why); `outbox send [ID]` sends them again",
        description="List the emails waiting in the outbox of the data folder: to whom, the "
        "subject, when they were written and why sending failed. `wizard outbox send` sends "
        "them all again, `wizard outbox send ID` one (an id or a unique start of one).",
    )
    p.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="folder holding the sessions"
    )
    p.set_defaults(handler=cmd_outbox, action=None, message=None)
    actions = p.add_subparsers(title="actions", metavar="ACTION")
    s = actions.add_parser(
        "send",
        help="send the unsent emails again (all, or the one ID names)",
        description="Send again the emails in the outbox (all, or the one ID names). A sent "
        "message moves to sent/; one that fails again stays in the outbox, its one file "
        "updated with why. The password comes from $WIZARD_SMTP_PASSWORD or a prompt.",
    )
    s.add_argument("message", metavar="ID", nargs="?", help="a message id or unique start")
    s.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="folder holding the sessions"
    )
    s.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="mail settings (default: mail.toml in the user config folder)",
    )
    s.add_argument("--host", help="SMTP server")
    s.add_argument("--port", type=int, help="SMTP port (default: 587, 465 for ssl, 25 for none)")
    s.add_argument("--security", choices=SECURITIES, help="default: starttls")
    s.add_argument("--user", help="log in as this user (no login when unset)")
    s.add_argument("--timeout", type=float, help="seconds to wait for the server (default 30)")
    s.set_defaults(handler=cmd_outbox, action="send")


def cmd_outbox(args: argparse.Namespace) -> int:
    from wizard.cli.outbox_commands import outbox

    return outbox(args)
