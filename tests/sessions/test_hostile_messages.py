"""Clear one-line messages (tests/data/hostile/messages/, one file per case: what is set up, the
command, its exit status and the line expected): `check` on a folder holding no tree, a data or
sessions folder that is a file, a tree file that is a named pipe, an import while another window
is creating the same session. (A line break in a counselor name is blamed on the counselor name:
tests/data/hostile/headers/counselor-crlf.toml.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.sessions.index import list_sessions
from wizard.sessions.store import SessionStore

DATA = Path(__file__).parents[1] / "data"
GOOD = DATA / "sessions" / "good" / "20261101-a1b2c3.toml"
EXPORT = DATA / "sessions" / "good" / "export.json"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CASES = sorted((DATA / "hostile" / "messages").glob("*.toml"))


def _session(folder: Path, tree_file: Path) -> None:
    folder.mkdir(parents=True)
    text = GOOD.read_text(encoding="utf-8")
    text = text.replace(
        "\ntree_hash = ", f"\ntree_file = {json.dumps(str(tree_file))}\ntree_hash = ", 1
    )
    (folder / GOOD.name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_a_clear_message(tmp_path: Path, case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = case.read_text(encoding="utf-8")
    expect = text.splitlines()[0].removeprefix("# expect:").strip()
    spec = tomllib.loads(text)
    data, folder = tmp_path / "data", tmp_path / "trees.toml"
    if spec["setup"] == "folder-named-toml":
        folder.mkdir()
    elif spec["setup"] == "data-folder-file":
        data.write_text("not a folder\n")
    elif spec["setup"] == "sessions-folder-file":
        data.mkdir()
        (data / "sessions").write_text("not a folder\n")
    elif spec["setup"] == "tree-file-pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(tmp_path / "tree.toml")
        _session(data / "sessions", tmp_path / "tree.toml")
    elif spec["setup"] == "import-while-creating":  # another window holds the id's lock
        SessionStore(data).folder.mkdir(parents=True)
        SessionStore(data).lock_for("20261101-a1b2c3").acquire()
    elif spec["setup"] == "deleted-escape":
        _session(data / "sessions" / "deleted", GOOD)
        deleted = data / "sessions" / "deleted" / GOOD.name
        name = 'client_name = "Ana \\u001b[2J\\u202e"'
        deleted.write_text(deleted.read_text().replace('client_name = "Ana Silva"', name))
    places = {"folder": folder, "data": data, "export": EXPORT}
    command = [part.format(**places) for part in spec["command"]]
    code = main(command)
    out, err = capsys.readouterr()
    assert code == spec["exit"], err
    assert expect in out + err
    assert "Traceback" not in err
    assert not RAW.search(out + err)
    if spec["setup"].endswith("-file"):  # the app's listing says it too
        assert any(expect in problem for problem in list_sessions(data).problems)
    if spec["setup"] == "import-while-creating":
        assert "open in another window" not in err
        assert "(its id 20261101-a1b2c3 was taken)" in out


def test_two_imports_at_once_keep_one_session(tmp_path: Path) -> None:
    """The real race: two processes import one file at the same moment, several times. Both
    succeed; the same export makes one session, and the other import says it is already there."""
    data = tmp_path / "data"
    command = [sys.executable, "-m", "wizard", "sessions", "import", str(EXPORT)]
    command += ["--data-dir", str(data)]
    said: list[str] = []
    for _ in range(5):
        both = [
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        results = [(p.wait(60), *p.communicate()) for p in both]
        assert [code for code, _, _ in results] == [0, 0], results
        said += [out for _, out, _ in results]
    assert len(list((data / "sessions").glob("*.toml"))) == 1
    assert said.count("Imported session 20261101-a1b2c3.\n") == 1, said
    assert sum("is already there" in line for line in said) == 9, said
    shutil.rmtree(data)
