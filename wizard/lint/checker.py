"""The facts the lint rules share about one tree, each computed at most once.

A `Checker` holds the tree, its line index (for a diagnostic's line) and, computed lazily, what
several rules read: one survey pass over every question (edge targets, routes with a `when`,
citations, odd options), the routing graph as integers, its dominators from `tree.start`, its
strongly connected components, which vertices can still reach an outcome, and each condition's
analysis. Kept apart from the rules so a rule reads as the check it makes, and so the costly
facts are written, and tuned, once: every rule on a 100,000-node tree shares them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path

from wizard.diagnostics import Diagnostic, Level
from wizard.lint.conditions import Analysis, Context, analyse, leaves, plain
from wizard.lint.graphs import Dominators, predecessors, reaches, strongly_connected
from wizard.tree.lines import LineIndex
from wizard.tree.loader import Loaded, read
from wizard.tree.reach import route_reads, targets_of
from wizard.tree.routing import edges
from wizard.tree.schema import AnyQuestion, Condition, Option, Route, Tree
from wizard.tree.shipped import resolve, shipped_tree_ids

LinePath = tuple[str | int, ...]
"""The keys to a table or value in the file, e.g. ("nodes", "months", "routes", 0)."""

_SUGGESTIONS = 50
"""Look for a "did you mean" for at most this many unknown ids (each look scans all ids)."""


@dataclass(slots=True)
class RouteSite:
    """A route that has a `when`, and where it sits: in an option's routes or the question's."""

    qid: str
    question: AnyQuestion
    option: Option | None
    option_index: int
    """The option's position among the question's options (0 when `option` is None)."""
    index: int
    """The route's position in its list of routes."""
    route: Route
    when: Condition
    leaves: list[Condition]
    """The comparisons in `when`, in order (several rules read them)."""

    @property
    def path(self) -> LinePath:
        """The route's table, e.g. ("nodes", "months", "routes", 0) (built only for a message)."""
        if self.option is None:
            return ("nodes", self.qid, "routes", self.index)
        return ("nodes", self.qid, "options", self.option_index, "routes", self.index)


@dataclass
class RoutingGraph:
    """Nodes and outcomes as integers 0..n-1 (questions first, in file order) and their edges
    to defined targets. An id used for both a node and an outcome is the node, as in routing."""

    names: list[str]
    index: dict[str, int]
    succ: list[list[int]]
    outcomes: list[int]
    dangling: set[str]
    """The questions with an edge to an id that is neither a node nor an outcome."""

    @cached_property
    def pred(self) -> list[list[int]]:
        return predecessors(self.succ)

    @cached_property
    def components(self) -> list[list[int]]:
        return strongly_connected(self.succ)

    def closed(self, marked: bytearray, adjacency: list[list[int]]) -> Iterator[list[int]]:
        """The strongly connected components without a mark whose edges in `adjacency` (succ
        or pred) all stay inside them: where an unmarked region ends (or begins)."""
        for component in self.components:
            if marked[component[0]]:
                continue
            members = set(component)
            if all(w in members for v in component for w in adjacency[v]):
                yield component

    @cached_property
    def live(self) -> bytearray:
        """1 on every vertex from which an outcome can be reached."""
        return reaches(self.pred, self.outcomes)


