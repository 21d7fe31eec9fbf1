"""The session: one person's walk through one tree, as saved to disk. Pure: no file access here
(see `wizard.sessions.store` for that).

A session file is TOML (written with tomli-w), one per session, named `ID.toml` in the `sessions`
folder of the data folder. It is meant to be readable and diffable:

    format = 1
    id = "20261125-3fa9c1"
    tree = "internship"
    tree_version = "1.0.0"
    tree_hash = "sha256:9f2c…"
    created = 2026-11-25T20:51:57+00:00
    updated = 2026-11-25T21:03:12+00:00
    revision = 7
    language = "en"
    client_name = "Ana Silva"                  # optional, like the two below
    client_email = "ana@example.org"
    counselor = "Li Wei"
    outcome = "x1-remark"                      # once reached
    outcome_title = "X1 visa with an internship remark"  # its title, for lists

    [remembered]                               # answers taken back or dropped by a revision
    months = 8

    shared_notes = ["enrolment"]               # notes the client reads (others are private)

    [notes]                                    # per question id
    enrolment = "Enrolled at Fudan until 2027."

    [checklist]                                # ticked checklist items, per outcome id
    x1-remark = ["approval-letter"]

    [[answers]]                                # the answers on the path, in order
    question = "enrolment"
    value = "china"                            # option id, list of ids, number, date or text
    at = 2026-11-25T20:52:10+00:00

Stability: other modules (exports, the app) build on `Session`; fields are only ever added, as
optional, and `format` is bumped if a change could not be read by an older version.

The tree hash is the sha256 of the canonical JSON of the validated tree (`tree_hash`): any change of
content changes it, while comments, formatting and key order in the TOML do not.

The JSON form (`Session.to_json_data` / `Session.from_json_data`) is the same data with times as
ISO 8601 strings and date answers tagged as `{"date": "YYYY-MM-DD"}`, so that a date and a text
that looks like one stay distinct; exports embed it to be importable again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Mapping
from typing import Annotated, Any, Literal

import tomli_w
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
    field_validator,
)

from wizard.sessions.digest import Concluded, conclusion
from wizard.sessions.format import FORMAT, aware, matches_filter, outcome_label, progress_text
from wizard.toml import TOMLDecodeError, parse_toml
from wizard.tree.schema import AnswerValue, Id, Tree, tr
from wizard.tree.walk import Walk

NoteChoice = Literal["client", "all", "none"]
"""Which notes an export holds: the client's (shared) ones, all, or none."""
NOTE_CHOICES: tuple[NoteChoice, ...] = ("client", "all", "none")

SessionId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=80)]
"""A session id: also its file name, so letters, digits, `-` and `_` only."""


Timestamp = Annotated[dt.datetime, AfterValidator(aware)]

StoredValue = StrictStr | list[StrictStr] | StrictInt | StrictFloat | dt.date
"""An answer as stored: the same types as `wizard.tree.schema.AnswerValue`, checked strictly so
that a date stays a date and a number a number through a save and a load."""

_VALUE_KINDS = {"str", "list[str]", "int", "float", "date"}


class SessionFileError(ValueError):
    """A session file that cannot be read; `problems` says what is wrong, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


class AnswerRecord(_Record):
    """One answer on the path."""

    question: Id
    """The question's id in the tree."""
    value: StoredValue
    """The stored answer: an option id, a list of option ids, a number, a date or text."""
    at: Timestamp
    """When it was given (kept when a later revision leaves it unchanged)."""


