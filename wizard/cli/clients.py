"""`wizard clients` (every client, with how many sessions and the last), `wizard clients show
NAME` (any unique part of a name, or an id: the details and the sessions, newest first) and
`wizard clients add NAME`. Declared here; the work is imported when a command runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="folder holding the sessions"
    )
    p = sub.add_parser(
        "clients",
        parents=[common],
        help="the clients, each with their sessions (`clients show NAME`, `clients add NAME`)",
        description="List the clients: name, email, how many sessions, the last one. Sessions "
        "saved without a client record are linked to one by their client name and email first "
        "(once; a client is created for a name and email not seen before).",
    )
    p.set_defaults(handler=run, clients_action="list")
    actions = p.add_subparsers(title="actions", metavar="ACTION")
    a = actions.add_parser(
        "show",
        parents=[common],
        help="a client's details and sessions, newest first",
        description="Show a client: NAME is any part of a name (or email) that only one client "
        "has, or a client id.",
    )
    a.add_argument("name", metavar="NAME", help="any unique part of a name or email, or an id")
    a.set_defaults(handler=run, clients_action="show")
    a = actions.add_parser(
        "add", parents=[common], help="add a client", description="Add a client record."
    )
    a.add_argument("name", metavar="NAME", help="the client's name (need not be unique)")
    a.add_argument("--email", help="the client's email")
    a.add_argument("--language", default="en", help="default: en")
    a.add_argument("--notes", default="", help="notes about the client")
    a.set_defaults(handler=run, clients_action="add")


def run(args: argparse.Namespace) -> int:
    from wizard.sessions.clients import ClientStore
    from wizard.sessions.files import data_dir
    from wizard.sessions.store import SessionError
    from wizard.terminal import visible

    store = ClientStore(data_dir(getattr(args, "data_dir", None)))
    try:
        if args.clients_action == "add":
            client = store.create(args.name, args.email, args.language, args.notes)
            print(visible(f"Added {client.name} ({client.id})"))
            return 0
        store.link_sessions()
        listing = store.scan()
        for problem in listing.problems:
            print(f"warning: {visible(problem)}", file=sys.stderr)
        sessions = store.sessions.scan().sessions
        if args.clients_action == "show":
            client = store.find(args.name, listing.clients)
            print(visible(f"{client.name}  {client.email or '(no email)'}  ({client.id})"))
            print(f"language: {client.language}")
            if client.notes:
                print(visible(f"notes: {client.notes}"))
            mine = [s for s in sessions if s.client_id == client.id]
            print(f"{len(mine)} session{'' if len(mine) == 1 else 's'}, newest first:")
            for s in mine:
                outcome = f" → {s.outcome_label}" if s.outcome_label else ""
                print(
                    visible(
                        f"  {s.id}  {s.updated:%Y-%m-%d %H:%M}  {s.tree}  {s.progress}{outcome}"
                    )
                )
            return 0
    except SessionError as error:
        print(f"wizard: {visible(str(error))}", file=sys.stderr)
        return 1
    if not listing.clients:
        print("No clients yet.")
        return 0
    rows = [("NAME", "EMAIL", "SESSIONS", "LAST", "ID")]
    for client in listing.clients:
        mine = [s for s in sessions if s.client_id == client.id]
        last = f"{mine[0].updated:%Y-%m-%d}" if mine else "-"
        rows.append((client.name, client.email or "", str(len(mine)), last, client.id))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print(visible("  ".join([*cells, row[4]])))
    return 0
