"""The work behind `wizard sessions ...` and `wizard resume` (declared in `wizard.cli.sessions`).

Listing and showing never start the app (nor import Textual). Errors are one clear line on stderr
and exit status 1; a damaged session file is reported (and moved aside) while the rest still list.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wizard.diagnostics import TreeError
from wizard.exports.compare_table import comparison_text
from wizard.reading import read_regular
from wizard.sessions.compare import compare
from wizard.sessions.files import SESSION_LIMIT, data_dir
from wizard.sessions.index import SessionSummary
from wizard.sessions.model import Session, SessionFileError
from wizard.sessions.resume import Resumed, replay, session_tree
from wizard.sessions.store import Listing, SessionError, SessionStore
from wizard.terminal import visible
from wizard.tree.schema import Tree, tr
from wizard.tree.walk import answer_label


def store_for(args: argparse.Namespace) -> SessionStore:
    return SessionStore(data_dir(getattr(args, "data_dir", None)))


def _fail(message: str) -> int:
    print(f"wizard: {_line(message)}", file=sys.stderr)
    return 1


def _line(text: str) -> str:
    """A message on one line with its control characters written out (it may quote a file)."""
    return visible(text).replace("\n", "\\n")


def _report_damaged(listing: Listing) -> None:
    for problem in listing.problems:
        print(f"warning: {_line(problem)}", file=sys.stderr)
    for damaged in listing.damaged:
        print(f"warning: {_line(damaged.describe())}", file=sys.stderr)


def cmd_list(args: argparse.Namespace) -> int:
    if args.deleted:
        return _list_deleted(args)
    from wizard.sessions.index import list_sessions  # cached: unchanged files are not parsed

    listing = list_sessions(store_for(args).folder.parent)
    for problem in listing.problems:  # a damaged file is moved aside, as `scan` does
        print(f"warning: {_line(problem)}", file=sys.stderr)
    words = " ".join(args.filter)
    sessions = [s for s in listing.sessions if s.matches(words)] if words else listing.sessions
    if args.format == "json":
        rows = [_row(s) for s in sessions]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not sessions:
        print("No sessions." if not listing.sessions else "No session matches.", file=sys.stderr)
        return 0
    columns = ["id", "updated", "client", "tree", "progress", "outcome_title"]
    if any(s.copied_from for s in sessions):
        columns.append("copied_from")  # a copy has its original's client and tree: say which
    _print_table(columns, list(map(_row, sessions)))
    return 0


def _list_deleted(args: argparse.Namespace) -> int:
    from wizard.sessions.bin import list_deleted

    listing = list_deleted(store_for(args))
    for damaged in listing.damaged:
        print(f"warning: {_line(damaged.describe())}", file=sys.stderr)
    words = " ".join(args.filter)
    found = [d for d in listing.sessions if d.session.matches(words)]
    rows = [{**_row(d.session), "deleted": _local(d.deleted_at)} for d in found]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print(
            "No deleted sessions." if not listing.sessions else "No deleted session matches.",
            file=sys.stderr,
        )
    else:
        _print_table(["id", "deleted", "client", "tree", "progress", "outcome_title"], rows)
    return 0


def _print_table(columns: list[str], rows: list[dict[str, str]]) -> None:
    table = [[COLUMN_HEADS[c] for c in columns]]
    table += [[row[c] for c in columns] for row in rows]
    table = [[_plain(cell) for cell in row] for row in table]  # names are data, not escapes
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _plain(cell: str) -> str:
    """`one_line(cell)`; most cells are printable ASCII on one line already (10,000 rows)."""
    if cell.isascii() and cell.isprintable() and "  " not in cell and cell == cell.strip():
        return cell
    from wizard.exports.escape import one_line

    return one_line(cell)


COLUMN_HEADS = {
    "id": "ID",
    "updated": "UPDATED",
    "deleted": "DELETED",
    "client": "CLIENT",
    "tree": "TREE",
    "progress": "PROGRESS",
    "outcome_title": "OUTCOME",
    "copied_from": "WHAT IF OF",
}
"""The table's column heads; the JSON rows hold the outcome's id as well as its title."""


def _row(session: Session | SessionSummary) -> dict[str, str]:
    return {
        "id": session.id,
        "updated": _when(session),
        "client": session.client_name or "",
        "tree": session.tree,
        "progress": session.progress,
        "outcome": session.outcome or "",
        "outcome_title": session.outcome_label,
        "copied_from": session.copied_from or "",
    }


def _when(session: Session | SessionSummary) -> str:
    return _local(session.updated)


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _load(args: argparse.Namespace, text: str) -> tuple[SessionStore, Session]:
    store = store_for(args)
    return store, store.load(store.find(text))


def cmd_show(args: argparse.Namespace) -> int:
    try:
        _, session = _load(args, args.id)
    except SessionError as error:
        return _fail(str(error))
    if args.format == "toml":
        sys.stdout.write(session.to_toml())
    elif args.format == "json":
        print(json.dumps(session.to_json_data(), ensure_ascii=False, indent=2))
    else:
        from wizard.exports.escape import visible

        sys.stdout.write(visible(show_text(session)))  # an escape in an answer stays inert
    return 0


def show_text(session: Session) -> str:
    """A session for people: who, which tree, each answer with its note, the outcome, the ticks,
    and what no longer fits if the tree changed."""
    lang = session.language
    out = [f"Session {session.id} (revision {session.revision}, updated {_when(session)})"]
    people = [
        f"Client: {session.client_name or '—'}"
        + (f" <{session.client_email}>" if session.client_email else ""),
        f"Counselor: {session.counselor}" if session.counselor else "",
    ]
    out.append("   ".join(p for p in people if p))
    if session.copied_from:
        at = f" at {session.copied_at}" if session.copied_at else ""
        out.append(f"Copied from {session.copied_from}{at}")
    try:
        tree: Tree | None = session_tree(session)
    except TreeError as error:
        tree = None
        out.append(f"Tree: {session.tree} {session.tree_version}, which cannot be loaded:")
        out += [f"  {diagnostic}" for diagnostic in error.diagnostics]
    resumed = replay(session, tree) if tree is not None else None
    if tree is not None:
        out.append(f"Tree: {session.tree} {session.tree_version} “{tr(tree.tree.title, lang)}”")
    out += ["", "Answers:", *_answer_lines(session, tree)]
    out += _outcome_lines(session, tree, lang)
    if resumed is not None:
        out += _replay_lines(resumed)
    return "\n".join(out) + "\n"


def _answer_lines(session: Session, tree: Tree | None) -> list[str]:
    lang = session.language
    lines: list[str] = []
    for number, record in enumerate(session.answers, 1):
        question = tree.nodes.get(record.question) if tree is not None else None
        prompt = tr(question.prompt, lang) if question is not None else record.question
        shown = answer_label(question, record.value, lang) if question else str(record.value)
        at = record.at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(f"  {number}. {prompt} [{record.question}]: {shown}   ({at})")
        if record.question in session.notes:
            lines += _note_lines(session, record.question)
    if not session.answers:
        lines.append("  (none yet)")
    off_path = [q for q in session.notes if q not in session.answer_values]
    for qid in off_path:
        lines.append(f"  Note on {qid} (not on the path):")
        lines += _note_lines(session, qid)
    return lines


def _note_lines(session: Session, qid: str) -> list[str]:
    """The note on `qid`, marked private (left out of exports) or for the client."""
    head = "Note (for the client): " if session.note_is_shared(qid) else "Note (private): "
    pad = " " * (5 + len(head))
    return [
        "     " + head + line if i == 0 else pad + line
        for i, line in enumerate(session.notes[qid].splitlines())
    ]


def _outcome_lines(session: Session, tree: Tree | None, lang: str) -> list[str]:
    if not session.outcome:
        return ["", "Outcome: not reached yet"]
    outcome = tree.outcomes.get(session.outcome) if tree is not None else None
    if outcome is None:
        return ["", f"Outcome: {session.outcome}"]
    lines = ["", f"Outcome: {tr(outcome.title, lang)} ({outcome.verdict})"]
    ticked = set(session.ticked(session.outcome))
    if outcome.checklist:
        lines.append("Checklist:")
        lines += [
            f"  [{'x' if item.id in ticked else ' '}] {tr(item.text, lang)}"
            for item in outcome.checklist
        ]
    return lines


def _replay_lines(resumed: Resumed) -> list[str]:
    summary = resumed.summary()
    return ["", *summary] if summary else []


def cmd_delete(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        session_id = store.find(args.id)
        moved = store.delete(session_id)
    except SessionError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"cannot delete: {error.strerror or error}")
    print(
        f"Deleted {session_id}; the file was moved to {moved}. "
        f"`wizard sessions restore {session_id}` puts it back."
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from wizard.sessions.bin import restore

    try:
        session = restore(store_for(args), args.id, new_id=args.new_id)
    except SessionError as error:
        return _fail(str(error))
    print(f"Restored session {session.id} ({_line(session.client_name or 'no client name')}).")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        session = read_session_json(args.file)
        store = store_for(args)
        imported = store.import_session(session, _look_alikes(store, session))
    except (SessionError, SessionFileError) as error:
        return _fail(f"{args.file}: {error}")
    saved = imported.session
    if imported.already:
        print(f"Session {saved.id} is already there (the same as this export); nothing imported.")
        return 0
    renamed = f" (its id {session.id} was taken)" if saved.id != session.id else ""
    print(f"Imported session {saved.id}{renamed}.")
    return 0


def _look_alikes(store: SessionStore, session: Session) -> list[str]:
    """Saved sessions the light listing says could be `session` imported before under another
    id (same tree, client, outcome, number of answers): only these are read in full."""
    from wizard.sessions.index import list_sessions  # cached: unchanged files are not parsed

    key = (session.tree, session.client_name, session.outcome, len(session.answers))
    return [
        s.id
        for s in list_sessions(store.folder.parent).sessions
        if (s.tree, s.client_name, s.outcome, s.answered) == key
    ]


def read_session_json(path: Path) -> Session:
    """A session from a JSON file: a JSON export holding it under "session", or the bare
    `Session.to_json_data()` object. `SessionFileError` or `SessionError` saying what is wrong."""
    try:
        data: Any = json.loads(read_regular(path, 4 * SESSION_LIMIT).decode("utf-8"))
    except OSError as error:
        raise SessionError(f"cannot read: {error.strerror or error}") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise SessionError(f"not a JSON file: {error}") from None
    except RecursionError:
        raise SessionError("not a session: arrays or objects nested too deeply") from None
    if isinstance(data, dict) and isinstance(data.get("session"), dict):
        data = data["session"]
    if not isinstance(data, dict) or "answers" not in data:
        raise SessionError("no session in this file (expected a wizard JSON export)")
    return Session.from_json_data(data)


def cmd_compare(args: argparse.Namespace) -> int:
    try:
        store = store_for(args)
        sides = [store.load(store.find(text)) for text in (args.left, args.right)]
        walks = [replay(s, session_tree(s)).walk for s in sides]
    except SessionError as error:
        return _fail(str(error))
    result = compare((sides[0], walks[0]), (sides[1], walks[1]), sides[0].language)
    # The terminal's width (80 when the output goes to a pipe or file), so no line wraps.
    sys.stdout.write(comparison_text(result, shutil.get_terminal_size((80, 24)).columns))
    return 0


def cmd_resume(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        args.session = store.find(args.resume_id)
    except SessionError as error:
        return _fail(str(error))
    launch: Callable[[argparse.Namespace], int] = args.launch  # handed in by the main parser
    return launch(args)
