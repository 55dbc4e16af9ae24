"""Whether each logged request's response reached its client.

A client that cancels (an editor abandoning a stale suggestion) closes its connection while a
party still holds the request in an injected delay, a latency hop or a stream. Tests of
cancellation need to see that from the mock's side, so every log entry carries an `outcome`
that the tracker below keeps up to date while the party works.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from starlette.types import Message, Receive, Send

PENDING = "pending"
COMPLETED = "completed"
CLIENT_DISCONNECTED = "client_disconnected"
#: The mock itself ended the response early: a drop_mid_stream fault, or a stream cut short
#: because the party behind it failed.
DROPPED = "dropped"


class ClientGone(Exception):
    """Raised from a tracked `send` once the client has left, so a party stops producing a
    response nobody reads (and closes its own upstream calls, as the real services do)."""


def contains_client_gone(exc: BaseException) -> bool:
    if isinstance(exc, ClientGone):
        return True
    if isinstance(exc, BaseExceptionGroup):
        return any(contains_client_gone(e) for e in exc.exceptions)
    return False


class ResponseTracker:
    """Owns the ASGI `receive` of one request once its body has been read.

    uvicorn answers `receive()` with `http.disconnect` when the connection closes (or once the
    response is complete), so one watcher task reads it for the whole request and records a
    disconnect the moment it happens; the party gets a `receive` that replays the body and
    then reports that disconnect, and its work is cancelled when the client leaves.
    """

    def __init__(self, entry: dict[str, Any], receive: Receive, body: bytes) -> None:
        self._entry = entry
        self._receive = receive
        self._body: bytes | None = body
        self._gone = asyncio.Event()
        self._closed = asyncio.Event()
        self._final_sent = False
        self._watcher: asyncio.Task[None] | None = None
        entry["outcome"] = PENDING

    @property
    def client_gone(self) -> bool:
        return self._gone.is_set()

    @property
    def status(self) -> int | None:
        """The status sent so far (None before the response started)."""
        status: int | None = self._entry["status"]
        return status

    def start(self) -> None:
        self._watcher = asyncio.ensure_future(self._watch())

    async def _watch(self) -> None:
        while (await self._receive())["type"] != "http.disconnect":
            pass
        if not self._final_sent:
            self._entry["outcome"] = CLIENT_DISCONNECTED
            self._gone.set()
        self._closed.set()

    async def receive(self) -> Message:
        """The body first, then `http.disconnect` once the client left or the response ended."""
        if self._body is not None:
            body, self._body = self._body, None
            return {"type": "http.request", "body": body, "more_body": False}
        await self._closed.wait()
        return {"type": "http.disconnect"}

    async def run(self, work: Coroutine[Any, Any, None]) -> None:
        """Run the party's handling of the request, cancelling it when the client leaves: a
        held request ends at once, and a stream closes its own upstream call."""
        task = asyncio.ensure_future(work)
        gone = asyncio.ensure_future(self._gone.wait())
        try:
            await asyncio.wait((task, gone), return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            task.cancel()
            raise
        finally:
            gone.cancel()
        if not task.done():
            task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            if not self.client_gone:
                raise
        except Exception as exc:
            if not contains_client_gone(exc):
                raise

    def wrap_send(self, send: Send) -> Send:
        entry = self._entry

        async def tracked(message: Message) -> None:
            final = message["type"] == "http.response.body" and not message.get("more_body")
            if final:
                # A disconnect that already happened is queued behind this task: let the
                # watcher see it first, or a response that went nowhere would look complete.
                await asyncio.sleep(0)
            if self.client_gone:
                raise ClientGone
            if message["type"] == "http.response.start":
                entry["status"] = message["status"]
            if final:
                self._final_sent = True
            await send(message)
            if final:
                entry["outcome"] = COMPLETED
                self._closed.set()

        return tracked

    async def finish(self) -> None:
        """The party is done: whatever is still pending was abandoned by the mock itself."""
        if self._entry["outcome"] == PENDING:
            self._entry["outcome"] = DROPPED
        self._closed.set()
        if self._watcher is not None:
            self._watcher.cancel()
            await asyncio.gather(self._watcher, return_exceptions=True)
