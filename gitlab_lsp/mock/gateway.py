"""The AI gateway: token authority, code completions and generations, health.

It authenticates every request (see gateway_auth), throttles per user (taking rate limiting
over from Rails, as GitLab's design asks), validates the v2 body and asks the model over HTTP.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from gitlab_lsp.mock.apps import party_app
from gitlab_lsp.mock.clock import issuer_now
from gitlab_lsp.mock.errors import UpstreamError
from gitlab_lsp.mock.gateway_auth import (
    GATEWAY_AUDIENCE,
    GATEWAY_ISSUER,
    AuthFailure,
    GatewayAuthenticator,
    Principal,
)
from gitlab_lsp.mock.gateway_validation import CodeRequest, validate_gateway_request
from gitlab_lsp.mock.keys import KeyRing
from gitlab_lsp.mock.languages import language_of
from gitlab_lsp.mock.ratelimit import RateLimited
from gitlab_lsp.mock.state import MockState
from gitlab_lsp.mock.streaming import TruncatableStream, raw_frames, sse_frames
from gitlab_lsp.mock.validation import ValidationFailed, parse_json

USER_TOKEN_LIFETIME = 3600
MODEL_TIMEOUT = 10.0
MODEL_ENGINE = "mock"
MODEL_NAME = "mock-code-1"
TOKEN_AUTHORITY_HEADERS = ("X-Gitlab-Global-User-Id", "X-Gitlab-Instance-Id", "X-Gitlab-Realm")

_INSTRUCTION = re.compile(r"<instruction>\s*(.*?)\s*</instruction>", re.DOTALL)


def _failure(exc: AuthFailure) -> JSONResponse:
    return JSONResponse(exc.body, status_code=exc.status)


def _inference_failed() -> JSONResponse:
    return JSONResponse({"detail": "Inference failed"}, status_code=503)


def _instruction_from_prompt(prompt: str | list[Any] | None) -> str | None:
    if prompt is None:
        return None
    if isinstance(prompt, list):
        prompt = "\n".join(
            str(m.get("content", "")) if isinstance(m, dict) else str(m) for m in prompt
        )
    match = _INSTRUCTION.search(prompt)
    return match.group(1) if match else None


class Gateway:
    def __init__(
        self,
        *,
        state: MockState,
        keys: KeyRing,
        authenticator: GatewayAuthenticator,
        client: httpx.AsyncClient,
        model_url: str,
    ) -> None:
        self.state = state
        self.keys = keys
        self.auth = authenticator
        self.client = client
        self.model_url = model_url

    def app(self) -> Starlette:
        return party_app(
            [
                Route("/monitoring/healthz", self.healthz, methods=["GET"]),
                Route("/v1/code/user_access_token", self.user_access_token, methods=["POST"]),
                Route("/v2/completions", self.completions, methods=["POST"]),
                Route("/v2/code/completions", self.completions, methods=["POST"]),
                Route("/v2/code/generations", self.generations, methods=["POST"]),
            ]
        )

    async def healthz(self, request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def user_access_token(self, request: Request) -> Response:
        try:
            principal = await self.auth.authenticate(request.headers)
            principal.require("complete_code", allow_user_tokens=False)
        except AuthFailure as exc:
            return _failure(exc)
        for header in TOKEN_AUTHORITY_HEADERS:
            if not request.headers.get(header):
                return JSONResponse({"detail": f"Missing {header} header"}, status_code=400)
        now = issuer_now()
        expires_at = now + (self.state.token_lifetime or USER_TOKEN_LIFETIME)
        claims = {
            "iss": GATEWAY_ISSUER,
            "aud": GATEWAY_AUDIENCE,
            "sub": request.headers["X-Gitlab-Global-User-Id"],
            "iat": now,
            "nbf": now,
            "exp": expires_at,
            "jti": uuid.uuid4().hex,
            "gitlab_realm": request.headers["X-Gitlab-Realm"],
            "gitlab_instance_id": request.headers["X-Gitlab-Instance-Id"],
            "scopes": ["complete_code"],
        }
        return JSONResponse({"token": self.keys.sign(claims), "expires_at": expires_at})

    async def completions(self, request: Request) -> Response:
        return await self._inference(request, kind="completion", scope="complete_code")

    async def generations(self, request: Request) -> Response:
        return await self._inference(request, kind="generation", scope="generate_code")

    async def _inference(self, request: Request, *, kind: str, scope: str) -> Response:
        try:
            principal = await self.auth.authenticate(request.headers)
            principal.require(scope, allow_user_tokens=kind == "completion")
        except AuthFailure as exc:
            return _failure(exc)
        try:
            self.state.rate_limits.hit("gateway", self._user_key(principal, request))
        except RateLimited as exc:
            return JSONResponse(
                {"detail": "Rate limit exceeded"},
                status_code=429,
                headers={"Retry-After": str(exc.retry_after)},
            )
        try:
            body = validate_gateway_request(
                parse_json(await request.body()), generation=kind == "generation"
            )
        except ValidationFailed as exc:
            return JSONResponse({"detail": exc.errors}, status_code=422)
        if body.telemetry:
            self.state.usage.gateway(body.telemetry)
        language = language_of(body.language_identifier, body.file_name)
        # The real gateway names the model it used; echoing the one asked for lets tests see
        # that a client forwarded direct_access's model_details.
        model = {
            "engine": body.model_provider or MODEL_ENGINE,
            "name": body.model_name or MODEL_NAME,
            "lang": language,
        }
        model_body = {
            "kind": kind,
            "language": language,
            "prefix": body.content_above_cursor,
            "suffix": body.content_below_cursor,
            "instruction": _instruction_from_prompt(body.prompt),
            "choices": max(1, body.choices_count),
            "stream": body.stream,
            # As the real gateway: context only from clients that speak 6.3.0 or later.
            "context": [item.content for item in body.context]
            if _reads_context(request.headers.get("x-gitlab-language-server-version"))
            else [],
        }
        if body.stream:
            sse = request.headers.get("x-supports-sse-streaming", "").lower() == "true"
            return await self._stream(model_body, model, sse=sse)
        return await self._complete(model_body, model, body)

    @staticmethod
    def _user_key(principal: Principal, request: Request) -> str:
        if principal.is_user_token:
            return str(principal.claims.get("sub"))
        return request.headers.get("x-gitlab-global-user-id") or str(principal.claims.get("sub"))

    async def _complete(
        self, model_body: dict[str, Any], model: dict[str, Any], body: CodeRequest
    ) -> Response:
        try:
            response = await self.client.post(
                f"{self.model_url}/v1/generate", json=model_body, timeout=MODEL_TIMEOUT
            )
            if response.status_code != 200:
                return _inference_failed()
            answers = response.json()["choices"]
            if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
                return _inference_failed()
        except (httpx.HTTPError, ValueError, KeyError, TypeError):
            return _inference_failed()
        return JSONResponse(
            {
                "id": "id",
                "model": model,
                "experiments": [],
                "object": "text_completion",
                "created": int(time.time()),
                "choices": [
                    {"text": text, "index": index, "finish_reason": "length"}
                    for index, text in enumerate(answers)
                ],
            }
        )

    async def _stream(
        self, model_body: dict[str, Any], model: dict[str, Any], *, sse: bool
    ) -> Response:
        request = self.client.build_request(
            "POST", f"{self.model_url}/v1/generate", json=model_body, timeout=MODEL_TIMEOUT
        )
        try:
            upstream = await self.client.send(request, stream=True)
        except httpx.HTTPError:
            return _inference_failed()
        if upstream.status_code != 200:
            await upstream.aclose()
            return _inference_failed()

        async def pieces() -> AsyncIterator[str]:
            try:
                async for line in upstream.aiter_lines():
                    if line.strip():
                        piece = json.loads(line)["text"]
                        if not isinstance(piece, str):
                            raise UpstreamError("model sent a non-text piece")
                        yield piece
            except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
                raise UpstreamError(f"model stream failed: {type(exc).__name__}") from exc

        headers = {"X-Streaming-Format": "sse"} if sse else {}
        frames = sse_frames(model, pieces()) if sse else raw_frames(pieces())
        return TruncatableStream(
            frames, headers=headers, media_type="text/event-stream", on_close=upstream.aclose
        )


#: The first language-server protocol version whose `context` the gateway reads.
CONTEXT_FROM = (6, 3, 0)


def _reads_context(version: str | None) -> bool:
    """Whether the client's `X-Gitlab-Language-Server-Version` is CONTEXT_FROM or later."""
    parts: list[int] = []
    for piece in (version or "").split(".")[:3]:
        digits = "".join(c for c in piece if c.isdigit())
        if not digits or digits != piece:
            break
        parts.append(int(digits))
    return bool(parts) and tuple(parts + [0] * (3 - len(parts))) >= CONTEXT_FROM
