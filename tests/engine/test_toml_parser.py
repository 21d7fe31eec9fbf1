"""`parse_toml` (rtoml where it agrees, tomli elsewhere) gives exactly tomli's answers: the same
data, the same errors with the same messages and lines."""

from __future__ import annotations

import datetime as dt
import math
import random
from pathlib import Path
from typing import Any

import pytest
import tomli

from wizard.toml import TOMLDecodeError, parse_toml

ROOT = Path(__file__).resolve().parents[2]

EDGE_CASES = [
    "a = 1\r\nb = 2\r\n",
    "a = 99999999999999999999",  # beyond 64 bits
    "a = 1e1_000",  # overflows to inf in tomli, an error in rtoml
    "a = inf\nb = -inf\nc = nan",
    "a = 1979-05-27T07:32:00-08:00\nb = 1979-05-27T07:32:00Z\nc = 1979-05-27T00:32:00.5+00:00",
    "a = 1979-05-27T07:32:00\nb = 1979-05-27\nc = 07:32:00.999999",
    "\ufeffa = 1",  # rtoml accepts a byte-order mark, tomli does not
    'a = { b = "x", c\n= 1 }',  # rtoml accepts a line break before `=` in an inline table
    "a = { b\n.c = 1 }",
    "a = { b = { c = { d = 1 } } \n}",
    "a = [{ b = { c = { d = { e = 1 } } } }]",
    'a = { b = "}" }\nc = "{"  # {',
    'a = """\\\n  x \\\n  y"""',
    "a = 1\na = 2",
    "[a]\nx = 1\n[a]\ny = 2",
    'a = "\\uD800"',
    'a = "x\x7fy"',
    "a = " + "[" * 3000 + "]" * 3000,
    "[[a]]\nb = 1\n[a.c]\nd = 2",
    "a.b = 1\n[a]\nc = 2",
]


def outcome(text: str, parse: Any) -> tuple[str, Any]:
    """What parsing gives: the data (NaN made comparable, tzinfo class included) or the error."""
    try:
        return "ok", _comparable(parse(text))
    except TOMLDecodeError as error:
        return "TOMLDecodeError", (str(error), error.lineno, error.colno)
    except RecursionError:
        return "RecursionError", None


def _comparable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, dt.datetime | dt.time) and value.tzinfo is not None:
        return value, type(value.tzinfo)
    return type(value), value


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_parse_as_tomli_parses_them(text: str) -> None:
    assert outcome(text, parse_toml) == outcome(text, tomli.loads)


def test_a_large_generated_tree_parses_as_tomli_parses_it() -> None:
    from bench.generate import realistic_tree

    text = realistic_tree(2_000)
    assert parse_toml(text) == tomli.loads(text)


def _mutated(texts: list[str], rng: random.Random) -> str:
    """A few lines of a real tree with characters inserted, deleted or replaced."""
    pieces = [
        *"[]{}=,.\"'\\#\n\r\t -_:+0123456789eExobTZ",
        *('"""', "'''", "inf", "1979-05-27", "07:32:00", "\\u00e9", "\x7f", "\x00", "é", "\ufeff"),
    ]
    lines = rng.choice(texts).split("\n")
    start = rng.randrange(len(lines))
    chunk = "\n".join(lines[start : start + rng.randint(1, 6)])
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(chunk) + 1)
        cut = rng.choice((0, 1, rng.randint(1, 3)))
        chunk = chunk[:at] + (rng.choice(pieces) if cut < 3 else "") + chunk[at + cut :]
    return chunk


def test_mutated_trees_parse_or_fail_as_with_tomli() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "trees").glob("*.toml"))]
    texts.append((ROOT / "tests" / "data" / "good" / "sample.toml").read_text(encoding="utf-8"))
    rng = random.Random(20261125)
    for _ in range(3_000):
        chunk = _mutated(texts, rng)
        assert outcome(chunk, parse_toml) == outcome(chunk, tomli.loads), repr(chunk)
