"""The model as its own HTTP service, which the gateway calls like a model provider.

`POST /v1/generate` answers `{"choices": [...]}`, or with `stream: true` one JSON line per
piece (`{"text": ...}`), paced so that each piece leaves in its own HTTP chunk.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from gitlab_lsp.mock.apps import party_app
from gitlab_lsp.mock.model import ModelRequest, run, stream_chunks
from gitlab_lsp.mock.state import MockState
from gitlab_lsp.mock.validation import strict_json_loads

#: Shortest pause between streamed pieces, so that they are separate chunks on the wire;
#: the `model_chunk` latency lengthens it.
PIECE_INTERVAL = 0.005


def _bad(detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=422)


def _parse(body: Any) -> ModelRequest | None:
    if not isinstance(body, dict):
        return None
    kind, language = body.get("kind"), body.get("language")
    prefix, suffix = body.get("prefix"), body.get("suffix", "")
    instruction, choices = body.get("instruction"), body.get("choices", 1)
    if kind not in ("completion", "generation") or not isinstance(language, str):
        return None
    if not isinstance(prefix, str) or not isinstance(suffix, str):
        return None
    if instruction is not None and not isinstance(instruction, str):
        return None
    if not isinstance(choices, int) or isinstance(choices, bool) or not 1 <= choices <= 8:
        return None
    context = body.get("context", [])
    if not isinstance(context, list) or not all(isinstance(c, str) for c in context):
        return None
    return ModelRequest(kind, language, prefix, suffix, instruction, choices, tuple(context))


async def generate(request: Request, state: MockState) -> Response:
    try:
        body = strict_json_loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        return _bad("body is not JSON")
    model_request = _parse(body)
    if model_request is None:
        return _bad("expected kind, language, prefix, suffix, instruction, choices")
    answers = run(model_request)
    if body.get("stream") is True:
        pieces = stream_chunks(answers[0]) if answers else []

        async def lines() -> AsyncIterator[bytes]:
            for index, piece in enumerate(pieces):
                if index:
                    await asyncio.sleep(max(PIECE_INTERVAL, state.latency.model_chunk))
                yield json.dumps({"text": piece}).encode() + b"\n"

        return StreamingResponse(lines(), media_type="application/x-ndjson")
    return JSONResponse({"choices": answers})


def create_model_app(state: MockState) -> Starlette:
    async def endpoint(request: Request) -> Response:
        return await generate(request, state)

    return party_app([Route("/v1/generate", endpoint, methods=["POST"])])
