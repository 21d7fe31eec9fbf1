"""Deterministic, seeded decision trees for the benchmarks.

Three shapes:

- `realistic_tree(nodes)`: what a big real tree would look like, about 400 bytes of TOML per node
  (10,000 nodes is about 4 MB): sources, risks, questions of every type with options, help texts
  and risks, routes whose conditions read earlier questions, and outcomes with steps, checklists,
  alternatives and sources. It lints clean, so `wizard check` measures the work on a good tree.
- `walk_tree(questions)`: a linear-ish tree of choice and yes/no questions where option 1 always
  leads to the next question, for the step-latency walk.
- `ladder_tree(rungs)`: rungs of two-option questions that all lead to the next rung, so the number
  of distinct paths is 2**rungs (64 rungs: about 1.8 * 10**19).

How the realistic tree stays lint-clean: questions come in blocks of `BLOCK`. A block is entered
only through its first question (the head); edges go forward only (to a later question of the same
block, to a later block's head, or to an outcome), so the graph is acyclic and the head dominates
its block. Conditions read only the block's head or the question itself, so they always read an
answered question. Every question is reached by the one before it; every outcome, risk and source
is used at least once.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from bench.toml_text import pairs

BLOCK = 8
"""Questions per block; the head of a block is the only way into it."""

REVIEWED = dt.date(2026, 11, 1)

_WORDS = (  # noqa: SIM905 - a paragraph of words reads better than a list
    "visa residence permit internship employer university bureau application passport "
    "student graduate degree transcript contract salary insurance health certificate "
    "notarised translation embassy consulate invitation letter approval remark category "
    "talent points score tax record criminal background check household registration address "
    "police registration dependant spouse child family reunion Shanghai Beijing Shenzhen "
    "Guangzhou Hainan free-trade zone pilot scheme quota deadline renewal extension overstay "
    "fine exit entry bureau 居留许可 工作许可 Zhōngguó foreign expert bachelor master doctorate "
    "language HSK scholarship campus off-campus remark part-time hours weekly duration "
    "months years sponsor company licence business scope social security fund"
).split()
_UNITS = ("years", "months", "days", "hours per week", "yuan per month")
_WHO = ("you", "university", "employer", "bureau", "embassy", "bank", "family", "other")
_WHEN = ("before you apply", "before you travel", "after arrival", "within 30 days", "each year")
_VERDICTS = ("not-advised", "not-advised", "not-available")
"""Generated outcomes never say "possible" or "recommended": those must state the conditions
their sources set (`requires`), which generated text has none of."""
_SEVERITIES = ("info", "caution", "caution", "high", "critical")
_POOL = 4096
"""Distinct texts of each kind; picking from a pool keeps generating 100,000 nodes fast."""


def _sentences(rng: random.Random, count: int, low: int, high: int, end: str) -> list[str]:
    texts = []
    for _ in range(count):
        words = rng.choices(_WORDS, k=rng.randint(low, high))
        texts.append(" ".join(words).capitalize() + end)
    return texts


@dataclass
class _Texts:
    """Pools of generated sentences, one per kind of text."""

    rng: random.Random
    prompts: list[str] = field(init=False)
    helps: list[str] = field(init=False)
    labels: list[str] = field(init=False)
    details: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.prompts = _sentences(self.rng, _POOL, 3, 7, "?")
        self.helps = _sentences(self.rng, _POOL, 4, 9, ".")
        self.labels = _sentences(self.rng, _POOL, 1, 3, "")
        self.details = _sentences(self.rng, _POOL, 3, 8, ".")

    def prompt(self) -> str:
        return self.rng.choice(self.prompts)

    def help(self) -> str:
        return self.rng.choice(self.helps)

    def label(self) -> str:
        return self.rng.choice(self.labels)

    def detail(self) -> str:
        return self.rng.choice(self.details)


def _meta(tree_id: str, title: str, start: str) -> dict[str, object]:
    return {
        "id": tree_id,
        "title": title,
        "summary": "A generated tree for the benchmarks: realistic in shape, not in content.",
        "version": "1.0.0",
        "last_reviewed": REVIEWED,
        "review_every_days": 3650,
        "start": start,
        "disclaimer": "Generated content for benchmarks. Not advice of any kind.",
    }


class _Realistic:
    """Builds the tables of one realistic tree (see the module docstring for its shape)."""

    def __init__(self, nodes: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.text = _Texts(self.rng)
        self.outcome_ids = [f"o{i}" for i in range(max(2, nodes // 6))]
        self.question_ids = [f"q{i}" for i in range(max(2, nodes - len(self.outcome_ids)))]
        self.source_ids = [f"s{i}" for i in range(max(2, nodes // 25))]
        self.risk_ids = [f"r{i}" for i in range(max(2, nodes // 12))]
        self._unreached = deque(self.outcome_ids)  # outcomes no edge points to yet
        self._next_source = 0
        self._next_risk = 0
        self.head_options: dict[int, list[str]] = {}

    def take_source(self) -> str:
        found = self.source_ids[self._next_source % len(self.source_ids)]
        self._next_source += 1
        return found

    def take_risk(self) -> str:
        found = self.risk_ids[self._next_risk % len(self.risk_ids)]
        self._next_risk += 1
        return found

    def build(self) -> dict[str, object]:
        # Risks and sources are built last: by then every id has been handed out at least once
        # (the counters wrap), whatever order the tables are written in.
        nodes = {qid: self.question(i) for i, qid in enumerate(self.question_ids)}
        self._reach_leftover_outcomes(nodes)
        outcomes = {oid: self.outcome_table(oid) for oid in self.outcome_ids}
        risks = {rid: self.risk() for rid in self.risk_ids}
        sources = {sid: self.source(n) for n, sid in enumerate(self.source_ids)}
        meta = _meta("generated", "A generated tree", self.question_ids[0])
        return {
            "tree": meta,
            "sources": sources,
            "risks": risks,
            "nodes": nodes,
            "outcomes": outcomes,
        }

    # Edges

    def primary(self, i: int) -> str:
        """Where option 1 (or the default route) of question `i` leads: the next question."""
        if i + 1 < len(self.question_ids):
            return self.question_ids[i + 1]
        return self.outcome_target()

    def secondary(self, i: int, avoid: str, leave_block: bool = False) -> str:
        """Another forward target, never `avoid`: a later question of the block (unless
        `leave_block`), a later block's head, or an outcome."""
        _, end = self._block(i)
        inside = [] if leave_block else list(range(i + 2, end))
        local = [j for j in [*inside, end, end + BLOCK] if i + 1 < j < len(self.question_ids)]
        if local and self.rng.random() < 0.6:
            target = self.question_ids[self.rng.choice(local)]
            if target != avoid:
                return target
        return self.outcome_target(avoid)

    def outcome_target(self, avoid: str = "") -> str:
        """An outcome no edge reaches yet, while there are any; then any outcome but `avoid`."""
        if self._unreached and self._unreached[0] != avoid:
            return self._unreached.popleft()
        found = self.rng.choice(self.outcome_ids)
        return found if found != avoid else self.outcome_ids[self.outcome_ids.index(found) - 1]

    def head_test(self, i: int) -> dict[str, object]:
        """A condition on the block's head that can hold and can fail: the head's options that
        lead into the block are all possible here, and the test picks some, not all of them."""
        head, _ = self._block(i)
        inside = self.head_options[head][:-1]
        picked = self.rng.sample(inside, self.rng.randint(1, len(inside) - 1))
        qid = self.question_ids[head]
        return (
            {"answer": qid, "is": picked[0]} if len(picked) == 1 else {"answer": qid, "in": picked}
        )

    def _block(self, i: int) -> tuple[int, int]:
        head = i - i % BLOCK
        return head, min(head + BLOCK, len(self.question_ids))

    def _reach_leftover_outcomes(self, nodes: dict[str, dict[str, object]]) -> None:
        """Small trees may leave outcomes no edge points to: the last question (always a choice
        question) offers them as more options."""
        options = nodes[self.question_ids[-1]]["options"]
        assert isinstance(options, list)
        while self._unreached:
            options.append(self.option(f"more-{len(options) + 1}", self._unreached.popleft()))

    # Tables

    def question(self, i: int) -> dict[str, object]:
        head, _ = self._block(i)
        qid = self.question_ids[i]
        rng = self.rng
        last = i == len(self.question_ids) - 1
        kind = (
            "choice"
            if i == head or last
            else rng.choices(
                ("choice", "yesno", "multi", "number", "date", "text"), (40, 15, 15, 15, 8, 7)
            )[0]
        )
        node: dict[str, object] = {"type": kind, "prompt": self.text.prompt()}
        if rng.random() < 0.4:
            node["help"] = self.text.help()
        node["sources"] = [self.take_source()]
        if rng.random() < 0.1:
            node["risks"] = [self.take_risk()]
        node["_id"] = qid
        getattr(self, f"_fill_{kind}")(node, i)
        del node["_id"]
        return node

    def option(self, oid: str, target: str | None, label: bool = True) -> dict[str, object]:
        option: dict[str, object] = {"id": oid}
        if label:
            option["label"] = self.text.label()
        if self.rng.random() < 0.1:
            option["help"] = self.text.detail()
        if self.rng.random() < 0.2:
            option["risks"] = [self.take_risk()]
        if target is not None:
            option["next"] = target
        return option

    def _option_ids(self, count: int) -> list[str]:
        words = self.rng.sample(_WORDS[:60], count)
        return [f"{w.lower()}-{n}" for n, w in enumerate(words, start=1)]

    def _fill_choice(self, node: dict[str, object], i: int) -> None:
        head, _ = self._block(i)
        first = self.primary(i)
        if i == head:
            # All options but the last lead into the block, whose conditions read which one.
            ids = self._option_ids(self.rng.choice((3, 4)))
            self.head_options[i] = ids
            targets = [first] * (len(ids) - 1) + [self.secondary(i, first, leave_block=True)]
        else:
            ids = self._option_ids(self.rng.choice((2, 3, 3, 4)))
            targets = [first] + [self.secondary(i, first) for _ in ids[1:]]
        options = [self.option(oid, target) for oid, target in zip(ids, targets, strict=True)]
        if i != head and self.rng.random() < 0.4:
            otherwise = targets[-1]
            routed = {"when": self.head_test(i), "next": self.secondary(i, otherwise)}
            options[-1]["routes"] = [routed]
        node["options"] = options

    def _fill_yesno(self, node: dict[str, object], i: int) -> None:
        first = self.primary(i)
        labelled = self.rng.random() < 0.5
        node["options"] = [
            self.option("yes", first, labelled),
            self.option("no", self.secondary(i, first), labelled),
        ]

    def _fill_multi(self, node: dict[str, object], i: int) -> None:
        ids = self._option_ids(self.rng.choice((3, 3, 4)))
        node["options"] = [self.option(oid, None) for oid in ids]
        node["min_choices"] = self.rng.choice((0, 1))
        first = self.primary(i)
        routes: list[dict[str, object]] = [
            {"when": {"answer": node["_id"], "has": ids[0]}, "next": self.secondary(i, first)}
        ]
        if self.rng.random() < 0.5:
            both = [{"answer": node["_id"], "has": ids[1]}, self.head_test(i)]
            routes.append({"when": {"all": both}, "next": self.secondary(i, first)})
        node["routes"] = routes
        node["next"] = first

    def _fill_number(self, node: dict[str, object], i: int) -> None:
        top = self.rng.randint(10, 100)
        node.update(unit=self.rng.choice(_UNITS), min=0, max=top, integer=self.rng.random() < 0.7)
        node["routes"] = [self.routed(node, i)]
        node["next"] = self.primary(i)

    def _fill_date(self, node: dict[str, object], i: int) -> None:
        node.update(min=dt.date(2020, 1, 1), max=dt.date(2035, 12, 31))
        node["routes"] = [self.routed(node, i)]
        node["next"] = self.primary(i)

    def _fill_text(self, node: dict[str, object], i: int) -> None:
        node["max_length"] = self.rng.choice((80, 200, 500))
        if self.rng.random() < 0.5:
            when = {"answer": node["_id"], "in": ["none", "not yet"]}
            node["routes"] = [{"when": when, "next": self.secondary(i, self.primary(i))}]
        node["next"] = self.primary(i)

    def routed(self, node: dict[str, object], i: int) -> dict[str, object]:
        return {"when": self.self_condition(node), "next": self.secondary(i, self.primary(i))}

    def self_condition(self, node: dict[str, object]) -> dict[str, object]:
        """A satisfiable test of the question's own answer (number or date questions)."""
        qid = node["_id"]
        if node["type"] == "number":
            top = node["max"]
            assert isinstance(top, int)
            return {"answer": qid, "gte": self.rng.randint(1, top - 1)}
        if node["type"] == "date":
            return {"answer": qid, "lt": dt.date(2020 + self.rng.randint(1, 14), 6, 30)}
        raise ValueError(f"no self condition for a {node['type']} question")

    def outcome_table(self, oid: str) -> dict[str, object]:
        rng = self.rng
        others = [
            o for o in rng.sample(self.outcome_ids, min(3, len(self.outcome_ids))) if o != oid
        ]
        checklist = [
            {
                "id": f"item-{n}",
                "text": self.text.label(),
                "who": rng.choice(_WHO),
                "when": rng.choice(_WHEN),
                "required": rng.random() < 0.8,
                "sources": [self.take_source()],
            }
            for n in range(1, rng.randint(1, 2) + 1)
        ]
        return {
            "title": self.text.label(),
            "verdict": rng.choice(_VERDICTS),
            "summary": self.text.detail(),
            "steps": [self.text.detail() for _ in range(rng.randint(1, 2))],
            "alternatives": others[: rng.randint(1, 2)],
            "risks": [self.take_risk()],
            "sources": [self.take_source(), self.take_source()],
            "checklist": checklist,
        }

    def risk(self) -> dict[str, object]:
        return {
            "severity": self.rng.choice(_SEVERITIES),
            "title": self.text.label(),
            "detail": self.text.help(),
            "mitigation": self.text.detail(),
            "sources": [self.take_source()],
        }

    def source(self, n: int) -> dict[str, object]:
        source: dict[str, object] = {
            "title": self.text.label(),
            "publisher": self.rng.choice(
                (
                    "Exit-Entry Bureau",
                    "Ministry of Education",
                    "Municipal People's Government",
                    "University office",
                )
            ),
            "url": f"https://www.example.gov.cn/rules/{n:05d}/content.html",
            "accessed": REVIEWED,
        }
        if self.rng.random() < 0.5:
            source["published"] = dt.date(2015 + self.rng.randint(0, 10), 1 + n % 12, 1 + n % 28)
        return source


