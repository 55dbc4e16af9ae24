"""Intent detection speed: incremental `Document.detect` against a full parse per request.

    .venv/bin/python benchmarks/intent.py [--requests 400] [--seed 7]

Prints one table. Rows:
- `Document.detect` after a one-character edit in a 2,000-line file (the edit itself, an
  incremental re-parse, is timed on its own row; target: detect p99 <= 1 ms);
- a full parse of a 10,000-line file (target <= 20 ms);
- the same requests answered the official client's way, a full parse per request
  (`intent.detect` on the whole text), and the ratio to the incremental way;
- a 5 MB file (window parse), for the bounded-time promise.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import intent
from intent.document import Document
from intent.languages import grammar

FUNCTION = '''
def handler_{n}(request, store):
    """Handle request number {n}."""
    user = store.get(request.user_id)
    if user is None:
        return {{"status": 404}}
    # update the visit counter
    user.visits += 1
    store.put(user)
    return {{"status": 200, "visits": user.visits}}
'''


TS_FUNCTION = """
export function handler{n}(request: Req, store: Store): Res {{
  const user = store.get(request.userId);
  if (user === undefined) {{
    return {{ status: 404 }};
  }}
  // update the visit counter
  user.visits += 1;
  store.put(user);
  return {{ status: 200, visits: user.visits }};
}}
"""


def typescript_source(lines: int) -> str:
    parts = ['import { Req, Res, Store } from "./types";\n']
    n = 0
    while sum(p.count("\n") for p in parts) < lines:
        parts.append(TS_FUNCTION.format(n=n))
        n += 1
    return "".join(parts)


def python_source(lines: int) -> str:
    header = "import json\nimport logging\n\nlog = logging.getLogger(__name__)\n"
    parts = [header]
    n = 0
    while sum(p.count("\n") for p in parts) < lines:
        parts.append(FUNCTION.format(n=n))
        n += 1
    return "".join(parts)


def quantiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return p50 * 1000.0, p99 * 1000.0


def timed(fn: Callable[..., object], *args: Any, **kwargs: Any) -> float:
    began = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    source = python_source(2_000)
    lines = source.split("\n")
    doc = Document(source, language_id="python")
    requests: list[tuple[int, int]] = []
    edit_times: list[float] = []
    detect_times: list[float] = []
    best_times: list[float] = []
    for index in range(args.requests):
        line = rng.randrange(5, len(lines) - 2)
        column = rng.randrange(0, len(lines[line]) + 1)
        if index % 2 == 0:  # type one character, then delete it on the next request
            edit_times.append(timed(doc.apply_change, "x", (line, column), (line, column)))
            last = (line, column)
            position = (line, column + 1)
        else:
            end = (last[0], last[1] + 1)
            edit_times.append(timed(doc.apply_change, "", last, end))
            position = last
        requests.append(position)
        detect_times.append(timed(doc.detect, *position))
        # the same call twice more: detect is pure, so the minimum removes the scheduler's
        # noise on a shared machine (reported on its own row, next to the raw figure)
        repeats = [timed(doc.detect, *position) for _ in range(2)]
        best_times.append(min(detect_times[-1], *repeats))
    assert doc.text == source

    official_times = [
        timed(intent.detect, source, line, column, language_id="python")
        for line, column in requests[: max(50, args.requests // 4)]
    ]

    from tree_sitter import Parser

    big = python_source(10_000).encode()
    language = grammar("python").language
    parse_times = [timed(Parser(language).parse, big) for _ in range(9)]
    big_ts = typescript_source(10_000).encode()
    ts_language = grammar("typescript").language
    ts_parse_times = [timed(Parser(ts_language).parse, big_ts) for _ in range(9)]

    huge_text = python_source(2_000) * 90
    huge_times = [
        timed(intent.detect, huge_text, 91_000 + i, 4, language_id="python") for i in range(3)
    ]

    detect = quantiles(detect_times)
    best = quantiles(best_times)
    ts_parse = quantiles(ts_parse_times)
    edit = quantiles(edit_times)
    official = quantiles(official_times)
    parse = quantiles(parse_times)
    huge = quantiles(huge_times)
    rows = [
        (
            "Document.detect after a 1-char edit (2,000 lines)",
            detect,
            "p99 <= 1 ms",
            detect[1] <= 1.0,
        ),
        ("  same requests, best of 3 calls each", best, "p99 <= 1 ms", best[1] <= 1.0),
        ("  apply_change (incremental re-parse), same edits", edit, "-", None),
        ("  edit + detect", (edit[0] + detect[0], edit[1] + detect[1]), "-", None),
        ("full parse, 10,000 lines of Python", parse, "<= 20 ms", parse[1] <= 20.0),
        ("full parse, 10,000 lines of TypeScript", ts_parse, "<= 20 ms", ts_parse[1] <= 20.0),
        ("official way: full parse per request (2,000 lines)", official, "-", None),
        (f"5 MB file ({len(huge_text) / 1e6:.1f} MB), detect in a window", huge, "bounded", None),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'p50 ms':>8}  {'p99 ms':>8}  {'target':>12}  ok")
    for name, (p50, p99), target, ok in rows:
        mark = "" if ok is None else ("yes" if ok else "NO")
        print(f"{name:<{width}}  {p50:>8.3f}  {p99:>8.3f}  {target:>12}  {mark}")
    print(
        f"\nofficial way / incremental detect: p50 x{official[0] / detect[0]:.0f}, "
        f"p99 x{official[1] / detect[1]:.0f}; "
        f"official way / (incremental edit + detect): p50 x{official[0] / (edit[0] + detect[0]):.1f}"
    )
    big_lines = big.count(b"\n")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"({args.requests} requests, {len(official_times)} official-way requests, "
        f"{len(source.splitlines())} and {big_lines} lines; load average {load:.2f} "
        f"on {os.cpu_count()} CPUs)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
