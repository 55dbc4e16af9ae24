"""Streamed generations: `streamingCompletionResponse` notifications, `cancelStreaming`.

The inline request answers at once with an empty item carrying `gitlab.ls.startStreaming`
(stream id, tracking id); the stream runs as its own task and sends the whole text so far
with every chunk, then `done: true`. Cancelling the task closes the SDK's iterator, which
closes the HTTP stream at once. Every stream ends with exactly one `done: true`, whatever
happens, so an editor never waits on a stream that is gone.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

log = logging.getLogger(__name__)

STREAMING_RESPONSE = "streamingCompletionResponse"
CANCEL_STREAMING = "cancelStreaming"
START_STREAMING_COMMAND = "gitlab.ls.startStreaming"

StreamFactory = Callable[[], AsyncIterator[str]]


class StreamManager:
    def __init__(self, server: LanguageServer) -> None:
        self._server = server
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._by_document: dict[str, str] = {}

    def start(self, stream_id: str, uri: str, open_stream: StreamFactory) -> None:
        """Run a stream; a newer suggestion for the same document ends any older stream."""
        self.cancel_document(uri)
        task = asyncio.ensure_future(self._run(stream_id, open_stream))
        self._tasks[stream_id] = task
        self._by_document[uri] = stream_id

        def forget(_task: asyncio.Task[None]) -> None:
            self._tasks.pop(stream_id, None)
            if self._by_document.get(uri) == stream_id:
                del self._by_document[uri]

        task.add_done_callback(forget)

    def cancel_document(self, uri: str) -> None:
        stream_id = self._by_document.get(uri)
        if stream_id is not None:
            self.cancel(stream_id)

    def cancel(self, stream_id: str) -> bool:
        task = self._tasks.get(stream_id)
        if task is None:
            return False
        task.cancel()
        return True

    def cancel_all(self) -> None:
        for task in list(self._tasks.values()):
            task.cancel()

    async def _run(self, stream_id: str, open_stream: StreamFactory) -> None:
        from gitlab_lsp.errors import GitLabLspError

        text = ""
        try:
            stream = open_stream()
            try:
                async for chunk in stream:
                    if not chunk:
                        continue
                    text += chunk
                    self._send(stream_id, text, done=False)
            finally:
                aclose = getattr(stream, "aclose", None)
                if aclose is not None:
                    await aclose()
        except asyncio.CancelledError:
            log.debug("stream %s cancelled after %d characters", stream_id, len(text))
        except GitLabLspError as exc:
            log.warning("stream %s failed: %s", stream_id, exc.message)
        except Exception:
            log.exception("stream %s failed", stream_id)
        finally:
            self._send(stream_id, text, done=True)

    def _send(self, stream_id: str, completion: str, *, done: bool) -> None:
        params: dict[str, Any] = {"id": stream_id, "completion": completion, "done": done}
        if self._server.protocol.writer is not None:
            self._server.protocol.notify(STREAMING_RESPONSE, params)


def register(server: LanguageServer, streams: StreamManager) -> None:
    @server.feature(CANCEL_STREAMING)
    def cancel_streaming(params: Any) -> None:
        stream_id = params.get("id") if isinstance(params, dict) else getattr(params, "id", None)
        if isinstance(stream_id, str) and not streams.cancel(stream_id):
            log.debug("cancelStreaming for unknown or finished stream %s", stream_id)
