"""The `wizard` command line. Only `launch_app` imports Textual, and only when it runs."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.diagnostics import TreeError

if TYPE_CHECKING:
    from wizard.tree.schema import Tree

Handler = Callable[[argparse.Namespace], int]
TREE_HELP = "a shipped tree's id (e.g. internship) or a path to a TOML file"
ANSWERS_LIMIT = 10 * 2**20
"""An answers file larger than this (10 MB) is refused unread."""


class _Version(argparse.Action):
    """`--version`, reading the installed version only when asked (importlib.metadata is slow
    to import, and every `wizard` run, the app's start included, builds this parser)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "show the version and exit")
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("china-pathways-wizard")
        except PackageNotFoundError:  # pragma: no cover - a checkout without install
            found = "0+unknown"
        print(f"{parser.prog} {found}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wizard",
        description="China Pathways Wizard: questions about China's visa, internship and "
        "permanent-residence rules, ending in a recommended pathway with its risks, checklist "
        "and sources. With no command, opens the app.",
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="folder for sessions (default: the user data folder, or $WIZARD_DATA_DIR)",
    )
    parser.add_argument("--counselor", action="store_true", help="open the app in counselor mode")
    parser.add_argument("--lang", default="en", help="language of tree texts (default: en)")
    parser.set_defaults(handler=launch_app, tree=None, session=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser(
        "check",
        help="load and lint trees; print every problem as file:line: node: message",
        description="Load and lint tree files. Errors exit 1; warnings exit 0 unless --strict.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="tree files or folders of them (default: the shipped trees)",
    )
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.set_defaults(handler=cmd_check, skip_teardown=True)

    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of the tree format",
        description="Print the JSON Schema of the tree format, for editors such as Taplo.",
    )
    p.set_defaults(handler=cmd_schema)

    p = sub.add_parser(
        "run",
        help="walk a tree headlessly from a file of answers",
        description="Walk TREE with the answers in FILE (a TOML table of question id = "
        "answer) and print the outcome. When the answers run out, print the next "
        "question and exit 2.",
    )
    p.add_argument("tree", metavar="TREE", help=TREE_HELP)
    p.add_argument(
        "--answers",
        type=Path,
        required=True,
        metavar="FILE.toml",
        help="TOML table of question id = answer (option ids, numbers, dates, text)",
    )
    p.add_argument(
        "--format",
        choices=["text", "md", "json"],
        default="text",
        help="output format (default: text)",
    )
    p.set_defaults(handler=cmd_run, skip_teardown=True)

    p = sub.add_parser(
        "paths",
        help="count the paths to each outcome and show a shortest one",
        description="For every outcome: how many distinct paths reach it and one "
        "shortest answer sequence (counted over the graph, never by enumerating).",
    )
    p.add_argument("tree", metavar="TREE", help=TREE_HELP)
    p.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format (default: text)"
    )
    p.set_defaults(handler=cmd_paths, skip_teardown=True)

    p = sub.add_parser(
        "graph",
        help="draw the tree as a Mermaid or Graphviz diagram",
        description="Print the tree as a diagram: questions, outcomes coloured by "
        "verdict, edges labelled with the option.",
    )
    p.add_argument("tree", metavar="TREE", help=TREE_HELP)
    p.add_argument(
        "--format",
        choices=["mermaid", "dot"],
        default="mermaid",
        help="diagram language (default: mermaid)",
    )
    p.set_defaults(handler=cmd_graph)

    p = sub.add_parser(
        "start",
        help="open the app at the first question of TREE",
        description="Open the app directly at TREE's first question.",
    )
    p.add_argument("tree", metavar="TREE", help=TREE_HELP)
    p.set_defaults(handler=launch_app)

    from wizard.cli import exports, outbox, sessions  # commands declared beside their feature

    sessions.register(sub, launch=launch_app)
    exports.register(sub)
    outbox.register(sub)

    from wizard.cli import clients

    clients.register(sub)
    return parser


