"""`wizard sessions recheck [--tree ID]`: the saved sessions a tree update changes (declared
here; the work, in `run`, imports the engine only when the command runs)."""

from __future__ import annotations

import argparse
import json
import sys


def register(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    a = actions.add_parser(
        "recheck",
        parents=[common],
        help="sessions whose outcome, verdict, risks or checklist the current trees change",
        description="Replay every saved session against the trees as they are now and list "
        "those whose outcome, verdict, risks or checklist would differ, or that now stop at a "
        "question, with what changed. Sessions saved before sessions kept what they concluded "
        "show outcome changes only. Then `wizard resume ID` opens one and `wizard email ID` "
        "sends the client an updated summary.",
    )
    a.add_argument("--tree", dest="recheck_tree", metavar="ID", help="only sessions of this tree")
    a.add_argument("--format", choices=["text", "json"], default="text", help="default: text")
    a.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from wizard.sessions.files import data_dir
    from wizard.sessions.recheck import recheck
    from wizard.terminal import visible

    result = recheck(data_dir(getattr(args, "data_dir", None)), args.recheck_tree)
    for problem in result.problems:
        print(f"warning: {visible(problem)}", file=sys.stderr)
    if args.format == "json":
        data = {"checked": result.checked, "affected": [asdict(a) for a in result.affected]}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    count, checked = len(result.affected), result.checked
    if not count:
        print(f"No session affected by tree updates ({checked} checked).")
        return 0
    sessions = "session" if checked == 1 else "sessions"
    print(f"{count} of {checked} {sessions} affected by tree updates, newest first:")
    for affected in result.affected:
        who = affected.client or "(no client)"
        print(visible(f"{affected.session}  {who}  {affected.tree}  saved {affected.updated[:10]}"))
        for change in affected.changes:
            print(f"    {visible(change)}")
    print("Open one with `wizard resume ID`; send an updated summary with `wizard email ID`.")
    return 0