class Checker:
    """One tree being linted, with the facts several rules share, each computed at most once."""

    def __init__(
        self,
        loaded: Loaded,
        known_trees: set[str],
        today: dt.date,
        tree_files: Mapping[str, Path] | None = None,
    ) -> None:
        assert loaded.tree is not None
        self.tree: Tree = loaded.tree
        self.lines = loaded.lines or LineIndex(loaded.text)
        self.file = str(loaded.path)
        self.known_trees = known_trees
        self.tree_files: Mapping[str, Path] = tree_files or {}
        """Files of the trees checked together (by id), which a `continue` may name."""
        self.today = today
        self._suggestions_left = _SUGGESTIONS
        self._reaching: dict[tuple[str, str], frozenset[str] | None] = {}
        self._possible: dict[tuple[str, str, str | None], frozenset[str] | None] = {}
        self._edges_by_option: dict[str, list[tuple[int, frozenset[str]]]] = {}
        self._option_ids: dict[str, frozenset[str]] = {}
        self._budget = 0  # set with the graph: work allowed for `possible_options`

    def other_tree(self, tree_id: str) -> Tree | None:
        """Another tree a `continue` names: among the files checked together, else shipped;
        None when it cannot be read (its own check reports why)."""
        if tree_id == self.tree.id:
            return self.tree
        path = self.tree_files.get(tree_id)
        if path is None and tree_id in shipped_tree_ids():
            path = resolve(tree_id)
        return read(path).tree if path is not None else None

    def at(
        self, path: LinePath, node: str, message: str, rule: str, level: Level = "error"
    ) -> Diagnostic:
        """A diagnostic on the line of the table or key at `path`."""
        return Diagnostic(self.file, self.lines.line_of(path), node, message, level, rule)

    def hint(self, name: str, pool: Iterable[str]) -> str:
        """ "; did you mean `x`?" when an id close to `name` exists."""
        if self._suggestions_left <= 0:
            return ""
        self._suggestions_left -= 1
        import difflib  # only when an id is unknown: most runs never need it

        close = difflib.get_close_matches(name, list(pool), n=1, cutoff=0.75)
        return f"; did you mean `{close[0]}`?" if close else ""

    @cached_property
    def survey(self) -> Survey:
        """Targets, route sites, citations and odd options, gathered in one pass; the targets
        and what each question's routes read are handed to the verdict engine's caches, so a
        tree opened to walk it is not walked again for them (`wizard run` judges at once)."""
        found = _survey(self.tree)
        targets_of.prime(self.tree, found.targets)
        reads: dict[str, list[str]] = {qid: [] for qid in self.tree.nodes}
        for site in found.route_sites:
            reads[site.qid] += [leaf.answer for leaf in site.leaves if leaf.answer]
        route_reads.prime(self.tree, {q: tuple(sorted(set(a))) for q, a in reads.items()})
        return found

    @property
    def cited(self) -> dict[str, set[str]]:
        """The ids cited anywhere, by kind ("risk", "source")."""
        return self.survey.cited

    @property
    def targets(self) -> dict[str, list[str]]:
        """The target of each edge of each question, in routing order (`routing.targets`)."""
        return self.survey.targets

    @cached_property
    def graph(self) -> RoutingGraph:
        names = list(self.tree.nodes) + [o for o in self.tree.outcomes if o not in self.tree.nodes]
        index = {name: i for i, name in enumerate(names)}
        succ: list[list[int]] = []
        dangling = set()
        get = index.get
        for qid, found in self.targets.items():
            known = [get(target, -1) for target in found]  # one look-up per target
            if -1 in known:
                dangling.add(qid)
                known = [v for v in known if v != -1]
            succ.append(list(dict.fromkeys(known)) if len(known) > 1 else known)
        succ += [[] for _ in range(len(names) - len(succ))]
        outcomes = [index[o] for o in self.tree.outcomes if o not in self.tree.nodes]
        self._budget = 20 * (len(names) + sum(map(len, succ))) + 100_000
        return RoutingGraph(names, index, succ, outcomes, dangling)

    @cached_property
    def dominators(self) -> Dominators | None:
        """Dominators from `tree.start`; None when the start is not defined."""
        root = self.graph.index.get(self.tree.tree.start)
        return None if root is None else Dominators(self.graph.succ, root, self.graph.pred)

    @property
    def route_sites(self) -> list[RouteSite]:
        """Every route with a `when`, in file order."""
        return self.survey.route_sites

    @cached_property
    def read_answers(self) -> set[str]:
        """The questions whose answer some condition tests: a route's, or an outcome's
        requirement (the answer then changes the verdict, if not the way)."""
        found = {
            leaf.answer
            for site in self.route_sites
            for leaf in site.leaves
            if leaf.answer is not None
        }
        for outcome in self.tree.outcomes.values():
            for requirement in outcome.requires:
                found.update(requirement.when.referenced_answers())
        return found

    @cached_property
    def _analyses(self) -> dict[int, Analysis]:
        """The analysis of each route's condition, by id(route). A single plain comparison
        needs no context (a quarter of all conditions in a large tree)."""
        found, nodes = {}, self.tree.nodes
        for site in self.route_sites:
            when = site.when
            if when.answer is not None and plain(when, nodes):
                found[id(site.route)] = Analysis(True, True, [])
            else:
                found[id(site.route)] = analyse(when, self.context(site))
        return found

    def analysis(self, route: Route) -> Analysis:
        return self._analyses[id(route)]

    def always(self, route: Route) -> bool:
        """The route is always taken when tried: no `when`, or one that always holds there."""
        return route.when is None or not self._analyses[id(route)].can_fail

    def context(self, site: RouteSite) -> Context:
        """What is known where the site's condition is evaluated. The possible answers are
        looked up only when a test needs them. (Not kept: a context refers to the checker, and
        a reference cycle would keep the whole tree alive for the garbage collector to scan.)"""
        owner, chosen = site.qid, site.option.id if site.option else None
        possible = partial(self.possible_options, owner=owner, chosen=chosen)
        return Context(self.tree.nodes, owner, chosen, possible)

    def option_ids(self, question: AnyQuestion) -> frozenset[str]:
        """The ids of the question's options (cached: conditions test a few questions often)."""
        found = self._option_ids.get(question.id)
        if found is None:
            found = self._option_ids[question.id] = frozenset(o.id for o in question.options)
        return found

    def possible_options(self, qid: str, owner: str, chosen: str | None) -> frozenset[str] | None:
        """The options of choice question `qid` its answer can be when `owner` routes; None when
        unknown (not a choice question, not asked on every path, or the work budget ran out).
        Remembered: a condition's analysis asks twice (can it hold, can it fail)."""
        key = (qid, owner, chosen)
        if key in self._possible:
            return self._possible[key]
        found = self._possible[key] = self._possible_options(qid, owner, chosen)
        return found

    def _possible_options(self, qid: str, owner: str, chosen: str | None) -> frozenset[str] | None:
        question = self.tree.nodes.get(qid)
        if question is None or question.type not in ("choice", "yesno"):
            return None
        if qid == owner:
            return frozenset([chosen]) if chosen else _falls_through(question) or None
        dominators, index = self.dominators, self.graph.index
        if dominators is None or not dominators.dominates(index[qid], index[owner]):
            return None
        key = (qid, owner)
        if key not in self._reaching:
            self._reaching[key] = self._options_reaching(qid, question, index[owner])
        return self._reaching[key]

    def _options_reaching(
        self, qid: str, question: AnyQuestion, owner: int
    ) -> frozenset[str] | None:
        """The options after which a walk can reach `owner` without asking `qid` again: search
        backwards from `owner` among the nodes `qid` dominates (a path that leaves them cannot
        come back without passing `qid`). None when the work budget has run out."""
        g, dominators = self.graph, self.dominators
        assert dominators is not None
        root = g.index[qid]
        low, high = dominators.interval(root)
        pre, post, pred = dominators.pre, dominators.post, g.pred
        budget = self._budget  # a local while searching: updated at every vertex
        seen = {owner}
        stack = [owner]
        while stack:
            before = pred[stack.pop()]
            budget -= len(before) + 1
            if budget < 0:
                self._budget = budget
                return None
            for p in before:  # `p` dominated by `root`: inside its dominator-tree interval
                if p != root and p not in seen and low <= pre[p] and post[p] <= high:
                    seen.add(p)
                    stack.append(p)
        self._budget = budget
        found: set[str] = set()
        for target, options in self._option_edges(qid, question):
            if target in seen:
                found.update(options)
        return frozenset(found) or None

    def _option_edges(self, qid: str, question: AnyQuestion) -> list[tuple[int, frozenset[str]]]:
        """Each edge of `qid` to a defined target: the target and the options that take it
        (all options that fall through, for the question's own routes). Cached per question:
        a question tested by many conditions is searched from each of their owners."""
        found = self._edges_by_option.get(qid)
        if found is None:
            everyone = _falls_through(question)
            index = self.graph.index
            found = self._edges_by_option[qid] = [
                (index[edge.target], frozenset([edge.option]) if edge.option else everyone)
                for edge in edges(question)
                if edge.target in index
            ]
        return found


