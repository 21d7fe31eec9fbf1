"""Read a tree file into a `Tree`, turning every failure into `Diagnostic`s, never a traceback.

Reading only: loading a tree to walk it (read, lint, raise on errors) is `wizard.lint.load`, since
the linter sits above this package and nothing here may import it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wizard.diagnostics import Diagnostic
from wizard.reading import FileTooLarge, NotRegularFile, read_regular
from wizard.toml import TOMLDecodeError, parse_toml
from wizard.tree.gc_pause import paused_gc
from wizard.tree.lines import LineIndex, line_nested_deeper
from wizard.tree.schema import Tree

# Defined without pydantic (the app's home screen lists the trees before any model is imported),
# and re-exported here, where the other modules look for them.
from wizard.tree.shipped import SHIPPED as SHIPPED
from wizard.tree.shipped import resolve as resolve
from wizard.tree.shipped import shipped_trees as shipped_trees

MAX_BYTES = 200 * 1024 * 1024
"""Larger files are refused before parsing: no real tree comes near this."""

_NESTING = 100
"""Point at the first line nested deeper than this when the parser gives up (its limit is higher
and no tree nests near it: a condition is a few levels deep)."""

_TABLES = ("nodes", "outcomes", "risks", "sources")
_QUESTION_TYPES = {"choice", "yesno", "multi", "number", "date", "text"}


@dataclass
class Loaded:
    """The result of reading one file: the tree if it validated, and what was found wrong."""

    path: Path
    tree: Tree | None
    lines: LineIndex | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str = ""


def read(path: Path) -> Loaded:
    """Read, parse and validate one tree file. Never raises for a bad file."""
    with paused_gc():
        return _read(path)


def _read(path: Path) -> Loaded:
    shown = str(path)

    def fail(message: str, line: int = 1, rule: str = "file") -> Loaded:
        return Loaded(path, None, None, [Diagnostic(shown, line, "tree", message, rule=rule)])

    try:
        raw = read_regular(path, MAX_BYTES)  # never blocks on a named pipe
    except FileTooLarge as error:
        return fail(f"file {error}")
    except NotRegularFile as error:
        return fail("is a folder, not a TOML file" if error.kind == "a folder" else str(error))
    except OSError as error:
        return fail(f"cannot read: {error.strerror or error}")
    try:
        # utf-8-sig: editors on Windows may start the file with a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return fail(f"not UTF-8 text (byte {raw[error.start]:#04x} at offset {error.start})", line)
    if not text.strip():
        return fail("empty file: a tree needs at least a [tree] table")
    try:
        data = parse_toml(text)
    except TOMLDecodeError as error:
        return fail(f"not valid TOML: {_toml_message(error)}", _toml_line(error), "toml")
    except (RecursionError, MemoryError):
        line = line_nested_deeper(text, _NESTING)
        return fail("not valid TOML: arrays or inline tables nested too deeply", line, "toml")
    if not data:
        return fail("no tables, only comments: a tree needs at least a [tree] table")
    lines = LineIndex(text)
    try:
        tree = Tree.model_validate(data)
    except ValidationError as error:
        return Loaded(path, None, lines, _schema_diagnostics(shown, error, lines), text)
    except RecursionError:
        message = "conditions nested too deeply"
        return Loaded(path, None, lines, [Diagnostic(shown, 1, "tree", message)], text)
    return Loaded(path, tree, lines, [], text)


def _toml_line(error: TOMLDecodeError) -> int:
    line = getattr(error, "lineno", None)
    if isinstance(line, int):
        return line
    found = re.search(r"line (\d+)", str(error))
    return int(found.group(1)) if found else 1


def _toml_message(error: TOMLDecodeError) -> str:
    message = getattr(error, "msg", None) or str(error)
    return re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(message))


def _schema_diagnostics(shown: str, error: ValidationError, lines: LineIndex) -> list[Diagnostic]:
    found = []
    for item in error.errors(include_url=False):
        loc = [part for part in item["loc"] if not _is_union_tag(part)]
        node = str(loc[1]) if len(loc) > 1 and loc[0] in _TABLES else "tree"
        if item["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc.append("type")  # point at the `type` key when there is one
        found.append(Diagnostic(shown, lines.line_of(tuple(loc)), node, _explain(item, loc)))
    return sorted(set(found))


def _is_union_tag(part: str | int) -> bool:
    return isinstance(part, str) and (part in _QUESTION_TYPES or part.startswith("function-"))


def _explain(item: Any, loc: list[str | int]) -> str:
    if len(loc) == 3 and loc[0] in _TABLES and loc[2] == "id":
        return "remove `id`: the table's key is its id"
    where = ".".join(str(p) for p in loc[2:] if not isinstance(p, int)) if len(loc) > 2 else ""
    where = where or (str(loc[-1]) if loc and loc[0] not in _TABLES else "")
    kind, message = item["type"], item["msg"]
    if kind == "finite_number":
        return f"{where}: not a finite number (NaN and infinity are refused)"
    if kind == "extra_forbidden":
        return f"unknown key `{loc[-1]}`"
    if kind == "missing":
        return f"missing key `{loc[-1]}`"
    if kind == "union_tag_invalid":
        tag = item.get("ctx", {}).get("tag", "")
        expected = ", ".join(sorted(_QUESTION_TYPES))
        return f"unknown question type {tag!r} (expected one of {expected})"
    if kind == "union_tag_not_found":
        return "missing key `type` (choice, yesno, multi, number, date or text)"
    if kind == "string_pattern_mismatch" and where.endswith("url"):
        return f"{where}: {item['input']!r} is not a web address (http:// or https://)"
    if kind == "string_pattern_mismatch":
        what = f"{where}: " if where and where != "[key]" else ""
        return f"{what}{item['input']!r} is not a valid id (lowercase letters, digits, - and _)"
    message = message.removeprefix("Value error, ")
    return f"{where}: {message}" if where else message
