"""Messages about a tree file: `file:line: node-id: severity: message [rule]`."""

from __future__ import annotations

from typing import Literal, NamedTuple

Level = Literal["error", "warning"]


class Diagnostic(NamedTuple):
    """One problem found in a tree file, located by file, line and node."""

    file: str
    line: int
    node: str
    message: str
    level: Level = "error"
    rule: str = "schema"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.node}: {self.level}: {self.message} [{self.rule}]"


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.level == "error" for d in diagnostics)


class TreeError(Exception):
    """A tree could not be loaded; `diagnostics` says why. (Here, not in the loader, so the
    command line can catch it without importing pydantic.)"""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics))
