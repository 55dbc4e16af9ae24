"""Intent detection speed: incremental `Document.detect` against a full parse per request.

    .venv/bin/python benchmarks/intent.py [--requests 400] [--seed 7]

Prints one table. For a 2,000-line Python file and a 2,000-line TypeScript file:
- `Document.detect` after a one-character edit (target: p99 <= 1 ms): the first call on the
  new version of the document, so nothing it computes is cached yet;
- the edit itself (`apply_change`: `tree.edit` + incremental re-parse);
- the same requests answered the official client's way, a full parse per request
  (`intent.detect` on the whole text), and the ratio to the incremental way.
Then a full parse of a 10,000-line file (target <= 20 ms) and a 5 MB file (window parse).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import intent
from intent.document import Document
from intent.languages import grammar

PY_FUNCTION = '''
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


def _source(header: str, function: str, lines: int) -> str:
    parts = [header]
    n = 0
    while sum(p.count("\n") for p in parts) < lines:
        parts.append(function.format(n=n))
        n += 1
    return "".join(parts)


def python_source(lines: int) -> str:
    header = "import json\nimport logging\n\nlog = logging.getLogger(__name__)\n"
    return _source(header, PY_FUNCTION, lines)


def typescript_source(lines: int) -> str:
    return _source('import { Req, Res, Store } from "./types";\n', TS_FUNCTION, lines)


def quantiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return p50 * 1000.0, p99 * 1000.0


def timed(fn: Callable[..., object], *args: Any, **kwargs: Any) -> float:
    began = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - began


@dataclass
class EditRun:
    detect: tuple[float, float]
    edit: tuple[float, float]
    official: tuple[float, float]


def edit_run(language: str, source: str, requests: int, rng: random.Random) -> EditRun:
    """Type one character, ask, delete it, ask: `requests` times at random places."""
    lines = source.split("\n")
    doc = Document(source, language_id=language)
    positions: list[tuple[int, int]] = []
    edit_times: list[float] = []
    detect_times: list[float] = []
    last = (0, 0)
    for index in range(requests):
        if index % 2 == 0:
            line = rng.randrange(5, len(lines) - 2)
            column = rng.randrange(0, len(lines[line]) + 1)
            edit_times.append(timed(doc.apply_change, "x", (line, column), (line, column)))
            last = (line, column)
            position = (line, column + 1)
        else:
            edit_times.append(timed(doc.apply_change, "", last, (last[0], last[1] + 1)))
            position = last
        positions.append(position)
        detect_times.append(timed(doc.detect, *position))
    assert doc.text == source
    official_times = [
        timed(intent.detect, source, line, column, language_id=language)
        for line, column in positions[: max(40, requests // 5)]
    ]
    return EditRun(
        quantiles(detect_times),
        quantiles(edit_times),
        quantiles(official_times),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    from tree_sitter import Parser

    rows: list[tuple[str, tuple[float, float], str, bool | None]] = []
    ratios: list[str] = []
    for language, source in (
        ("python", python_source(2_000)),
        ("typescript", typescript_source(2_000)),
    ):
        run = edit_run(language, source, args.requests, rng)
        rows += [
            (
                f"{language}: Document.detect after a 1-char edit",
                run.detect,
                "p99 <= 1 ms",
                run.detect[1] <= 1.0,
            ),
            (f"{language}:   apply_change (incremental parse)", run.edit, "-", None),
            (f"{language}: official way, full parse per request", run.official, "-", None),
        ]
        ratios.append(
            f"{language}: official way / detect p50 x{run.official[0] / run.detect[0]:.0f}, "
            f"/ (edit + detect) p50 x{run.official[0] / (run.edit[0] + run.detect[0]):.1f}"
        )

    for language, source in (
        ("python", python_source(10_000)),
        ("typescript", typescript_source(10_000)),
    ):
        data = source.encode()
        parse = Parser(grammar(language).language).parse
        times = quantiles([timed(parse, data) for _ in range(9)])
        rows.append((f"full parse, 10,000 lines of {language}", times, "<= 20 ms", times[1] <= 20))

    huge_text = python_source(2_000) * 90
    huge_times = [
        timed(intent.detect, huge_text, 91_000 + i, 4, language_id="python") for i in range(3)
    ]
    rows.append(
        (
            f"{len(huge_text) / 1e6:.1f} MB file, detect (window parse)",
            quantiles(huge_times),
            "bounded",
            None,
        )
    )

    width = max(len(r[0]) for r in rows)
    print(
        f"{'measurement (2,000-line files)':<{width}}  {'p50 ms':>8}  {'p99 ms':>8}  "
        f"{'target':>12}  ok"
    )
    for name, (p50, p99), target, ok in rows:
        mark = "" if ok is None else ("yes" if ok else "NO")
        print(f"{name:<{width}}  {p50:>8.3f}  {p99:>8.3f}  {target:>12}  {mark}")
    print()
    for line in ratios:
        print(line)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"({args.requests} edit requests per language; load average {load:.2f} "
        f"on {os.cpu_count()} CPUs: raw figures move with it)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
