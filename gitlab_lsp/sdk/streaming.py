"""Turn a streamed generation body into text chunks, as they arrive.

Two formats (docs/protocol.md): raw text chunks (`Content-Type: text/event-stream` but no SSE
framing), or real SSE when the response carries `X-Streaming-Format: sse`, whose
`content_chunk` events carry `choices[0].delta.content`.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator, Callable

import httpx

from gitlab_lsp.sdk import model_text

log = logging.getLogger("gitlab_lsp.sdk.streaming")


def is_sse(response: httpx.Response) -> bool:
    value: str = response.headers.get("X-Streaming-Format", "")
    return value.strip().lower() == "sse"


#: The most text a streamed generation may bring; beyond it the stream is closed and what
#: came so far is the answer (a generation is a few KiB; megabytes mean a broken upstream).
MAX_STREAM_CHARS = 100_000


async def text_chunks(
    response: httpx.Response, *, seconds: float, clock: Callable[[], float] = time.monotonic
) -> AsyncIterator[str]:
    """The generation's text, chunk by chunk, without terminal control characters.

    Ends early, keeping what came, once `MAX_STREAM_CHARS` arrived or after `seconds` in
    all: httpx's timeout is per read, so an endless stream would otherwise never end.
    """
    deadline = clock() + seconds
    total = 0
    source = response.aiter_text()
    parser = SseParser() if is_sse(response) else None
    async for raw in source:
        texts = parser.feed(raw) if parser is not None else [raw]
        for text in texts:
            text = model_text.clean(text)[: MAX_STREAM_CHARS - total]
            if text:
                total += len(text)
                yield text
        if total >= MAX_STREAM_CHARS or clock() >= deadline:
            log.warning(
                "streamed generation cut at %d characters after %s",
                total,
                "the size limit" if total >= MAX_STREAM_CHARS else f"{seconds:g} s",
            )
            return
    if parser is not None:
        for text in parser.feed("\n\n"):  # a last event without its blank line
            text = model_text.clean(text)[: MAX_STREAM_CHARS - total]
            if text:
                total += len(text)
                yield text


class SseParser:
    """Incremental SSE parser: feed text, get the `content_chunk` texts completed so far."""

    def __init__(self) -> None:
        self._buffer = ""
        self._event = ""
        self._data: list[str] = []
        self.ended = False

    def feed(self, text: str) -> list[str]:
        self._buffer += text
        out: list[str] = []
        while True:
            newline = self._buffer.find("\n")
            if newline < 0:
                break
            line = self._buffer[:newline].rstrip("\r")
            self._buffer = self._buffer[newline + 1 :]
            chunk = self._line(line)
            if chunk:
                out.append(chunk)
        return out

    def _line(self, line: str) -> str | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None  # comment, e.g. `: ping`
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        return None

    def _dispatch(self) -> str | None:
        event, data = self._event or "message", "\n".join(self._data)
        self._event, self._data = "", []
        if event == "stream_end":
            self.ended = True
            return None
        if event != "content_chunk" or not data:
            return None
        try:
            payload = json.loads(data)
            content = payload["choices"][0]["delta"]["content"]
        except (json.JSONDecodeError, KeyError, IndexError, TypeError):
            log.debug("ignoring a malformed content_chunk event")
            return None
        return content if isinstance(content, str) else None
