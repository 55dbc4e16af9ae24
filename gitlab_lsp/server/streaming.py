"""Streamed generations: `streamingCompletionResponse` notifications, `cancelStreaming`.

The inline request answers at once with an empty item carrying `gitlab.ls.startStreaming`
(stream id, tracking id); the stream runs as its own task and sends the whole text so far
at most every `NOTIFY_INTERVAL` seconds (each notification repeats the whole text, so one per
chunk would write megabytes for a long generation), then `done: true` with the full text.
Cancelling the task closes the SDK's iterator, which closes the HTTP stream at once. Every
started stream ends with exactly one `done: true`, whatever happens (superseded before its
task ran, cancelled, failed), so an editor never waits on a stream that is gone.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

log = logging.getLogger(__name__)

STREAMING_RESPONSE = "streamingCompletionResponse"
CANCEL_STREAMING = "cancelStreaming"
START_STREAMING_COMMAND = "gitlab.ls.startStreaming"

StreamFactory = Callable[[], AsyncIterator[str]]
#: The text so far is sent at most this often (seconds); the last text always goes with done.
NOTIFY_INTERVAL = 0.1


class StreamManager:
    def __init__(self, server: LanguageServer) -> None:
        self._server = server
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._by_document: dict[str, str] = {}
        #: Streams that have sent their `done: true` (only until their task is forgotten).
        self._done: set[str] = set()
        #: The text each running stream has received so far.
        self._text: dict[str, str] = {}
        #: What turns each stream's text so far into what is sent (post-processing).
        self._finishers: dict[str, Callable[[str], str] | None] = {}

    def start(
        self,
        stream_id: str,
        uri: str,
        open_stream: StreamFactory,
        finish: Callable[[str], str] | None = None,
    ) -> None:
        """Run a stream; a newer suggestion for the same document ends any older stream.

        `finish` turns the text so far into what is sent (post-processing); it runs on
        every notification, since each carries the whole text so far.
        """
        self.cancel_document(uri)
        self._finishers[stream_id] = finish
        task = asyncio.ensure_future(self._run(stream_id, open_stream))
        self._tasks[stream_id] = task
        self._by_document[uri] = stream_id

        def forget(_task: asyncio.Task[None]) -> None:
            # A task cancelled before it ever ran never executed `_run`'s finally clause:
            # its done is sent here (two requests for one document in the same write).
            self._finish(stream_id)
            self._done.discard(stream_id)
            self._text.pop(stream_id, None)
            self._finishers.pop(stream_id, None)
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
        sent = 0.0
        flush: asyncio.TimerHandle | None = None
        self._text[stream_id] = text

        def send_latest() -> None:
            nonlocal sent, flush
            flush = None
            if stream_id not in self._done:
                self._send(stream_id, self._sendable(stream_id), done=False)
                sent = time.monotonic()

        try:
            stream = open_stream()
            try:
                async for chunk in stream:
                    if not chunk:
                        continue
                    text += chunk
                    self._text[stream_id] = text
                    wait = NOTIFY_INTERVAL - (time.monotonic() - sent)
                    if wait <= 0:
                        if flush is not None:
                            flush.cancel()
                        send_latest()
                    elif flush is None:  # the model may pause: show this text soon anyway
                        flush = asyncio.get_running_loop().call_later(wait, send_latest)
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
            if flush is not None:
                flush.cancel()
            self._finish(stream_id)

    def _finish(self, stream_id: str) -> None:
        """Send the stream's one `done: true`, with all its text, unless it was sent."""
        if stream_id in self._done:
            return
        self._done.add(stream_id)
        self._send(stream_id, self._sendable(stream_id), done=True)

    def _sendable(self, stream_id: str) -> str:
        """The stream's text so far, post-processed; as it came if that fails."""
        text = self._text.get(stream_id, "")
        finish = self._finishers.get(stream_id)
        if finish is None or not text:
            return text
        try:
            return finish(text)
        except Exception:
            log.warning(
                "post-processing a stream failed; its text is sent as it came", exc_info=True
            )
            return text

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
