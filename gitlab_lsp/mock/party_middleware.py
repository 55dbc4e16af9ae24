"""What happens to every request a party receives before the party sees it: it is recorded
in the request log, delayed by the hop's injected latency, and put through the first
matching fault rule (status, delay, timeout, dropped connection, malformed body, clock skew).
Its log entry then follows the response to its outcome (see outcome.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from gitlab_lsp.mock.apps import MOCK_FAILURE_DETAIL
from gitlab_lsp.mock.asgi_send import send_json
from gitlab_lsp.mock.clock import issuer_skew
from gitlab_lsp.mock.fault_effects import (
    contains_drop,
    dropping_send,
    hold_until_disconnect,
    malforming_send,
    send_fault_status,
)
from gitlab_lsp.mock.faults import Fault
from gitlab_lsp.mock.outcome import (
    CLIENT_DISCONNECTED,
    PENDING,
    ResponseTracker,
    contains_client_gone,
)
from gitlab_lsp.mock.state import MockState
from gitlab_lsp.mock.validation import strict_json_loads

#: Header the parties put on their calls to each other, so the log and the latency hops
#: can tell a client's request from another party's.
CALLER_HEADER = "x-mock-caller"

#: Largest request body any party reads; larger bodies get a 413 without being buffered.
MAX_BODY_BYTES = 10 * 1024 * 1024

log = logging.getLogger(__name__)


def _headers_dict(scope: Scope) -> dict[str, str]:
    headers: dict[str, str] = {}
    for raw_name, raw_value in scope["headers"]:
        name = raw_name.decode("latin-1").lower()
        value = raw_value.decode("latin-1")
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


class PartyMiddleware:
    """Wraps one party's ASGI app; `exempt_prefix` (the control surface) bypasses it.

    `route_path` maps the path a request arrived on to the path the party routes on (the
    Cloud Connector strips `/ai` and `/auth`), or to None for a path nothing serves.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        party: str,
        state: MockState,
        exempt_prefix: str | None = None,
        route_path: Callable[[str], str | None] | None = None,
    ) -> None:
        self.app = app
        self.party = party
        self.state = state
        self.exempt_prefix = exempt_prefix
        self.route_path = route_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (
            self.exempt_prefix is not None and scope["path"].startswith(self.exempt_prefix)
        ):
            await self.app(scope, receive, send)
            return
        routed: str | None = scope["path"]
        if self.route_path is not None:
            routed = self.route_path(scope["path"])
            scope = {**scope, "mock_received_path": scope["path"]}
            if routed is not None:
                scope.update(path=routed, raw_path=routed.encode())
        headers = _headers_dict(scope)
        source = headers.get(CALLER_HEADER, "client")
        body, too_large, disconnected = await self._read_body(receive)
        entry = self._log_entry(scope, headers, source, body)
        self.state.requests.append(entry, len(body))
        if disconnected:
            entry["outcome"] = CLIENT_DISCONNECTED
            return
        tracker = ResponseTracker(entry, receive, body)
        tracker.start()
        try:
            await tracker.run(self._respond(scope, source, routed, too_large, tracker, send))
        finally:
            await tracker.finish()

    async def _respond(
        self,
        scope: Scope,
        source: str,
        routed: str | None,
        too_large: bool,
        tracker: ResponseTracker,
        send: Send,
    ) -> None:
        out = tracker.wrap_send(send)
        if too_large:
            await send_json(out, 413, {"detail": "Request body too large"})
            return
        if routed is None:
            await send_json(out, 404, {"detail": "Not Found"})
            return
        delay = self._hop_delay(source)
        if delay > 0:
            await asyncio.sleep(delay)
        fault = self.state.faults.take(self.party, scope["method"], scope["path"])
        try:
            if fault is None:
                await self.app(scope, tracker.receive, out)
            else:
                await self._apply_fault(fault, scope, tracker.receive, out)
        except Exception as exc:
            if contains_client_gone(exc):
                raise
            # A bug in the mock must not look like a server error the client caused or should
            # handle as GitLab's: log it loudly and answer 503 if nothing was sent yet.
            log.exception("%s failed on %s %s", self.party, scope["method"], scope["path"])
            if tracker.status is None:
                await send_json(out, 503, {"detail": MOCK_FAILURE_DETAIL})

    async def _read_body(self, receive: Receive) -> tuple[bytes, bool, bool]:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return b"".join(chunks), False, True
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                return b"", True, False
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), False, False

    def _log_entry(
        self, scope: Scope, headers: dict[str, str], source: str, body: bytes
    ) -> dict[str, Any]:
        parsed: Any = None
        text: str | None = None
        if body:
            try:
                parsed = strict_json_loads(body)
            except (ValueError, UnicodeDecodeError):
                text = body.decode("utf-8", errors="replace")
        return {
            "party": self.party,
            "source": source,
            "method": scope["method"],
            "path": scope["path"],
            "received_path": scope.get("mock_received_path", scope["path"]),
            "query": scope.get("query_string", b"").decode("latin-1"),
            "headers": {k: v for k, v in headers.items() if k != CALLER_HEADER},
            "json": parsed,
            "body": text,
            "time": time.time(),
            "status": None,
            "outcome": PENDING,
        }

    def _hop_delay(self, source: str) -> float:
        latency = self.state.latency
        if self.party == "instance" and source == "client":
            return latency.client_instance
        if self.party == "gateway" and source == "client":
            return latency.client_gateway
        if self.party == "gateway" and source == "instance":
            return latency.instance_gateway
        if self.party == "model":
            return latency.model
        return 0.0

    async def _apply_fault(self, fault: Fault, scope: Scope, receive: Receive, send: Send) -> None:
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if fault.timeout:
            if await hold_until_disconnect(receive, self.state.stopping):
                return
            await send_json(send, 504, {"detail": "Injected timeout ended"})
            return
        out: Send = send
        if fault.malformed:
            out = malforming_send(out)
        if fault.drop_mid_stream:
            out = dropping_send(out)
        token = issuer_skew.set(fault.clock_skew or 0.0)
        try:
            if fault.status is not None:
                await send_fault_status(self.party, fault, out)
            else:
                await self.app(scope, receive, out)
        except BaseException as exc:
            if not contains_drop(exc):
                raise
        finally:
            issuer_skew.reset(token)
