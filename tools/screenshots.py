"""Write the README's screenshots from the app itself: `python -m tools.screenshots [FOLDER]`.

Drives the app with the keyboard, as the Pilot tests do, and saves an SVG of each screen into
docs/screenshots/ (or FOLDER): the student's screens on the shipped internship tree, then the
counselor's (saved sessions, counselor mode with a note) and the client's (the email and export
dialogs) on a few saved sessions written first into a throwaway data folder.

Everything that could change between runs is fixed: the sessions' ids and dates, the time zone
the home screen shows them in, the mail settings (a throwaway config folder) and the folder the
export dialog proposes (one fixed folder in the system's temporary folder, removed afterwards).
Reruns give the same files while the app and trees are unchanged.

With Chromium installed (`chromium` on PATH), it also writes `summary-html.png`: the HTML export
of the finished session as the client's browser shows it. Without it, that one is skipped.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: runs do not take turns
    fcntl = None  # type: ignore[assignment]

from textual.pilot import Pilot

from screens.app import WizardApp, make_app
from wizard.lint import load
from wizard.sessions.clients import Client
from wizard.sessions.model import Session, new_session, tree_hash
from wizard.tree.walk import Walk

SIZE = (100, 32)
ROOT = Path(__file__).resolve().parent.parent
WALK = ["1", "1", "1", "1", "1", "1", "1", "1", "1"]
"""Student in China, X1 permit, Shanghai, an internship, a degree programme, related, studies
fine, unpaid, in the university's city: the next question asks the months."""

FINISHED = "20261118-4b7e21"
"""Ana Silva's finished internship session: the counselor's and the client's screens use it."""
IN_PROGRESS = "20261120-c03f9a"
"""Tomás Ruiz's session, stopped at the question that has a note on it."""


@dataclass
class Shot:
    name: str
    keys: list[str] = field(default_factory=list)
    tree: str | None = None
    session: str | None = None
    counselor: bool = False
    seeded: bool = False
    """With the saved sessions below; the student's shots start from an empty data folder."""
    size: tuple[int, int] = SIZE


SHOTS: list[Shot] = [
    # The student alone: the shipped internship tree from its first question.
    Shot("home"),
    Shot("question", ["1"], tree="internship"),
    Shot("risk", ["1", "down", "down"], tree="internship"),
    Shot("number-error", [*WALK, "3", "0", "enter"], tree="internship"),
    Shot("answers", [*WALK, "f2"], tree="internship"),
    Shot("outcome", [*WALK, "3", "enter", "1"], tree="internship"),
    # The counselor: the saved sessions (slash, Enter: from the filter into the list), and
    # counselor mode on a resumed session, at the question the note is about.
    Shot("sessions", ["slash", "enter"], seeded=True),
    # Taller, so that the counselor's private note under the question's sources is in view.
    Shot("counselor", session=IN_PROGRESS, counselor=True, seeded=True, size=(100, 40)),
    # The client's side: export the finished session as a file, or email it (the To address
    # comes from the session; the subject is a preview to edit).
    Shot("export", ["e", "1"], session=FINISHED, seeded=True),
    Shot("email", ["e", "2"], session=FINISHED, seeded=True),
]


@dataclass
class Seed:
    """A saved session to list and resume: the answers are walked on the real tree."""

    id: str
    tree: str
    answers: list[object]
    updated: dt.datetime
    client: tuple[str, str]
    notes: dict[str, str] = field(default_factory=dict)
    shared: list[str] = field(default_factory=list)
    """The notes marked for the client (the others are the counselor's own)."""
    ticks: list[str] = field(default_factory=list)
    copied_from: str | None = None


def _at(day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=dt.UTC)


SEEDS = [
    Seed(
        FINISHED,
        "internship",
        [
            "china",
            "x1",
            "shanghai",
            "internship",
            "degree",
            "yes",
            "yes",
            "unpaid",
            "same",
            6,
            "yes",
        ],
        _at(18, 10, 15),
        ("Ana Silva", "ana.silva@example.org"),
        notes={
            "enrolment": "MA Economics at Fudan until July 2027.",
            "pay": "Company offered a 3,000 CNY monthly allowance: check with the university.",
        },
        shared=["enrolment"],
        # One tick only: resuming a session with two or more ticked saves it again (a new
        # date in the dialogs), though nothing changed.
        ticks=["approval-letter"],
    ),
    Seed(
        "20261119-7a20d5",
        "internship",
        ["china", "x1", "beijing", "paid-work"],
        _at(19, 9, 30),
        ("Ana Silva", "ana.silva@example.org"),
        notes={"enrolment": "MA Economics at Fudan until July 2027."},
        copied_from=FINISHED,
    ),
    Seed(
        IN_PROGRESS,
        "internship",
        ["overseas", "other", "shanghai", 5, "in-china"],
        _at(20, 16, 40),
        ("Tomás Ruiz", "tomas.ruiz@example.org"),
        notes={
            "company": "Offer from a German group's Shanghai branch: ask HR which entity signs."
        },
    ),
    Seed(
        "20261121-e5d318",
        "work-after-study",
        ["yes", "first", "no", "master", "shanghai", "yes", 0, "shanghai-zones", "yes", "all"],
        _at(21, 11, 5),
        ("Kwame Mensah", "kwame.mensah@example.org"),
    ),
]