class Session(_Record):
    """A saved walk with everything the counselor added to it. See the module docstring."""

    format: Literal[1] = 1
    """The file format version."""
    id: SessionId
    """Unique, and the file's name."""
    tree: Id
    """The id of the tree walked."""
    tree_version: str
    """The tree's `version` when last saved."""
    tree_hash: Annotated[str, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")]
    """`tree_hash(tree)` when last saved; resuming compares it to detect a changed tree."""
    tree_file: str | None = None
    """Path of the tree file when it is not a shipped tree (shipped trees are found by id)."""
    created: Timestamp
    updated: Timestamp
    """When it was last saved."""
    revision: int = Field(default=0, ge=0)
    """How many times it was saved; a save checks the file still has the revision it loaded,
    so two instances never silently overwrite each other."""
    language: str = "en"
    client_name: str | None = None
    client_email: str | None = None
    counselor: str | None = None
    """The counselor's name, in counselor mode."""
    client_id: SessionId | None = None
    """The client's record (`clients/ID.toml`, `wizard.sessions.clients`); absent in sessions
    saved before clients existed (linked by name and email when clients are listed)."""
    outcome: Id | None = None
    """The outcome id once reached."""
    outcome_title: str | None = None
    """That outcome's title in the session's language, kept with it so that lists of sessions
    show it without reading (and validating) the tree. Absent in files saved before it existed."""
    concluded: Concluded | None = None
    """What the outcome concluded: its id, the verdict for these answers, the risk ids met and
    the checklist ids (`wizard.sessions.digest`), so that `wizard sessions recheck` can say what
    a tree update changes. Absent before an outcome, and in files saved before it existed."""
    copied_from: SessionId | None = None
    """For a "what if" copy: the session it was duplicated from..."""
    copied_at: Id | None = None
    """...and the question it branched off at."""
    remembered: dict[str, StoredValue] = Field(default_factory=dict)
    """Answers taken back, or dropped by revising an earlier one (or by a changed tree), offered
    again as the preselection when their question comes back; never used for routing."""
    notes: dict[str, str] = Field(default_factory=dict)
    """Counselor notes per question id (kept even when the question leaves the path)."""
    shared_notes: list[Id] = Field(default_factory=list)
    """The question ids whose note is for the client: only these go into exports and the email
    (by default). A note not listed is private to the counselor. Absent in files saved before
    notes could be shared, so their notes open private."""
    checklist: dict[str, list[str]] = Field(default_factory=dict)
    """Ticked checklist item ids per outcome id (kept when a revision changes the outcome)."""
    answers: list[AnswerRecord] = Field(default_factory=list)
    """The answers on the path, in the order given."""

    @field_validator("answers")
    @classmethod
    def _each_question_once(cls, answers: list[AnswerRecord]) -> list[AnswerRecord]:
        seen: set[str] = set()
        for record in answers:
            if record.question in seen:
                raise ValueError(f"question {record.question!r} is answered twice")
            seen.add(record.question)
        return answers

    # Reading the session

    @property
    def answer_values(self) -> dict[str, AnswerValue]:
        """The answers as question id -> value, in order (what `Walk.replay` takes)."""
        return {record.question: record.value for record in self.answers}

    @property
    def progress(self) -> str:
        """A short progress text for lists: "finished" or "N answered"."""
        return progress_text(self.outcome, len(self.answers))

    @property
    def outcome_label(self) -> str:
        """The outcome for lists: its title when the file has it, else its id ("" before one)."""
        return outcome_label(self.outcome, self.outcome_title)

    def matches(self, text: str) -> bool:
        """Whether a filter typed by the user matches this session (any word, any field shown)."""
        return matches_filter(self, text)

    def ticked(self, outcome_id: str) -> list[str]:
        return list(self.checklist.get(outcome_id, []))

    # Changing the session (each returns whether anything changed, so callers save only then)

    def record_walk(self, walk: Walk, tree_digest: str, now: dt.datetime | None = None) -> bool:
        """Take the answers, remembered answers and outcome from `walk`. An answer whose value is
        unchanged keeps its time; `tree_digest` is `tree_hash(walk.tree)`, passed in because the
        caller computes it once per tree."""
        now = now or utc_now()
        before = {record.question: record for record in self.answers}
        answers = []
        for step in walk.path:
            old = before.get(step.id)
            if old is not None and _same_value(old.value, step.answer):
                answers.append(old)  # records are never changed in place, so sharing is safe
            else:
                answers.append(AnswerRecord(question=step.id, value=step.answer, at=now))
        changes = {
            "answers": answers,
            "remembered": dict(walk.remembered),
            "outcome": walk.outcome.id if walk.outcome is not None else None,
            "outcome_title": tr(walk.outcome.title, self.language) if walk.outcome else None,
            "tree": walk.tree.id,
            "tree_version": walk.tree.tree.version,
            "tree_hash": tree_digest,
        }
        return self._apply({**changes, "concluded": self._concluded(walk, changes)})

    def _concluded(self, walk: Walk, changes: Mapping[str, Any]) -> Concluded | None:
        """The digest of the walk's outcome: computed again only when what it depends on
        changed (ticks and notes save often, and judging is not free)."""
        if walk.outcome is None:
            return None
        same = all(getattr(self, k) == changes[k] for k in ("answers", "outcome", "tree_hash"))
        if same and self.concluded is not None:
            return self.concluded
        return conclusion(walk)

    def set_note(self, question_id: str, text: str) -> bool:
        """Set (or, with blank text, remove) the note on a question."""
        notes = dict(self.notes)
        if text.strip():
            notes[question_id] = text.rstrip()
        else:
            notes.pop(question_id, None)
        shared = [q for q in self.shared_notes if q in notes]
        return self._apply({"notes": notes, "shared_notes": shared})

    def set_note_shared(self, question_id: str, shared: bool) -> bool:
        """Mark the note on a question for the client (True) or private (False). Only a note
        that exists can be shared."""
        if shared and question_id not in self.notes:
            return False
        if (question_id in self.shared_notes) == shared:
            return False
        ids = [q for q in self.shared_notes if q != question_id]
        if shared:
            ids.append(question_id)
        return self._apply({"shared_notes": ids})

    def note_is_shared(self, question_id: str) -> bool:
        return question_id in self.shared_notes

    @property
    def private_notes(self) -> list[str]:
        """The question ids whose (non-blank) note is private."""
        return [q for q, t in self.notes.items() if t.strip() and q not in self.shared_notes]

    def with_notes(self, which: NoteChoice) -> Session:
        """A copy holding only the notes `which` says go to the client: "client" the shared
        ones (the default of every export), "all" every note, "none" no note. What exports
        and the email are built from, so that no private note leaves in any format."""
        copy = self.model_copy(deep=True)
        if which == "all":
            return copy
        keep = set(self.shared_notes) if which == "client" else set()
        copy._apply(
            {
                "notes": {q: t for q, t in self.notes.items() if q in keep},
                "shared_notes": [q for q in self.shared_notes if q in keep],
            }
        )
        return copy

    def set_tick(self, outcome_id: str, item_id: str, ticked: bool) -> bool:
        """Tick or untick a checklist item of an outcome. Setting what is already so changes
        nothing (not even the order of the ticks, which would count as a change and save)."""
        if (item_id in self.checklist.get(outcome_id, [])) == ticked:
            return False
        items = [i for i in self.checklist.get(outcome_id, []) if i != item_id]
        if ticked:
            items.append(item_id)
        checklist = {k: v for k, v in self.checklist.items() if k != outcome_id}
        if items:
            checklist[outcome_id] = items
        return self._apply({"checklist": checklist})

    def set_people(
        self, client_name: str | None, client_email: str | None, counselor: str | None
    ) -> bool:
        """Set the session form's fields; blank means absent."""
        return self._apply(
            {
                "client_name": _blank_none(client_name),
                "client_email": _blank_none(client_email),
                "counselor": _blank_none(counselor),
            }
        )

    def _apply(self, changes: Mapping[str, Any]) -> bool:
        changed = {k: v for k, v in changes.items() if getattr(self, k) != v}
        for key, value in changed.items():
            setattr(self, key, value)
        return bool(changed)

    # What if

    def duplicate(
        self, at_question: str | None, new_id: str, now: dt.datetime | None = None
    ) -> Session:
        """A copy that stops before `at_question` (None: a copy of everything), to explore
        another branch. The answer given there and after it are kept as remembered answers, so
        the copy offers them again; notes and the people are copied."""
        now = now or utc_now()
        cut = next(
            (i for i, r in enumerate(self.answers) if r.question == at_question), len(self.answers)
        )
        kept, later = self.answers[:cut], self.answers[cut:]
        copy = self.model_copy(deep=True)
        copy._apply(
            {
                "id": new_id,
                "created": now,
                "updated": now,
                "revision": 0,
                "answers": [r.model_copy() for r in kept],
                "remembered": self.remembered | {r.question: r.value for r in later},
                "outcome": self.outcome if not later else None,
                "outcome_title": self.outcome_title if not later else None,
                "concluded": self.concluded if not later else None,
                "copied_from": self.id,
                "copied_at": at_question if later else None,
            }
        )
        return copy

    # Files

    def to_toml(self) -> str:
        """The file text: absent fields and empty tables are left out (TOML has no null), and
        multi-line notes are written as multi-line strings, for people reading diffs."""
        data = self.model_dump(mode="python", exclude_none=True)
        answers = data.pop("answers")
        text = _dump({k: v for k, v in data.items() if v != {} and v != []})
        # Always one `[[answers]]` table per answer (tomli-w would inline short ones), so that the
        # layout never changes with an answer's length and diffs stay one answer per hunk.
        for record in answers:
            text += "\n[[answers]]\n" + _dump(record)
        return text

    @classmethod
    def from_toml(cls, text: str) -> Session:
        """Parse a session file's text; `SessionFileError` saying what is wrong otherwise."""
        try:
            data = parse_toml(text)
        except TOMLDecodeError as error:
            raise SessionFileError([f"not valid TOML: {error}"]) from None
        except (RecursionError, MemoryError):
            raise SessionFileError(["not valid TOML: nested too deeply"]) from None
        return cls.from_data(data)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Session:
        found = data.get("format")
        if isinstance(found, int) and not isinstance(found, bool) and found > FORMAT:
            raise NewerFormatError(found)
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            raise SessionFileError(describe_errors(error)) from None

    def to_json_data(self) -> dict[str, Any]:
        """The session as JSON-ready data (see the module docstring)."""
        data = _to_json(self.model_dump(mode="python", exclude_none=True))
        assert isinstance(data, dict)
        if not data.get("shared_notes"):
            data.pop("shared_notes", None)  # as before notes could be shared
        return data

    @classmethod
    def from_json_data(cls, data: Mapping[str, Any]) -> Session:
        """The inverse of `to_json_data`; `SessionFileError` if the data does not fit."""
        converted = _from_json(dict(data))
        assert isinstance(converted, dict)
        return cls.from_data(converted)


class NewerFormatError(SessionFileError):
    """Written by a newer version of the wizard: not damaged, so left alone."""

    def __init__(self, found: int) -> None:
        super().__init__(
            [
                f"session format {found} was written by a newer version of the wizard "
                f"(this one reads format {FORMAT}); update the wizard to open it"
            ]
        )


def utc_now() -> dt.datetime:
    """Now, to the second (session files are read by people)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def new_session_id(now: dt.datetime | None = None) -> str:
    """A fresh id: the date and six random hex digits, e.g. `20261125-3fa9c1`."""
    return f"{(now or utc_now()):%Y%m%d}-{secrets.token_hex(3)}"


def new_session(
    tree: Tree,
    tree_digest: str,
    *,
    tree_file: str | None = None,
    language: str = "en",
    now: dt.datetime | None = None,
) -> Session:
    """An empty, not yet saved session of `tree`."""
    now = now or utc_now()
    return Session(
        id=new_session_id(now),
        tree=tree.id,
        tree_version=tree.tree.version,
        tree_hash=tree_digest,
        tree_file=tree_file,
        created=now,
        updated=now,
        language=language,
    )


def tree_hash(tree: Tree) -> str:
    """sha256 of the canonical JSON of the validated tree: content counts, layout does not."""
    # Keys left at their defaults are left out, so a key added to the format later does not
    # change the hash of a tree that does not use it.
    data = tree.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def describe_errors(error: ValidationError) -> list[str]:
    """Validation errors as `where: what` lines, one per field (union noise folded into one)."""
    found: dict[str, str] = {}
    for item in error.errors(include_url=False):
        loc = list(item["loc"])
        value_at = _value_position(loc)
        if value_at is not None and len(loc) > value_at + 1 and loc[value_at + 1] in _VALUE_KINDS:
            loc = loc[: value_at + 1]
            message = "not a valid answer (text, a list of option ids, a number or a date)"
        elif item["type"] == "extra_forbidden":
            message = "unknown key"
        elif item["type"] == "missing":
            message = "missing"
        else:
            message = str(item["msg"]).removeprefix("Value error, ")
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
        found.setdefault(where or "session", message)
    return [f"{where}: {message}" for where, message in found.items()]


def _dump(data: dict[str, Any]) -> str:
    """TOML text; multi-line strings where possible. Not when a text holds a carriage return: a
    TOML reader turns CR LF inside a multi-line string into LF, and the text must come back as
    it was."""
    return tomli_w.dumps(data, multiline_strings=not _has_cr(data))


def _has_cr(value: object) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_cr(k) or _has_cr(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_cr(v) for v in value)
    return False


def _value_position(loc: list[int | str]) -> int | None:
    """Where an answer value sits in an error location: `answers[i].value` or `remembered.ID`."""
    if loc[:1] == ["answers"] and len(loc) > 2 and loc[2] == "value":
        return 2
    if loc[:1] == ["remembered"] and len(loc) > 1:
        return 1
    return None


def _same_value(a: object, b: object) -> bool:
    return type(a) is type(b) and a == b


def _blank_none(text: str | None) -> str | None:
    return text.strip() or None if text is not None else None


def _to_json(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    return value


def _from_json(value: object) -> object:
    if isinstance(value, dict):
        if set(value) == {"date"} and isinstance(value["date"], str):
            try:
                return dt.date.fromisoformat(value["date"])
            except ValueError:
                return value
        return {k: _from_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    return value
