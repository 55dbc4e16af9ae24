"""Reliability benchmark: upstream faults, a protocol fuzz, load, and a secrets sweep.

    .venv/bin/python benchmarks/chaos.py [--fuzz 10000] [--load 1000] [--outage 20]

Drives real `gitlab-lsp --stdio` subprocesses over their pipes with a minimal JSON-RPC client
against the bundled mock, on loopback only, and prints one table with each target and
PASS/FAIL. Bounded: about three minutes on a quiet two-core machine.

- fault matrix: for each mock fault, a fresh server gets a realistic mix (invoked and
  automatic completions, streamed generations); counts answers within the deadline, crashes,
  streams without `done`, `$/gitlab/api/error` / `api/recovered` per outage (after the fault
  is cleared, requests go on until the route is back), and the time back to the direct route;
- recovery: the gateway's completions route answers 500 for `--outage` seconds while the
  user types (a completion every 250 ms), then heals: time from healing to the first direct
  answer, once with the gateway's health endpoint sharing the outage (the SDK's health probe
  finds the way back) and once with it healthy (a user's completion tries the route, at most
  one per 1.5 s); the upstream calls made during the outage (direct tries, health checks,
  completions through the instance) per completion asked for, and what a failed direct try
  adds to the request that made it (its round trip's median minus the others');
- fuzz: `--fuzz` malformed or odd JSON-RPC messages on one server (bad JSON, missing fields,
  wrong types, batches, deep nesting, unknown methods, odd ids, hostile params): crashes,
  requests with a readable id that got no answer, RSS before and after;
- load: `--load` inline requests from 4 simulated editors (documents) at once: p50/p99,
  RSS growth, open file descriptors;
- secrets: secrets planted in documents, in a generation's instruction and in settings;
  every byte the mock received (minus the headers that must carry the user's token) and
  every line of the server's debug log are searched for them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gitlab_lsp.mock import MockStack

SERVER = [sys.executable, "-m", "gitlab_lsp", "--stdio"]
TEXT = (
    "import dataclasses\n\n\ndef total_price(items):\n    total = 0\n"
    "    for item in items:\n        total += item.price\n    return total\n\n\n"
    "print(total_price("
)
GEN_TEXT = (
    "import csv\nfrom pathlib import Path\n\n"
    "# Read invoices.csv and return the total amount per customer, largest first\n"
)
#: Seconds an answer may take before it counts as not answered (a completion's budget is
#: 5 s direct plus 5 s through the instance; a stream must end within its own limits).
DEADLINE = 12.0
STREAM_DEADLINE = 20.0
DIRECT_PATH = "/v2/completions"


# --- a minimal JSON-RPC client over the server's pipes ----------------------------------


@dataclass
class Client:
    proc: asyncio.subprocess.Process
    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    pending: dict[Any, asyncio.Future[dict[str, Any]]] = field(default_factory=dict)
    answered: set[Any] = field(default_factory=set)
    notes: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    reader: asyncio.Task[None] | None = None

    @classmethod
    async def spawn(cls, log_file: str = os.devnull) -> Client:
        proc = await asyncio.create_subprocess_exec(
            *SERVER,
            "--log-file",
            log_file,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
            env={
                **{k: v for k, v in os.environ.items() if k != "GITLAB_TOKEN"},
                "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            },
            limit=64 * 1024 * 1024,
        )
        client = cls(proc)
        client.reader = asyncio.create_task(client._read())
        return client

    @property
    def alive(self) -> bool:
        return self.proc.returncode is None

    def write_raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        if self.alive:
            self.proc.stdin.write(data)

    def write_body(self, body: bytes) -> None:
        self.write_raw(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))

    def _write(self, message: dict[str, Any]) -> None:
        self.write_body(json.dumps({"jsonrpc": "2.0", **message}).encode())

    async def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        try:
            while True:
                length = 0
                while (line := await out.readline()) not in (b"\r\n", b""):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                if not line:
                    return
                message = json.loads(await out.readexactly(length))
                for one in message if isinstance(message, list) else [message]:
                    self._dispatch(one)
        except (asyncio.IncompleteReadError, ValueError, ConnectionError):
            return

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "method" in message and "id" in message:  # a request from the server
            self._write({"id": message["id"], "result": None})
        elif "method" in message:
            self.notes[message["method"]].append(message.get("params"))
        else:
            key = message.get("id")
            self.answered.add(json.dumps(key))
            future = self.pending.pop(json.dumps(key), None)
            if future is not None and not future.done():
                future.set_result(message)

    def send(self, method: str, params: Any) -> asyncio.Future[dict[str, Any]]:
        msg_id = next(self.ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.pending[json.dumps(msg_id)] = future
        self._write({"id": msg_id, "method": method, "params": params})
        return future

    def notify(self, method: str, params: Any) -> None:
        self._write({"method": method, "params": params})

    async def initialize(self, settings: dict[str, Any]) -> None:
        caps = {"textDocument": {"inlineCompletion": {}, "synchronization": {}}}
        await asyncio.wait_for(
            self.send(
                "initialize",
                {
                    "processId": os.getpid(),
                    "rootUri": None,
                    "capabilities": caps,
                    "initializationOptions": {
                        "ide": {"name": "chaos", "version": "1"},
                        **settings,
                    },
                },
            ),
            30,
        )
        self.notify("initialized", {})

    def open(self, uri: str, text: str) -> None:
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}},
        )

    def inline(self, uri: str, text: str, invoked: bool = True) -> asyncio.Future[dict[str, Any]]:
        lines = text.split("\n")
        return self.send(
            "textDocument/inlineCompletion",
            {
                "textDocument": {"uri": uri},
                "position": {"line": len(lines) - 1, "character": len(lines[-1])},
                "context": {"triggerKind": 1 if invoked else 2},
            },
        )

    def rss_mb(self) -> float:
        try:
            with open(f"/proc/{self.proc.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def fds(self) -> int:
        try:
            return len(os.listdir(f"/proc/{self.proc.pid}/fd"))
        except OSError:
            return -1

    async def close(self) -> None:
        try:
            await asyncio.wait_for(self.send("shutdown", None), 5)
            self.notify("exit", None)
            await asyncio.wait_for(self.proc.wait(), 5)
        except (TimeoutError, ConnectionError, RuntimeError):
            if self.alive:
                self.proc.kill()
                await self.proc.wait()
        if self.reader is not None:
            self.reader.cancel()


def fresh(stack: MockStack) -> None:
    """The mock back to defaults, with small hop latencies and no per-user rate limit: a
    user typing for minutes through the instance would reach Rails' 60 per minute, and the
    rate limit has its own rows."""
    stack.control.reset()
    stack.control.latency(client_instance=0.02, client_gateway=0.01, model=0.02)
    stack.control.rate_limits(completions=None, gateway=None)


def settings(stack: MockStack, **extra: Any) -> dict[str, Any]:
    return {
        "baseUrl": stack.instance_url,
        "token": stack.tokens["duo"],
        "featureFlags": {"streamCodeGenerations": True},
        "suggestionsCache": {"enabled": False},
        **extra,
    }


def items(answer: dict[str, Any]) -> list[dict[str, Any]]:
    result = answer.get("result") or {}
    return list(result.get("items") or []) if isinstance(result, dict) else []


def stream_ids(answer: dict[str, Any]) -> list[str]:
    out = []
    for item in items(answer):
        command = item.get("command") or {}
        if command.get("command") == "gitlab.ls.startStreaming":
            out.append(command["arguments"][0])
    return out


def direct_answers_after(stack: MockStack, since: float) -> list[float]:
    return [
        e["time"]
        for e in stack.control.requests("gateway")
        if e.get("source", "client") == "client"
        and e["path"] == DIRECT_PATH
        and e.get("status") == 200
        and e["time"] >= since
    ]


async def until(condition: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(step)
    return condition()


# --- the fault matrix ---------------------------------------------------------------------

INSTANCE_COMPLETIONS = "/api/v4/code_suggestions/completions"
FAULTS: list[tuple[str, dict[str, Any]]] = [
    ("gateway 500", {"party": "gateway", "path": DIRECT_PATH, "status": 500}),
    ("gateway 503", {"party": "gateway", "path": DIRECT_PATH, "status": 503}),
    ("gateway 429", {"party": "gateway", "path": DIRECT_PATH, "status": 429}),
    ("gateway 401", {"party": "gateway", "path": DIRECT_PATH, "status": 401}),
    ("gateway timeout", {"party": "gateway", "path": DIRECT_PATH, "timeout": True}),
    ("gateway slow 3 s", {"party": "gateway", "path": DIRECT_PATH, "delay": 3.0}),
    ("gateway malformed", {"party": "gateway", "path": DIRECT_PATH, "malformed": True}),
    ("gateway drop", {"party": "gateway", "path": DIRECT_PATH, "drop_mid_stream": True}),
    ("instance 500", {"party": "instance", "path": INSTANCE_COMPLETIONS, "status": 500}),
    ("instance 429", {"party": "instance", "path": INSTANCE_COMPLETIONS, "status": 429}),
    ("instance timeout", {"party": "instance", "path": INSTANCE_COMPLETIONS, "timeout": True}),
    ("instance malformed", {"party": "instance", "path": INSTANCE_COMPLETIONS, "malformed": True}),
    ("instance drop", {"party": "instance", "path": INSTANCE_COMPLETIONS, "drop_mid_stream": True}),
    (
        "direct_access 500",
        {"party": "instance", "path": "/api/v4/code_suggestions/direct_access", "status": 500},
    ),
    (
        "direct_access 429",
        {"party": "instance", "path": "/api/v4/code_suggestions/direct_access", "status": 429},
    ),
    ("model drop", {"party": "model", "path": "/v1/generate", "drop_mid_stream": True}),
    ("model slow 3 s", {"party": "model", "path": "/v1/generate", "delay": 3.0}),
]


@dataclass
class FaultResult:
    name: str
    requests: int = 0
    answered: int = 0
    crashed: bool = False
    streams: int = 0
    streams_without_done: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    recovered: dict[str, int] = field(default_factory=dict)
    back_to_direct: float | None = None


async def run_mix(client: Client, rounds: int) -> tuple[int, int, list[str]]:
    """Invoked + automatic completions on 2 documents and a streamed generation per round."""
    asked = answered = 0
    streams: list[str] = []
    for i in range(rounds):
        futures = [
            client.inline("file:///chaos/a.py", TEXT, invoked=True),
            client.inline("file:///chaos/b.py", TEXT, invoked=i % 2 == 0),
            client.inline("file:///chaos/gen.py", GEN_TEXT, invoked=True),
        ]
        asked += len(futures)
        done, _pending = await asyncio.wait(futures, timeout=DEADLINE)
        for future in done:
            if not future.cancelled() and future.exception() is None:
                answered += 1
                streams += stream_ids(future.result())
    return asked, answered, streams


async def one_fault(stack: MockStack, name: str, fault: dict[str, Any]) -> FaultResult:
    fresh(stack)
    client = await Client.spawn()
    result = FaultResult(name)
    try:
        await client.initialize(settings(stack))
        for uri, text in (("a", TEXT), ("b", TEXT), ("gen", GEN_TEXT)):
            client.open(f"file:///chaos/{uri}.py", text)
        await run_mix(client, 1)  # healthy: the user JWT is fetched, the routes are known
        stack.control.fault(**fault)
        asked, answered, streams = await run_mix(client, 2)
        stack.control.clear_faults()
        healed = time.time()
        # Go on typing until the direct route answers again (or 25 s).
        more_asked, more_answered, more_streams = 0, 0, []
        deadline = time.monotonic() + 25
        while time.monotonic() < deadline and not direct_answers_after(stack, healed):
            a, b, s = await run_mix(client, 1)
            more_asked, more_answered, more_streams = more_asked + a, more_answered + b, s
            await asyncio.sleep(0.25)
        back = direct_answers_after(stack, healed)
        result.back_to_direct = (min(back) - healed) if back else None
        a, b, s = await run_mix(client, 1)  # one more round after the way back
        result.requests = asked + more_asked + a
        result.answered = answered + more_answered + b
        all_streams = streams + more_streams + s

        def ended(stream_id: str) -> bool:
            return any(
                p.get("id") == stream_id and p.get("done")
                for p in client.notes["streamingCompletionResponse"]
            )

        await until(lambda: all(ended(s) for s in all_streams), STREAM_DEADLINE)
        result.streams = len(all_streams)
        result.streams_without_done = sum(1 for s in all_streams if not ended(s))
        for key, method in (
            ("errors", "$/gitlab/api/error"),
            ("recovered", "$/gitlab/api/recovered"),
        ):
            counts: dict[str, int] = defaultdict(int)
            for params in client.notes[method]:
                counts[params.get("route", "?")] += 1
            setattr(result, key, dict(counts))
    finally:
        result.crashed = not client.alive
        await client.close()
    return result


# --- recovery after a gateway outage ------------------------------------------------------


HEALTH_PATH = "/monitoring/healthz"


@dataclass
class RecoveryResult:
    """One outage: the way back, and what the outage cost upstream and in latency."""

    #: Seconds from healing to the first direct answer (None: none within 40 s).
    back: float | None
    #: Completions the user asked for during the outage.
    requests: int
    #: Upstream calls the server made during the outage, by kind.
    direct: int
    health: int
    instance: int
    #: Round trips (ms) during the outage of the requests that tried the direct route
    #: first (a trial, or the breaker's own probe) and of those that went to the instance.
    tried_direct_ms: list[float]
    instance_only_ms: list[float]

    @property
    def upstream_per_request(self) -> float:
        return (self.direct + self.health + self.instance) / max(1, self.requests)

    @property
    def trial_cost_ms(self) -> float | None:
        """The median latency a failing direct attempt adds to the request that made it."""
        if not self.tried_direct_ms or not self.instance_only_ms:
            return None
        return statistics.median(self.tried_direct_ms) - statistics.median(self.instance_only_ms)


def _outage_calls(entries: list[dict[str, Any]], party: str, path: str) -> list[float]:
    return [
        e["time"]
        for e in entries
        if e["party"] == party and e.get("source", "client") == "client" and e["path"] == path
    ]


async def recovery(
    stack: MockStack,
    outage: float,
    health_down: bool,
    latency: dict[str, float] | None = None,
) -> RecoveryResult:
    """The gateway's completions route answers 500 for `outage` seconds (and its health
    endpoint too when `health_down`) while the user asks for a completion every 250 ms, then
    heals. `latency` replaces the small default hop latencies."""
    fresh(stack)
    if latency is not None:
        stack.control.latency(**latency)
    client = await Client.spawn()
    try:
        await client.initialize(settings(stack))
        client.open("file:///chaos/a.py", TEXT)
        await asyncio.wait_for(client.inline("file:///chaos/a.py", TEXT), DEADLINE)
        stack.control.fault(party="gateway", path=DIRECT_PATH, status=500)
        if health_down:
            stack.control.fault(party="gateway", path=HEALTH_PATH, status=500)
        started = time.time()
        spans: list[tuple[float, float]] = []
        ends = time.monotonic() + outage
        while time.monotonic() < ends:  # the user types on: one request every 250 ms
            sent = time.time()
            await asyncio.wait_for(client.inline("file:///chaos/a.py", TEXT), DEADLINE)
            spans.append((sent, time.time()))
            await asyncio.sleep(0.25)
        stack.control.clear_faults()
        healed = time.time()
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and not direct_answers_after(stack, healed):
            await asyncio.wait_for(client.inline("file:///chaos/a.py", TEXT), DEADLINE)
            await asyncio.sleep(0.25)
        back = direct_answers_after(stack, healed)
        log = [e for e in stack.control.requests() if started <= e["time"] < healed]
        direct = _outage_calls(log, "gateway", DIRECT_PATH)
        tried = [(a, b) for a, b in spans if any(a <= t <= b for t in direct)]
        return RecoveryResult(
            back=(min(back) - healed) if back else None,
            requests=len(spans),
            direct=len(direct),
            health=len(_outage_calls(log, "gateway", HEALTH_PATH)),
            instance=len(_outage_calls(log, "instance", INSTANCE_COMPLETIONS)),
            tried_direct_ms=[(b - a) * 1000 for a, b in tried],
            instance_only_ms=[(b - a) * 1000 for a, b in spans if (a, b) not in tried],
        )
    finally:
        await client.close()


def recovery_rows(
    outage: float, shared: RecoveryResult, route_only: RecoveryResult
) -> list[tuple[str, str, str, bool | None]]:
    """(measure, value, target, passed; None: information) for both outages, for this
    benchmark's table and for `benchmarks/lsp.py`'s."""

    def back(r: RecoveryResult) -> str:
        return f"{r.back:.1f} s" if r.back is not None else "never"

    def ok(r: RecoveryResult) -> bool:
        return r.back is not None and r.back <= 3.0

    def calls(r: RecoveryResult) -> str:
        return f"{r.direct}+{r.health}+{r.instance} / {r.requests}"

    def cost(r: RecoveryResult) -> str:
        c = r.trial_cost_ms
        return f"{c:+.0f} ms ({len(r.tried_direct_ms)}x)" if c is not None else "-"

    name = f"recovery after a {outage:.0f} s gateway fault"
    return [
        (f"{name}: health shares outage", back(shared), "<= 3 s", ok(shared)),
        (f"{name}: completions only", back(route_only), "<= 3 s", ok(route_only)),
        ("  outage calls direct+health+instance / reqs: shared", calls(shared), "info", None),
        ("  same, completions only", calls(route_only), "info", None),
        ("  a failed direct try adds (p50): completions only", cost(route_only), "info", None),
    ]


# --- protocol fuzz --------------------------------------------------------------------------


KINDS = (
    "broken JSON",
    "no jsonrpc",
    "batch",
    "odd params",
    "no params",
    "odd notification",
    "not an object",
    "odd position",
    "deep nesting",
    "odd id or method",
)


def fuzz_messages(count: int, rng: random.Random) -> list[tuple[bytes, str | None]]:
    """(body, id key of an answerable request or None): bodies are framed by the caller;
    message n is of kind `KINDS[n % 10]`."""
    methods = [
        "textDocument/inlineCompletion",
        "textDocument/completion",
        "gitlab-lsp/stats",
        "workspace/executeCommand",
        "textDocument/hover",
        "no/such/method",
        "$/gitlab/didChangeDocumentInActiveEditor",
        "textDocument/didChange",
        "textDocument/didOpen",
        "cancelStreaming",
        "$/cancelRequest",
        "workspace/didChangeConfiguration",
    ]
    odd_values: list[Any] = [
        None,
        0,
        -1,
        2**63,
        1.5,
        "",
        "x" * 1000,
        [],
        {},
        [1, 2],
        {"a": None},
        True,
        "\u202e\x1b[2J",
        {"uri": 5},
        {"textDocument": None},
    ]
    out: list[tuple[bytes, str | None]] = []
    next_id = itertools.count(1_000_000)
    for n in range(count):
        kind = n % 10
        msg_id: Any = next(next_id)
        if n % 7 == 0:
            msg_id = f"s-{msg_id}"
        key = json.dumps(msg_id)
        method = rng.choice(methods)
        if kind == 0:  # broken JSON
            text = json.dumps({"jsonrpc": "2.0", "id": msg_id, "method": method})
            cut = rng.randrange(1, len(text))
            out.append((text[:cut].encode(), None))
        elif kind == 1:  # no jsonrpc member
            out.append((json.dumps({"id": msg_id, "method": method, "params": {}}).encode(), key))
        elif kind == 2:  # a batch
            batch = [{"jsonrpc": "2.0", "id": msg_id, "method": "gitlab-lsp/stats"}]
            out.append((json.dumps(batch).encode(), None))
        elif kind == 3:  # odd params for a real method
            params = rng.choice(odd_values)
            body = {"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params}
            out.append((json.dumps(body).encode(), key))
        elif kind == 4:  # no params at all
            body = {"jsonrpc": "2.0", "id": msg_id, "method": method}
            out.append((json.dumps(body).encode(), key))
        elif kind == 5:  # a notification with odd params
            body = {"jsonrpc": "2.0", "method": method, "params": rng.choice(odd_values)}
            out.append((json.dumps(body).encode(), None))
        elif kind == 6:  # not an object
            out.append((json.dumps(rng.choice([1, "x", None, True, [], 2.5])).encode(), None))
        elif kind == 7:  # an inline request at a nonsense position
            pos = {"line": rng.choice([-5, 0, 10**9]), "character": rng.choice([-1, 0, 10**9])}
            params = {
                "textDocument": {"uri": rng.choice(["file:///chaos/a.py", "file:///nope", ""])},
                "position": pos,
                "context": {"triggerKind": rng.choice([1, 2, 99])},
            }
            body = {
                "jsonrpc": "2.0",
                "id": msg_id,
                "method": "textDocument/inlineCompletion",
                "params": params,
            }
            out.append((json.dumps(body).encode(), key))
        elif kind == 8:  # deep nesting (moderate: the framing limit is tested elsewhere)
            depth = rng.choice([100, 1000, 5000])
            params = "[" * depth + "]" * depth
            body_text = (
                '{"jsonrpc": "2.0", "id": ' + key + ', "method": "gitlab-lsp/stats", '
                '"params": ' + params + "}"
            )
            out.append((body_text.encode(), key))
        else:  # a wrong id type / wrong method type
            body = {
                "jsonrpc": "2.0",
                "id": rng.choice([{"x": 1}, [1], 1.5, None]),
                "method": rng.choice([method, 5, None]),
            }
            out.append((json.dumps(body).encode(), None))
    return out


@dataclass
class FuzzResult:
    messages: int
    crashed: bool
    answerable: int
    unanswered: int
    unanswered_by_kind: dict[str, int]
    rss_cold: float
    rss_before: float
    rss_warm: float
    rss_after: float


async def fuzz(stack: MockStack, count: int) -> FuzzResult:
    stack.control.reset()
    client = await Client.spawn()
    rng = random.Random(20261202)
    try:
        await client.initialize(settings(stack))
        client.open("file:///chaos/a.py", TEXT)
        await asyncio.wait_for(client.send("gitlab-lsp/stats", {}), 10)
        rss_cold = client.rss_mb()
        # "Before" is a server that has served one ordinary completion, as an editor's does
        # within seconds: the server answers `initialize` before importing what suggestions
        # need (start-up), so a cold baseline would count those imports as fuzz growth.
        await asyncio.wait_for(client.inline("file:///chaos/a.py", TEXT), 30)
        rss_before = client.rss_mb()
        messages = fuzz_messages(count, rng)
        expected: dict[str, str] = {}
        rss_warm = rss_before
        for n, (body, key) in enumerate(messages):
            if n == len(messages) // 10:
                await asyncio.wait_for(client.send("gitlab-lsp/stats", {}), 60)
                rss_warm = client.rss_mb()
            client.write_body(body)
            if key is not None:
                expected[key] = KINDS[n % len(KINDS)]
            if n % 200 == 0:
                assert client.proc.stdin is not None
                try:
                    await client.proc.stdin.drain()
                except ConnectionError:
                    break
                await asyncio.sleep(0)
        sentinel = client.send("gitlab-lsp/stats", {}) if client.alive else None
        if sentinel is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(sentinel, 60)
        await until(lambda: all(k in client.answered for k in expected), 15)
        missing = [k for k in expected if k not in client.answered]
        by_kind: dict[str, int] = defaultdict(int)
        for key in missing:
            by_kind[expected[key]] += 1
        return FuzzResult(
            messages=len(messages),
            crashed=not client.alive,
            answerable=len(expected),
            unanswered=len(missing),
            unanswered_by_kind=dict(by_kind),
            rss_cold=rss_cold,
            rss_before=rss_before,
            rss_warm=rss_warm,
            rss_after=client.rss_mb(),
        )
    finally:
        await client.close()


# --- load ---------------------------------------------------------------------------------


@dataclass
class LoadResult:
    requests: int
    answered: int
    p50: float
    p99: float
    rss_before: float
    rss_after: float
    fds_before: int
    fds_after: int
    crashed: bool


async def load(stack: MockStack, total: int) -> LoadResult:
    fresh(stack)
    client = await Client.spawn()
    try:
        await client.initialize(settings(stack))
        editors = [f"file:///chaos/editor{i}.py" for i in range(4)]
        for uri in editors:
            client.open(uri, TEXT)
        # Warm up: the connection pools open what 4 concurrent requests need.
        for _ in range(3):
            await asyncio.gather(*(client.inline(uri, TEXT) for uri in editors))
        rss_before, fds_before = client.rss_mb(), client.fds()
        times: list[float] = []
        answered = 0

        async def editor(uri: str, n: int) -> None:
            nonlocal answered
            for _ in range(n):
                started = time.perf_counter()
                try:
                    await asyncio.wait_for(client.inline(uri, TEXT), DEADLINE)
                except TimeoutError:
                    continue
                answered += 1
                times.append((time.perf_counter() - started) * 1000)

        await asyncio.gather(*(editor(uri, total // 4) for uri in editors))
        return LoadResult(
            requests=total,
            answered=answered,
            p50=statistics.median(times) if times else float("nan"),
            p99=sorted(times)[int(0.99 * (len(times) - 1))] if times else float("nan"),
            rss_before=rss_before,
            rss_after=client.rss_mb(),
            fds_before=fds_before,
            fds_after=client.fds(),
            crashed=not client.alive,
        )
    finally:
        await client.close()


# --- secrets sweep ------------------------------------------------------------------------

#: Fake secrets and the documents that carry them (a data file: the project's own sources
#: are scanned for false positives by the redaction tests, and these are true positives).
_PLANTED_DATA = json.loads((Path(__file__).parent / "data" / "chaos_secrets.json").read_text())
PLANTED: dict[str, str] = _PLANTED_DATA["planted"]


def planted_documents() -> list[tuple[str, str]]:
    return list(_PLANTED_DATA["documents"].items())


@dataclass
class SecretsResult:
    planted: int
    leaks: list[str]
    requests_seen: int
    log_lines: int


async def secrets(stack: MockStack) -> SecretsResult:
    stack.control.reset()
    log_file = Path(tempfile.mkdtemp(prefix="gitlab-lsp-chaos-")) / "server.log"
    client = await Client.spawn(str(log_file))
    token = stack.tokens["duo"]
    try:
        await client.initialize(settings(stack, logLevel="debug"))
        for stream in (False, True):
            client.notify(
                "workspace/didChangeConfiguration",
                {
                    "settings": settings(
                        stack, logLevel="debug", featureFlags={"streamCodeGenerations": stream}
                    )
                },
            )
            for uri, text in planted_documents():
                client.open(uri, text)
                answer = await asyncio.wait_for(client.inline(uri, text), DEADLINE)
                for stream_id in stream_ids(answer):
                    await until(
                        lambda s=stream_id: any(  # type: ignore[misc]
                            p.get("id") == s and p.get("done")
                            for p in client.notes["streamingCompletionResponse"]
                        ),
                        STREAM_DEADLINE,
                    )
        # A broken setting that carries a secret must be reported without it.
        client.notify(
            "workspace/didChangeConfiguration",
            {"settings": {"baseUrl": f"not a url {PLANTED['pat in code']}", "token": token}},
        )
        await asyncio.wait_for(client.send("gitlab-lsp/stats", {}), 10)
    finally:
        await client.close()
    seen = stack.control.requests()
    leaks = []
    for entry in seen:
        entry = dict(entry)
        entry["headers"] = {
            k: v
            for k, v in (entry.get("headers") or {}).items()
            if k.lower() not in ("authorization", "private-token")
        }
        blob = json.dumps(entry)
        for name, secret in PLANTED.items():
            if secret in blob:
                leaks.append(f"mock {entry.get('party')} {entry.get('path')}: {name}")
        if token in blob:
            leaks.append(f"mock {entry.get('party')} {entry.get('path')}: the user's token")
    log_text = log_file.read_text(errors="replace") if log_file.exists() else ""
    for line in log_text.splitlines():
        for name, secret in {**PLANTED, "user token": token}.items():
            if secret in line:
                leaks.append(f"log: {name}")
    for method, notes in client.notes.items():
        blob = json.dumps(notes)
        for name, secret in {**PLANTED, "user token": token}.items():
            if secret in blob and method != "streamingCompletionResponse":
                leaks.append(f"notification {method}: {name}")
    return SecretsResult(
        len(PLANTED) + 1, sorted(set(leaks)), len(seen), len(log_text.splitlines())
    )


# --- the table ----------------------------------------------------------------------------


SECTIONS = ("faults", "recovery", "fuzz", "load", "secrets")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fuzz", type=int, default=10_000)
    parser.add_argument("--load", type=int, default=1_000)
    parser.add_argument("--outage", type=float, default=20.0)
    parser.add_argument(
        "--only",
        nargs="+",
        choices=SECTIONS,
        default=list(SECTIONS),
        help="run only these sections",
    )
    args = parser.parse_args()
    started = time.monotonic()
    rows: list[tuple[str, str, str, str]] = []
    with MockStack(realm="saas", host="127.0.0.1") as stack:
        if "faults" in args.only:
            print("fault matrix", file=sys.stderr)
            results = [await one_fault(stack, name, fault) for name, fault in FAULTS]
            print(
                f"\n{'fault':<20} {'answered':>9} {'crash':>5} {'streams':>7} {'no done':>7} "
                f"{'api/error':>12} {'recovered':>12} {'back direct':>11}"
            )
            for r in results:
                back = f"{r.back_to_direct:.1f} s" if r.back_to_direct is not None else "-"
                print(
                    f"{r.name:<20} {r.answered:>4}/{r.requests:<4} {'yes' if r.crashed else 'no':>5} "
                    f"{r.streams:>7} {r.streams_without_done:>7} {json.dumps(r.errors):>12} "
                    f"{json.dumps(r.recovered):>12} {back:>11}"
                )
            crashes = sum(r.crashed for r in results)
            unanswered = sum(r.requests - r.answered for r in results)
            no_done = sum(r.streams_without_done for r in results)
            flapping = [
                r.name
                for r in results
                if any(n > 1 for n in r.errors.values())
                or any(n > 1 for n in r.recovered.values())
                or any(r.recovered.get(route, 0) != n for route, n in r.errors.items())
            ]
            rows += [
                ("faults: crashes", str(crashes), "0", verdict(crashes == 0)),
                (
                    f"faults: unanswered within {DEADLINE:.0f} s",
                    str(unanswered),
                    "0",
                    verdict(unanswered == 0),
                ),
                ("faults: streams without done", str(no_done), "0", verdict(no_done == 0)),
                (
                    "faults: outages not reported/recovered exactly once",
                    ", ".join(flapping) or "0",
                    "0",
                    verdict(not flapping),
                ),
            ]

        if "recovery" in args.only:
            print("recovery", file=sys.stderr)
            shared = await recovery(stack, args.outage, health_down=True)
            route_only = await recovery(stack, args.outage, health_down=False)
            rows += [
                (name, value, target, "info" if passed is None else verdict(passed))
                for name, value, target, passed in recovery_rows(args.outage, shared, route_only)
            ]

        if "fuzz" in args.only:
            print("fuzz", file=sys.stderr)
            f = await fuzz(stack, args.fuzz)
            ratio = f.rss_after / f.rss_before if f.rss_before else float("nan")
            rows += [
                (
                    f"fuzz: {f.messages} messages, crashes",
                    "1" if f.crashed else "0",
                    "0",
                    verdict(not f.crashed),
                ),
                (
                    f"fuzz: unanswered of {f.answerable} answerable",
                    f"{f.unanswered} {json.dumps(f.unanswered_by_kind) if f.unanswered else ''}".strip(),
                    "0",
                    verdict(f.unanswered == 0),
                ),
                (
                    "fuzz: RSS after / after the first 10%",
                    f"{f.rss_after:.0f}/{f.rss_warm:.0f} MiB = {f.rss_after / f.rss_warm:.2f}x",
                    "(leak check)",
                    "info",
                ),
                (
                    "fuzz: RSS after / before (after one completion)",
                    f"{f.rss_after:.0f}/{f.rss_before:.0f} MiB = {ratio:.2f}x",
                    "<= 1.2x",
                    verdict(ratio <= 1.2),
                ),
                (
                    "fuzz: RSS after / right after initialize",
                    f"{f.rss_after:.0f}/{f.rss_cold:.0f} MiB = {f.rss_after / f.rss_cold:.2f}x",
                    "(imports on first use)",
                    "info",
                ),
            ]

        if "load" in args.only:
            print("load", file=sys.stderr)
            lo = await load(stack, args.load)
            rows += [
                (
                    f"load: {lo.requests} requests, 4 editors: answered",
                    f"{lo.answered}",
                    str(lo.requests),
                    verdict(lo.answered == lo.requests and not lo.crashed),
                ),
                ("load: p50 / p99", f"{lo.p50:.0f} / {lo.p99:.0f} ms", "-", "info"),
                (
                    "load: RSS growth",
                    f"{lo.rss_before:.0f} -> {lo.rss_after:.0f} MiB",
                    "<= 1.2x",
                    verdict(lo.rss_after <= 1.2 * lo.rss_before),
                ),
                (
                    "load: open fds",
                    f"{lo.fds_before} -> {lo.fds_after}",
                    "no growth",
                    verdict(lo.fds_after <= lo.fds_before + 2),
                ),
            ]

        if "secrets" in args.only:
            print("secrets", file=sys.stderr)
            s = await secrets(stack)
            rows += [
                (
                    f"secrets: {s.planted} planted, {s.requests_seen} upstream requests, "
                    f"{s.log_lines} log lines",
                    str(len(s.leaks)) + (f" {s.leaks}" if s.leaks else ""),
                    "0",
                    verdict(not s.leaks),
                ),
            ]
    width = max((len(r[0]) for r in rows), default=10)
    print(f"\n{'measure':<{width}}  {'value':<28} {'target':<18} verdict")
    for name, value, target, result in rows:
        print(f"{name:<{width}}  {value:<28} {target:<18} {result}")
    print(f"\n(total {time.monotonic() - started:.0f} s)")
    return 0 if all(r[3] != "FAIL" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
