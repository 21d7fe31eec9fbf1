"""The benchmark code runs end to end at tiny sizes (`python -m bench --quick`), so it cannot rot.
Timings are never asserted here: `make bench` measures, the tests only run the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.__main__ import BENCHES, main
from bench.report import NOTES_MARKER, write_results
from bench.stats import p95


@pytest.mark.slow  # about 7 s: it starts the app in subprocesses and walks it
def test_quick_run_writes_a_row_per_measurement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "RESULTS.md"
    assert main(["--quick", "--output", str(output)]) == 0
    table = capsys.readouterr().out
    text = output.read_text(encoding="utf-8")
    for metric in (
        "Cold start",
        "Peak RSS",
        "Step latency",
        "`wizard check`",
        "`wizard paths`",
        "Export",
        "Shipped trees, step",
        "with 50 sessions / with none",
        "`wizard sessions list`",
        "`wizard run` / `wizard check`",
    ):
        assert metric in table and metric in text
    assert "Load average while each benchmark ran" in text
    assert "## Machine" in text and "Textual" in text and "CPU" in text
    assert "TOML parsers" in text and "tomllib (stdlib)" in text
    assert "FAIL" in text or "pass" in text
    assert set(BENCHES) == {
        "start",
        "history",
        "shipped",
        "commands",
        "steps",
        "scale",
        "paths",
        "parsers",
        "export",
    }


def test_a_new_run_keeps_the_hand_written_notes(tmp_path: Path) -> None:
    path = tmp_path / "RESULTS.md"
    write_results(path, "# first")
    path.write_text(path.read_text() + "\n## Fix: lint 1.6 s -> 0.3 s\n")
    write_results(path, "# second")
    text = path.read_text()
    assert text.startswith("# second") and "first" not in text
    assert text.count(NOTES_MARKER) == 1 and "## Fix: lint 1.6 s -> 0.3 s" in text


def test_p95_is_a_measured_value() -> None:
    assert p95([float(n) for n in range(1, 101)]) == 95.0
    assert p95([3.0]) == 3.0
