"""A bare JSON-RPC client over stdio: sends exactly the JSON given, hands back the JSON got.

pytest-lsp's client types every message through lsprotocol, which cannot send what real
clients send when it is not what the spec says (`context = {}`, trigger kind 0). This one
writes the bytes of the dict it is given, answers the server's own requests as the client
being replayed would (`workspace/configuration` with its settings), and collects
notifications.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from typing import Any

from .session import SERVER_COMMAND, SERVER_ENV

ServerRequestHandler = Callable[[str, Any], Any]


class RawClient:
    def __init__(self, answer: ServerRequestHandler | None = None, stderr: Any = None) -> None:
        """`stderr`: an open file for the server's log (DEVNULL by default)."""
        self._stderr = stderr
        self._answer = answer or (lambda _method, _params: None)
        self._next_id = 0
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.notifications: list[dict[str, Any]] = []
        self.server_requests: list[dict[str, Any]] = []
        self._proc: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self.started_at = 0.0

    async def start(self) -> None:
        self.started_at = time.perf_counter()
        self._proc = await asyncio.create_subprocess_exec(
            *SERVER_COMMAND,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=self._stderr if self._stderr is not None else asyncio.subprocess.DEVNULL,
            env=SERVER_ENV,
        )
        self._reader = asyncio.create_task(self._read())

    def _write(self, message: dict[str, Any]) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        body = json.dumps(message).encode()
        self._proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    async def request(self, method: str, params: Any, timeout: float = 30.0) -> dict[str, Any]:
        """The whole response message (`result` or `error`)."""
        self._next_id += 1
        msg_id = self._next_id
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[msg_id] = future
        self._write({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
        return await asyncio.wait_for(future, timeout)

    def notify(self, method: str, params: Any) -> None:
        self._write({"jsonrpc": "2.0", "method": method, "params": params})

    async def wait_for(self, method: str, timeout: float = 15.0) -> dict[str, Any]:
        async def seen() -> dict[str, Any]:
            while True:
                for note in self.notifications:
                    if note["method"] == method:
                        return note
                await asyncio.sleep(0.02)

        return await asyncio.wait_for(seen(), timeout)

    async def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        stdout = self._proc.stdout
        while True:
            length = 0
            while True:
                line = await stdout.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode().partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            message = json.loads(await stdout.readexactly(length))
            if "method" in message and "id" in message:
                self.server_requests.append(message)
                result = self._answer(message["method"], message.get("params"))
                self._write({"jsonrpc": "2.0", "id": message["id"], "result": result})
            elif "method" in message:
                self.notifications.append(message)
            else:
                future = self._pending.pop(message.get("id"), None)
                if future is not None and not future.done():
                    future.set_result(message)

    async def stop(self) -> int:
        """`shutdown` then `exit`, as every client does; the server's exit code."""
        assert self._proc is not None
        with contextlib.suppress(Exception):
            await self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
        try:
            code = await asyncio.wait_for(self._proc.wait(), 10)
        except TimeoutError:
            self._proc.kill()
            code = await self._proc.wait()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader
        return code
