"""`wizard sessions list | show | delete | restore | import | compare` and `wizard resume ID`:
the command line declarations only. The work is in `wizard.cli.session_commands`, imported when a
command runs, so that building the parser (which every `wizard` run does, the app's start
included) imports no pydantic and no session code.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]


def register(sub: SubParsers, launch: Callable[[argparse.Namespace], int]) -> None:
    """Add `sessions` and `resume` to the `wizard` command line; `resume` opens the app with
    `launch` (the main parser's, so that this module needs nothing above it)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="folder holding the sessions"
    )
    p = sub.add_parser(
        "sessions",
        help="list, show, delete, restore, import or compare saved sessions",
        description="Work with saved sessions without opening the app.",
    )
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    session_id = "a session id, or any part of one no other id holds"

    a = _action(
        actions,
        common,
        "list",
        "list sessions, newest first",
        "List saved sessions, newest first: id, last update, client, tree, progress, outcome "
        "and, for a what-if copy, the session it was copied from. "
        "A file that cannot be listed is reported on stderr and moved to sessions/damaged/; "
        "one whose answers are damaged is found when it is opened.",
    )
    a.add_argument("filter", nargs="*", help="only sessions whose client, tree, id... match")
    a.add_argument("--format", choices=["text", "json"], default="text", help="default: text")
    a.add_argument(
        "--deleted",
        action="store_true",
        help="list the deleted sessions instead (in sessions/deleted/), most recently deleted "
        "first, to put one back with `wizard sessions restore ID`",
    )
    a.set_defaults(handler=_later("cmd_list"))

    a = _action(
        actions,
        common,
        "show",
        "show one session's answers and notes",
        "Show a session: who it is for, each answer with its note and time, the outcome and its "
        "ticked checklist, and what no longer fits if the tree changed since it was saved.",
    )
    a.add_argument("id", metavar="ID", help=session_id)
    a.add_argument(
        "--format",
        choices=["text", "toml", "json"],
        default="text",
        help="text for people (default), or the session as TOML or JSON",
    )
    a.set_defaults(handler=_later("cmd_show"))

    a = _action(
        actions,
        common,
        "delete",
        "delete a session (moved to sessions/deleted/)",
        "Delete a session: its file is moved to sessions/deleted/, never erased. Refused while "
        "the session is open in the app.",
    )
    a.add_argument("id", metavar="ID", help=session_id)
    a.set_defaults(handler=_later("cmd_delete"))

    a = _action(
        actions,
        common,
        "restore",
        "put a deleted session back",
        "Put a deleted session back from sessions/deleted/ (`wizard sessions list --deleted` "
        "lists them). Refused if a session with that id exists again, unless --new-id.",
    )
    a.add_argument("id", metavar="ID", help="a deleted session's id, or a unique start of one")
    a.add_argument(
        "--new-id",
        action="store_true",
        help="restore it under a new id (keeps both when its id is taken again)",
    )
    a.set_defaults(handler=_later("cmd_restore"))

    a = _action(
        actions,
        common,
        "import",
        "add a session from a JSON export (or session JSON)",
        "Add a session from a JSON export (`wizard export ID --format json`). An existing session "
        "is never replaced: a taken id gets a new one.",
    )
    a.add_argument("file", type=Path, metavar="FILE.json", help="the JSON export to read")
    a.set_defaults(handler=_later("cmd_import"))

    a = _action(
        actions,
        common,
        "compare",
        "compare two sessions' outcomes, risks and checklists",
        "Put two sessions side by side: outcome and verdict, answers, risks met and checklist "
        "items; `*` marks what differs.",
    )
    a.add_argument("left", metavar="ID", help=session_id)
    a.add_argument("right", metavar="OTHER_ID", help="the session to compare it with")
    a.set_defaults(handler=_later("cmd_compare"))

    from wizard.cli import recheck

    recheck.register(actions, common)

    p = sub.add_parser(
        "resume",
        parents=[common],
        help="open the app at a saved session",
        description="Open the app with session ID (an id, or any part of one no other id holds).",
    )
    p.add_argument("resume_id", metavar="ID", help=session_id)
    p.set_defaults(handler=_later("cmd_resume"), launch=launch)


def _action(
    actions: SubParsers, common: argparse.ArgumentParser, name: str, summary: str, text: str
) -> argparse.ArgumentParser:
    return actions.add_parser(name, parents=[common], help=summary, description=text)


def _later(name: str) -> Callable[[argparse.Namespace], int]:
    """A handler that imports `wizard.cli.session_commands` only when it runs."""

    def handler(args: argparse.Namespace) -> int:
        from wizard.cli import session_commands

        command: Callable[[argparse.Namespace], int] = getattr(session_commands, name)
        return command(args)

    return handler