# Writing


def to_toml(tables: dict[str, object]) -> str:
    """The tree's tables as TOML: `[tree]`, then one table per source, risk, node and outcome,
    with `[[...options]]`, `[[...routes]]` and `[[...checklist]]` blocks and inline conditions."""
    lines: list[str] = []
    meta = tables["tree"]
    assert isinstance(meta, dict)
    lines += ["[tree]", *pairs(meta), ""]
    for section in ("sources", "risks", "nodes", "outcomes"):
        items = tables.get(section, {})
        assert isinstance(items, dict)
        for ident, table in items.items():
            lines += _table(f"{section}.{ident}", table)
    return "\n".join(lines)


def _table(name: str, table: dict[str, object]) -> list[str]:
    blocks = {k: v for k, v in table.items() if _is_table_list(v)}
    plain = {k: v for k, v in table.items() if k not in blocks}
    lines = [f"[{name}]", *pairs(plain)]
    for child, rows in blocks.items():
        assert isinstance(rows, list)
        for row in rows:
            lines += [f"  [[{name}.{child}]]", *pairs(row, "  ")]
    return [*lines, ""]


def _is_table_list(item: object) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(v, dict) for v in item)


# The shapes


def realistic_tables(nodes: int, seed: int = 7) -> dict[str, object]:
    """The tables of a realistic tree of `nodes` questions and outcomes (about 1 in 6 outcomes)."""
    return _Realistic(nodes, seed).build()