def entry() -> None:
    """The `wizard` console script: `main`, then exit. After `wizard check`, `run` and `paths`,
    whose work is only reading and printing, the exit skips freeing the trees' objects one by
    one (a tenth of the time on a 10,000-node tree); nothing else is pending then, as output is
    flushed first."""
    args = app_defaults() if len(sys.argv) < 2 else build_parser().parse_args()
    code = run(args)
    if getattr(args, "skip_teardown", False):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def app_defaults() -> argparse.Namespace:
    """What `wizard` with no arguments parses to (the app, with every option at its default),
    without building the parser: that takes longer than the rest of the command line's start."""
    return argparse.Namespace(
        version=None, data_dir=None, counselor=False, lang="en", handler=launch_app, tree=None,
        session=None,
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    return run(build_parser().parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Run the command `args` names; its exit status."""
    _replace_unencodable()
    try:
        handler: Handler = args.handler
        return handler(args)
    except TreeError as error:
        from wizard.terminal import visible

        for diagnostic in error.diagnostics:
            print(visible(str(diagnostic)).replace("\n", "\\n"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _replace_unencodable() -> None:
    """A character the terminal's encoding cannot show (`PYTHONIOENCODING=ascii`, an old
    console) is written as `?`, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or odd stream
                reconfigure(errors="replace")


def launch_app(args: argparse.Namespace) -> int:
    from screens.app import run_app  # Textual is imported only here

    code: int = run_app(args)
    return code


def _tree_files(paths: list[Path]) -> list[Path]:
    from wizard.tree.shipped import shipped_trees

    if not paths:
        return shipped_trees()
    files: list[Path] = []
    for path in paths:
        files += sorted(path.rglob("*.toml")) if path.is_dir() else [path]
    return files


def cmd_check(args: argparse.Namespace) -> int:
    from wizard.tree.gc_pause import paused_gc

    # Importing pydantic and building the models, then reading and linting, only add objects:
    # collecting meanwhile costs 8% on 10,000 nodes.
    files = _tree_files(args.paths)
    empty = [p for p in args.paths if p.is_dir() and not any(f.is_relative_to(p) for f in files)]
    for folder in empty:
        print(f"{folder}: a folder with no .toml files in it; nothing to check", file=sys.stderr)
    with paused_gc():
        from wizard.lint import lint_files

        diagnostics = lint_files(files)
    from wizard.terminal import visible

    for diagnostic in diagnostics:
        print(visible(str(diagnostic)).replace("\n", "\\n"))  # tree text, never an escape
    errors = sum(d.level == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    print(
        f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)", file=sys.stderr
    )
    return 1 if errors or empty or (args.strict and warnings) else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from wizard.tree.schema import Tree

    schema = Tree.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "China Pathways Wizard decision tree"
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return 0


def _read_answers(path: Path) -> dict[str, object] | None:
    from wizard.reading import read_regular
    from wizard.toml import TOMLDecodeError, parse_toml

    try:
        return parse_toml(read_regular(path, ANSWERS_LIMIT).decode("utf-8"))
    except OSError as error:
        print(f"{path}: cannot read answers: {error.strerror or error}", file=sys.stderr)
    except UnicodeDecodeError as error:
        print(f"{path}: cannot read answers: not UTF-8 text ({error.reason})", file=sys.stderr)
    except TOMLDecodeError as error:
        print(f"{path}: not valid TOML: {error}", file=sys.stderr)
    except (RecursionError, MemoryError):
        print(f"{path}: not valid TOML: arrays or tables nested too deeply", file=sys.stderr)
    return None


def _load(name: str) -> Tree:
    from wizard.lint import load

    return load(name)


def cmd_run(args: argparse.Namespace) -> int:
    from wizard.tree.gc_pause import paused_gc

    with paused_gc():  # as `check`: a tree, then the verdict's searches, only add objects
        from wizard.cli.run_output import question_text, render_outcome
        from wizard.tree.walk import Walk

        tree = _load(args.tree)
        answers = _read_answers(args.answers)
        if answers is None:
            return 1
        walk, problems = Walk.replay(tree, answers.items())
        for problem in problems:
            print(f"{args.answers}: {problem}", file=sys.stderr)
        if walk.current is not None:
            sys.stdout.write(question_text(walk.current, args.lang, str(args.answers)))
            return 2
        sys.stdout.write(render_outcome(walk, args.format, args.lang))
    return 0


def cmd_paths(args: argparse.Namespace) -> int:
    from wizard.tree.gc_pause import paused_gc

    with paused_gc():  # as `check`
        from wizard.tree.paths import count_paths, format_paths

        tree = _load(args.tree)
        sys.stdout.write(format_paths(tree, count_paths(tree), args.format))
    return 0


def cmd_graph(args: argparse.Namespace) -> int:
    from wizard.tree.drawing import dot, mermaid

    tree = _load(args.tree)
    sys.stdout.write(dot(tree) if args.format == "dot" else mermaid(tree))
    return 0


__all__ = ["build_parser", "main"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