def _falls_through(question: AnyQuestion) -> frozenset[str]:
    """Options without a default of their own: routing goes on to the question's routes."""
    own_default = (o for o in question.options if o.next or any(r.when is None for r in o.routes))
    return frozenset(o.id for o in question.options) - {o.id for o in own_default}


@dataclass(slots=True)
class Survey:
    """What one pass over the tree collects for several rules. (Each is a walk over every
    question and option; on a large tree each walk mostly waits on memory, so one pass that
    gathers them together costs about as much as one of them.)"""

    targets: dict[str, list[str]]
    """The target of each edge of each question, in routing order (as `routing.targets`)."""
    route_sites: list[RouteSite]
    """Every route with a `when`, in file order."""
    cited: dict[str, set[str]]
    """The ids cited anywhere, by kind ("risk", "source")."""
    odd_options: list[str]
    """The questions whose options need a second look: an option id used twice, or an option
    of a multi question with `next` or `routes` (the rules that report them look only here)."""
    option_routes: set[str]
    """The questions with an option that has routes of its own."""
    every_option_next: set[str]
    """The questions with options that route (not multi), each with a `next` of its own."""


def _survey(tree: Tree) -> Survey:
    """The survey of `tree`: its questions in one pass, then what outcomes and risks cite."""
    found = Survey({}, [], {"risk": set(), "source": set()}, [], set(), set())
    risks, sources = found.cited["risk"], found.cited["source"]
    for qid, question in tree.nodes.items():
        _survey_question(found, qid, question)
        if question.sources:
            sources.update(question.sources)
        if question.risks:
            risks.update(question.risks)
    for risk in tree.risks.values():
        sources.update(risk.sources)
    for outcome in tree.outcomes.values():
        sources.update(outcome.sources)
        risks.update(outcome.risks)
        for item in outcome.checklist:
            sources.update(item.sources)
    return found


