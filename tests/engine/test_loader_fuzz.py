"""Fuzzing the loader and the linter: whatever the bytes, the answer is a tree or diagnostics.

(a) Random bytes, and random bytes spliced into a valid tree, given to `read`.
(b) The sample tree parsed to a dict, mutated (keys deleted, values replaced with values of
    random types, edges and references renamed to other ids or to nothing), written back with
    tomli_w, then read and linted: never an exception, and every diagnostic is well formed.
"""

from __future__ import annotations

import copy
import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.paths import SAMPLE
from wizard.diagnostics import has_errors
from wizard.lint import lint
from wizard.toml import parse_toml
from wizard.tree.loader import Loaded, read
from wizard.tree.routing import route
from wizard.tree.schema import AnswerValue, AnyQuestion, NumberQuestion, Tree

TODAY = dt.date(2026, 11, 25)
BASE: dict[str, Any] = parse_toml(SAMPLE.read_text(encoding="utf-8"))
IDS = sorted(
    {*BASE["nodes"], *BASE["outcomes"], *BASE["risks"], *BASE["sources"], "yes", "no", "china"}
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(IDS),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(IDS), inner, max_size=3)
    ),
    max_leaves=6,
)


def check(loaded: Loaded, size: int) -> None:
    """What every result must be: a tree, or diagnostics located inside the file."""
    found = loaded.diagnostics + (lint(loaded, set(), TODAY) if loaded.tree else [])
    assert loaded.tree is not None or found
    lines = max(size, 1)
    for diagnostic in found:
        assert 1 <= diagnostic.line <= lines, diagnostic
        assert diagnostic.level in ("error", "warning")
        assert diagnostic.message and diagnostic.rule and diagnostic.node


def read_bytes(data: bytes) -> Loaded:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.toml"
        path.write_bytes(data)
        return read(path)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data: bytes) -> None:
    check(read_bytes(data), data.count(b"\n") + 1)


@FUZZ
@given(st.data())
def test_bytes_spliced_into_a_tree_never_raise(data: st.DataObject) -> None:
    text = SAMPLE.read_bytes()
    at = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, 40))
    junk = data.draw(st.binary(max_size=40) | st.sampled_from([b"[", b"]]", b'"', b"\n[x]\n"]))
    spliced = text[:at] + junk + text[at + cut :]
    check(read_bytes(spliced), spliced.count(b"\n") + 1)


def spots(tree: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, Any]]:
    """Every (container, key or index) in the parsed tree."""
    items = tree.items() if isinstance(tree, dict) else enumerate(tree)
    for key, value in items:
        yield tree, key
        if isinstance(value, dict | list):
            yield from spots(value, (*path, key))


def mutate(tree: dict[str, Any], data: st.DataObject) -> None:
    container, key = data.draw(st.sampled_from(list(spots(tree))))
    action = data.draw(st.sampled_from(["delete", "replace", "rename", "rename"]))
    current = container[key]
    if action == "delete":
        del container[key]
    elif action == "rename" and isinstance(current, str):
        container[key] = data.draw(st.sampled_from([*IDS, "nowhere", ""]))
    elif action == "rename" and isinstance(container, dict) and isinstance(key, str):
        # rename a table: its id changes, references to the old id now dangle
        container[data.draw(st.sampled_from([*IDS, "new-id"]))] = container.pop(key)
    else:
        container[key] = data.draw(values)


def toml_safe(value: Any) -> Any:
    """tomli_w cannot write None: drop it (a missing key is a mutation too)."""
    if isinstance(value, dict):
        return {k: toml_safe(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [toml_safe(v) for v in value if v is not None]
    return value


@FUZZ
@given(st.data())
def test_mutated_trees_only_give_diagnostics(data: st.DataObject) -> None:
    tree = copy.deepcopy(BASE)
    for _ in range(data.draw(st.integers(1, 5))):
        if not list(spots(tree)):
            break
        mutate(tree, data)
    text = tomli_w.dumps(toml_safe(tree))
    check(read_bytes(text.encode()), text.count("\n") + 1)


@FUZZ
@given(st.data())
def test_rewired_trees_lint_without_raising(data: st.DataObject) -> None:
    """Only edges change (every `next` to any node or outcome): cycles, unreachable parts and
    dead ends of every shape, on a tree that always validates. When the linter finds no
    error, no walk may get stuck or loop: the rules are sound."""
    tree = copy.deepcopy(BASE)
    targets = sorted([*tree["nodes"], *tree["outcomes"]])
    holders = [
        holder
        for node in tree["nodes"].values()
        for holder in [node, *node.get("options", []), *node.get("routes", [])]
        if "next" in holder
    ]
    for _ in range(data.draw(st.integers(1, 4))):
        holder = data.draw(st.sampled_from(holders))
        holder["next"] = data.draw(st.sampled_from(targets))
    text = tomli_w.dumps(tree)
    loaded = read_bytes(text.encode())
    assert loaded.tree is not None, loaded.diagnostics
    check(loaded, text.count("\n") + 1)
    clean = not has_errors(lint(loaded, set(), TODAY))
    event("lints clean" if clean else "has errors")
    if clean:
        every_walk_ends_at_an_outcome(loaded.tree)


def answers_for(question: AnyQuestion) -> list[AnswerValue]:
    """A few answers of every kind, around the thresholds the sample tree's conditions use."""
    ids = [option.id for option in question.options]
    if question.type == "multi":
        return [[], ids[:1], ids[1:2], ids]
    if ids:
        return list(ids)
    if isinstance(question, NumberQuestion):
        numbers = [-1, 0, 1, 5, 6, 7, 24, 25, 1000]
        low, high = question.min, question.max
        return [n for n in numbers if (low is None or n >= low) and (high is None or n <= high)]
    if question.type == "date":
        return [dt.date(2020, 1, 1), dt.date(2026, 12, 31), dt.date(2027, 1, 1)]
    return ["text"]


def every_walk_ends_at_an_outcome(tree: Tree) -> None:
    stack: list[tuple[str, dict[str, AnswerValue]]] = [(tree.tree.start, {})]
    while stack:
        here, answers = stack.pop()
        if here in tree.outcomes and here not in tree.nodes:
            continue
        assert len(answers) <= len(tree.nodes), "a walk came back to a question"
        question = tree.nodes[here]
        for answer in answers_for(question):
            chosen = {**answers, here: answer}
            after = route(question, chosen)
            assert after is not None, (here, chosen)
            stack.append((after, chosen))
