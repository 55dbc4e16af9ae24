"""What happens to every request a party receives before the party sees it: it is recorded
in the request log, delayed by the hop's injected latency, and put through the first
matching fault rule (status, delay, timeout, dropped connection, malformed body, clock skew).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gitlab_lsp.mock.apps import MOCK_FAILURE_DETAIL
from gitlab_lsp.mock.clock import issuer_skew
from gitlab_lsp.mock.faults import Fault
from gitlab_lsp.mock.state import MockState
from gitlab_lsp.mock.validation import strict_json_loads

#: Header the parties put on their calls to each other, so the log and the latency hops
#: can tell a client's request from another party's.
CALLER_HEADER = "x-mock-caller"

#: Largest request body any party reads; larger bodies get a 413 without being buffered.
MAX_BODY_BYTES = 10 * 1024 * 1024

#: A "timeout" fault holds the request at most this long, then gives up with a 504.
TIMEOUT_FAULT_CAP = 900.0

log = logging.getLogger(__name__)

_DROP_LOG_MESSAGE = "ASGI callable returned without completing response."


class _DropConnection(Exception):
    """Raised inside a send wrapper to abandon a response mid-body (a dropped connection)."""


class _QuietDroppedResponses(logging.Filter):
    """uvicorn reports every deliberately dropped response as an error; those are the point
    of the fault, so they are not logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != _DROP_LOG_MESSAGE


def install_log_filter() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietDroppedResponses) for f in logger.filters):
        logger.addFilter(_QuietDroppedResponses())


def _contains_drop(exc: BaseException) -> bool:
    if isinstance(exc, _DropConnection):
        return True
    if isinstance(exc, BaseExceptionGroup):
        return any(_contains_drop(e) for e in exc.exceptions)
    return False


def _headers_dict(scope: Scope) -> dict[str, str]:
    headers: dict[str, str] = {}
    for raw_name, raw_value in scope["headers"]:
        name = raw_name.decode("latin-1").lower()
        value = raw_value.decode("latin-1")
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


#: What the real gateway says for the statuses clients handle specially.
_GATEWAY_FAULT_BODIES: dict[int, Any] = {
    401: {"error": "Forbidden by auth provider"},
    403: {"detail": "Unauthorized to access code completions"},
    503: {"detail": "Inference failed"},
}


def _default_fault_body(party: str, status: int) -> Any:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Injected fault"
    if party == "instance":
        return {"message": f"{status} {phrase}"}
    if party == "gateway":
        return _GATEWAY_FAULT_BODIES.get(status, {"detail": phrase})
    if party == "customersdot":
        return {"errors": [{"message": phrase}]}
    return {"error": phrase}


