"""A counselor's history: many saved sessions, written as the app writes them (the format of
tests/data/sessions/good), for the listing and cold-start benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from wizard.sessions.format import SESSIONS

TREE_HASH = "sha256:" + "0" * 64
NAMES = [
    "Ana Silva",
    "Li Wei",
    "Chen Jing",
    "Omar Haddad",
    "Maria Rossi",
    "Kofi Mensah",
    "Yuki Sato",
]


def session_text(n: int, rng: random.Random) -> tuple[str, str]:
    """(id, file text) of the `n`-th session: 3-14 answers, half of them finished."""
    created = dt.datetime(2025, 1, 1, 9, tzinfo=dt.UTC) + dt.timedelta(minutes=37 * n)
    session_id = f"{created:%Y%m%d}-{n:06x}"
    answers = rng.randint(3, 14)
    finished = rng.random() < 0.5
    lines = [
        "format = 1",
        f'id = "{session_id}"',
        'tree = "internship"',
        'tree_version = "1.0.0"',
        f'tree_hash = "{TREE_HASH}"',
        f"created = {created.isoformat()}",
        f"updated = {(created + dt.timedelta(minutes=answers)).isoformat()}",
        f"revision = {answers}",
        'language = "en"',
        f'client_name = "{rng.choice(NAMES)} {n}"',
        f'client_email = "client{n}@example.org"',
        'counselor = "Li Wei"',
    ]
    if finished:
        lines += ['outcome = "x1-remark"', 'outcome_title = "X1 visa with a remark"']
    lines += ["", "[notes]", 'field = "Studies economics; the internship is in a bank."']
    for a in range(answers):
        at = created + dt.timedelta(minutes=a + 1)
        value = '"yes"' if a % 3 else f"{rng.randint(1, 12)}"
        lines += [
            "",
            "[[answers]]",
            f'question = "q{a}"',
            f"value = {value}",
            f"at = {at.isoformat()}",
        ]
    return session_id, "\n".join(lines) + "\n"


def write_sessions(data: Path, count: int, seed: int = 7) -> Path:
    """`count` session files in `data`'s sessions folder (made once); returns `data`."""
    folder = data / SESSIONS
    folder.mkdir(parents=True, exist_ok=True)
    if len(list(folder.glob("*.toml"))) == count:
        return data
    rng = random.Random(seed)
    for n in range(count):
        session_id, text = session_text(n, rng)
        (folder / f"{session_id}.toml").write_text(text, encoding="utf-8")
    return data
