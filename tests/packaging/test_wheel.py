"""The wheel carries the trees: installed in a fresh environment outside the checkout, the
command line checks and walks a shipped tree."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_wheel_installs_and_runs_a_shipped_tree(tmp_path: Path) -> None:
    built = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        tmp_path / "dist",
        ROOT,
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("*.whl"))
    env = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", env, cwd=tmp_path).returncode == 0
    installed = run(env / "bin" / "python", "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    wizard = env / "bin" / "wizard"

    checked = run(wizard, "check", "--strict", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 error(s), 0 warning(s)" in checked.stderr

    paths = run(wizard, "paths", "start", "--format", "json", cwd=tmp_path)
    assert paths.returncode == 0, paths.stderr
    first = json.loads(paths.stdout)["outcomes"][0]
    answers = tmp_path / "answers.toml"
    answers.write_text("".join(f"{k} = {json.dumps(v)}\n" for k, v in first["shortest"].items()))
    walked = run(wizard, "run", "start", "--answers", answers, "--format", "json", cwd=tmp_path)
    assert walked.returncode == 0, walked.stderr
    assert json.loads(walked.stdout)["outcome"]["id"] == first["outcome"]
    assert run(wizard, "--version", cwd=tmp_path).stdout.startswith("wizard ")
