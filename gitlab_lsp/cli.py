"""The `gitlab-lsp` command line: one parser, sub-commands contributed by feature modules.

Each feature module owns its sub-command through a `register(subparsers)` function that
only declares arguments and sets `func`; heavy imports happen inside `func`, so that
`gitlab-lsp --stdio` starts quickly and `--help` never pays for tree-sitter or uvicorn.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from gitlab_lsp import __version__

#: Modules that contribute sub-commands, in the order `--help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "gitlab_lsp.server.cli",  # serve (and the bare --stdio / --tcp / --mock form)
    "gitlab_lsp.sdk.cli",  # suggest, auth
    "gitlab_lsp.demo",  # demo
    "intent.cli",  # intent eval | classify
    "gitlab_lsp.mock.cli",  # mock-gateway
)

#: Flags that, given without a sub-command, mean `serve` (editors launch `gitlab-lsp --stdio`).
SERVE_FLAGS = ("--stdio", "--tcp", "--mock", "--log-level", "--log-file")

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gitlab-lsp",
        description=(
            "Language server and SDK for GitLab Duo Code Suggestions. Editors launch "
            "`gitlab-lsp --stdio`; try it without a GitLab account with `gitlab-lsp demo` "
            "or `gitlab-lsp --stdio --mock`."
        ),
    )
    parser.add_argument("--version", action="version", version=f"gitlab-lsp {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _normalise(argv: Sequence[str]) -> list[str]:
    args = list(argv)
    serving = any(a == f or a.startswith(f + "=") for a in args for f in SERVE_FLAGS)
    if serving and args[0].startswith("-") and args[0] not in ("-h", "--help", "--version"):
        return ["serve", *args]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args_in = _normalise(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_in)
    func: Handler | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return func(args)
    except KeyboardInterrupt:
        return 130
