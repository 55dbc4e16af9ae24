"""Streamed response bodies: raw text chunks or SSE events, and a response class that can
end a 200 early (the wire protocol: a failure mid-stream just truncates the body)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from gitlab_lsp.mock.errors import UpstreamError


def sse_event(event: str, data: Any) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode()


async def sse_frames(model: dict[str, Any], pieces: AsyncIterator[str]) -> AsyncIterator[bytes]:
    """stream_start (with a ping comment, which clients must skip), content chunks, stream_end."""
    yield sse_event("stream_start", {"metadata": {"model": model}}) + b": ping\n\n"
    async for piece in pieces:
        yield sse_event("content_chunk", {"choices": [{"delta": {"content": piece}, "index": 0}]})
    yield sse_event("stream_end", None)


async def raw_frames(pieces: AsyncIterator[str]) -> AsyncIterator[bytes]:
    async for piece in pieces:
        yield piece.encode()


class TruncatableStream(Response):
    """Streams `chunks`; when they raise UpstreamError the body ends without its terminating
    chunk, which clients see as a connection closed mid-body."""

    def __init__(
        self,
        chunks: AsyncIterator[bytes],
        *,
        headers: dict[str, str],
        media_type: str,
        on_close: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(content=None, status_code=200, headers=headers, media_type=media_type)
        self._chunks = chunks
        self._on_close = on_close

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = [(k, v) for k, v in self.raw_headers if k != b"content-length"]
        await send({"type": "http.response.start", "status": self.status_code, "headers": headers})
        try:
            async for chunk in self._chunks:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        except (UpstreamError, OSError):
            return
        finally:
            if self._on_close is not None:
                await self._on_close()
        await send({"type": "http.response.body", "body": b"", "more_body": False})
