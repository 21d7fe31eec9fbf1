"""A tiny TOML writer for generated trees: values in the style people write by hand.

`tomli_w` would write every route condition as a sub-table; trees are written with inline
conditions (`when = { answer = "x", is = "y" }`) and `[[nodes.q.options]]` blocks, so the
benchmark parses the same shapes as the shipped trees. Only the value kinds the generator uses
are supported: str, bool, int, float, date, list and dict (as an inline table).
"""

from __future__ import annotations

import datetime as dt
import json
import re

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def key(name: str) -> str:
    """A key, quoted only when it has to be."""
    return name if _BARE_KEY.match(name) else string(name)


def string(text: str) -> str:
    # JSON's escapes (\" \\ \n \t \uXXXX) are all valid in a TOML basic string.
    return json.dumps(text, ensure_ascii=False)


def value(item: object) -> str:
    """One TOML value; dicts become inline tables."""
    if isinstance(item, str):
        return string(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int | float):
        return repr(item)
    if isinstance(item, dt.date):
        return item.isoformat()
    if isinstance(item, list):
        return "[" + ", ".join(value(v) for v in item) + "]"
    if isinstance(item, dict):
        inner = ", ".join(f"{key(k)} = {value(v)}" for k, v in item.items())
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"cannot write {type(item).__name__} as TOML")


def pairs(table: dict[str, object], indent: str = "") -> list[str]:
    """`key = value` lines of one table, skipping None values."""
    return [f"{indent}{key(k)} = {value(v)}" for k, v in table.items() if v is not None]
