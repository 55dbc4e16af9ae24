"""Turn a streamed generation body into text chunks, as they arrive.

Two formats (docs/protocol.md): raw text chunks (`Content-Type: text/event-stream` but no SSE
framing), or real SSE when the response carries `X-Streaming-Format: sse`, whose
`content_chunk` events carry `choices[0].delta.content`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

import httpx

log = logging.getLogger("gitlab_lsp.sdk.streaming")


def is_sse(response: httpx.Response) -> bool:
    value: str = response.headers.get("X-Streaming-Format", "")
    return value.strip().lower() == "sse"


async def text_chunks(response: httpx.Response) -> AsyncIterator[str]:
    if is_sse(response):
        async for chunk in _sse_chunks(response.aiter_text()):
            yield chunk
        return
    async for text in response.aiter_text():
        if text:
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


async def _sse_chunks(source: AsyncIterator[str]) -> AsyncIterator[str]:
    parser = SseParser()
    async for text in source:
        for chunk in parser.feed(text):
            yield chunk
    for chunk in parser.feed("\n\n"):  # a last event without its blank line
        yield chunk
