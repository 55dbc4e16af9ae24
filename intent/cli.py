"""`gitlab-lsp intent eval|classify`: measure intent detection, or ask it about one file.

`register` only declares arguments; tree-sitter is imported when a command runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "intent", help="intent detection: evaluate on labelled cases, or classify a position"
    )
    commands = parser.add_subparsers(dest="intent_command", metavar="COMMAND")
    parser.set_defaults(func=lambda _args: _usage(parser))

    ev = commands.add_parser("eval", help="accuracy, confusion matrix and latency on datasets")
    ev.add_argument("datasets", nargs="+", metavar="DATASET", help="JSONL case files")
    ev.add_argument(
        "--min-accuracy", type=float, default=None, help="exit 1 when accuracy is below this"
    )
    ev.add_argument("--format", choices=("table", "json", "junit"), default="table")
    ev.set_defaults(func=run_eval)

    cl = commands.add_parser("classify", help="completion or generation at a position")
    cl.add_argument("file", help="the file, or - for stdin")
    cl.add_argument("--line", type=int, required=True, help="0-based line")
    cl.add_argument("--character", type=int, required=True, help="0-based UTF-16 column")
    cl.add_argument("--language", default=None, help="LSP languageId (default: from FILE)")
    cl.add_argument("--json", action="store_true", help="print one JSON object")
    cl.set_defaults(func=run_classify)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def run_eval(args: argparse.Namespace) -> int:
    from intent.evaluate import evaluate, load_cases
    from intent.model import DatasetError
    from intent.report import as_json, as_junit, as_table

    cases = []
    try:
        for name in args.datasets:
            cases.extend(load_cases(Path(name)))
    except DatasetError as exc:
        print(f"gitlab-lsp intent eval: {exc}", file=sys.stderr)
        return 2
    report = evaluate(cases)
    render = {"table": as_table, "json": as_json, "junit": as_junit}[args.format]
    _print(render(report))
    if args.min_accuracy is not None and report.accuracy < args.min_accuracy:
        print(
            f"accuracy {report.accuracy:.2%} is below --min-accuracy {args.min_accuracy:.2%}",
            file=sys.stderr,
        )
        return 1
    return 0


def _print(text: str) -> None:
    """Print, tolerating a reader that stops early (`... | head`)."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        # the interpreter would complain again while flushing stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def run_classify(args: argparse.Namespace) -> int:
    import intent

    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            text = Path(args.file).read_text(encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        print(f"gitlab-lsp intent classify: {exc}", file=sys.stderr)
        return 2
    filename = None if args.file == "-" else args.file
    result = intent.detect(
        text, args.line, args.character, language_id=args.language, filename=filename
    )
    if args.json:
        print(
            json.dumps(
                {
                    "intent": result.intent,
                    "generation_type": result.generation_type,
                    "user_instruction": result.user_instruction,
                    "reason": result.reason,
                },
                ensure_ascii=False,
            )
        )
    else:
        label: str = result.intent
        if result.generation_type:
            label += f" ({result.generation_type})"
        print(label)
        if result.user_instruction:
            print(f"instruction: {result.user_instruction}")
        print(f"reason: {result.reason}")
    return 0
