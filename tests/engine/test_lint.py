"""The linter behind `wizard check`.

Every file in tests/data/broken/ states the diagnostics it must give in header comments:

    # expect: LINE NODE LEVEL RULE [-- a fragment of the message]

The fixture test asserts that linting the file gives exactly those (line, node, level, rule)
tuples, no more and no fewer, and that each stated fragment is in the message on that line.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

import wizard.tree.loader
import wizard.tree.shipped
from tests.engine.chain import chain_tree
from tests.paths import DATA, SAMPLE
from wizard.cli.main import main
from wizard.diagnostics import TreeError
from wizard.lint import RULES, lint, lint_files, load, shipped_tree_ids
from wizard.lint.graphs import Dominators, predecessors, strongly_connected
from wizard.tree.judge import judge
from wizard.tree.loader import read
from wizard.tree.walk import Walk

BROKEN = DATA / "broken"
TODAY = dt.date(2026, 11, 25)
_EXPECT = re.compile(r"^# expect: (\d+) (\S+) (error|warning) (\S+)(?: -- (.*))?$")


@dataclass(frozen=True)
class Expected:
    line: int
    node: str
    level: str
    rule: str
    fragment: str | None

    @property
    def key(self) -> tuple[int, str, str, str]:
        return self.line, self.node, self.level, self.rule


def expectations(path: Path) -> list[Expected]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    found = []
    for line in text.split("\n"):
        match = _EXPECT.match(line)
        if match:
            number, node, level, rule, fragment = match.groups()
            found.append(Expected(int(number), node, level, rule, fragment))
    return found


FIXTURES = sorted(BROKEN.glob("*.toml"))
MISSING_REQUIRES = "missing-requires"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_gives_exactly_the_expected_diagnostics(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} states no `# expect:` line"
    found = lint_files([path], today=TODAY)
    if not any(e.rule == MISSING_REQUIRES for e in expected):
        # Fixtures made for other rules leave `requires` out for brevity: that warning is
        # checked by its own fixture (missing-requires.toml).
        found = [d for d in found if d.rule != MISSING_REQUIRES]
    assert sorted((d.line, d.node, d.level, d.rule) for d in found) == sorted(
        e.key for e in expected
    ), "\n".join(map(str, found))
    for want in expected:
        if want.fragment:
            messages = [d.message for d in found if (d.line, d.rule) == (want.line, want.rule)]
            assert any(want.fragment in m for m in messages), (want, messages)
    assert all(d.file == str(path) for d in found)


def test_every_rule_has_a_fixture_named_after_it() -> None:
    rules = {e.rule for path in FIXTURES for e in expectations(path)}
    lint_rules = {
        "undefined-ref", "unreachable", "dead-end", "no-default-route", "unused-route", "cycle",
        "duplicate-id", "bad-condition-ref", "wrong-test", "not-dominated", "never-holds",
        "too-few-ways", "missing-source", "review-overdue", "unused-risk", "unused-source",
        "multi-option-route",
    }  # fmt: skip
    assert lint_rules | {"file", "toml", "schema"} <= rules
    names = {path.stem for path in FIXTURES}
    assert lint_rules <= names


def test_sample_lints_clean() -> None:
    assert lint_files([SAMPLE], today=TODAY) == []


def test_rules_each_have_a_docstring() -> None:
    for rule in RULES:
        assert rule.__doc__ and len(rule.__doc__) > 60, rule.__name__


def test_one_run_reports_every_problem_of_every_file() -> None:
    files = [BROKEN / "many-rules.toml", BROKEN / "cycle.toml", BROKEN / "not-toml.toml"]
    found = lint_files(files, today=TODAY)
    for path in files:
        shown = {(d.line, d.rule) for d in found if d.file == str(path)}
        assert shown - {(d.line, MISSING_REQUIRES) for d in found} == {
            (e.line, e.rule) for e in expectations(path)
        }
    assert found == sorted(found), "sorted by file, then line"


# --- the command line ---------------------------------------------------------------------


def test_check_prints_every_error_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    path = BROKEN / "many-rules.toml"
    assert main(["check", str(path)]) == 1
    captured = capsys.readouterr()
    printed = captured.out.splitlines()
    for want in expectations(path):
        prefix = f"{path}:{want.line}: {want.node}: {want.level}: "
        assert any(
            line.startswith(prefix) and line.endswith(f"[{want.rule}]") for line in printed
        ), (want, printed)
    assert "1 file(s) checked: 4 error(s)" in captured.err


def test_check_warnings_exit_0_and_1_with_strict(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(BROKEN / "unused-source.toml")
    assert main(["check", path]) == 0
    assert "warning: source `stale` is never cited [unused-source]" in capsys.readouterr().out
    assert main(["check", "--strict", path]) == 1


def test_check_a_folder_reads_every_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.toml").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.toml").write_text("[tree\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert f"{tmp_path / 'bad.toml'}:1: tree: error: not valid TOML" in captured.out
    assert "good.toml" not in captured.out
    assert "2 file(s) checked: 1 error(s), 0 warning(s)" in captured.err


def test_check_a_missing_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "nope.toml")]) == 1
    assert "cannot read: No such file or directory [file]" in capsys.readouterr().out


# --- several files, tree ids --------------------------------------------------------------


def _retitled(tmp_path: Path, name: str, tree_id: str, extra: str = "") -> Path:
    text = SAMPLE.read_text(encoding="utf-8").replace('id = "sample"', f'id = "{tree_id}"')
    path = tmp_path / name
    path.write_text(text + extra, encoding="utf-8")
    return path


def test_continue_may_name_a_tree_among_the_files(tmp_path: Path) -> None:
    link = '  [outcomes.s2.continue]\n  tree = "second"\n  label = "Go on"\n'
    text = SAMPLE.read_text(encoding="utf-8").replace(
        'risks = ["s2-in-country"]\nsources = ["advisory"]\n',
        'risks = ["s2-in-country"]\nsources = ["advisory"]\n' + link,
    )
    first = tmp_path / "first.toml"
    first.write_text(text, encoding="utf-8")
    alone = lint_files([first], today=TODAY)
    assert [d.rule for d in alone] == ["undefined-ref"]
    assert "continue.tree `second` is not a known tree" in alone[0].message
    second = _retitled(tmp_path, "second.toml", "second")
    assert lint_files([first, second], today=TODAY) == []


def test_two_files_with_one_tree_id(tmp_path: Path) -> None:
    one = _retitled(tmp_path, "a.toml", "same")
    two = _retitled(tmp_path, "b.toml", "same")
    found = lint_files([one, two], today=TODAY)
    assert [(d.file, d.line, d.rule) for d in found] == [(str(two), 3, "duplicate-id")]
    assert lint_files([one, one], today=TODAY) == [], "the same file twice is not a clash"


def test_shipped_tree_ids_are_read_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wizard.tree.shipped, "SHIPPED", tmp_path)
    (tmp_path / "one.toml").write_text(
        '# a comment\n[tree]\ntitle = "x"\nid = "first-id"\n[nodes.id]\n', encoding="utf-8"
    )
    (tmp_path / "two.toml").write_text("not toml at all [[[", encoding="utf-8")
    assert shipped_tree_ids() == {"first-id", "two"}


# --- load() -------------------------------------------------------------------------------


def test_load_raises_on_lint_errors_and_passes_warnings() -> None:
    with pytest.raises(TreeError) as error:
        load(BROKEN / "cycle.toml")
    assert [d.rule for d in error.value.diagnostics] == ["cycle"]
    assert load(BROKEN / "unused-risk.toml").id == "unused-risk"


def test_load_leaves_the_verdict_searches_to_check() -> None:
    # `wizard check` finds the path that breaks the requirement; opening the tree to walk it
    # skips that search, and the person on that path is told the route is not available.
    path = BROKEN / "broken-requirement.toml"
    assert "broken-requirement" in {d.rule for d in lint_files([path])}
    tree = load(path)
    walk, problems = Walk.replay(tree, [("q1", "a"), ("months", 4)])
    assert not problems and walk.outcome is not None and walk.outcome.id == "stay-end"
    assert judge(tree, walk.outcome, walk.answers).verdict == "not-available"


# --- the graph algorithms, against brute force --------------------------------------------


def _random_graph(rng: random.Random) -> list[list[int]]:
    n = rng.randint(1, 9)
    return [[w for w in range(n) if rng.random() < 0.3] for _ in range(n)]


def _reachable(succ: list[list[int]], root: int, skip: int = -1) -> set[int]:
    seen = set() if root == skip else {root}
    stack = list(seen)
    while stack:
        for w in succ[stack.pop()]:
            if w != skip and w not in seen:
                seen.add(w)
                stack.append(w)
    return seen


def test_dominators_match_their_definition() -> None:
    rng = random.Random(5)
    for _ in range(1500):
        succ = _random_graph(rng)
        dominators = Dominators(succ, 0)
        reach = _reachable(succ, 0)
        for a in range(len(succ)):
            for b in range(len(succ)):
                # a dominates b: b is reachable, and not without passing a
                want = a in reach and b in reach and (a == b or b not in _reachable(succ, 0, a))
                assert dominators.dominates(a, b) == want, (succ, a, b)


def test_dominator_intervals_agree_with_dominates_given_the_reversed_graph() -> None:
    """The linter passes the predecessors it has and reads `interval` in its search loop."""
    rng = random.Random(7)
    for _ in range(500):
        succ = _random_graph(rng)
        built, given = Dominators(succ, 0), Dominators(succ, 0, predecessors(succ))
        assert given.idom == built.idom
        for a in range(len(succ)):
            if not given.reachable[a]:
                continue
            low, high = given.interval(a)
            for b in range(len(succ)):
                inside = given.reachable[b] and low <= given.pre[b] and given.post[b] <= high
                assert inside == built.dominates(a, b), (succ, a, b)


def test_strongly_connected_components_match_mutual_reachability() -> None:
    rng = random.Random(6)
    for _ in range(1500):
        succ = _random_graph(rng)
        reach = [_reachable(succ, v) for v in range(len(succ))]
        got = {frozenset(c) for c in strongly_connected(succ)}
        want = {frozenset(w for w in reach[v] if v in reach[w]) for v in range(len(succ))}
        assert got == want


# --- scale --------------------------------------------------------------------------------


def _lint_seconds(nodes: int) -> float:
    loaded = read_text(chain_tree(nodes))
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        assert lint(loaded, set(), TODAY) == []
        best = min(best, time.process_time() - start)
    return best


def read_text(text: str) -> wizard.tree.loader.Loaded:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tree.toml"
        path.write_text(text, encoding="utf-8")
        loaded = read(path)
    assert loaded.tree is not None, loaded.diagnostics
    return loaded


@pytest.mark.slow
def test_lint_time_grows_linearly() -> None:
    """A chain whose every question also leads to one shared outcome: the shape on which the
    simple iterative dominator algorithm is quadratic. 4x the nodes must cost well under 16x."""
    small, large = _lint_seconds(4_000), _lint_seconds(16_000)
    assert large < 8 * small + 0.05, (small, large)


def test_a_deep_chain_lints_without_recursion() -> None:
    loaded = read_text(chain_tree(20_000))
    assert lint(loaded, set(), TODAY) == []
