"""A hostile upstream for tests: one loopback HTTP/1.1 server that plays the instance and the
AI gateway the way a broken or malicious one would (10 MB bodies, endless streams, terminal
control characters, plain-http gateway addresses, `Retry-After: 86400`).

Written on raw asyncio streams so that it can misbehave in ways a framework would prevent.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from gitlab_lsp.sdk import ClientOptions, CodeSuggestions

Handler = Callable[["Exchange"], Awaitable[None]]


@dataclass
class Exchange:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    writer: asyncio.StreamWriter

    async def answer(
        self, status: int, body: bytes | str | object, headers: dict[str, str] | None = None
    ) -> None:
        if isinstance(body, str):
            data = body.encode()
        elif isinstance(body, bytes):
            data = body
        else:
            data = json.dumps(body).encode()
        head = [f"HTTP/1.1 {status} X", f"Content-Length: {len(data)}"]
        head += [f"{k}: {v}" for k, v in (headers or {"Content-Type": "application/json"}).items()]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
        await self.writer.drain()

    async def stream(self, pieces: Callable[[], Awaitable[bytes | None]]) -> None:
        """A chunked `text/event-stream` answer, one chunk per piece until None."""
        self.writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        while (piece := await pieces()) is not None:
            self.writer.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            await self.writer.drain()
        self.writer.write(b"0\r\n\r\n")
        await self.writer.drain()


@dataclass
class HostileUpstream:
    """Routes by path; `routes` may be changed by the test at any time."""

    routes: dict[str, Handler] = field(default_factory=dict)
    seen: list[str] = field(default_factory=list)
    url: str = ""
    _server: asyncio.base_events.Server | None = None
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    async def __aenter__(self) -> HostileUpstream:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.routes.setdefault("/api/v4/code_suggestions/direct_access", self.direct_access)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    async def direct_access(self, exchange: Exchange, base_url: str | None = None) -> None:
        await exchange.answer(
            201,
            {
                "base_url": base_url or f"{self.url}/ai",
                "token": "hostile.jwt.token",
                "expires_at": int(time.time()) + 3600,
                "headers": {},
            },
        )

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            while True:
                line = await reader.readline()
                if not line:
                    return
                method, path, _ = line.decode().split(" ", 2)
                headers: dict[str, str] = {}
                while (header := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    name, _, value = header.decode().partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                self.seen.append(f"{method} {path}")
                handler = self.routes.get(path)
                exchange = Exchange(method, path, headers, body, writer)
                if handler is None:
                    await exchange.answer(404, {"message": "404 Not Found"})
                else:
                    await handler(exchange)
        except (ConnectionError, asyncio.IncompleteReadError, ValueError, asyncio.CancelledError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()


def completion(text: str) -> dict[str, object]:
    return {"choices": [{"text": text, "index": 0, "finish_reason": "length"}]}


@contextlib.asynccontextmanager
async def hostile_client(
    routes: dict[str, Handler], **options: Any
) -> AsyncIterator[tuple[HostileUpstream, CodeSuggestions]]:
    """A hostile upstream and an SDK client pointed at it."""
    async with (
        HostileUpstream(routes) as up,
        CodeSuggestions(up.url, "glpat-hostiletest1234", options=ClientOptions(**options)) as cs,
    ):
        yield up, cs
