"""SDK benchmark: direct vs instance route latency, and direct_access calls under concurrency.

    .venv/bin/python benchmarks/sdk.py [--requests 40] [--concurrency 50] [--first-runs 5]

Runs the real SDK against the bundled mock over real HTTP, with the mock's per-hop latencies
set as in GitLab's direct-connection design (the Rails hop costs ~150 ms that the direct route skips), and prints a
table: p50 / p99 / mean per route, a new client's first completion with and without
`warm_up()`, and how many `direct_access` calls N concurrent first
requests cause (single flight: 1).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time

from gitlab_lsp import ClientOptions, CodeSuggestions
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk.request import SuggestionRequest

#: Seconds per hop (the client -> Rails hop is what direct connections save).
HOPS = {
    "client_instance": 0.150,
    "client_gateway": 0.020,
    "instance_gateway": 0.020,
    "model": 0.050,
}

ABOVE = "import math\n\n\ndef circle_area(radius: float) -> float:\n    return "
REQUEST: SuggestionRequest = {
    "file_name": "geometry.py",
    "content_above_cursor": ABOVE,
    "content_below_cursor": "\n",
    "language_id": "python",
    "intent": "completion",
}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


async def sequential(stack: MockStack, direct: bool, n: int) -> tuple[list[float], set[str]]:
    options = ClientOptions(direct_connection=direct, ide_name="benchmark", ide_version="1")
    totals: list[float] = []
    routes: set[str] = set()
    async with CodeSuggestions(stack.instance_url, stack.tokens["duo"], options=options) as cs:
        await cs.suggest(**REQUEST)  # warm-up: token and connections, not measured
        for _ in range(n):
            started = time.perf_counter()
            suggestion = await cs.suggest(**REQUEST)
            totals.append((time.perf_counter() - started) * 1000)
            routes.add(suggestion.route)
    return totals, routes


async def first_completion(stack: MockStack, warm: bool, runs: int) -> tuple[float, float]:
    """Median total and token wait (ms) of a new client's first completion, with or without
    `warm_up()` half a second before it (an editor opening, then the user typing)."""
    options = ClientOptions(ide_name="benchmark", ide_version="1")
    totals: list[float] = []
    waits: list[float] = []
    for _ in range(runs):
        async with CodeSuggestions(stack.instance_url, stack.tokens["duo"], options=options) as cs:
            if warm:
                await cs.warm_up()
            await asyncio.sleep(0.5)
            started = time.perf_counter()
            suggestion = await cs.suggest(**REQUEST)
            totals.append((time.perf_counter() - started) * 1000)
            waits.append(suggestion.timings.token_wait)
    return statistics.median(totals), statistics.median(waits)


async def concurrent(stack: MockStack, n: int) -> tuple[int, int, float]:
    stack.control.clear_requests()
    options = ClientOptions(ide_name="benchmark", ide_version="1")
    async with CodeSuggestions(stack.instance_url, stack.tokens["duo"], options=options) as cs:
        started = time.perf_counter()
        results = await asyncio.gather(*(cs.suggest(**REQUEST) for _ in range(n)))
        elapsed = (time.perf_counter() - started) * 1000
        client_calls = cs.direct_access_requests
    seen = [
        e
        for e in stack.control.requests()
        if e["party"] == "instance" and e["path"].endswith("/code_suggestions/direct_access")
    ]
    direct = sum(1 for r in results if r.route == "direct")
    assert direct == n, f"only {direct} of {n} went direct"
    return client_calls, len(seen), elapsed


async def expiring(stack: MockStack, lifetime: int, seconds: float) -> tuple[int, int, int, int]:
    """Requests every 250 ms while user JWTs live `lifetime` s: how many waited for a token?"""
    stack.control.token_lifetime(lifetime)
    stack.control.clear_requests()
    options = ClientOptions(ide_name="benchmark", ide_version="1")
    waited = sent = 0
    routes: set[str] = set()
    async with CodeSuggestions(stack.instance_url, stack.tokens["duo"], options=options) as cs:
        await cs.suggest(**REQUEST)  # the first need fetches the token: not counted
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            suggestion = await cs.suggest(**REQUEST)
            sent += 1
            routes.add(suggestion.route)
            waited += suggestion.timings.token_wait > 1.0
            await asyncio.sleep(0.25)
        calls = cs.direct_access_requests
    stack.control.token_lifetime(None)
    return sent, waited, calls, sum(r == "instance" for r in routes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40, help="sequential requests per route")
    parser.add_argument("--concurrency", type=int, default=50, help="concurrent first requests")
    parser.add_argument(
        "--first-runs", type=int, default=5, help="new clients per first-request row"
    )
    parser.add_argument(
        "--expiry-seconds", type=float, default=8.0, help="length of the 3 s token lifetime run"
    )
    args = parser.parse_args()
    with MockStack(realm="saas", host="127.0.0.1") as stack:
        stack.control.latency(**HOPS)
        # The mock enforces GitLab's per-user limits; a benchmark sends more than a person types.
        stack.control.rate_limits(direct_access=None, completions=None, gateway=None)
        direct, direct_routes = asyncio.run(sequential(stack, True, args.requests))
        instance, instance_routes = asyncio.run(sequential(stack, False, args.requests))
        cold = asyncio.run(first_completion(stack, False, args.first_runs))
        warmed = asyncio.run(first_completion(stack, True, args.first_runs))
        calls, seen, elapsed = asyncio.run(concurrent(stack, args.concurrency))
        stack.control.latency()
        sent, waited, refreshes, fell_back = asyncio.run(expiring(stack, 3, args.expiry_seconds))
    hops = ", ".join(f"{k}={v * 1000:.0f} ms" for k, v in HOPS.items())
    print(f"SDK against the bundled mock over HTTP; injected hops: {hops}")
    print(f"{args.requests} sequential completions per route (after one warm-up request)\n")
    print(f"| {'route':<34} | {'p50 ms':>8} | {'p99 ms':>8} | {'mean ms':>8} |")
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 10}|{'-' * 10}|")
    for label, values, routes in (
        ("direct (AI gateway)", direct, direct_routes),
        ("instance (direct off)", instance, instance_routes),
    ):
        name = f"{label} [{'/'.join(sorted(routes))}]"
        print(
            f"| {name:<34} | {percentile(values, 50):>8.1f} | {percentile(values, 99):>8.1f} "
            f"| {statistics.fmean(values):>8.1f} |"
        )
    saved = statistics.median(instance) - statistics.median(direct)
    print(f"\ndirect saves {saved:.1f} ms at p50")
    print(f"\na new client's first completion, median of {args.first_runs} clients:\n")
    print(f"| {'first completion':<34} | {'total ms':>8} | {'token wait ms':>13} |")
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 15}|")
    for label, (total, wait) in (("cold", cold), ("after warm_up() + 0.5 s", warmed)):
        print(f"| {label:<34} | {total:>8.1f} | {wait:>13.1f} |")
    print(
        f"\n{args.concurrency} concurrent first completions: {calls} direct_access call(s) "
        f"made by the client, {seen} received by the mock instance; all {args.concurrency} "
        f"went direct; wall time {elapsed:.0f} ms"
    )
    print(
        f"\nuser JWTs living 3 s, one completion every 250 ms for {args.expiry_seconds:g} s: "
        f"{waited} of {sent} requests waited for a token, {refreshes} direct_access calls, "
        f"{'some' if fell_back else 'no'} completions fell back to the instance"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
