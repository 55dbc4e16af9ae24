"""Cut the editor's byte stream into messages, whatever arrives on it.

The LSP base protocol frames each message as header lines (`Name: value\\r\\n`), an empty
line, then `Content-Length` bytes of body. Header names are matched without regard to case,
as vscode-jsonrpc (the reference client library) reads them, so `content-length: 12` frames
a message too. Anything that cannot be read as a header block is junk: it is skipped, reported
once per run of junk, and reading resumes at the next `Content-Length` header. No input, a
megabyte line without a separator included, ever ends the reader: only the end of the stream
does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

#: Header blocks are a few dozen bytes; anything longer without its empty line is not one.
MAX_HEADER_BYTES = 8 * 1024
#: The largest body read into memory. Larger ones are skipped without being held (a document
#: this size is not one a suggestion could be made for anyway).
MAX_BODY_BYTES = 256 * 1024 * 1024
_CHUNK = 64 * 1024
_SEPARATOR = b"\r\n\r\n"
_LENGTH_HEADER = b"content-length"


@dataclass(frozen=True)
class Junk:
    """Bytes that were not a message; `reason` says why, for the log and the ParseError."""

    reason: str


@dataclass(frozen=True)
class Frame:
    """One message body, exactly as framed (not yet decoded)."""

    body: bytes


Read = Callable[[int], Awaitable[bytes]]


class FrameReader:
    """Frames from `read(n)` (which returns up to n bytes, b'' at the end of the stream)."""

    def __init__(
        self,
        read: Read,
        *,
        max_header: int = MAX_HEADER_BYTES,
        max_body: int = MAX_BODY_BYTES,
    ) -> None:
        self._read = read
        self._buffer = bytearray()
        self._eof = False
        self._max_header = max_header
        self._max_body = max_body
        self._in_junk = False

    async def next(self) -> Frame | Junk | None:
        """The next frame, a report of skipped junk, or None at the end of the stream."""
        while True:
            end = self._buffer.find(_SEPARATOR)
            if end < 0:
                if len(self._buffer) > self._max_header:
                    junk = self._skip_junk("a header line longer than any header")
                    if junk is not None:
                        return junk
                    continue
                if self._eof:
                    leftover = self._buffer.strip()
                    self._buffer.clear()
                    if leftover and not self._in_junk:  # the tail of reported junk: no news
                        return Junk("the stream ended in the middle of a header")
                    return None
                await self._fill()
                continue
            headers = _parse_headers(bytes(self._buffer[:end]))
            length_text = headers.get(_LENGTH_HEADER)
            if length_text is None or not length_text.isdigit():
                # Not a header block: drop it (or up to a Content-Length header inside it).
                start = _find_length_header(self._buffer, 1, end)
                del self._buffer[: start if start >= 0 else end + len(_SEPARATOR)]
                report = self._report("no valid Content-Length header")
                if report is not None:
                    return report
                continue
            del self._buffer[: end + len(_SEPARATOR)]
            length = int(length_text)
            self._in_junk = False
            if length > self._max_body:
                await self._discard(length)
                return Junk(f"a message of {length} bytes, larger than {self._max_body}")
            body = await self._take(length)
            if body is None:
                return Junk("the stream ended in the middle of a message")
            return Frame(body)

    def _report(self, reason: str) -> Junk | None:
        """One report per run of junk, so a flood of garbage is one log line, not thousands."""
        if self._in_junk:
            return None
        self._in_junk = True
        return Junk(reason)

    def _skip_junk(self, reason: str) -> Junk | None:
        """Drop buffered bytes up to the next Content-Length header (or all but a tail that
        could be the start of one)."""
        start = _find_length_header(self._buffer, 1, len(self._buffer))
        if start > 0:
            del self._buffer[:start]
        else:
            del self._buffer[: len(self._buffer) - len(_LENGTH_HEADER)]
        return self._report(reason)

    async def _fill(self) -> None:
        data = await self._read(_CHUNK)
        if data:
            self._buffer += data
        else:
            self._eof = True

    async def _take(self, length: int) -> bytes | None:
        while len(self._buffer) < length:
            if self._eof:
                self._buffer.clear()
                return None
            await self._fill()
        body = bytes(self._buffer[:length])
        del self._buffer[:length]
        return body

    async def _discard(self, length: int) -> None:
        remaining = length
        while remaining > 0:
            if not self._buffer:
                if self._eof:
                    return
                await self._fill()
                continue
            step = min(remaining, len(self._buffer))
            del self._buffer[:step]
            remaining -= step


def _parse_headers(block: bytes) -> dict[bytes, bytes]:
    """Header names (lower-cased) to values; lines that are not `name: value` are ignored
    (junk just before a good header must not cost the message after it)."""
    headers: dict[bytes, bytes] = {}
    for line in block.split(b"\r\n"):
        name, colon, value = line.partition(b":")
        name = name.strip().lower()
        if colon and name and b" " not in name:
            headers[name] = value.strip()
    return headers


def _find_length_header(buffer: bytearray, start: int, end: int) -> int:
    """Where a line starting with `Content-Length` (any case) begins in buffer[start:end]."""
    lowered = bytes(buffer[max(start - 1, 0) : end]).lower()
    offset = max(start - 1, 0)
    position = 0
    while True:
        hit = lowered.find(_LENGTH_HEADER, position)
        if hit < 0:
            return -1
        absolute = offset + hit
        if absolute >= start and (absolute == 0 or buffer[absolute - 1] in b"\r\n"):
            return absolute
        position = hit + 1
