"""The lint rules, one small function each, and `RULES`, the order they run in.

A rule takes a `Checker` and yields `Diagnostic`s; it reads the tree and the checker's shared
facts and never changes them, so every rule runs on every tree and none stops the others. Each
is linear or near-linear in the size of the tree and iterative (no recursion), so a 100,000-node
tree, or a 100,000-deep chain, is checked in well under a second.

Where a problem cascades (a whole branch is unreachable, a chain of questions only leads into a
dead end), it is reported once, where the fix belongs, not at every node it affects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping

from wizard.diagnostics import Diagnostic
from wizard.lint.checker import Checker, LinePath, RouteSite
from wizard.lint.conditions import ALLOWED_TESTS, RANGE_TESTS, TEST_NAMES, fits
from wizard.lint.graphs import cycle_through
from wizard.tree.judge import evaluate, unknown_answers
from wizard.tree.reach import Accept, reach
from wizard.tree.schema import (
    COMPARISONS,
    AnswerValue,
    AnyQuestion,
    Condition,
    MultiQuestion,
    Route,
    Tree,
    tr,
)
from wizard.tree.walk import Walk

Rule = Callable[[Checker], Iterable[Diagnostic]]


def _when(site: RouteSite) -> LinePath:
    return (*site.path, "when")


def _targets(qid: str, question: AnyQuestion) -> Iterator[tuple[LinePath, str]]:
    """Every `next` written in a question (options of multi questions too), with its key path."""
    base: LinePath = ("nodes", qid)
    for j, option in enumerate(question.options):
        for i, route in enumerate(option.routes):
            yield (*base, "options", j, "routes", i, "next"), route.next
        if option.next:
            yield (*base, "options", j, "next"), option.next
    for i, route in enumerate(question.routes):
        yield (*base, "routes", i, "next"), route.next
    if question.next:
        yield (*base, "next"), question.next


def _citation_lists(tree: Tree) -> Iterator[tuple[str, str, LinePath, list[str]]]:
    """(kind, citing id, key path, cited ids) for every list of risks or sources."""
    # Empty lists are skipped (most questions and options cite no risk).
    for rid, risk in tree.risks.items():
        if risk.sources:
            yield "source", rid, ("risks", rid, "sources"), risk.sources
    for qid, question in tree.nodes.items():
        if question.sources:
            yield "source", qid, ("nodes", qid, "sources"), question.sources
        if question.risks:
            yield "risk", qid, ("nodes", qid, "risks"), question.risks
        for j, option in enumerate(question.options):
            if option.risks:
                yield "risk", qid, ("nodes", qid, "options", j, "risks"), option.risks
    for oid, outcome in tree.outcomes.items():
        if outcome.sources:
            yield "source", oid, ("outcomes", oid, "sources"), outcome.sources
        if outcome.risks:
            yield "risk", oid, ("outcomes", oid, "risks"), outcome.risks
        for k, item in enumerate(outcome.checklist):
            if item.sources:
                yield "source", oid, ("outcomes", oid, "checklist", k, "sources"), item.sources


def _names(names: list[str], limit: int = 8) -> str:
    shown = ", ".join(f"`{n}`" for n in names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


# --- references -------------------------------------------------------------------------


def check_undefined_refs(c: Checker) -> Iterator[Diagnostic]:
    """An id that names nothing: a `next`/route target, `tree.start`, a risk, a source, an
    alternative, or a `continue.tree`. Routing would stop there, or the report would show a
    hole, so each one is an error at the key that names it."""
    tree, rule = c.tree, "undefined-ref"
    targets = tree.nodes.keys() | tree.outcomes.keys()
    start = tree.tree.start
    if start not in targets:
        yield c.at(
            ("tree", "start"),
            "tree",
            f"start `{start}` is neither a node nor an outcome{c.hint(start, targets)}",
            rule,
        )
    dangling, odd = c.graph.dangling, set(c.survey.odd_options)
    for qid, question in tree.nodes.items():
        if qid not in dangling and qid not in odd:
            continue  # all targets defined (a multi question's options have none unless odd)
        for path, target in _targets(qid, question):
            if target not in targets:
                hint = c.hint(target, targets)
                yield c.at(path, qid, f"`{target}` is neither a node nor an outcome{hint}", rule)
    pools: dict[str, Mapping[str, object]] = {"risk": tree.risks, "source": tree.sources}
    if any(not c.cited[kind] <= pool.keys() for kind, pool in pools.items()):
        for kind, owner, path, ids in _citation_lists(tree):
            pool = pools[kind]
            for cited in ids:
                if cited not in pool:
                    hint = c.hint(cited, pool)
                    yield c.at(path, owner, f"unknown {kind} `{cited}`{hint}", rule)
    for oid, outcome in tree.outcomes.items():
        for other in outcome.alternatives:
            if other in tree.outcomes:
                continue
            what = "a question, not an outcome" if other in tree.nodes else "not an outcome"
            hint = c.hint(other, tree.outcomes)
            yield c.at(
                ("outcomes", oid, "alternatives"),
                oid,
                f"alternative `{other}` is {what}{hint}",
                rule,
            )
        link = outcome.continue_
        if link is not None and link.tree not in c.known_trees:
            known = _names(sorted(c.known_trees)) or "none"
            yield c.at(
                ("outcomes", oid, "continue", "tree"),
                oid,
                f"continue.tree `{link.tree}` is not a known tree (known: {known})",
                rule,
            )


def check_duplicate_ids(c: Checker) -> Iterator[Diagnostic]:
    """The same id twice where ids must be unique: options of one question (an answer would
    be ambiguous), checklist items of one outcome (progress is saved by item id), and an id
    used for both a node and an outcome (edges to it could only ever reach the node)."""
    for qid in c.survey.odd_options:
        question = c.tree.nodes[qid]
        if len({o.id for o in question.options}) == len(question.options):
            continue
        yield from _repeats(
            c, qid, ("nodes", qid, "options"), [o.id for o in question.options], "option"
        )
    for oid, outcome in c.tree.outcomes.items():
        ids = [item.id for item in outcome.checklist]
        if len(set(ids)) < len(ids):
            yield from _repeats(c, oid, ("outcomes", oid, "checklist"), ids, "checklist item")
        if oid in c.tree.nodes:
            yield c.at(
                ("outcomes", oid),
                oid,
                f"`{oid}` is both a node and an outcome; every `next` to it reaches the node",
                "duplicate-id",
            )


def _repeats(
    c: Checker, owner: str, base: LinePath, ids: list[str], what: str
) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for j, ident in enumerate(ids):
        if ident in seen:
            yield c.at((*base, j, "id"), owner, f"duplicate {what} id `{ident}`", "duplicate-id")
        seen.add(ident)


def check_multi_option_routes(c: Checker) -> Iterator[Diagnostic]:
    """`next` or `routes` on an option of a multi question. Several options can be picked at
    once, so routing ignores them and uses only the question's routes; writing them suggests
    a routing that will never happen."""
    for qid in c.survey.odd_options:
        question = c.tree.nodes[qid]
        if not isinstance(question, MultiQuestion):
            continue
        for j, option in enumerate(question.options):
            if option.next or option.routes:
                key = "next" if option.next else "routes"
                yield c.at(
                    ("nodes", qid, "options", j, key),
                    qid,
                    f"option `{option.id}` of a multi question cannot route; use a question"
                    f' route with `when = {{ answer = "{qid}", has = "{option.id}" }}`',
                    "multi-option-route",
                )


# --- the routing graph ------------------------------------------------------------------


def check_unreachable(c: Checker) -> Iterator[Diagnostic]:
    """A node or outcome no walk from `tree.start` can reach: dead content, often a forgotten
    link. Reported at the entry of each unreachable region only (what nothing reachable
    leads to), not again at everything behind it."""
    g, dominators = c.graph, c.dominators
    if dominators is None:
        return  # an undefined start is reported; everything would be unreachable
    for component in g.closed(dominators.reachable, g.pred):
        first = min(component)
        name = g.names[first]
        table = "nodes" if name in c.tree.nodes else "outcomes"
        loop = f" (nor to {_names([g.names[v] for v in sorted(component)[1:]])} on its loop)"
        yield c.at(
            (table, name),
            name,
            f"unreachable: no way from the start `{c.tree.tree.start}` leads here"
            + (loop if len(component) > 1 else ""),
            "unreachable",
        )


def check_dead_ends(c: Checker) -> Iterator[Diagnostic]:
    """A question from which no outcome can be reached: a walk would get stuck. Reported where
    the walk ends: a question with no way forward, or a loop with no exit. The questions that
    only lead there are fixed by the same change and not reported again. A question whose
    only targets are undefined is already an undefined-ref error."""
    g = c.graph
    for component in g.closed(g.live, g.succ):
        first = min(component)
        name = g.names[first]
        if len(component) > 1 or first in g.succ[first]:
            others = _names([g.names[v] for v in sorted(component)])
            message = f"no outcome can be reached from here: {others} only lead to each other"
        elif c.targets.get(name):
            continue
        else:
            message = "dead end: no `next` and no routes, so a walk stops here"
        yield c.at(("nodes", name), name, message, "dead-end")


def check_no_default_route(c: Checker) -> Iterator[Diagnostic]:
    """An answer that no route may take: every candidate route has a `when` and there is no
    `next` to fall back on, so an answer matching none of them leads nowhere. For choice and
    yes/no questions each option is checked (its routes and `next`, then the question's)."""
    every_option_next = c.survey.every_option_next
    for qid, question in c.tree.nodes.items():
        if question.next or qid in every_option_next or _has_default(c, question.routes):
            continue  # a default for every answer (each option's `next`, when not multi)
        if not c.targets[qid]:
            continue  # no way forward at all: a dead end
        if isinstance(question, MultiQuestion) or not question.options:
            yield c.at(
                ("nodes", qid),
                qid,
                "no default route: every route has a `when` and there is no `next`, so an"
                " answer no condition matches leads nowhere",
                "no-default-route",
            )
            continue
        for j, option in enumerate(question.options):
            if option.next or _has_default(c, option.routes):
                continue
            why = (
                "its routes and the question's all have a `when`"
                if option.routes or question.routes
                else "it has no `next`"
            )
            yield c.at(
                ("nodes", qid, "options", j, "id"),
                qid,
                f"option `{option.id}` can lead nowhere: {why}, and the question has no"
                " `next` to fall back on",
                "no-default-route",
            )


def check_unused_routes(c: Checker) -> Iterator[Diagnostic]:
    """(warning) A route or `next` that routing never tries: it comes after a route that
    always applies (no `when`, or one that always holds there), or it is the question's own
    while every option has a default of its own."""
    option_routes = c.survey.option_routes
    for qid, question in c.tree.nodes.items():
        if not question.routes and not question.next and qid not in option_routes:
            continue  # nothing that could go unused: the common case
        base: LinePath = ("nodes", qid)
        every_option_decides = not isinstance(question, MultiQuestion) and bool(question.options)
        for j, option in enumerate(question.options if every_option_decides else ()):
            if not option.routes:  # the common case: nothing can be shadowed
                every_option_decides = every_option_decides and bool(option.next)
                continue
            first = _first_default(c, option.routes)
            yield from _never_tried(
                c, qid, (*base, "options", j), option.routes, option.next, first
            )
            every_option_decides = every_option_decides and (first is not None or bool(option.next))
        if every_option_decides and (question.routes or question.next):
            key = "routes" if question.routes else "next"
            message = f"the question's `{key}` is never used: every option has its own default"
            yield c.at((*base, key), qid, message, "unused-route", "warning")
        elif question.routes:
            first = _first_default(c, question.routes)
            yield from _never_tried(c, qid, base, question.routes, question.next, first)


def _has_default(c: Checker, routes: list[Route]) -> bool:
    """Some route always applies when tried (most lists of routes are empty: no loop then)."""
    return bool(routes) and _first_default(c, routes) is not None


def _first_default(c: Checker, routes: list[Route]) -> int | None:
    """The index of the first route that always applies when tried."""
    return next((i for i, route in enumerate(routes) if c.always(route)), None)


def _never_tried(
    c: Checker,
    qid: str,
    base: LinePath,
    routes: list[Route],
    fallback: str | None,
    first: int | None,
) -> list[Diagnostic]:
    """Warnings for the routes and `next` after route `first`, which always applies."""
    if first is None:
        return []
    why = "an earlier route always applies (no `when`, or one that always holds here)"
    found = [
        c.at((*base, "routes", k), qid, f"route never tried: {why}", "unused-route", "warning")
        for k in range(first + 1, len(routes))
    ]
    if fallback:
        found.append(
            c.at((*base, "next"), qid, f"`next` never used: {why}", "unused-route", "warning")
        )
    return found


def check_cycles(c: Checker) -> Iterator[Diagnostic]:
    """Routing that can go round in a loop. A wizard moves forward: a loop means a walk may
    never end, and the path counts and drawings assume a graph without cycles. Each loop
    (strongly connected set of nodes) is reported once, with one cycle through it spelled out."""
    g = c.graph
    for component in g.components:
        first = min(component)
        if len(component) == 1 and first not in g.succ[first]:
            continue
        cycle = cycle_through(g.succ, set(component), first)
        names = [g.names[v] for v in [*cycle, first]]
        if len(names) > 9:
            names = [*names[:5], f"... ({len(cycle) - 7} more)", *names[-3:]]
        more = len(component) - len(cycle)
        extra = f" ({more} more node(s) in the same loop)" if more else ""
        yield c.at(
            ("nodes", g.names[first]),
            g.names[first],
            f"cycle: {' -> '.join(names)}{extra}",
            "cycle",
        )


# --- conditions -------------------------------------------------------------------------


def check_condition_refs(c: Checker) -> Iterator[Diagnostic]:
    """A condition testing something that does not exist: an id that is not a question, an
    option the question does not have, or a test that cannot apply to the question's answers
    (`gt` on a choice, `has` on a single choice, a date compared with a number). Such a test is
    silently false at run time, so the route it guards is never taken."""
    nodes = c.tree.nodes
    for site in c.route_sites:
        for leaf in site.leaves:
            answer = leaf.answer or ""
            question = nodes.get(answer)
            if question is None:
                what = (
                    "an outcome, not a question" if answer in c.tree.outcomes else "not a question"
                )
                yield c.at(
                    _when(site),
                    site.qid,
                    f"condition on `{answer}`: {what}{c.hint(answer, nodes)}",
                    "bad-condition-ref",
                )
                continue
            yield from _wrong_tests(c, site, leaf, question)
            if not question.options:
                continue  # no option ids to check (a number, date or text question)
            values = _option_values(leaf)
            if not c.option_ids(question).issuperset(values):
                yield from _unknown_options(c, site, question, values)


def _option_values(leaf: Condition) -> list[str]:
    """The option ids a comparison names (`is`, `has`, and each of `in`)."""
    values = [leaf.is_, leaf.has, *(leaf.in_ or [])]
    return [v for v in values if v is not None]


def _wrong_tests(
    c: Checker, site: RouteSite, leaf: Condition, question: AnyQuestion
) -> list[Diagnostic]:
    found = []
    allowed = ALLOWED_TESTS[question.type]
    values = leaf.__dict__  # (faster than getattr, and this runs for every comparison)
    for name in COMPARISONS:
        value = values[name]
        if value is None or (name in allowed and name not in RANGE_TESTS):
            continue  # not used, or fine whatever its value (the common case)
        if name not in allowed:
            use = " / ".join(TEST_NAMES[t] for t in allowed)
            what = f"`{question.id}`, a {question.type} question"
            message = f"`{TEST_NAMES[name]}` cannot test {what} (use {use})"
        elif name in RANGE_TESTS and not fits(value, question):
            kind = "a date (YYYY-MM-DD)" if question.type == "date" else "a number"
            message = f"`{TEST_NAMES[name]}` compares `{question.id}` with {value!r}, not {kind}"
        else:
            continue
        found.append(c.at(_when(site), site.qid, message, "wrong-test"))
    return found


def _unknown_options(
    c: Checker, site: RouteSite, question: AnyQuestion, values: list[str]
) -> Iterator[Diagnostic]:
    if not question.options:
        return
    ids = [o.id for o in question.options]
    for value in values:
        if value not in ids:
            yield c.at(
                _when(site),
                site.qid,
                f"`{question.id}` has no option `{value}` (options: {_names(ids)})"
                f"{c.hint(value, ids)}",
                "bad-condition-ref",
            )


def check_not_dominated(c: Checker) -> Iterator[Diagnostic]:
    """A condition on a question that is not asked on every path to the route's question.
    Where it was skipped, its answer is missing and every test on it is false: the route then
    depends on the path taken in a way the author rarely means. The tested question must be
    the route's own question or come before it on every path from the start (dominate it)."""
    g, dominators = c.graph, c.dominators
    if dominators is None:
        return
    nodes, index, reachable = c.tree.nodes, g.index, dominators.reachable
    for site in c.route_sites:
        qid = site.qid
        # The questions tested other than the route's own (most conditions test their own).
        tested = [leaf.answer for leaf in site.leaves if leaf.answer != qid]
        if not tested:
            continue
        owner = index[qid]
        if not reachable[owner]:
            continue  # unreachable is reported; there are no paths to judge
        for answer in dict.fromkeys(tested):
            if answer is None or answer not in nodes:
                continue
            if not dominators.dominates(index[answer], owner):
                yield c.at(
                    _when(site),
                    site.qid,
                    f"`{answer}` is not asked on every path to `{site.qid}`; where"
                    " it is skipped, this test is false",
                    "not-dominated",
                )


def check_never_holds(c: Checker) -> Iterator[Diagnostic]:
    """A condition that can never hold, so its route is dead: an empty `in`, contradictory
    ranges (`gt = 5` with `lt = 3`, or across the parts of an `all`), a range outside the
    question's `min`/`max`, a different option of the question whose option's routes it sits
    in, or a `not` of something that always holds."""
    for site in c.route_sites:
        for problem in c.analysis(site.route).problems:
            yield c.at(_when(site), site.qid, problem, "never-holds")


def check_too_few_ways(c: Checker) -> Iterator[Diagnostic]:
    """A question whose answer changes nothing: every answer leads to the same place and no
    condition reads it. Text questions are exempt (they collect information for the report),
    and so are questions whose options carry risks (the answer decides which risks are shown)."""
    for qid, ways in c.targets.items():
        if not ways or ways.count(ways[0]) < len(ways):
            continue  # the common case first: answers lead to different places
        question = c.tree.nodes[qid]
        if question.type == "text" or qid in c.read_answers:
            continue
        if any(option.risks for option in question.options):
            continue
        yield c.at(
            ("nodes", qid),
            qid,
            f"every answer leads to `{ways[0]}` and no condition reads this"
            " answer, so the question changes nothing",
            "too-few-ways",
        )


# --- sources, review, unused ------------------------------------------------------------


def check_missing_sources(c: Checker) -> Iterator[Diagnostic]:
    """A risk, outcome or checklist item that cites no source. Every claim shown to a student
    must say where it comes from, so a counselor can verify it and a reviewer can update it."""
    rule = "missing-source"
    for rid, risk in c.tree.risks.items():
        if not risk.sources:
            yield c.at(("risks", rid, "sources"), rid, "risk cites no source", rule)
    for oid, outcome in c.tree.outcomes.items():
        if not outcome.sources:
            yield c.at(("outcomes", oid, "sources"), oid, "outcome cites no source", rule)
        for k, item in enumerate(outcome.checklist):
            if not item.sources:
                yield c.at(
                    ("outcomes", oid, "checklist", k, "sources"),
                    oid,
                    f"checklist item `{item.id}` cites no source",
                    rule,
                )


def check_review_date(c: Checker) -> Iterator[Diagnostic]:
    """(warning) The tree is past its review date: visa rules change often, so a tree must be
    re-checked against its sources every `review_every_days` days."""
    meta = c.tree.tree
    try:
        due = meta.last_reviewed + dt.timedelta(days=meta.review_every_days)
    except OverflowError:  # due after 9999-12-31: not overdue
        return
    if due < c.today:
        yield c.at(
            ("tree", "last_reviewed"),
            "tree",
            f"review overdue: last reviewed {meta.last_reviewed.isoformat()}, due"
            f" {due.isoformat()} (every {meta.review_every_days} days); re-check the"
            " sources and update last_reviewed",
            "review-overdue",
            "warning",
        )


def check_unused(c: Checker) -> Iterator[Diagnostic]:
    """(warning) A risk or source nothing cites: it is never shown, so it is either a
    forgotten citation or dead content that will go stale unnoticed."""
    for kind, table in (("risk", c.tree.risks), ("source", c.tree.sources)):
        cited = c.cited[kind]
        for ident in table:
            if ident not in cited:
                yield c.at(
                    (f"{kind}s", ident),
                    ident,
                    f"{kind} `{ident}` is never cited",
                    f"unused-{kind}",
                    "warning",
                )


# --- verdicts: requirements, "I don't know", fast-changing schemes ----------------------

JUDGED = ("recommended", "possible")


def check_missing_requires(c: Checker) -> Iterator[Diagnostic]:
    """(warning; `--strict` makes it an error) An outcome that can say "possible" or
    "recommended" without stating the conditions the sources set for it (`requires`, each with
    its sources). Without them nothing checks the verdict against the person's answers. An
    outcome that only hands over to another tree (`continue`) is exempt."""
    rule = "missing-requires"
    for oid, outcome in c.tree.outcomes.items():
        if outcome.verdict not in JUDGED or outcome.continue_ is not None:
            continue
        if not outcome.requires:
            yield c.at(
                ("outcomes", oid),
                oid,
                f"a {outcome.verdict} outcome states no `requires`: list the conditions the"
                " sources give for it",
                rule,
                "warning",
            )
        for k, requirement in enumerate(outcome.requires):
            if not requirement.sources:
                yield c.at(
                    ("outcomes", oid, "requires", k),
                    oid,
                    "a requirement cites no source",
                    rule,
                    "warning",
                )


def check_broken_requirements(c: Checker) -> Iterator[Diagnostic]:
    """A path that reaches an outcome with answers that contradict one of its `requires`:
    the outcome would tell that person "possible" or "recommended" for a route their own
    answers rule out. Reported with one such path."""
    tree = c.tree
    for oid, outcome in tree.outcomes.items():
        for k, requirement in enumerate(outcome.requires):
            reads = frozenset(requirement.when.referenced_answers())
            accept = _breaks(tree, oid, requirement.when)
            found = reach(tree, target=oid, accept=accept, read=reads)
            if oid in found:
                path = ", ".join(f"{q} = {_show(v)}" for q, v in found[oid])
                yield c.at(
                    ("outcomes", oid, "requires", k),
                    oid,
                    "a path reaches this outcome with answers that break the requirement"
                    f" “{tr(requirement.text)}”: {path}",
                    "broken-requirement",
                )


def _breaks(tree: Tree, oid: str, when: Condition) -> Accept:
    def accept(reached: str, answers: dict[str, AnswerValue]) -> bool:
        return reached == oid and evaluate(when, answers, unknown_answers(tree, answers)) is False

    return accept


def check_unknown_verdicts(c: Checker) -> Iterator[Diagnostic]:
    """An "I don't know" option from which a path reaches a "recommended" outcome: the verdict
    would then rest on an answer nobody knows. Mark the question `affects_verdict = false`
    when the answer cannot change whether the outcome applies."""
    tree = c.tree
    recommended = {oid for oid, o in tree.outcomes.items() if o.verdict == "recommended"}
    for qid, question in tree.nodes.items():
        if not question.affects_verdict:
            continue
        for j, option in enumerate(question.options):
            if not option.unknown:
                continue
            through = _through(recommended, qid, option.id)
            found = reach(
                tree,
                fixed={qid: option.id},
                accept=through,
                read=frozenset([qid]),
                goals=frozenset(recommended),
            )
            hits = sorted(set(found) & recommended)
            if hits:
                yield c.at(
                    ("nodes", qid, "options", j),
                    qid,
                    f"“I don't know” (`{option.id}`) can lead to the recommended outcome"
                    f" {_names(hits)}; route it elsewhere, require the answer, or mark the"
                    " question `affects_verdict = false`",
                    "unknown-recommended",
                )


def _through(recommended: set[str], qid: str, option_id: str) -> Accept:
    def accept(reached: str, answers: dict[str, AnswerValue]) -> bool:
        given = answers.get(qid)
        picked = option_id in given if isinstance(given, list) else given == option_id
        return reached in recommended and picked

    return accept


def check_option_flags(c: Checker) -> Iterator[Diagnostic]:
    """`exclusive` belongs to a multiple choice's options; `confirm` to an `unknown` one."""
    for qid, question in c.tree.nodes.items():
        for j, option in enumerate(question.options):
            if option.exclusive and not isinstance(question, MultiQuestion):
                yield c.at(
                    ("nodes", qid, "options", j, "exclusive"),
                    qid,
                    "`exclusive` only means something in a multiple-choice question",
                    "option-flags",
                )
            if option.confirm is not None and not option.unknown:
                yield c.at(
                    ("nodes", qid, "options", j, "confirm"),
                    qid,
                    "`confirm` says what to find out after an “I don't know”: set `unknown = true`",
                    "option-flags",
                )


def check_changing_sources(c: Checker) -> Iterator[Diagnostic]:
    """An outcome citing a source marked `changes_often` must carry a risk that cites it and
    gives the date the rule was last confirmed (the source's `accessed`, as YYYY-MM-DD), so the
    reader knows to confirm it before acting."""
    tree = c.tree
    changing = {sid: s for sid, s in tree.sources.items() if s.changes_often}
    if not changing:
        return
    for oid, outcome in tree.outcomes.items():
        cited = set(outcome.sources)
        for item in outcome.checklist:
            cited.update(item.sources)
        for requirement in outcome.requires:
            cited.update(requirement.sources)
        for sid in sorted(cited & set(changing)):
            date = changing[sid].accessed.isoformat()
            warned = any(
                sid in tree.risks[r].sources and date in tr(tree.risks[r].detail)
                for r in outcome.risks
                if r in tree.risks
            )
            if not warned:
                yield c.at(
                    ("outcomes", oid),
                    oid,
                    f"cites `{sid}`, which changes often, but carries no risk citing it with"
                    f" the date it was last confirmed ({date}): add a “confirm before you act”"
                    " risk",
                    "changing-source",
                )


def check_continue_answers(c: Checker) -> Iterator[Diagnostic]:
    """Answers a `continue` carries into another tree must be answers that tree accepts, in
    the order its walk asks them: otherwise the person lands on a question the triage thought
    it had answered, or on a refused answer."""
    for oid, outcome in c.tree.outcomes.items():
        link = outcome.continue_
        if link is None or not link.answers or link.tree not in c.known_trees:
            continue
        other = c.other_tree(link.tree)
        if other is None:
            continue
        _, problems = Walk.replay(other, link.answers.items())
        for problem in problems:
            yield c.at(
                ("outcomes", oid, "continue", "answers"),
                oid,
                f"continue.answers do not fit tree `{link.tree}`: {problem}",
                "continue-answers",
            )


def _show(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


RULES: list[Rule] = [
    check_undefined_refs,
    check_duplicate_ids,
    check_multi_option_routes,
    check_unreachable,
    check_dead_ends,
    check_no_default_route,
    check_unused_routes,
    check_cycles,
    check_condition_refs,
    check_not_dominated,
    check_never_holds,
    check_too_few_ways,
    check_missing_sources,
    check_review_date,
    check_unused,
    check_missing_requires,
    check_broken_requirements,
    check_unknown_verdicts,
    check_option_flags,
    check_changing_sources,
    check_continue_answers,
]
"""Every rule, in the order it runs. All run on every tree; none stops the others."""

FOR_AUTHORS: frozenset[Rule] = frozenset(
    [
        check_multi_option_routes,
        check_unreachable,
        check_unused_routes,
        check_not_dominated,
        check_never_holds,
        check_too_few_ways,
        check_review_date,
        check_unused,
        check_missing_requires,
        check_broken_requirements,
        check_unknown_verdicts,
    ]
)
"""The rules about how a tree is written rather than whether it can be walked: dead or
unreachable content, conditions that never hold, verdicts an author should back with
`requires`, review dates. Opening a tree to walk it (`wizard.lint.load`: the app, `wizard run`,
the session commands) leaves them out: they are most of a check's time (the verdict searches
alone take half a second on the largest shipped tree), none of them can make a walk stop, loop
or show a hole, and the verdict engine judges each person's answers anyway. `wizard check` runs
them all, and CI runs it on the shipped trees."""