def _survey_question(survey: Survey, qid: str, question: AnyQuestion) -> None:
    """Adds the question's targets (options of a multi question do not route, as in
    `routing.targets`), its routes with a `when`, what its options cite, and whether its
    options need a second look."""
    found: list[str] = []
    sites, risks = survey.route_sites, survey.cited["risk"]
    routed = question.type != "multi"
    options = question.options
    ids: set[str] = set()
    every_next = True
    for j, option in enumerate(options):
        ids.add(option.id)
        if option.routes:
            survey.option_routes.add(qid)
            for i, route in enumerate(option.routes):
                if routed:
                    found.append(route.next)
                if (when := route.when) is not None:
                    sites.append(RouteSite(qid, question, option, j, i, route, when, leaves(when)))
        if not option.next:
            every_next = False
        elif routed:
            found.append(option.next)
        if option.risks:
            risks.update(option.risks)
    if every_next and options and routed:
        survey.every_option_next.add(qid)
    for i, route in enumerate(question.routes):
        found.append(route.next)
        if (when := route.when) is not None:
            sites.append(RouteSite(qid, question, None, 0, i, route, when, leaves(when)))
    if question.next:
        found.append(question.next)
    survey.targets[qid] = found
    if len(ids) < len(options) or (not routed and any(o.next or o.routes for o in options)):
        survey.odd_options.append(qid)