def realistic_tree(nodes: int, seed: int = 7) -> str:
    """A realistic tree as TOML: about 400 bytes per node, lint-clean, the same per seed."""
    return to_toml(realistic_tables(nodes, seed))


def walk_tree(questions: int = 200, seed: int = 7) -> str:
    """Choice and yes/no questions in a line: option 1 leads to the next question (so pressing
    `1` walks the whole tree), option 2 skips one, any other leaves early for an outcome."""
    rng = random.Random(seed)
    text = _Texts(rng)
    ids = [f"q{i:03d}" for i in range(questions)] + ["done", "done"]
    nodes: dict[str, object] = {}
    for i, qid in enumerate(ids[:questions]):
        count = 2 if i % 3 == 0 else rng.choice((3, 4))
        kind = "yesno" if count == 2 and i % 2 else "choice"
        names = ["yes", "no"] if kind == "yesno" else [f"opt-{n}" for n in range(1, count + 1)]
        targets = [ids[i + 1], ids[i + 2]] + ["left-early"] * (count - 2)
        if targets[0] == targets[1]:
            targets[1] = "left-early"
        options = []
        for name, target in zip(names, targets, strict=True):
            option: dict[str, object] = {"id": name, "label": text.label(), "next": target}
            if rng.random() < 0.2:
                option["risks"] = ["walk-risk"]
            options.append(option)
        nodes[qid] = {
            "type": kind,
            "prompt": text.prompt(),
            "help": text.help(),
            "sources": ["walk"],
            "options": options,
        }
    outcomes = {
        name: {
            "title": text.label(),
            "verdict": verdict,
            "summary": text.help(),
            "steps": [text.detail()],
            "sources": ["walk"],
            "checklist": [
                {
                    "id": "passport",
                    "text": "Passport",
                    "who": "you",
                    "when": "before you apply",
                    "sources": ["walk"],
                }
            ],
        }
        for name, verdict in (("done", "not-advised"), ("left-early", "not-available"))
    }
    risk = {
        "severity": "caution",
        "title": "A generated risk",
        "detail": text.help(),
        "mitigation": text.detail(),
        "sources": ["walk"],
    }
    tables = {
        "tree": _meta("walk", "A generated walk", ids[0]),
        "sources": _source("walk"),
        "risks": {"walk-risk": risk},
        "nodes": nodes,
        "outcomes": outcomes,
    }
    return to_toml(tables)


