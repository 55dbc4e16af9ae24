"""Scripted model answers: exact raw outputs that the next requests receive, in order.

Tests and benchmarks that judge what a client does with a model's answer (post-processing,
item shapes) need that answer to be a given text, byte for byte, and to reach the client
through the real routes. A script is two queues, one per kind of request; each entry is the
whole answer to one request (one choice, or several), handed out as written. When a queue is
empty the model answers on its own again.

Control: `PUT /-/mock/model_script` with `{"completions": [ENTRY, ...], "generations": [...]}`
(ENTRY a string, or a list of strings for several choices) replaces the script; `GET` shows
what is left; `DELETE` clears it.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from gitlab_lsp.mock.validation import strict_json_loads

#: The script's two queues, by the key a control request names them with.
QUEUES = {"completions": "completion", "generations": "generation"}
#: At most this many entries per queue, and choices per entry (a bound, not a protocol limit).
MAX_ENTRIES = 10_000
MAX_CHOICES = 8

Entry = str | list[str]


class BadScript(ValueError):
    """The script in a control request cannot be used; answered with 400 and this message."""


def parse_script(body: Any) -> dict[str, list[Entry]]:
    """The queues a control request's JSON body asks for; a missing key is an empty queue."""
    if not isinstance(body, dict):
        raise BadScript("the script must be a JSON object with completions and/or generations")
    unknown = sorted(set(body) - set(QUEUES))
    if unknown:
        raise BadScript(
            f"unknown keys: {', '.join(unknown)} (a script has completions and generations)"
        )
    script: dict[str, list[Entry]] = {}
    for key in QUEUES:
        entries = body.get(key, [])
        if not isinstance(entries, list):
            raise BadScript(f"{key} must be a list of entries")
        if len(entries) > MAX_ENTRIES:
            raise BadScript(f"{key} has {len(entries)} entries; at most {MAX_ENTRIES}")
        for index, entry in enumerate(entries):
            if isinstance(entry, list):
                if len(entry) > MAX_CHOICES:
                    raise BadScript(f"{key}[{index}] has more than {MAX_CHOICES} choices")
                if not all(isinstance(choice, str) for choice in entry):
                    raise BadScript(f"{key}[{index}] must be a list of strings")
            elif not isinstance(entry, str):
                raise BadScript(
                    f"{key}[{index}] must be a string (one choice) or a list of strings"
                )
        script[key] = [list(e) if isinstance(e, list) else e for e in entries]
    return script


class ModelScript:
    """The queued answers. Requests and control calls share the mock's event loop; the lock
    is for in-process readers in other threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: dict[str, deque[Entry]] = {kind: deque() for kind in QUEUES.values()}

    def replace(self, script: dict[str, list[Entry]]) -> None:
        with self._lock:
            for key, kind in QUEUES.items():
                self._queues[kind] = deque(script.get(key, []))

    def clear(self) -> None:
        self.replace({})

    def take(self, kind: str) -> list[str] | None:
        """The choices scripted for the next request of `kind` ("completion" or
        "generation"), or None when nothing is scripted for it."""
        with self._lock:
            queue = self._queues.get(kind)
            if not queue:
                return None
            entry = queue.popleft()
        return [entry] if isinstance(entry, str) else list(entry)

    def remaining(self) -> dict[str, list[Entry]]:
        with self._lock:
            return {
                key: [list(e) if isinstance(e, list) else e for e in self._queues[kind]]
                for key, kind in QUEUES.items()
            }


async def model_script_endpoint(request: Request, script: ModelScript) -> Response:
    """The control route: PUT replaces the script, DELETE clears it, GET shows what is left."""
    if request.method == "DELETE":
        script.clear()
        return Response(status_code=204)
    if request.method == "PUT":
        raw = await request.body()
        try:
            body = strict_json_loads(raw)
        except (ValueError, UnicodeDecodeError):
            return JSONResponse({"detail": "the body is not JSON"}, status_code=400)
        try:
            script.replace(parse_script(body))
        except BadScript as exc:
            return JSONResponse({"detail": str(exc)}, status_code=400)
    return JSONResponse(script.remaining())