async def _send_simple(
    send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]
) -> None:
    all_headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": all_headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def send_json(
    send: Send, status: int, payload: Any, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps(payload).encode()
    await _send_simple(send, status, body, [(b"content-type", b"application/json"), *(extra or [])])


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
        self.state.requests.append(entry)
        if disconnected:
            return

        async def recording_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                entry["status"] = message["status"]
            await send(message)

        if too_large:
            await send_json(recording_send, 413, {"detail": "Request body too large"})
            return
        if routed is None:
            await send_json(recording_send, 404, {"detail": "Not Found"})
            return
        await self._hop_delay(source)
        fault = self.state.faults.take(self.party, scope["method"], scope["path"])
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        try:
            if fault is None:
                await self.app(scope, replay, recording_send)
            else:
                await self._apply_fault(fault, scope, replay, recording_send)
        except Exception:
            # A bug in the mock must not look like a server error the client caused or should
            # handle as GitLab's: log it loudly and answer 503 if nothing was sent yet.
            log.exception("%s failed on %s %s", self.party, scope["method"], scope["path"])
            if entry["status"] is None:
                await send_json(recording_send, 503, {"detail": MOCK_FAILURE_DETAIL})

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
        }

    async def _hop_delay(self, source: str) -> None:
        latency = self.state.latency
        delay = 0.0
        if self.party == "instance" and source == "client":
            delay = latency.client_instance
        elif self.party == "gateway" and source == "client":
            delay = latency.client_gateway
        elif self.party == "gateway" and source == "instance":
            delay = latency.instance_gateway
        elif self.party == "model":
            delay = latency.model
        if delay > 0:
            await asyncio.sleep(delay)

    async def _apply_fault(self, fault: Fault, scope: Scope, receive: Receive, send: Send) -> None:
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if fault.timeout:
            if await self._hold_until_disconnect(receive):
                return
            await send_json(send, 504, {"detail": "Injected timeout elapsed"})
            return
        out: Send = send
        if fault.malformed:
            out = _malforming_send(out)
        if fault.drop_mid_stream:
            out = _dropping_send(out)
        token = issuer_skew.set(fault.clock_skew or 0.0)
        try:
            if fault.status is not None:
                await self._send_fault_status(fault, out)
            else:
                await self.app(scope, receive, out)
        except BaseException as exc:
            if not _contains_drop(exc):
                raise
        finally:
            issuer_skew.reset(token)

    async def _send_fault_status(self, fault: Fault, send: Send) -> None:
        assert fault.status is not None
        payload = (
            fault.body if fault.body is not None else _default_fault_body(self.party, fault.status)
        )
        extra: list[tuple[bytes, bytes]] = []
        if fault.status == 429:
            extra.append((b"retry-after", b"1"))
        if self.party == "instance" and fault.status >= 400:
            extra.append((b"x-gitlab-error-origin", b"monolith"))
        if isinstance(payload, str):
            await _send_simple(
                send,
                fault.status,
                payload.encode(),
                [(b"content-type", b"text/plain; charset=utf-8"), *extra],
            )
        else:
            await send_json(send, fault.status, payload, extra)

    @staticmethod
    async def _hold_until_disconnect(receive: Receive) -> bool:
        """Wait for the client to give up; True when it did, False when the cap elapsed."""

        async def wait() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass

        try:
            await asyncio.wait_for(wait(), timeout=TIMEOUT_FAULT_CAP)
        except TimeoutError:
            return False
        return True


def _dropping_send(send: Send) -> Send:
    """Lets the headers and a little of the body through, then abandons the connection."""
    sent_chunks = 0

    async def wrapped(message: Message) -> None:
        nonlocal sent_chunks
        if message["type"] != "http.response.body":
            await send(message)
            return
        body: bytes = message.get("body", b"")
        if message.get("more_body", False):
            if body:
                await send({"type": "http.response.body", "body": body, "more_body": True})
                sent_chunks += 1
                if sent_chunks >= 2:
                    raise _DropConnection
            return
        if sent_chunks == 0 and body:
            await send(
                {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
            )
        raise _DropConnection

    return wrapped


def _mangle(body: bytes, content_type: str) -> bytes:
    if "json" in content_type:
        return body[: max(1, len(body) // 2)] if body else b"{"
    if "event-stream" in content_type and b"data: {" in body:
        return body.replace(b"data: {", b"data: {{")
    return b"\xff\xfe" + body


def _malforming_send(send: Send) -> Send:
    """Corrupts the body while keeping status and headers, so clients must cope with it."""
    pending_start: Message | None = None
    content_type = ""

    async def wrapped(message: Message) -> None:
        nonlocal pending_start, content_type
        if message["type"] == "http.response.start":
            pending_start = message
            for name, value in message.get("headers", []):
                if name.lower() == b"content-type":
                    content_type = value.decode("latin-1").lower()
            return
        if message["type"] != "http.response.body":
            await send(message)
            return
        original: bytes = message.get("body", b"")
        body = (
            _mangle(original, content_type) if original or pending_start is not None else original
        )
        if pending_start is not None:
            start = pending_start
            pending_start = None
            headers = [
                (n, v) for n, v in start.get("headers", []) if n.lower() != b"content-length"
            ]
            if not message.get("more_body", False):
                headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": headers})
        await send(
            {
                "type": "http.response.body",
                "body": body,
                "more_body": message.get("more_body", False),
            }
        )

    return wrapped
