"""Run by test_crash.py: walk a tree answer by answer, saving after each, until killed.

Usage: python crash_child.py DATA_DIR TREE_FILE SEED

Prints `READY <session id>` once the session exists, then after every save has returned
`ACK <question id> <answer as JSON>`: from that moment the answer must survive a SIGKILL.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

from wizard.sessions.model import new_session, tree_hash
from wizard.sessions.store import SessionStore
from wizard.tree.loader import read
from wizard.tree.schema import DateQuestion, NumberQuestion, TextQuestion
from wizard.tree.walk import Walk


def main(data: str, tree_file: str, seed: str) -> None:
    tree = read(Path(tree_file)).tree
    assert tree is not None
    rng = random.Random(seed)
    store = SessionStore(Path(data))
    handle = store.create(new_session(tree, tree_hash(tree), tree_file=tree_file))
    print("READY", handle.current.id, flush=True)
    walk = Walk(tree)
    while (question := walk.current) is not None:
        value: object
        if isinstance(question, NumberQuestion):
            value = rng.randint(0, 10**6)
        elif isinstance(question, DateQuestion):
            value = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
        elif isinstance(question, TextQuestion):
            value = "x" + "".join(rng.choice("abc é中\n\"'\\") for _ in range(rng.randint(0, 30)))
        else:
            value = rng.choice(question.options).id
        walk.answer(value)
        handle.record(walk)
        stored = walk.path[-1].answer
        shown = stored.isoformat() if isinstance(stored, dt.date) else stored
        # One write per line: with PYTHONUNBUFFERED set, print() writes each of its arguments
        # separately, and a kill between them would leave half an ACK line.
        sys.stdout.write(f"ACK {question.id} {json.dumps(shown)}\n")
        sys.stdout.flush()
    print("DONE", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
