"""The effects a fault rule can have on a response: a status answered at once, a request
held until the client gives up, a connection dropped mid-body, a corrupted body."""

from __future__ import annotations

import asyncio
import logging
from http import HTTPStatus
from typing import Any

from starlette.types import Message, Receive, Send

from gitlab_lsp.mock.asgi_send import send_json, send_simple
from gitlab_lsp.mock.faults import Fault

#: A "timeout" fault holds the request at most this long, then gives up with a 504.
TIMEOUT_FAULT_CAP = 900.0

_DROP_LOG_MESSAGE = "ASGI callable returned without completing response."


class DropConnection(Exception):
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


def contains_drop(exc: BaseException) -> bool:
    if isinstance(exc, DropConnection):
        return True
    if isinstance(exc, BaseExceptionGroup):
        return any(contains_drop(e) for e in exc.exceptions)
    return False


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


async def send_fault_status(party: str, fault: Fault, send: Send) -> None:
    """Answer with the fault's status at once, in the party's style unless a body is given."""
    assert fault.status is not None
    payload = fault.body if fault.body is not None else _default_fault_body(party, fault.status)
    extra: list[tuple[bytes, bytes]] = []
    if fault.status == 429:
        extra.append((b"retry-after", b"1"))
    if party == "instance" and fault.status >= 400:
        extra.append((b"x-gitlab-error-origin", b"monolith"))
    if isinstance(payload, str):
        await send_simple(
            send,
            fault.status,
            payload.encode(),
            [(b"content-type", b"text/plain; charset=utf-8"), *extra],
        )
    else:
        await send_json(send, fault.status, payload, extra)


async def hold_until_disconnect(receive: Receive, stopping: asyncio.Event) -> bool:
    """Wait for the client to give up; True when it did, False when the cap elapsed or the
    mock is stopping (then the caller answers, so that shutdown does not have to cancel it)."""

    async def client_gone() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    waiters = [asyncio.ensure_future(client_gone()), asyncio.ensure_future(stopping.wait())]
    try:
        done, _ = await asyncio.wait(
            waiters, timeout=TIMEOUT_FAULT_CAP, return_when=asyncio.FIRST_COMPLETED
        )
    finally:
        for waiter in waiters:
            waiter.cancel()
    return waiters[0] in done


def dropping_send(send: Send) -> Send:
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
                    raise DropConnection
            return
        if sent_chunks == 0 and body:
            await send(
                {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
            )
        raise DropConnection

    return wrapped


def _mangle(body: bytes, content_type: str) -> bytes:
    if "json" in content_type:
        return body[: max(1, len(body) // 2)] if body else b"{"
    if "event-stream" in content_type and b"data: {" in body:
        return body.replace(b"data: {", b"data: {{")
    return b"\xff\xfe" + body


def malforming_send(send: Send) -> Send:
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
