"""The quick listing of sessions for the home screen (`wizard.sessions.index`): the same cards as
the validated listing, damaged files still reported and moved aside, and no pydantic import."""

from __future__ import annotations

import shutil

from screens.catalog import session_card
from tests.fresh import run_fresh
from tests.paths import SESSION_DATA
from tests.sessions.saved import CHINA_X1, saved_session
from wizard.sessions.index import FIELDS, REQUIRED, list_sessions
from wizard.sessions.model import Session
from wizard.sessions.store import SessionDamaged, SessionStore
from wizard.tree.schema import Tree

GOOD_SESSION = SESSION_DATA / "good" / "20261101-a1b2c3.toml"


def test_the_fields_known_are_the_sessions_fields() -> None:
    assert set(Session.model_fields) == FIELDS
    assert {name for name, info in Session.model_fields.items() if info.is_required()} == REQUIRED


def test_cards_are_the_same_as_from_validated_sessions(
    store: SessionStore, sample_tree: Tree
) -> None:
    for answers in (["china"], CHINA_X1, []):
        handle = saved_session(store, sample_tree, answers)
        handle.set_people("Ana [b]Silva[/b]" if answers else None, None, None)
        handle.close()
    copy = store.load(handle.current.id).duplicate(None, "20260101-cccccc")
    store.create(copy).close()
    store.folder.joinpath("20261101-a1b2c3.toml").write_bytes(GOOD_SESSION.read_bytes())
    validated = [session_card(s) for s in store.scan().sessions]
    index = list_sessions(store.folder.parent)
    assert index.problems == []
    assert [session_card(s) for s in index.sessions] == validated
    assert len(validated) == 5


def test_damaged_files_are_reported_and_moved_aside_as_the_store_does(store: SessionStore) -> None:
    store.folder.mkdir(parents=True)
    broken = sorted((SESSION_DATA / "broken").glob("*.toml"))
    for path in broken:
        shutil.copy(path, store.folder)
    (store.folder / "binary.toml").write_bytes(b"\xff\xfe\x00garbage")
    (store.folder / "future.toml").write_text('format = 2\nid = "future"\n', encoding="utf-8")
    index = list_sessions(store.folder.parent)
    problems = "\n".join(index.problems)
    assert "binary.toml: cannot be read (not UTF-8" in problems
    assert "truncated.toml: cannot be read (not valid TOML" in problems
    assert "unknown-key.toml: cannot be read (colour: unknown key" in problems
    assert "newer version of the wizard" in problems
    moved = {p.name.split(".")[0] for p in (store.folder / "damaged").iterdir()}
    # Answers of the wrong type are not looked at by the listing: found when opened.
    assert [s.id for s in index.sessions] == ["wrong-types"]
    expected = {p.stem for p in broken} - {"wrong-types"} | {"binary"}
    assert moved == expected
    assert (store.folder / "future.toml").is_file()  # a newer format is left alone
    newer = [line for line in index.problems if "newer version" in line]
    assert list_sessions(store.folder.parent).problems == newer  # reported again, not moved


def test_a_session_listed_but_invalid_is_damaged_when_opened(store: SessionStore) -> None:
    store.folder.mkdir(parents=True)
    shutil.copy(SESSION_DATA / "broken" / "wrong-types.toml", store.folder)
    assert [s.id for s in list_sessions(store.folder.parent).sessions] == ["wrong-types"]
    try:
        store.load("wrong-types")
    except SessionDamaged as error:
        assert error.damaged.moved_to is not None
    else:
        raise AssertionError("a session with a wrong answer type was loaded")
    assert list_sessions(store.folder.parent).sessions == []


def test_listing_sessions_does_not_import_pydantic(store: SessionStore, sample_tree: Tree) -> None:
    saved_session(store, sample_tree, CHINA_X1).close()
    code = (
        "import sys\nfrom pathlib import Path\nfrom wizard.sessions.index import list_sessions\n"
        f"index = list_sessions(Path({str(store.folder.parent)!r}))\n"
        "assert len(index.sessions) == 1 and not index.problems, index\n"
        "assert 'pydantic' not in sys.modules, 'pydantic imported'\n"
    )
    done = run_fresh(code)
    assert done.returncode == 0, done.stderr
