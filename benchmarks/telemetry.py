"""Telemetry benchmark: a failing or hanging telemetry endpoint costs completions nothing.

    .venv/bin/python benchmarks/telemetry.py [--requests 600] [--rounds 3] [--events 200000]

Drives the real `gitlab-lsp --stdio` subprocess (the JSON-RPC client of benchmarks/lsp.py)
against the bundled mock, one session per scenario, each the same scripted typing: invoked
inline completions with the suggestion cache off, every third one accepted through the
item's command, with the instance's usage events and a Snowplow collector (the mock's)
enabled:
- healthy: the usage endpoints and the collector answer at once (the reference);
- 500: they answer 500 for the whole session;
- hang: they never answer for the whole session (each attempt gives up after its deadline);
- off: `telemetry.enabled` false (what the completions cost with no telemetry at all).
For the failing scenarios the faults are then lifted and the time until the instance has
every event of the session is measured (backoff means seconds, not instantly). p99 of a
scenario is compared with the healthy one's as a ratio, in the same run.

Memory: `--events` events go into one client's telemetry while its endpoint hangs;
the traced memory after that many events is compared with after a tenth of them (bounded:
the queue keeps its newest 2000 and counts the rest as dropped). Last, what recording one
suggestion costs the request path (in process, Snowplow on).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp import TEXT, Client, end_of, percentile

from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.sdk.telemetry import SuggestionFacts, UsageTelemetry

USAGE_PATHS = ("/api/v4/usage_data/*", "/com.snowplowanalytics.snowplow/*")
SHOWN = "code_suggestion_shown_in_ide"


def _faults(stack: MockStack, scenario: str) -> None:
    for path in USAGE_PATHS:
        if scenario == "500":
            stack.control.fault("instance", path, status=500)
        elif scenario == "hang":
            stack.control.fault("instance", path, timeout=True)


async def session(stack: MockStack, scenario: str, n: int) -> dict[str, Any]:
    stack.control.reset()
    stack.control.rate_limits(direct_access=None, completions=None, gateway=None)
    _faults(stack, scenario)
    client = await Client.spawn()
    telemetry = {"enabled": scenario != "off", "trackingUrl": stack.instance_url}
    await client.initialize(
        {
            "baseUrl": stack.instance_url,
            "token": stack.tokens["duo"],
            "suggestionsCache": {"enabled": False},
            "telemetry": telemetry,
        }
    )
    client.open(TEXT)
    line, character = end_of(TEXT)
    for _ in range(10):  # warm-up: token, connections, intent grammar
        await client.inline(line, character)
    rounds: list[float] = []
    for i in range(n):
        started = time.perf_counter()
        reply = await client.inline(line, character)
        rounds.append((time.perf_counter() - started) * 1000)
        items = (reply.get("result") or {}).get("items") or []
        if i % 3 == 0 and items and items[0].get("command"):
            command = items[0]["command"]
            await client.request(
                "workspace/executeCommand",
                {"command": command["command"], "arguments": command["arguments"]},
            )
    stats = (await client.request("gitlab-lsp/telemetryStats", None))["result"]
    shown = (stats.get("counts") or {}).get("suggestion_shown", 0)
    rss = client.rss_mb()
    recovery: float | None = None
    delivered = 0
    if scenario in ("500", "hang"):
        stack.control.clear_faults()
        started = time.perf_counter()
        while time.perf_counter() - started < 120:
            delivered = stack.control.events()["instance"]["events"].get(SHOWN, 0)
            if delivered >= shown:
                recovery = time.perf_counter() - started
                break
            await asyncio.sleep(0.1)
    else:
        await asyncio.sleep(1.5)  # one linger period: let the healthy queue deliver
        delivered = stack.control.events()["instance"]["events"].get(SHOWN, 0)
    await client.close()
    usage = stats.get("usage") or {}
    return {
        "rounds": rounds,
        "rss": rss,
        "shown": shown,
        "delivered": delivered,
        "recovery": recovery,
        "instance": usage.get("instance", {}),
    }


async def memory(events: int) -> tuple[float, float, int, int]:
    """Traced KiB held after events/10 and after `events` events, with a hanging endpoint."""

    async def token() -> str:
        return "unused"

    # The loop never yields while the events are put, so no attempt ever completes: the
    # worst case of a hanging endpoint, where the queue alone holds everything.
    usage = UsageTelemetry("http://127.0.0.1:9", ClientOptions(), token)
    facts = SuggestionFacts(language="python", suggestion_size=3, option_sizes=(3,))
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    marks = []
    for i in range(events):
        usage.record("suggestion_shown", f"t{i}", facts)
        if i + 1 in (events // 10, events):
            gc.collect()
            marks.append((tracemalloc.get_traced_memory()[0] - base) / 1024)
    tracemalloc.stop()
    stats = usage.stats()["instance"]
    await usage.aclose(0.1)
    return marks[0], marks[1], stats["pending"], stats["dropped"]


async def record_cost(n: int = 5000) -> float:
    """Microseconds the request path spends on telemetry per suggestion (requested, shown and
    the previous one's implicit rejection), Snowplow on: all of it is queueing."""

    async def token() -> str:
        return "unused"

    usage = UsageTelemetry(
        "http://127.0.0.1:9", ClientOptions(tracking_url="http://127.0.0.1:9"), token
    )
    facts = SuggestionFacts(language="python", suggestion_size=2, option_sizes=(2,))
    started = time.perf_counter()
    for i in range(n):
        usage.record("suggestion_requested", f"t{i}")
        usage.record("suggestion_shown", f"t{i}", facts)
    cost = (time.perf_counter() - started) / n * 1e6
    await usage.aclose(0.01)
    return cost


def _pool(before: dict[str, Any] | None, r: dict[str, Any]) -> dict[str, Any]:
    """One scenario's rounds together: all round trips, sums of events, the worst recovery."""
    if before is None:
        return {**r, "rounds": list(r["rounds"]), "ok": r["delivered"] >= r["shown"]}
    recoveries = [x for x in (before["recovery"], r["recovery"]) if x is not None]
    instance = {
        k: before["instance"].get(k, 0) + r["instance"].get(k, 0)
        for k in ("failed_attempts", "dropped")
        if k in r["instance"]
    }
    return {
        "rounds": before["rounds"] + r["rounds"],
        "rss": max(before["rss"], r["rss"]),
        "shown": before["shown"] + r["shown"],
        "delivered": before["delivered"] + r["delivered"],
        "recovery": max(recoveries) if len(recoveries) == 2 else None,
        "instance": instance,
        "ok": before["ok"] and r["delivered"] >= r["shown"],
    }


def row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


async def run(args: argparse.Namespace) -> int:
    results: dict[str, dict[str, Any]] = {}
    with MockStack(realm="saas", host="127.0.0.1") as stack:
        await session(stack, "healthy", 20)  # warm the mock up before anything is measured
        # Rounds interleave the scenarios, so that machine load drifting over the run falls
        # on all of them alike; each scenario's figures pool its rounds' requests.
        for _ in range(args.rounds):
            for scenario in ("healthy", "500", "hang", "off"):
                r = await session(stack, scenario, args.requests // args.rounds)
                results[scenario] = _pool(results.get(scenario), r)
    small, large, pending, dropped = await memory(args.events)
    cost = await record_cost()
    for r in results.values():
        r["p50"], r["p99"] = percentile(r["rounds"], 50), percentile(r["rounds"], 99)
    healthy = results["healthy"]["p99"]
    ok = True
    print(
        f"gitlab-lsp --stdio against the bundled mock; {args.requests} completions per "
        f"scenario in {args.rounds} interleaved rounds\n"
    )
    header = [
        "telemetry endpoint",
        "p50 ms",
        "p99 ms",
        "p99 / healthy",
        "RSS MB",
        "shown",
        "instance got",
        "recovered in",
        "failed attempts",
        "dropped",
    ]
    print(row(header))
    print(row(["---"] * len(header)))
    for scenario, r in results.items():
        ratio = r["p99"] / healthy
        recovery = f"{r['recovery']:.1f} s" if r["recovery"] is not None else "-"
        inst = r["instance"]
        print(
            row(
                [
                    scenario,
                    f"{r['p50']:.1f}",
                    f"{r['p99']:.1f}",
                    f"{ratio:.2f}",
                    f"{r['rss']:.1f}",
                    str(r["shown"]),
                    str(r["delivered"]),
                    recovery,
                    str(inst.get("failed_attempts", "-")),
                    str(inst.get("dropped", "-")),
                ]
            )
        )
        if scenario in ("500", "hang"):
            ok &= ratio <= 1.25 and r["recovery"] is not None
        if scenario != "off":
            ok &= r["ok"]
    print()
    print(row(["events into a hanging endpoint", "traced KiB", "queued", "dropped"]))
    print(row(["---"] * 4))
    print(row([f"{args.events // 10}", f"{small:.0f}", "", ""]))
    print(row([f"{args.events}", f"{large:.0f}", str(pending), str(dropped)]))
    growth = large / small if small else float("inf")
    print(f"\nmemory growth for 10x the events: {growth:.2f}x (bounded: <= 1.5x)")
    ok &= growth <= 1.5
    print(f"request-path cost of telemetry per suggestion: {cost:.0f} us (<= 100 us)")
    ok &= cost <= 100
    print(
        "targets (p99 within 1.25x of healthy, every event delivered after recovery, "
        f"bounded memory, cheap on the request path): {'PASS' if ok else 'FAIL'}"
    )
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600, help="completions per scenario")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--events", type=int, default=200_000, help="events for the memory run")
    return asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
