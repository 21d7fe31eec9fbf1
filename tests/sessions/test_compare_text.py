"""`wizard sessions compare` as text: fits the terminal's width, columns aligned, nothing cut."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sessions.saved import saved_session
from wizard.cli.main import main
from wizard.exports.columns import columns
from wizard.exports.compare_table import comparison_text
from wizard.sessions.compare import Comparison, Row
from wizard.sessions.store import SessionStore
from wizard.tree.loader import read
from wizard.tree.schema import Tree, tr
from wizard.tree.shipped import resolve

# Two outcomes of the shipped internship tree whose checklists have long items (one over 120
# characters): in the first version they set the label column's width, lines of ~270 columns.
ON_CAMPUS = [
    "china",
    "x1",
    "shanghai",
    "internship",
    "degree",
    "yes",
    "yes",
    "unpaid",
    "same",
    1,
    "yes",
]
FROM_ABROAD = ["overseas", "other", "beijing", 8, "in-china", ["china-top500"], "unknown", "s2"]


@pytest.fixture
def internship() -> Tree:
    loaded = read(resolve("internship"))
    assert loaded.tree is not None, loaded.diagnostics
    return loaded.tree


CompareAt = Callable[[int], str]


@pytest.fixture
def compare_at(
    tmp_path: Path,
    internship: Tree,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> CompareAt:
    """`wizard sessions compare` of two saved sessions, printed in a terminal `width` wide."""
    store = SessionStore(tmp_path)
    ids = []
    for answers in (ON_CAMPUS, FROM_ABROAD):
        handle = saved_session(store, internship, answers)
        handle.set_people("Ana Silva", None, None)
        ids.append(handle.current.id)
        handle.close()

    def run(width: int) -> str:
        # shutil.get_terminal_size reads COLUMNS first: the width of the counselor's terminal.
        monkeypatch.setenv("COLUMNS", str(width))
        assert main(["sessions", "compare", *ids, "--data-dir", str(tmp_path)]) == 0
        return capsys.readouterr().out

    return run


def test_fits_80_columns_and_keeps_every_word(compare_at: CompareAt, internship: Tree) -> None:
    out = compare_at(80)
    assert max(columns(line) for line in out.splitlines()) <= 80
    words = set(out.split())
    outcomes = [internship.outcomes[oid] for oid in ("x1-remark", "s2-one-year")]
    texts = [tr(o.title, "en") for o in outcomes]
    texts += [tr(item.text, "en") for o in outcomes for item in o.checklist]
    assert len(texts) > 8 and max(len(t) for t in texts) > 120
    for text in texts:
        missing = [w for w in text.split() if w not in words]
        assert not missing, (text, missing)


def test_a_wide_terminal_keeps_each_row_on_one_line(compare_at: CompareAt) -> None:
    out = compare_at(250)
    lines = out.splitlines()
    assert any(columns(line) > 150 for line in lines)
    assert max(columns(line) for line in lines) <= 250
    assert "* What visa or permit do you hold for your studies in China?" in out


LONG = Comparison(
    "20261101-a1 · Ana Silva",
    "20261101-b2 · Ana Silva (what if)",
    {
        "Answers": [
            Row("Which city?", "Shanghai", "Beijing"),
            Row(
                "A very long checklist item that goes on and on about stamps, copies and forms "
                "to bring to the office",
                "[x]",
                "—",
            ),
            Row("Source", "https://example.org/a/very/long/address/without/any/spaces", "—"),
        ]
    },
)


def _cells(line: str, starts: list[int]) -> list[str]:
    ends = [*starts[1:], len(line) + 1]
    return ["".join(line[a:b].split()) for a, b in zip(starts, ends, strict=True)]


@pytest.mark.parametrize("width", [40, 50, 64, 80])
def test_cells_wrap_in_their_column_aligned_and_whole(width: int) -> None:
    """Each row's lines, cut where the header's columns start, give back each cell's text:
    columns line up, a long word (a URL) is split across lines, never cut off."""
    lines = comparison_text(LONG, width).splitlines()
    assert max(len(line) for line in lines) <= width
    header = [line for line in lines[: lines.index("Answers:")]]
    starts = [2, header[0].index("2026"), header[0].rindex("2026")]
    rows: list[list[str]] = []
    for line in lines[len(header) + 1 :]:
        if line.startswith("*"):
            rows.append(["", "", ""])
        rows[-1] = [a + b for a, b in zip(rows[-1], _cells(line, starts), strict=True)]
    for row, expected in zip(rows, LONG.sections["Answers"], strict=True):
        cells = [expected.label, expected.left, expected.right]
        assert row == ["".join(cell.split()) for cell in cells]


def test_wide_characters_count_two_columns() -> None:
    comparison = Comparison(
        "a", "b", {"Checklist": [Row("居留许可" * 12, "[ ]", "[x]"), Row("Photo", "[x]", "[x]")]}
    )
    lines = comparison_text(comparison, 40).splitlines()
    assert max(columns(line) for line in lines) <= 40
    assert "".join(line[2:].split("[")[0].strip() for line in lines[2:-1]) == "居留许可" * 12
    # The marks of both rows start in the same display column.
    marks = [columns(line[: line.index("[")]) for line in lines if "[" in line]
    assert len(set(marks)) == 1


def test_control_characters_are_written_out_before_measuring() -> None:
    comparison = Comparison("a", "b", {"Answers": [Row("Name", "Eve \x1b[31m", "Bo")]})
    out = comparison_text(comparison, 80)
    assert "\x1b" not in out and "Eve \\x1b[31m" in out
