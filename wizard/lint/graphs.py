"""Linear-time graph algorithms over a routing graph, all iterative (trees can be 100,000 deep).

Vertices are the integers `0..n-1`; `succ[v]` lists the vertices `v` has an edge to. Used by the
linter for reachability, dead ends, cycles and "is this question always asked before that one".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

Adjacency = Sequence[Sequence[int]]


def predecessors(succ: Adjacency) -> list[list[int]]:
    """The reversed graph."""
    pred: list[list[int]] = [[] for _ in succ]
    for v, targets in enumerate(succ):
        for w in targets:
            pred[w].append(v)
    return pred


def _preorder(succ: Adjacency, root: int) -> tuple[list[int], list[int]]:
    """The vertices reachable from `root` in depth-first preorder, and each one's DFS parent."""
    parent = [-1] * len(succ)
    parent[root] = root
    order = [root]
    stack: list[tuple[int, Iterator[int]]] = [(root, iter(succ[root]))]
    while stack:
        v, targets = stack[-1]
        for w in targets:  # resumes where it left off: the next unvisited target, if any
            if parent[w] == -1:
                parent[w] = v
                order.append(w)
                stack.append((w, iter(succ[w])))
                break
        else:
            stack.pop()
    return order, parent


def reaches(pred: Adjacency, goals: Iterable[int]) -> bytearray:
    """Marks (1) on every vertex from which some vertex of `goals` can be reached."""
    marked = bytearray(len(pred))
    stack = list(goals)
    for v in stack:
        marked[v] = 1
    while stack:
        for u in pred[stack.pop()]:
            if not marked[u]:
                marked[u] = 1
                stack.append(u)
    return marked


def strongly_connected(succ: Adjacency) -> list[list[int]]:
    """Tarjan's strongly connected components, sinks first (reverse topological order)."""
    n = len(succ)
    index = [-1] * n
    low = [0] * n
    on_stack = bytearray(n)
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for start in range(n):
        if index[start] != -1:
            continue
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack[start] = 1
        work: list[tuple[int, Iterator[int]]] = [(start, iter(succ[start]))]
        while work:
            v, targets = work[-1]
            for w in targets:  # resumes after the target last descended into
                if index[w] == -1:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = 1
                    work.append((w, iter(succ[w])))
                    break
                if on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
            else:  # every target done: v's low link is final
                work.pop()
                if work and low[v] < low[work[-1][0]]:
                    low[work[-1][0]] = low[v]
                if low[v] == index[v]:
                    component: list[int] = []
                    while True:
                        w = stack.pop()
                        on_stack[w] = 0
                        component.append(w)
                        if w == v:
                            break
                    found.append(component)
    return found


def cycle_through(succ: Adjacency, members: set[int], start: int) -> list[int]:
    """A shortest cycle from `start` back to it inside one strongly connected component."""
    parent = {start: start}
    frontier = [start]
    while frontier:
        following: list[int] = []
        for v in frontier:
            for w in succ[v]:
                if w == start:
                    path = [v]
                    while path[-1] != start:
                        path.append(parent[path[-1]])
                    return path[::-1]
                if w in members and w not in parent:
                    parent[w] = v
                    following.append(w)
        frontier = following
    return []


class Dominators:
    """Which vertices every path from the root passes through.

    Lengauer and Tarjan's algorithm ("A fast algorithm for finding dominators in a flowgraph",
    1979), simple version with iterative path compression: O(m log n) whatever the graph's
    shape. (The iterative Cooper-Harvey-Kennedy scheme is simpler but quadratic on a long
    chain whose questions all share one outcome, a common shape for decision trees.)

    `dominates(a, b)` answers in constant time from pre/post numbers of the dominator tree."""

    def __init__(self, succ: Adjacency, root: int, pred: Adjacency | None = None) -> None:
        """`pred`, the reversed graph, when the caller has it already (else it is built)."""
        self.idom = self._immediate(succ, root, predecessors(succ) if pred is None else pred)
        self.reachable = bytearray(parent != -1 for parent in self.idom)
        self.pre, self.post = self._intervals(root)
        """Each vertex's interval in the dominator tree: `a` dominates `b` when b's lies
        inside a's (-1 on unreachable vertices). Read directly by the linter's hot loops."""

    def _immediate(self, succ: Adjacency, root: int, pred: Adjacency) -> list[int]:
        n = len(succ)
        order, parent = _preorder(succ, root)
        semi = [-1] * n  # the preorder number of the semidominator; -1: unreachable
        for i, v in enumerate(order):
            semi[v] = i
        ancestor = [-1] * n
        label = list(range(n))
        idom = [-1] * n
        bucket: list[list[int]] = [[] for _ in range(n)]

        def evaluate(v: int) -> int:
            if ancestor[v] == -1:
                return v
            if ancestor[ancestor[v]] == -1:
                return label[v]  # nothing to compress: the common case
            chain = []
            x = v
            while ancestor[ancestor[x]] != -1:
                chain.append(x)
                x = ancestor[x]
            while chain:  # compress from the top down, as the recursive version does
                y = chain.pop()
                a = ancestor[y]
                if semi[label[a]] < semi[label[y]]:
                    label[y] = label[a]
                ancestor[y] = ancestor[a]
            return label[v]

        for i in range(len(order) - 1, 0, -1):
            w = order[i]
            for v in pred[w]:
                if semi[v] != -1:
                    u = v if ancestor[v] == -1 else evaluate(v)
                    if semi[u] < semi[w]:
                        semi[w] = semi[u]
            bucket[order[semi[w]]].append(w)
            p = parent[w]
            ancestor[w] = p
            for v in bucket[p]:
                u = evaluate(v)
                idom[v] = u if semi[u] < semi[v] else p
            bucket[p] = []
        for w in order[1:]:
            if idom[w] != order[semi[w]]:
                idom[w] = idom[idom[w]]
        idom[root] = root
        return idom

    def _intervals(self, root: int) -> tuple[list[int], list[int]]:
        children: list[list[int]] = [[] for _ in self.idom]
        for v, parent in enumerate(self.idom):
            if parent != -1 and v != root:
                children[parent].append(v)
        pre = [-1] * len(self.idom)
        post = [-1] * len(self.idom)
        clock = 0
        stack: list[tuple[int, Iterator[int]]] = [(root, iter(children[root]))]
        pre[root] = clock
        while stack:
            v, below = stack[-1]
            child = next(below, -1)
            clock += 1
            if child != -1:
                pre[child] = clock
                stack.append((child, iter(children[child])))
            else:
                stack.pop()
                post[v] = clock
        return pre, post

    def dominated(self, a: int) -> Callable[[int], bool]:
        """`dominates(a, b)` as a function of `b`, for testing many vertices against one `a`."""
        if not self.reachable[a]:
            return lambda b: False
        low, high, pre, post = self.pre[a], self.post[a], self.pre, self.post
        return lambda b: low <= pre[b] and post[b] <= high

    def interval(self, a: int) -> tuple[int, int]:
        """(pre, post) of reachable `a`: it dominates `b` when pre[a] <= pre[b] and
        post[b] <= post[a]. For loops that test many vertices without a call each."""
        return self.pre[a], self.post[a]

    def dominates(self, a: int, b: int) -> bool:
        """Every path from the root to `b` passes through `a` (a vertex dominates itself)."""
        if not (self.reachable[a] and self.reachable[b]):
            return False
        return self.pre[a] <= self.pre[b] and self.post[b] <= self.post[a]
