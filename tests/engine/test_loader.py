"""Reading tree files: every failure is a diagnostic with a line, never a traceback; the line
index agrees with TOML on where tables and keys are."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.engine.chain import chain_tree
from tests.paths import SAMPLE
from wizard.lint import lint
from wizard.tree.lines import LineIndex
from wizard.tree.loader import read


def write(tmp_path: Path, data: str | bytes, name: str = "tree.toml") -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")
    return path


def only(path: Path) -> tuple[int, str, str]:
    loaded = read(path)
    assert loaded.tree is None
    assert len(loaded.diagnostics) == 1, loaded.diagnostics
    found = loaded.diagnostics[0]
    return found.line, found.rule, found.message


def test_a_zero_byte_file(tmp_path: Path) -> None:
    assert only(write(tmp_path, b"")) == (
        1,
        "file",
        "empty file: a tree needs at least a [tree] table",
    )


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    assert only(tmp_path / "absent.toml")[1:] == ("file", "cannot read: No such file or directory")
    assert only(tmp_path)[2] == "is a folder, not a TOML file"


def test_bad_utf8_is_located(tmp_path: Path) -> None:
    line, rule, message = only(write(tmp_path, b'[tree]\nid = "x"\ntitle = "\xff"\n'))
    assert (line, rule) == (3, "file")
    assert message == "not UTF-8 text (byte 0xff at offset 25)"


def test_deep_nesting_is_a_clean_error(tmp_path: Path) -> None:
    nested = "a = " + "[" * 10_000 + "]" * 10_000 + "\n"
    line, rule, message = only(write(tmp_path, '[tree]\nid = "x"\n' + nested))
    assert (line, rule) == (3, "toml")
    assert message == "not valid TOML: arrays or inline tables nested too deeply"


def test_a_deeply_nested_condition_is_a_clean_error_or_a_tree(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    deep = "{ not = " * 150 + '{ answer = "months", lte = 6 }' + " }" * 150
    path = write(tmp_path, text.replace('{ answer = "months", lte = 6 }', deep))
    loaded = read(path)
    assert loaded.tree is not None or loaded.diagnostics
    if loaded.tree is not None:
        lint(loaded, set())  # conditions are walked without recursion


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + SAMPLE.read_bytes())
    assert read(path).tree is not None


def test_crlf_lines_are_numbered_like_lf(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace('next = "too-long"', 'next = "gone"')
    lf = read(write(tmp_path, text, "lf.toml"))
    crlf = read(write(tmp_path, text.replace("\n", "\r\n"), "crlf.toml"))
    lines = [[d.line for d in lint(loaded, set())] for loaded in (lf, crlf)]
    assert lines[0] == lines[1] and lines[0], lines


def test_schema_errors_are_all_reported_with_their_lines(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("max = 24", 'max = "many"').replace('who = "university"', 'who = "dean"')
    loaded = read(write(tmp_path, text))
    assert loaded.tree is None
    found = {(d.line, d.node, d.message.split(":")[0]) for d in loaded.diagnostics}
    assert found == {(73, "months", "max"), (121, "x1-remark", "checklist.who")}


@pytest.mark.slow
def test_a_five_megabyte_tree_loads_and_lints_clean(tmp_path: Path) -> None:
    text = chain_tree(12_000, help_words=50)
    assert len(text.encode()) > 5_000_000
    start = time.process_time()
    loaded = read(write(tmp_path, text))
    assert loaded.tree is not None, loaded.diagnostics[:3]
    assert len(loaded.tree.nodes) == 12_000
    assert lint(loaded, set()) == []
    assert time.process_time() - start < 10


# --- the line index -----------------------------------------------------------------------

TEXT = """\
# a comment
[tree]
id = "x"
steps = [
  "[not.a.table]",
  [1, 2]
]

[[nodes.q.options]]
id = "a"
  [[nodes.q.options.routes]]
  next = "p"
[[nodes.q.options]]
id = "b"
  [[nodes.q.options.routes]]
  next = "q"
  "quoted.key" = 1
  dotted.key = 2
doc = '''
[fake]
id = "no"
'''
text = "line\u2028separator"
after = 1
"""


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("tree",), 2),
        (("tree", "id"), 3),
        (("tree", "steps"), 4),
        (("nodes", "q", "options"), 9),
        (("nodes", "q", "options", 0, "id"), 10),
        (("nodes", "q", "options", 1), 13),
        (("nodes", "q", "options", 0, "routes", 0, "next"), 12),
        (("nodes", "q", "options", 1, "routes", 0, "next"), 16),
        (("nodes", "q", "options", 1, "routes"), 15),
        (("nodes", "q", "options", 1, "routes", 0, "quoted.key"), 17),
        (("nodes", "q", "options", 1, "routes", 0, "dotted", "key"), 18),
        (("nodes", "q", "options", 1, "routes", 0, "doc"), 19),
        (("nodes", "q", "options", 1, "routes", 0, "text"), 23),
        (("nodes", "q", "options", 1, "routes", 0, "after"), 24),
        (("fake",), 1),
        (("not",), 1),
        (("nodes", "q", "options", 7), 9),
    ],
)
def test_line_index(path: tuple[str | int, ...], line: int) -> None:
    assert LineIndex(TEXT).line_of(path) == line
