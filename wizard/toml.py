"""TOML reading: `rtoml` (Rust) for speed, with the results and errors of `tomli` (which the
standard library's `tomllib` is).

Measured on a generated 10,000-node tree of 4.5 MB (bench/RESULTS.md): tomllib 0.8 s, tomli's
compiled wheel 0.4 s, rtoml 0.15 s. rtoml is used only where it gives exactly tomli's answer:

- any document rtoml refuses is parsed again by tomli, so errors (type, message, line) and values
  rtoml cannot hold (floats that overflow to inf) are tomli's;
- rtoml accepts a few documents tomli refuses: a byte-order mark at the start, and line breaks in
  an inline table between a key and its `=` or value. Texts with a BOM, or with a line that opens
  more `{` than it closes (outside strings and comments), go to tomli;
- rtoml gives offset datetimes its own tzinfo class; they are converted to `datetime.timezone`.

Without rtoml (a platform with no wheel), tomli parses everything. tests/engine/test_toml_parser.py
compares parse_toml with tomli on edge cases and thousands of mutated trees.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

try:
    import rtoml
except ImportError:  # pragma: no cover - rtoml has wheels for the usual platforms
    rtoml = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from tomli import TOMLDecodeError

__all__ = ["TOMLDecodeError", "parse_toml"]


def __getattr__(name: str) -> Any:
    """`TOMLDecodeError` (tomli's), importing tomli when first asked for: the app's start
    parses only with rtoml, and tomli's import is a tenth of the app's own. (An `except`
    clause naming `wizard.toml.TOMLDecodeError` asks only when something was raised.)"""
    if name == "TOMLDecodeError":
        import tomli

        return tomli.TOMLDecodeError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _tomli_loads(text: str) -> dict[str, Any]:
    import tomli

    return tomli.loads(text)


_FLAT = r"""(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^{}"'\n#])"""
"""A string that closes on its line, or one character that is no brace, quote, `#` or line end."""
_DEPTH_1 = r"(?:" + _FLAT + r"|\{" + _FLAT + r"*+\})*+"
_DEPTH_2 = r"(?:" + _FLAT + r"|\{" + _DEPTH_1 + r"\})*+"
"""What may follow a `{` on its line: text and inline tables nested up to two deep, all closed."""
_OPEN_OR_DEEP = re.compile(r"\{" + _DEPTH_2 + r"""(?:(?P<deep>\{)|[\n#"']|\Z)""")
"""A `{` that meets a line end, a comment or a string left open before its `}` (left open),
or a `{` with tables nested more than two deep after it (its line is then counted exactly)."""
_STRING_OR_COMMENT = re.compile(r""""(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#.*""")
_OFFSET_TIME = re.compile(r":\d\d(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d)")
"""The end of an offset datetime, e.g. `:00Z` or `:00.5+08:00`."""


def parse_toml(text: str) -> dict[str, Any]:
    """The document as tomllib would return it; `TOMLDecodeError` as tomllib would raise it."""
    if rtoml is None or text.startswith("\ufeff") or _inline_table_spans_lines(text):
        return _tomli_loads(text)
    try:
        data: dict[str, Any] = rtoml.loads(text)
    except (rtoml.TomlParsingError, ValueError, OverflowError):
        return _tomli_loads(text)  # raises tomli's error, or parses what rtoml cannot hold
    if _OFFSET_TIME.search(text):
        _standard_timezones(data)
    return data


def _inline_table_spans_lines(text: str) -> bool:
    """Whether an inline table may go on past its line: the only place rtoml is more lenient
    than tomli. On a line with more `{` than `}` outside strings, the last `{` left open is
    followed by closed tables only, so `_OPEN_OR_DEEP` finds it, and counting settles the rare
    lines with tables nested more than two deep. A `{` inside a string may raise a false alarm,
    which costs a tomli parse, never a wrong answer."""
    position = 0
    while match := _OPEN_OR_DEEP.search(text, position):
        if match.group("deep") is None:
            return True
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        code = _STRING_OR_COMMENT.sub("", text[start:end])
        if code.count("{") > code.count("}"):
            return True
        position = end
    return False


def _standard_timezones(data: dict[str, Any]) -> None:
    """Replace rtoml's tzinfo by `datetime.timezone` (what tomllib returns), in place: one pass
    over the containers with an explicit stack (no call per value), one zone per offset."""
    zones: dict[Any, dt.tzinfo] = {}
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        for key, value in node.items() if type(node) is dict else enumerate(node):
            kind = type(value)
            if kind is dict or kind is list:
                stack.append(value)
            elif kind is dt.datetime and value.tzinfo is not None:
                offset = value.utcoffset()
                zone = zones.get(offset)
                if zone is None:
                    zone = zones[offset] = dt.UTC if not offset else dt.timezone(offset)
                node[key] = value.replace(tzinfo=zone)