CLIENTS = [
    Client(
        id="c-20261101-a51c0e",
        name="Ana Silva",
        email="ana.silva@example.org",
        language="en",
        notes="Prefers email; visa renewal due in March.",
        created=_at(1, 9, 0),
    ),
    Client(
        id="c-20261102-70ba2f",
        name="Tomás Ruiz",
        email="tomas.ruiz@example.org",
        created=_at(2, 14, 0),
    ),
    Client(
        id="c-20261103-5e11d9",
        name="Kwame Mensah",
        email="kwame.mensah@example.org",
        created=_at(3, 11, 30),
    ),
]
"""The counselor's clients: the sessions below are theirs (by name and email)."""

MAIL_SETTINGS = """\
host = "smtp.example.org"
port = 587
security = "starttls"
user = "li.wei@example.org"
from = "Li Wei <li.wei@example.org>"
"""


def seed_session(seed: Seed) -> Session:
    """The session a counselor would have saved: walked, noted, ticked, at a fixed time."""
    tree = load(seed.tree)
    walk = Walk(tree)
    for answer in seed.answers:
        walk.answer(answer)
    digest = tree_hash(tree)
    session = new_session(tree, digest, now=seed.updated)
    session.record_walk(walk, digest, now=seed.updated)
    session.set_people(*seed.client, "Li Wei")
    for question, note in seed.notes.items():
        session.set_note(question, note)
        session.set_note_shared(question, question in seed.shared)
    client = next(c for c in CLIENTS if (c.name, c.email) == seed.client)
    session.client_id = client.id
    for item in seed.ticks:
        assert walk.outcome is not None, f"{seed.id}: ticks need a finished walk"
        session.set_tick(walk.outcome.id, item, True)
    extra = {"copied_from": seed.copied_from, "copied_at": "city"} if seed.copied_from else {}
    return session.model_copy(update={"id": seed.id, "revision": 1, **extra})


def prepare(data: Path, config: Path) -> None:
    """The saved sessions in `data`, the mail settings in `config` (an $XDG_CONFIG_HOME)."""
    sessions = data / "sessions"
    sessions.mkdir(parents=True)
    clients = data / "clients"
    clients.mkdir()
    for client in CLIENTS:
        (clients / f"{client.id}.toml").write_text(client.to_toml(), encoding="utf-8")
    for seed in SEEDS:
        session = seed_session(seed)
        (sessions / f"{session.id}.toml").write_text(session.to_toml(), encoding="utf-8")
    settings = config / "china-pathways-wizard"
    settings.mkdir(parents=True)
    (settings / "mail.toml").write_text(MAIL_SETTINGS, encoding="utf-8")


async def _shoot(folder: Path, shot: Shot, data: Path) -> Path:
    app: WizardApp = make_app(
        shot.tree,
        session=shot.session,
        counselor=shot.counselor,
        data_dir=data if shot.seeded else data.with_name("empty"),
        animate=False,
    )
    async with app.run_test(size=shot.size) as pilot:
        await _settle(pilot)
        await pilot.press(*shot.keys)
        await _settle(pilot)
        path = folder / f"{shot.name}.svg"
        app.save_screenshot(filename=path.name, path=str(folder))
    return path


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def html_shot(folder: Path, data: Path) -> Path | None:
    """The finished session's HTML export, as Chromium shows it, or None without Chromium."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium not found: summary-html.png not written", file=sys.stderr)
        return None
    page = data / "summary.html"
    wizard = [sys.executable, "-m", "wizard", "--data-dir", str(data)]
    export = [*wizard, "export", FINISHED, "--format", "html", "-o", str(page)]
    done = subprocess.run(export, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the HTML export failed: {done.stderr.strip()}")
    target = folder / "summary-html.png"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=900,1400",
            f"--screenshot={target}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
    )
    return target


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = (Path(args[0]) if args else ROOT / "docs" / "screenshots").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["TZ"] = "UTC"  # the home screen shows times in local time
    time.tzset()
    # A fixed folder, not a random one: the export dialog shows its path. Runs at the same
    # time (two test workers, or a hand run during the tests) take turns in it.
    work = Path(tempfile.gettempdir(), "china-pathways-screenshots")
    with _taking_turns(work.with_suffix(".lock")):
        _shoot_all(folder, work)
    return 0


@contextlib.contextmanager
def _taking_turns(lock: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file `lock` (waiting for it) where the system has them."""
    with open(lock, "w") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _shoot_all(folder: Path, work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    data, config = work / "data", work / "config"
    try:
        prepare(data, config)
        os.environ["XDG_CONFIG_HOME"] = str(config)
        os.environ.pop("WIZARD_SMTP_PASSWORD", None)  # so the dialog shows its password field
        os.chdir(work)  # where the export dialog proposes to save
        for shot in SHOTS:
            print(asyncio.run(_shoot(folder, shot, data)))
        print(html_shot(folder, data) or "")
    finally:
        os.chdir(ROOT)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
