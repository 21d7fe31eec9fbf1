"""Where the shipped trees are, how a name given by a user finds a tree file, and what each
shipped tree's `[tree]` table says, read without validating the tree.

No pydantic here (nor in anything this imports): the app's home screen lists the trees before
any tree model is imported, and the linter needs only each shipped tree's id (to know which
`continue.tree` links are good), not a whole validated tree. Both read the `[tree]` table the
same way, with `tree_table`.
"""

from __future__ import annotations

import re
from pathlib import Path

from wizard import toml
from wizard.toml import parse_toml

SHIPPED = Path(__file__).resolve().parents[2] / "trees"
"""The trees that ship with the wizard (inside the wheel they sit beside the `wizard` package)."""


def shipped_trees() -> list[Path]:
    """The shipped tree files, sorted by name."""
    return sorted(SHIPPED.glob("*.toml"))


def resolve(name: str) -> Path:
    """A shipped tree's id, or a path to a TOML file."""
    candidate = SHIPPED / f"{name}.toml"
    if "/" not in name and not name.endswith(".toml") and candidate.is_file():
        return candidate
    return Path(name)


_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)
_TREE_TABLE = r"""\[[ \t]*(?:tree|"tree"|'tree')[ \t]*[.\]]"""
_TREE_HEADER = re.compile(r"^[ \t]*" + _TREE_TABLE, re.MULTILINE)
"""`[tree]` or a `[tree.…]` subtable's header (a line that starts so inside a string does too,
which only costs a full parse)."""
_TREE_HEADER_ANYWHERE = re.compile(_TREE_TABLE)


def _tree_header(text: str, start: int = 0) -> int | None:
    """The end of the first `[tree…]` header on a line that starts at or after `start`, if any.
    (As `_TREE_HEADER.search`, but found by an unanchored search and then checked to have only
    spaces before it on its line: ten times faster on a long tree, read at every app start.)"""
    for match in _TREE_HEADER_ANYWHERE.finditer(text, start):
        line = text.rfind("\n", 0, match.start()) + 1
        if line >= start and not text[line : match.start()].strip(" \t"):
            return match.end()
    return None


def tree_table(text: str) -> object:
    """The document's `tree` value. Trees start with it, so only the text before the next
    table's header is parsed, when that gives the same answer as the whole: when no `[tree…]`
    header follows, and the part is valid TOML on its own (cut inside a multi-line string or
    array it is not). Otherwise, or if the part does not hold it, the whole text is parsed."""
    first = _tree_header(text)
    if first is not None:
        cut = next(
            (
                m.start()
                for m in _HEADER.finditer(text, first)
                if not _TREE_HEADER.match(text, m.start())
            ),
            len(text),
        )
        if _tree_header(text, cut) is None:
            try:
                found = parse_toml(text[:cut]).get("tree")
            except toml.TOMLDecodeError:
                found = None
            if found is not None:
                return found
    return parse_toml(text).get("tree")


_id_cache: dict[Path, tuple[int, int, str]] = {}


def shipped_tree_ids() -> set[str]:
    """The `[tree] id` of every shipped tree, from its `[tree]` table only, cached by mtime."""
    found = set()
    for path in shipped_trees():
        try:
            stat = path.stat()
        except OSError:
            continue
        cached = _id_cache.get(path)
        if cached is None or cached[:2] != (stat.st_mtime_ns, stat.st_size):
            cached = (stat.st_mtime_ns, stat.st_size, _tree_id(path))
            _id_cache[path] = cached
        found.add(cached[2])
    return found


def _tree_id(path: Path) -> str:
    """The id in the file's `[tree]` table; the file name if it cannot be read or has none."""
    try:
        table = tree_table(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, toml.TOMLDecodeError, RecursionError):
        return path.stem
    ident = table.get("id") if isinstance(table, dict) else None
    return ident if isinstance(ident, str) else path.stem
