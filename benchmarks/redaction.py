"""Secret-redaction benchmark: false positives on ordinary code, throughput, latency per request.

    .venv/bin/python benchmarks/redaction.py [--chunk-kb 100] [--repeat 3]

Scans the Python standard library (test suites excluded) and this project's sources with
every rule, then times `redact` on consecutive chunks of that code (100 kB by default, the
size of a large file, and 4 kB, a typical editor request) and prints one table. Every
match on this corpus counts as a false positive: it holds no credentials.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from gitlab_lsp.privacy import RULE_IDS, RULES, redact
from gitlab_lsp.privacy.measure import Scan, project_files, scan, stdlib_files

ROOT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def chunk_timings(text: str, size: int, repeat: int) -> list[float]:
    """Milliseconds `redact` takes on each consecutive `size`-character chunk (best of N)."""
    timings = []
    for start in range(0, len(text) - size + 1, size):
        chunk = text[start : start + size]
        best = float("inf")
        for _ in range(repeat):
            began = time.perf_counter()
            redact(chunk)
            best = min(best, time.perf_counter() - began)
        timings.append(best * 1000)
    return timings


def corpus_row(name: str, result: Scan) -> str:
    mb = result.bytes / 1e6
    return (
        f"| {name:<22} | {result.files:>5} | {result.bytes:>10,} | {len(result.matches):>7} "
        f"| {result.flagged_files / result.files:>12.2%} | {len(result.matches) / mb:>9.3f} "
        f"| {mb / result.seconds:>6.1f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunk-kb", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="best of N per chunk")
    args = parser.parse_args()

    stdlib, project = stdlib_files(), project_files(ROOT)
    results = {"stdlib (no tests)": scan(stdlib), "project sources": scan(project)}
    total = Scan()
    for result in results.values():
        total.files += result.files
        total.bytes += result.bytes
        total.seconds += result.seconds
        total.matches += result.matches

    print(f"{len(RULE_IDS)} rule families, {len(RULES)} patterns, Python {sys.version.split()[0]}")
    print()
    print(
        "| corpus                 | files |      bytes | matches | files flagged |  FP / MB |   MB/s |"
    )
    print(
        "|------------------------|-------|------------|---------|---------------|----------|--------|"
    )
    for name, result in [*results.items(), ("total", total)]:
        print(corpus_row(name, result))
    print()

    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in stdlib)
    print("| redact() on         | chunks |  p50 ms |  p99 ms |  max ms | mean MB/s |")
    print("|---------------------|--------|---------|---------|---------|-----------|")
    for size in (args.chunk_kb * 1000, 4000):
        timings = chunk_timings(text, size, args.repeat)
        mbps = size / 1e6 / (statistics.mean(timings) / 1000)
        print(
            f"| {size // 1000:>4} kB chunks      | {len(timings):>6} | {percentile(timings, 50):>7.3f} "
            f"| {percentile(timings, 99):>7.3f} | {max(timings):>7.3f} | {mbps:>9.1f} |"
        )
    if total.matches:
        print("\nmatches (all count as false positives):")
        for line in total.describe_matches():
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
