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

from .session import PY_TEXT, PY_URI, Session, end_of, eventually

pytestmark = pytest.mark.asyncio

DIRECT_COMPLETIONS = "/v2/completions"
INSTANCE_COMPLETIONS = "/api/v4/code_suggestions/completions"
DIRECT_ACCESS = "/api/v4/code_suggestions/direct_access"
#: (party, path) of the completion call, by route.
ROUTES = {"direct": ("gateway", DIRECT_COMPLETIONS), "instance": ("instance", INSTANCE_COMPLETIONS)}
REQUEST_CANCELLED = -32800
HELD = 4.0


def completions(session: Session, route: str = "direct") -> list[dict[str, Any]]:
    party, path = ROUTES[route]
    return [
        e
        for e in session.mock.control.requests(party)
        if e["path"] == path and e.get("source", "client") == "client"
    ]


async def held_completion(session: Session, route: str = "direct") -> None:
    """A session whose next completion on `route` is held for `HELD` seconds."""
    direct = route == "direct"
    await session.start(
        suggestionsCache={"enabled": False}, codeCompletion={"directConnection": direct}
    )
    session.open()
    if direct:  # the user JWT is fetched at start-up: wait for it, to hold only the completion
        await eventually(
            lambda: any(
                e["path"] == DIRECT_ACCESS for e in session.mock.control.requests("instance")
            ),
            5,
        )
    session.mock.control.clear_requests()
    party, path = ROUTES[route]
    session.mock.control.fault(party, path, delay=HELD, times=1)


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


async def assert_aborted(
    session: Session, request: asyncio.Future[Any], route: str = "direct"
) -> None:
    with pytest.raises(JsonRpcException) as info:
        await asyncio.wait_for(request, 10)
    assert info.value.code == REQUEST_CANCELLED
    # The party saw the connection close before its delay ran out: a call that was waited
    # out would have ended `completed` (an outcome, not a time bound).
    await eventually(lambda: completions(session, route)[0]["outcome"] != "pending", 10)
    assert completions(session, route)[0]["outcome"] == "client_disconnected"


@pytest.mark.parametrize("route", ["direct", "instance"])
async def test_cancel_request_aborts_the_http_call(session: Session, route: str) -> None:
    await held_completion(session, route)
    request = inline_request(session, 4242)
    await eventually(lambda: len(completions(session, route)) == 1, 5)
    assert completions(session, route)[0]["outcome"] == "pending"
    session.client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id=4242))
    await assert_aborted(session, request, route)
    # A cancelled direct call is not a failure to fall back from: nothing else was sent.
    await session.barrier()
    assert len(completions(session, "direct")) == (1 if route == "direct" else 0)
    assert len(completions(session, "instance")) == (1 if route == "instance" else 0)


async def test_a_superseded_request_aborts_its_http_call(session: Session) -> None:
    await held_completion(session)
    first = inline_request(session, 5151)
    await eventually(lambda: len(completions(session)) == 1, 5)
    second = inline_request(session, 5152)
    await assert_aborted(session, first)
    result = await asyncio.wait_for(second, 10)
    assert result is not None and result.items  # the fault held only the first one
