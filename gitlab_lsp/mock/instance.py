"""The GitLab instance (Rails): PAT authentication, direct access tokens, and the indirect
route that forwards code suggestions to the gateway with the instance's own JWT."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from gitlab_lsp.mock import graphql, oauth
from gitlab_lsp.mock.apps import party_app
from gitlab_lsp.mock.errors import UpstreamError
from gitlab_lsp.mock.instance_token import InstanceCredential, sign_instance_jwt
from gitlab_lsp.mock.instance_validation import InstanceCodeRequest, validate_instance_request
from gitlab_lsp.mock.keys import KeyRing
from gitlab_lsp.mock.oidc import oidc_routes
from gitlab_lsp.mock.ratelimit import RateLimited
from gitlab_lsp.mock.state import MockState, version_at_least
from gitlab_lsp.mock.streaming import TruncatableStream
from gitlab_lsp.mock.usage import usage_routes
from gitlab_lsp.mock.users import CODE_SUGGESTIONS_SCOPES, Credential, Directory, OAuthToken
from gitlab_lsp.mock.validation import ValidationFailed, strict_json_loads

USER_TOKEN_LIFETIME = 3600
MAX_FORWARDED_BYTES = 600_000
FORWARD_TIMEOUT = 60.0
RAILS_ORIGIN = {"X-GitLab-Error-Origin": "monolith"}
READ_SCOPES = ("api", "read_api", "read_user")
GRAPHQL_SCOPES = ("api", "read_api", "ai_features")


class RailsError(Exception):
    """An error Rails itself produces (as opposed to one passed through from the gateway)."""

    def __init__(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(f"{status} {body}")
        self.status = status
        self.body = body
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        return JSONResponse(
            self.body, status_code=self.status, headers={**RAILS_ORIGIN, **self.headers}
        )


def _unauthorized() -> RailsError:
    return RailsError(401, {"message": "401 Unauthorized"})


def _too_many() -> dict[str, Any]:
    return {
        "message": {"error": "This endpoint has been requested too many times. Try again later."}
    }


class Instance:
    def __init__(
        self,
        *,
        url: str,
        realm: str,
        instance_id: str,
        state: MockState,
        keys: KeyRing,
        directory: Directory,
        credential: InstanceCredential,
        client: httpx.AsyncClient,
        cloud_url: str,
        control_routes: list[BaseRoute],
    ) -> None:
        self.url = url
        self.realm = realm
        self.instance_id = instance_id
        self.state = state
        self.keys = keys
        self.directory = directory
        self.credential = credential
        self.client = client
        self.cloud_url = cloud_url
        self.control_routes = control_routes

    def app(self) -> Starlette:
        return party_app(
            [
                *self.control_routes,
                *oidc_routes(self.url, self.keys),
                Route("/api/v4/version", self.version, methods=["GET"]),
                Route("/api/v4/user", self.user, methods=["GET"]),
                Route("/api/v4/personal_access_tokens/self", self.token_self, methods=["GET"]),
                Route(
                    "/api/v4/code_suggestions/direct_access", self.direct_access, methods=["POST"]
                ),
                Route("/api/v4/code_suggestions/completions", self.completions, methods=["POST"]),
                *usage_routes(self.state.usage, self._usage_refusal),
                Route("/api/graphql", self.graphql, methods=["POST"]),
                Route("/oauth/token/info", self.oauth_token_info, methods=["GET"]),
            ]
        )

    # --- authentication -------------------------------------------------------------
    def _authenticate(self, request: Request, scopes: tuple[str, ...] | None) -> Credential:
        token = request.headers.get("private-token")
        if token is None:
            scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
            token = credentials.strip() if scheme.lower() == "bearer" else None
        pat = self.directory.find(token) if token else None
        if pat is None:
            raise _unauthorized()
        if pat.expired:
            raise RailsError(
                401, {"error": "invalid_token", "error_description": "Token has expired."}
            )
        if scopes is not None and not set(scopes) & set(pat.scopes):
            raise RailsError(
                403,
                {
                    "error": "insufficient_scope",
                    "error_description": "The request requires higher privileges than provided by the access token.",
                    "scope": " ".join(scopes),
                },
            )
        return pat

    def _usage_refusal(self, request: Request) -> Response | None:
        """Usage events need a valid token that IDEs have (`api` or `ai_features`)."""
        try:
            self._authenticate(request, CODE_SUGGESTIONS_SCOPES)
        except RailsError as exc:
            return exc.response()
        return None

    def _code_suggestions_user(self, request: Request) -> Credential:
        pat = self._authenticate(request, CODE_SUGGESTIONS_SCOPES)
        if not pat.user.has_duo_seat:
            raise _unauthorized()
        return pat

    def _throttle(self, rule: str, pat: Credential) -> None:
        try:
            self.state.rate_limits.hit(rule, str(pat.user.id))
        except RateLimited as exc:
            raise RailsError(429, _too_many(), {"Retry-After": str(exc.retry_after)}) from None

    def _gateway_headers(self, pat: Credential) -> dict[str, str]:
        """The headers clients must forward verbatim to the gateway."""
        headers = {
            "X-Gitlab-Instance-Id": self.instance_id,
            "X-Gitlab-Realm": self.realm,
            "X-Gitlab-Global-User-Id": pat.user.global_user_id,
            "X-Gitlab-Host-Name": urlsplit(self.url).hostname or "localhost",
            "X-Gitlab-Version": self.state.gitlab_version,
            "X-Gitlab-Feature-Enabled-By-Namespace-Ids": "",
            "x-gitlab-enabled-feature-flags": "",
        }
        if self.realm == "saas":
            headers["X-Gitlab-Saas-Duo-Pro-Namespace-Ids"] = ""
        return headers

    # --- simple endpoints -----------------------------------------------------------
    async def version(self, request: Request) -> Response:
        try:
            self._authenticate(request, (*READ_SCOPES, "ai_features"))
        except RailsError as exc:
            return exc.response()
        version = self.state.gitlab_version
        return JSONResponse({"version": version, "revision": "mock", "enterprise": True})

    async def user(self, request: Request) -> Response:
        try:
            pat = self._authenticate(request, READ_SCOPES)
        except RailsError as exc:
            return exc.response()
        return JSONResponse(pat.user.as_api(self.url))

    async def token_self(self, request: Request) -> Response:
        try:
            pat = self._authenticate(request, None)
            if isinstance(pat, OAuthToken):  # not a personal access token
                raise RailsError(404, {"message": "404 Not Found"})
        except RailsError as exc:
            return exc.response()
        return JSONResponse(pat.as_api())

    async def graphql(self, request: Request) -> Response:
        try:
            has_token = "authorization" in request.headers or "private-token" in request.headers
            who = self._authenticate(request, GRAPHQL_SCOPES) if has_token else None
        except RailsError as exc:
            return exc.response()
        viewer = graphql.Viewer(who, self.directory, self.state, self.url)
        return await graphql.respond(request, viewer)

    async def oauth_token_info(self, request: Request) -> Response:
        return oauth.token_info(request, self.directory)

    # --- direct access --------------------------------------------------------------
    async def direct_access(self, request: Request) -> Response:
        if not version_at_least(self.state.gitlab_version, (17, 2)):
            return JSONResponse({"error": "404 Not Found"}, status_code=404)  # not there yet
        try:
            pat = self._code_suggestions_user(request)
            if not self.state.direct_connections:
                raise RailsError(
                    403, {"message": "403 Forbidden - Direct connections are disabled"}
                )
            self._throttle("direct_access", pat)
            headers = self._gateway_headers(pat)
            token, expires_at = await self._user_token(pat, headers)
        except RailsError as exc:
            return exc.response()
        answer: dict[str, Any] = {
            "base_url": f"{self.cloud_url}/ai",
            "token": token,
            "expires_at": expires_at,
            "headers": headers,
        }
        if self.state.model_details is not None:
            answer["model_details"] = dict(self.state.model_details)
        return JSONResponse(answer, status_code=201)

    async def _user_token(self, pat: Credential, headers: dict[str, str]) -> tuple[str, int]:
        lifetime = self.state.token_lifetime or USER_TOKEN_LIFETIME
        if self.realm == "saas":
            return sign_instance_jwt(
                keys=self.keys,
                issuer=self.url,
                instance_id=self.instance_id,
                realm="saas",
                scopes=["complete_code"],
                lifetime=lifetime,
            )
        unavailable = RailsError(
            503, {"message": "503 Service Unavailable - Failed to generate token"}
        )
        try:
            instance_jwt = await self.credential.token()
            response = await self.client.post(
                f"{self.cloud_url}/auth/v1/code/user_access_token",
                headers={
                    "Authorization": f"Bearer {instance_jwt}",
                    "X-Gitlab-Authentication-Type": "oidc",
                    "X-Gitlab-Global-User-Id": headers["X-Gitlab-Global-User-Id"],
                    "X-Gitlab-Instance-Id": self.instance_id,
                    "X-Gitlab-Realm": self.realm,
                },
            )
            if response.status_code != 200:
                raise unavailable
            payload = response.json()
            return str(payload["token"]), int(payload["expires_at"])
        except (UpstreamError, httpx.HTTPError, ValueError, KeyError, TypeError):
            raise unavailable from None

    # --- indirect route -------------------------------------------------------------
    async def completions(self, request: Request) -> Response:
        try:
            pat = self._code_suggestions_user(request)
            self._throttle("completions", pat)
            body = self._parse(await request.body())
            forward, path = self._forward_body(body)
            encoded = json.dumps(forward).encode()
            if len(encoded) > MAX_FORWARDED_BYTES:
                raise RailsError(413, {"message": "413 Request Entity Too Large"})
            try:
                instance_jwt = await self.credential.token()
            except UpstreamError:
                raise RailsError(503, {"message": "503 Service Unavailable"}) from None
        except RailsError as exc:
            return exc.response()
        headers = {
            **self._gateway_headers(pat),
            "Authorization": f"Bearer {instance_jwt}",
            "X-Gitlab-Authentication-Type": "oidc",
            "Content-Type": "application/json",
        }
        for passthrough in (
            "X-Supports-Sse-Streaming",
            "X-Gitlab-Language-Server-Version",
            "User-Agent",
        ):
            value = request.headers.get(passthrough)
            if value is not None:
                headers[passthrough] = value
        return await self._forward(
            f"{self.cloud_url}/ai{path}", encoded, headers, stream=body.stream
        )

    @staticmethod
    def _parse(raw: bytes) -> InstanceCodeRequest:
        try:
            document = strict_json_loads(raw) if raw else None
        except (ValueError, UnicodeDecodeError):
            raise RailsError(400, {"error": "The request body is not valid JSON"}) from None
        try:
            return validate_instance_request(document)
        except ValidationFailed as exc:
            raise RailsError(
                400, {"error": ", ".join(str(e["message"]) for e in exc.errors)}
            ) from None

    def _forward_body(self, body: InstanceCodeRequest) -> tuple[dict[str, Any], str]:
        generation = body.intent == "generation"
        forward: dict[str, Any] = {
            "prompt_version": 1,
            "project_path": body.project_path,
            "project_id": -1,
            "current_file": {
                "file_name": body.file_name,
                "content_above_cursor": body.content_above_cursor,
                "content_below_cursor": body.content_below_cursor,
            },
            "stream": body.stream,
            "context": [
                {"type": c.type, "name": c.name, "content": c.content} for c in body.context
            ],
        }
        if self.state.model_details is not None:
            forward.update(self.state.model_details)
        if generation:
            forward["prompt"] = self._generation_prompt(body)
            return forward, "/v2/code/generations"
        return forward, "/v2/code/completions"

    @staticmethod
    def _generation_prompt(body: InstanceCodeRequest) -> str:
        """Rails enriches generations: the instruction travels inside the prompt."""
        parts = [
            f"You are a coding assistant. The user is editing {body.file_name}.",
            f"Generation type: {body.generation_type or 'comment'}.",
        ]
        if body.user_instruction:
            parts.append(f"<instruction>{body.user_instruction}</instruction>")
        return "\n".join(parts)

    async def _forward(
        self, url: str, body: bytes, headers: dict[str, str], *, stream: bool
    ) -> Response:
        unavailable = RailsError(503, {"message": "503 Service Unavailable"}).response()
        request = self.client.build_request(
            "POST", url, content=body, headers=headers, timeout=FORWARD_TIMEOUT
        )
        try:
            upstream = await self.client.send(request, stream=True)
        except httpx.HTTPError:
            return unavailable
        passed = {
            k: v
            for k, v in upstream.headers.items()
            if k.lower() in ("x-streaming-format", "retry-after")
        }
        media_type = upstream.headers.get("content-type", "application/json")
        if not stream or upstream.status_code != 200:
            try:
                content = await upstream.aread()
            except httpx.HTTPError:
                return unavailable
            finally:
                await upstream.aclose()
            return Response(
                content, status_code=upstream.status_code, headers=passed, media_type=media_type
            )

        async def chunks() -> AsyncIterator[bytes]:
            try:
                async for chunk in upstream.aiter_raw():
                    yield chunk
            except httpx.HTTPError as exc:
                raise UpstreamError(f"gateway stream failed: {type(exc).__name__}") from exc

        return TruncatableStream(
            chunks(), headers=passed, media_type=media_type, on_close=upstream.aclose
        )
