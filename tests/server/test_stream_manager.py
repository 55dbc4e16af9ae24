"""`StreamManager` without a subprocess: every started stream ends with exactly one
`done: true`, whatever ends it, and the text so far is coalesced, not sent per chunk."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from gitlab_lsp.server.streaming import StreamManager


class FakeProtocol:
    writer = object()

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def notify(self, method: str, params: dict[str, Any]) -> None:
        assert method == "streamingCompletionResponse"
        self.sent.append(params)


class FakeServer:
    def __init__(self) -> None:
        self.protocol = FakeProtocol()


def manager() -> tuple[StreamManager, FakeProtocol]:
    server = FakeServer()
    return StreamManager(server), server.protocol  # type: ignore[arg-type]


async def settle(sent: FakeProtocol, *stream_ids: str) -> None:
    """Until every one of `stream_ids` has sent a `done: true`."""

    async def wait() -> None:
        while not all(dones(sent.sent, i) for i in stream_ids):
            await asyncio.sleep(0.01)

    await asyncio.wait_for(wait(), 10)


def dones(sent: list[dict[str, Any]], stream_id: str) -> list[dict[str, Any]]:
    return [p for p in sent if p["id"] == stream_id and p["done"]]


async def chunks(texts: list[str], pause: float = 0.0) -> AsyncIterator[str]:
    for text in texts:
        if pause:
            await asyncio.sleep(pause)
        yield text


async def never_ends() -> AsyncIterator[str]:
    yield "partial"
    await asyncio.Event().wait()


async def fails() -> AsyncIterator[str]:
    yield "half"
    raise RuntimeError("upstream broke")


async def test_a_stream_superseded_before_it_ran_still_ends_with_one_done() -> None:
    streams, sent = manager()
    # Two requests for the same document handled in one loop iteration (one write).
    streams.start("first", "file:///a.py", never_ends)
    streams.start("second", "file:///a.py", lambda: chunks(["x = 1"]))
    await settle(sent, "first", "second")
    assert dones(sent.sent, "first") == [{"id": "first", "completion": "", "done": True}]
    assert [d["completion"] for d in dones(sent.sent, "second")] == ["x = 1"]


async def test_cancel_failure_and_completion_each_send_exactly_one_done() -> None:
    streams, sent = manager()
    streams.start("cancelled", "file:///a.py", never_ends)
    streams.start("failed", "file:///b.py", fails)
    streams.start("finished", "file:///c.py", lambda: chunks(["a", "b"]))
    while not any(p["id"] == "cancelled" for p in sent.sent):
        await asyncio.sleep(0.01)
    assert streams.cancel("cancelled")
    await settle(sent, "cancelled", "failed", "finished")
    await asyncio.sleep(0)  # the tasks' done callbacks forget them
    assert not streams.cancel("cancelled")  # gone: a late cancelStreaming changes nothing
    for stream_id, text in (("cancelled", "partial"), ("failed", "half"), ("finished", "ab")):
        assert [d["completion"] for d in dones(sent.sent, stream_id)] == [text], stream_id


async def test_many_small_chunks_are_coalesced_and_the_last_text_goes_with_done() -> None:
    streams, sent = manager()
    pieces = ["y" * 1024] * 500
    streams.start("big", "file:///a.py", lambda: chunks(pieces))
    await settle(sent, "big")
    updates = [p for p in sent.sent if p["id"] == "big"]
    assert updates[-1] == {"id": "big", "completion": "".join(pieces), "done": True}
    assert len(updates) < 50, f"{len(updates)} notifications for 500 chunks"


async def test_text_is_shown_while_the_model_pauses() -> None:
    streams, sent = manager()

    async def pausing() -> AsyncIterator[str]:
        yield "a"
        yield "b"  # within the interval of "a": held back...
        await asyncio.sleep(1.0)  # ...but shown during this pause, not after it
        yield "c"

    streams.start("slow", "file:///a.py", pausing)

    async def shown(text: str) -> None:
        while not any(p["id"] == "slow" and p["completion"] == text for p in sent.sent):
            await asyncio.sleep(0.01)

    await asyncio.wait_for(shown("ab"), 5)
    assert not any(p["done"] for p in sent.sent)
    await settle(sent, "slow")
    assert [d["completion"] for d in dones(sent.sent, "slow")] == ["abc"]
