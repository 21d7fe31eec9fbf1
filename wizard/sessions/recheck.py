"""Rules change: which saved sessions would conclude otherwise on the trees as they are now.

`recheck` replays every saved session against its tree today and lists those whose outcome,
verdict, risks or checklist would differ, or that now stop at a question (a new one, or one
whose saved answer no longer fits), each with what changed in a few words:
"x1-remark -> x1-enrol; new risk: Overstay". A session saved before sessions kept what they
concluded (`Session.concluded`) can show outcome changes and stops only.

A session whose tree has the hash it was saved with is not replayed: nothing can differ.

The result is cached in `recheck-cache.json` in the data folder, one entry per session keyed by
the session file's modification time and the sha256 of its tree file's bytes, so a recheck
replays only what changed since the last one, and the home screen can say "3 sessions affected
by tree updates" from the cache alone (`wizard.sessions.waiting`), without loading a tree.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from wizard.diagnostics import TreeError
from wizard.sessions.digest import Concluded, conclusion
from wizard.sessions.files import atomic_write
from wizard.sessions.model import Session, SessionFileError, tree_hash
from wizard.sessions.resume import replay, session_tree
from wizard.sessions.waiting import (
    CACHE,
    CACHE_VERSION,
    entry_key,
    file_sha,
    read_cache,
    session_files,
)
from wizard.tree.schema import Tree, tr
from wizard.tree.shipped import resolve


@dataclass(frozen=True)
class Affected:
    """A saved session that would conclude otherwise today, and what changed."""

    session: str
    """The session's id."""
    tree: str
    client: str
    updated: str
    """When the session was last saved (ISO 8601)."""
    changes: list[str]

    def line(self) -> str:
        who = self.client or "(no client)"
        return f"{self.session}  {who}  {self.tree}: {'; '.join(self.changes)}"


@dataclass
class Recheck:
    """Every affected session (newest first), and the sessions or trees that could not be read."""

    affected: list[Affected] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    checked: int = 0


def differences(session: Session, tree: Tree, lang: str | None = None) -> list[str]:
    """What the session's answers conclude differently on `tree` than when it was saved."""
    lang = lang or session.language
    resumed = replay(session, tree, lang)
    out: list[str] = []
    stop = next((i for i in resumed.issues if i.kind in ("refused", "unanswered")), None)
    if stop is not None:
        node = tree.nodes.get(stop.question)
        prompt = f"“{tr(node.prompt, lang)}” " if node is not None else ""
        if stop.kind == "unanswered":
            out.append(f"now stops at a new question: {prompt}({stop.question})")
        else:
            out.append(f"now stops: the answer to {prompt}({stop.question}) no longer fits")
    now = conclusion(resumed.walk)
    before = session.concluded
    if session.outcome and now is not None and now.outcome != session.outcome:
        out.append(f"{session.outcome} -> {now.outcome}")
    elif not session.outcome and now is not None:
        out.append(f"now ends at {now.outcome}")
    if before is not None and now is not None:
        out += _digest_changes(before, now, tree, lang)
    return out


def _digest_changes(before: Concluded, now: Concluded, tree: Tree, lang: str) -> list[str]:
    out = []
    if before.verdict != now.verdict:
        out.append(f"verdict {before.verdict} -> {now.verdict}")

    def risk(rid: str) -> str:
        found = tree.risks.get(rid)
        return tr(found.title, lang) if found is not None else rid

    out += [f"new risk: {risk(r)}" for r in now.risks if r not in before.risks]
    out += [f"risk gone: {risk(r)}" for r in before.risks if r not in now.risks]
    if before.outcome == now.outcome:
        outcome = tree.outcomes[now.outcome]
        texts = {item.id: tr(item.text, lang) for item in outcome.checklist}
        out += [
            f"new checklist item: {texts[c]}" for c in now.checklist if c not in before.checklist
        ]
        out += [f"checklist item gone: {c}" for c in before.checklist if c not in now.checklist]
    return out


def tree_path(session: Session) -> Path:
    """The file of the tree a session walks (its own file, else the shipped tree's)."""
    if session.tree_file and Path(session.tree_file).exists():
        return Path(session.tree_file)
    return resolve(session.tree)


def recheck(data_folder: Path, tree_id: str | None = None) -> Recheck:
    """Replay every saved session (of `tree_id` only, when given) on its tree as it is now;
    the cache is used and brought up to date."""
    cache = read_cache(data_folder)
    entries: dict[str, Any] = {}
    shas: dict[Path, str | None] = {}
    trees: dict[Path, Tree | TreeError] = {}
    result = Recheck()
    for path in session_files(data_folder):
        key = entry_key(path, cache.get(path.stem), shas)
        entry = cache.get(path.stem)
        if key is None or entry is None or entry.get("key") != key:
            entry = _check_one(path, shas, trees, result)
            if entry is None:
                continue
        entries[path.stem] = entry
        if tree_id is not None and entry["tree_id"] != tree_id:
            continue
        result.checked += 1
        if entry["changes"]:
            result.affected.append(Affected(**entry["affected"]))
    result.affected.sort(key=lambda a: (a.updated, a.session), reverse=True)
    if tree_id is None or entries.keys() >= cache.keys():
        _write_cache(data_folder, entries)
    else:
        _write_cache(data_folder, cache | entries)
    return result


def _check_one(
    path: Path,
    shas: dict[Path, str | None],
    trees: dict[Path, Tree | TreeError],
    result: Recheck,
) -> dict[str, Any] | None:
    from wizard.reading import read_regular
    from wizard.sessions.files import SESSION_LIMIT

    try:
        stat = path.stat()
        session = Session.from_toml(read_regular(path, SESSION_LIMIT).decode("utf-8"))
    except (OSError, UnicodeDecodeError, SessionFileError) as error:
        result.problems.append(f"{path.name}: cannot be read ({error})")
        return None
    where = tree_path(session)
    if where not in trees:
        try:
            trees[where] = session_tree(session)
        except TreeError as error:
            trees[where] = error
    tree = trees[where]
    if isinstance(tree, TreeError):
        result.problems.append(f"{session.id}: its tree {session.tree!r} cannot be loaded")
        return None
    changes = [] if session.tree_hash == tree_hash(tree) else differences(session, tree)
    affected = Affected(
        session.id, session.tree, session.client_name or "", session.updated.isoformat(), changes
    )
    key = [stat.st_mtime_ns, stat.st_size, str(where), file_sha(where, shas)]
    return {
        "key": key,
        "tree_path": str(where),
        "tree_id": session.tree,
        "changes": changes,
        "affected": asdict(affected),
    }


def _write_cache(data_folder: Path, entries: dict[str, Any]) -> None:
    data = {"version": CACHE_VERSION, "sessions": entries}
    with contextlib.suppress(OSError):  # a cache: the next recheck replays again
        atomic_write(data_folder / CACHE, json.dumps(data, ensure_ascii=False).encode("utf-8"))
