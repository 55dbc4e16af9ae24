"""A cancelled or superseded suggestion request aborts its HTTP call, seen from the mock.

The mock logs, for every request, whether its response reached the client (`outcome`):
`client_disconnected` means the client closed the connection while the response was still
held (here by a `delay` fault), which is what an aborted httpx call looks like on the wire.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from .session import PY_TEXT, PY_URI, Session, end_of

pytestmark = pytest.mark.asyncio

DIRECT_COMPLETIONS = "/v2/completions"
DIRECT_ACCESS = "/api/v4/code_suggestions/direct_access"
REQUEST_CANCELLED = -32800
HELD = 4.0


def completions(session: Session) -> list[dict[str, Any]]:
    return [
        e
        for e in session.mock.control.requests("gateway")
        if e["path"] == DIRECT_COMPLETIONS and e.get("source", "client") == "client"
    ]


async def eventually(condition: Any, timeout: float) -> None:
    async def wait() -> None:
        while not condition():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(wait(), timeout)


async def held_completion(session: Session) -> None:
    """A session whose next direct completion the gateway holds for `HELD` seconds."""
    await session.start(suggestionsCache={"enabled": False})
    session.open()
    await eventually(
        lambda: any(e["path"] == DIRECT_ACCESS for e in session.mock.control.requests("instance")),
        5,
    )
    session.mock.control.clear_requests()
    session.mock.control.fault("gateway", DIRECT_COMPLETIONS, delay=HELD, times=1)


def inline_request(session: Session, msg_id: int) -> asyncio.Future[Any]:
    return asyncio.ensure_future(
        session.client.protocol.send_request_async(
            types.TEXT_DOCUMENT_INLINE_COMPLETION,
            types.InlineCompletionParams(
                text_document=types.TextDocumentIdentifier(uri=PY_URI),
                position=end_of(PY_TEXT),
                context=types.InlineCompletionContext(
                    trigger_kind=types.InlineCompletionTriggerKind.Invoked
                ),
            ),
            msg_id=msg_id,
        )
    )


async def assert_aborted(session: Session, request: asyncio.Future[Any]) -> None:
    loop = asyncio.get_running_loop()
    cancelled_at = loop.time()
    with pytest.raises(JsonRpcException) as info:
        await asyncio.wait_for(request, 1.0)
    assert info.value.code == REQUEST_CANCELLED
    # The gateway saw the connection close within a second, long before its delay ran out.
    await eventually(lambda: completions(session)[0]["outcome"] != "pending", 1.0)
    assert completions(session)[0]["outcome"] == "client_disconnected"
    assert loop.time() - cancelled_at < HELD / 2


async def test_cancel_request_aborts_the_http_call(session: Session) -> None:
    await held_completion(session)
    request = inline_request(session, 4242)
    await eventually(lambda: len(completions(session)) == 1, 5)
    assert completions(session)[0]["outcome"] == "pending"
    session.client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id=4242))
    await assert_aborted(session, request)


async def test_a_superseded_request_aborts_its_http_call(session: Session) -> None:
    await held_completion(session)
    first = inline_request(session, 5151)
    await eventually(lambda: len(completions(session)) == 1, 5)
    second = inline_request(session, 5152)
    await assert_aborted(session, first)
    result = await asyncio.wait_for(second, 10)
    assert result is not None and result.items  # the fault held only the first one
