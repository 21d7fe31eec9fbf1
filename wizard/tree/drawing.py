"""The tree as a diagram: Mermaid (for Markdown viewers) or Graphviz dot.

Questions are boxes, outcomes are rounded and coloured by verdict, edges carry the option label
(or `if …` for a conditional route, `else` for a default). Tree text is written with its control
characters spelled out (`wizard.terminal.visible`): a diagram printed to a terminal cannot carry
an escape sequence, a hyperlink or a bidirectional override."""

from __future__ import annotations

from wizard.terminal import visible
from wizard.tree.routing import Edge, edges
from wizard.tree.schema import AnyQuestion, Condition, Tree, Verdict, tr

COLOURS: dict[Verdict, str] = {
    "recommended": "#b7e4c7",
    "possible": "#fff3b0",
    "not-advised": "#ffd6a5",
    "not-available": "#ffadad",
}


def edge_label(question: AnyQuestion, edge: Edge) -> str:
    """Words for an edge: the option's label, plus the route's condition if it has one."""
    parts = []
    if edge.option is not None:
        option = next(o for o in question.options if o.id == edge.option)
        parts.append(option.text())
    if edge.when is not None:
        parts.append(f"if {describe(edge.when)}")
    elif edge.option is None:
        parts.append("otherwise" if question.routes else "next")
    return " ".join(parts)


def describe(condition: Condition) -> str:
    """A condition in short words, e.g. `years >= 5 and spouse = chinese`."""
    if condition.all is not None:
        return " and ".join(describe(c) for c in condition.all)
    if condition.any is not None:
        return "(" + " or ".join(describe(c) for c in condition.any) + ")"
    if condition.not_ is not None:
        return f"not ({describe(condition.not_)})"
    symbols = {
        "is_": "=",
        "in_": "in",
        "has": "has",
        "eq": "=",
        "gt": ">",
        "gte": ">=",
        "lt": "<",
        "lte": "<=",
    }
    tests = []
    for name, symbol in symbols.items():
        value = getattr(condition, name)
        if value is not None:
            shown = "/".join(value) if isinstance(value, list) else str(value)
            tests.append(f"{condition.answer} {symbol} {shown}")
    return " and ".join(tests)


def mermaid(tree: Tree) -> str:
    lines = ["flowchart TD"]
    for qid, question in tree.nodes.items():
        lines.append(f'  {_mid(qid)}["{_mq(tr(question.prompt))}"]')
    for oid, outcome in tree.outcomes.items():
        lines.append(f'  {_mid(oid)}(["{_mq(tr(outcome.title))}<br/>{outcome.verdict}"])')
        lines.append(f"  class {_mid(oid)} {outcome.verdict.replace('-', '_')}")
    for question in tree.nodes.values():
        for edge in edges(question):
            label = _mq(edge_label(question, edge))
            lines.append(f'  {_mid(edge.source)} -->|"{label}"| {_mid(edge.target)}')
    for verdict, colour in COLOURS.items():
        lines.append(f"  classDef {verdict.replace('-', '_')} fill:{colour},stroke:#333")
    return "\n".join(lines) + "\n"


def dot(tree: Tree) -> str:
    lines = [
        f"digraph {_dq(tree.id)} {{",
        "  rankdir=TB;",
        '  node [fontname="Helvetica", shape=box, style="rounded"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    for qid, question in tree.nodes.items():
        lines.append(f"  {_dq(qid)} [label={_dq(_wrap(tr(question.prompt)))}];")
    for oid, outcome in tree.outcomes.items():
        label = _dq(_wrap(tr(outcome.title)) + "\n(" + outcome.verdict + ")")
        colour = COLOURS[outcome.verdict]
        lines.append(f'  {_dq(oid)} [label={label}, style="rounded,filled", fillcolor="{colour}"];')
    for question in tree.nodes.values():
        for edge in edges(question):
            label = _dq(_wrap(edge_label(question, edge), 30))
            lines.append(f"  {_dq(edge.source)} -> {_dq(edge.target)} [label={label}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mid(ident: str) -> str:
    # Mermaid ids cannot hold `-`; escaping `_` first keeps the mapping one-to-one.
    return "n_" + ident.replace("_", "_u").replace("-", "_h")


def _mq(text: str) -> str:
    """Text inside a Mermaid quoted label: quotes and markup characters as entities."""
    text = visible(text)
    for char, entity in (("&", "#amp;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(char, entity)
    return " ".join(text.split())


def _dq(text: str) -> str:
    """A Graphviz double-quoted string."""
    text = "\n".join(visible(line) for line in text.split("\n"))
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _wrap(text: str, width: int = 28) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])