def ladder_tree(rungs: int = 64) -> str:
    """A lattice with 2**rungs distinct paths: the first rung, then two questions (side a and
    side b) on each later rung; either option of any question leads to side a or side b of the
    next rung, and the last rung to one of two outcomes."""
    sides = ("a", "b")
    nodes: dict[str, object] = {}
    for level in range(rungs):
        after = [
            f"rung-{level + 1}-{side}" if level + 1 < rungs else f"end-{side}" for side in sides
        ]
        for side in sides[: 1 if level == 0 else 2]:
            options = [
                {"id": to, "label": f"Go to side {to}", "next": target}
                for to, target in zip(sides, after, strict=True)
            ]
            nodes[f"rung-{level}-{side}"] = {
                "type": "choice",
                "prompt": f"Rung {level + 1}, side {side}: which side next?",
                "sources": ["ladder"],
                "options": options,
            }
    outcomes = {
        f"end-{side}": {
            "title": f"Ended on side {side}",
            "verdict": "not-advised",
            "summary": "The end of the ladder.",
            "sources": ["ladder"],
        }
        for side in sides
    }
    tables = {
        "tree": _meta("ladder", "A generated ladder", "rung-0-a"),
        "sources": _source("ladder"),
        "nodes": nodes,
        "outcomes": outcomes,
    }
    return to_toml(tables)


def _source(name: str) -> dict[str, object]:
    return {
        name: {
            "title": "Generated source",
            "publisher": "Benchmarks",
            "url": f"https://www.example.gov.cn/rules/{name}.html",
            "accessed": REVIEWED,
        }
    }


def write(text: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
