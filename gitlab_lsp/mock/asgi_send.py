"""Small helpers for answering directly at the ASGI level (below Starlette)."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import Send


async def send_simple(
    send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]
) -> None:
    all_headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": all_headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def send_json(
    send: Send, status: int, payload: Any, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps(payload).encode()
    await send_simple(send, status, body, [(b"content-type", b"application/json"), *(extra or [])])
