"""Time to the first suggestion for each real client's message sequence, and what it inserts.

    .venv/bin/python benchmarks/clients.py [--runs 3]

Replays, for each client of tests/server/test_clients.py (GitLab's Neovim plugin, Neovim 0.11,
vim-lsp, yegappan/lsp, Eglot, lsp-mode, a vscode-languageserver 9 client), its exact message
sequence against a fresh `gitlab-lsp --stdio` subprocess and the bundled mock running in this
process: process start, `initialize`, its settings pushes, `didOpen`, its suggestion request.
Prints, per client, the median time from process start to the first non-empty answer (so
server start-up, the token check and the client's own trigger kind, debounced or not, are
all in it), the same with the start-up (process start to the `initialize` answer) taken out,
and whether what the client inserts is the whole suggestion (multi-line, and after a typed
word).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from server.test_clients import (
    CLIENTS,
    MULTI_LINE,
    MULTI_LINE_SUGGESTION,
    TYPED_WORD,
    TYPED_WORD_SUGGESTION,
    _replay,
)

from gitlab_lsp.mock import MockStack


async def measure(stack: MockStack, runs: int) -> list[tuple[str, str, float, float]]:
    rows = []
    for client in CLIENTS:
        firsts: list[float] = []
        after_init: list[float] = []
        whole = True
        for _ in range(runs):
            stack.control.reset()
            results = await _replay(client, stack)
            firsts.append(results["first_suggestion_s"] * 1000)
            after_init.append((results["first_suggestion_s"] - results["initialized_s"]) * 1000)
            ok = (
                results.get("multi_buffer") == MULTI_LINE + MULTI_LINE_SUGGESTION
                and results.get("word_buffer") == TYPED_WORD + TYPED_WORD_SUGGESTION
            )
            if not ok:
                print(f"{client.name}: not whole: {results['multi']} {results['word']}")
            whole = whole and ok
        inserts = "whole (multi-line, typed word)" if whole else "NOT WHOLE"
        rows.append(
            (client.name, inserts, statistics.median(firsts), statistics.median(after_init))
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with MockStack() as stack:
        rows = asyncio.run(measure(stack, args.runs))
    name_width = max(len(r[0]) for r in rows)
    print(f"median of {args.runs} runs; times from process start (ms)")
    header = f"{'client':<{name_width}}  {'inserts':<32}  {'first suggestion':>16}  {'after initialize':>16}"
    print(header)
    print("-" * len(header))
    for name, inserts, first, after in rows:
        print(f"{name:<{name_width}}  {inserts:<32}  {first:>16.0f}  {after:>16.0f}")


if __name__ == "__main__":
    main()
