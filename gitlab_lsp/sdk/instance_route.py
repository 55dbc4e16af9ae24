"""Requests through the GitLab instance: generations (streamed or not), completions when the
direct route cannot be used, and the token check.

The instance authenticates the user's own PAT/OAuth token, so its 401 and 403 answers are
about that token; they are turned into the precise `TokenError` the user can act on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx

from gitlab_lsp.errors import (
    GitLabLspError,
    InstanceError,
    NoDuoSeat,
    RateLimited,
    SuggestionTimeout,
    TokenError,
    TokenInvalid,
)
from gitlab_lsp.sdk import content as content_mod
from gitlab_lsp.sdk.answer import Answer
from gitlab_lsp.sdk.availability import Availability
from gitlab_lsp.sdk.direct_access import forbidden
from gitlab_lsp.sdk.events import RouteHealth
from gitlab_lsp.sdk.headers import instance_headers
from gitlab_lsp.sdk.http_util import error_detail, retry_after
from gitlab_lsp.sdk.intent_step import IntentDecision
from gitlab_lsp.sdk.models import TokenInfo
from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.sdk.streaming import text_chunks
from gitlab_lsp.sdk.token_check import check_token
from gitlab_lsp.sdk.token_source import TokenSource
from gitlab_lsp.sdk.transport import AnswerTooLarge, ConnectionPools

log = logging.getLogger("gitlab_lsp.sdk.instance_route")

PATH = "/api/v4/code_suggestions/completions"


class InstanceRoute:
    def __init__(
        self,
        instance_url: str,
        pools: ConnectionPools,
        options: ClientOptions,
        tokens: TokenSource,
        health: RouteHealth,
        availability: Availability,
    ) -> None:
        self._availability = availability
        self._url = instance_url
        self._pools = pools
        self._options = options
        self._tokens = tokens
        self._health = health

    # --- the user's token ----------------------------------------------------------------

    async def check_token(self) -> TokenInfo:
        token = await self._tokens.token()
        return await check_token(self._pools.for_url(self._url), self._url, token, self._options)

    async def token_error_for_401(self) -> TokenError:
        """The instance answered 401 to a code suggestions call: find out the precise reason."""
        try:
            await self.check_token()
        except TokenError as exc:
            return exc
        except GitLabLspError:
            return TokenInvalid(f"{self._url} rejected the token (401)")
        # GitLab answers 401, not 403, to a valid token whose user may not use Duo.
        return NoDuoSeat(
            f"the token is valid, but {self._url} refuses code suggestions for this user: "
            "a GitLab Duo seat is needed"
        )

    # --- suggestions ---------------------------------------------------------------------

    def _body(
        self, content: content_mod.Content, decision: IntentDecision, stream: bool
    ) -> dict[str, Any]:
        return content_mod.instance_body(
            content,
            intent=decision.intent,
            stream=stream,
            project_path=self._options.project_path,
            generation_type=decision.generation_type,
        )

    async def complete(
        self, content: content_mod.Content, decision: IntentDecision, timeout: float
    ) -> Answer:
        """One non-streamed answer (a generation, or a completion that could not go direct)
        within `timeout` seconds in all."""
        token = await self._tokens.token()
        try:
            response, trace = await self._pools.post_json(
                self._url + PATH,
                self._body(content, decision, stream=False),
                instance_headers(self._options, token),
                timeout,
            )
        except (TimeoutError, httpx.TimeoutException):
            self._health.failed("instance", 0, "timeout")
            raise SuggestionTimeout(f"{self._url} did not answer within {timeout:g} s") from None
        except AnswerTooLarge as exc:
            self._health.failed("instance", 200, str(exc))
            raise InstanceError(200, f"unusable answer: {exc}") from None
        except httpx.HTTPError as exc:
            self._health.failed("instance", 0, type(exc).__name__)
            raise InstanceError(0, f"cannot reach {self._url}: {type(exc).__name__}") from None
        if response.status_code not in (200, 201):
            raise await self._error(response)
        try:
            answer = response.json()
            choices = content_mod.parse_choices(answer)
        except ValueError as exc:
            self._health.failed("instance", response.status_code, "unreadable answer")
            raise InstanceError(response.status_code, f"unreadable answer: {exc}") from None
        self._health.ok("instance")
        return Answer(choices, "instance", trace, content_mod.parse_model(answer))

    async def stream(
        self, content: content_mod.Content, decision: IntentDecision
    ) -> AsyncIterator[str]:
        """A streamed generation, chunk by chunk; leaving the generator closes the stream."""
        token = await self._tokens.token()
        client = self._pools.for_url(self._url)
        trace = self._pools.trace(self._url)
        headers = instance_headers(self._options, token)
        headers["X-Supports-Sse-Streaming"] = "true"
        try:
            async with client.stream(
                "POST",
                self._url + PATH,
                json=self._body(content, decision, stream=True),
                headers=headers,
                timeout=self._options.generation_timeout,
                extensions=trace.extensions(),
            ) as response:
                if response.status_code not in (200, 201):
                    await response.aread()
                    raise await self._error(response)
                log.debug(
                    "streaming generation via instance: connect=%.1f first_byte=%.1f ms",
                    trace.connect_ms,
                    trace.first_byte_ms,
                )
                count = 0
                async for chunk in text_chunks(response, seconds=self._options.generation_timeout):
                    count += 1
                    yield chunk
                # Recovered only once a whole answer came: a stream that drops after its
                # 200 headers is a failure, not a recovery followed by an error.
                self._health.ok("instance")
                log.debug(
                    "streamed generation done: %d chunks, total=%.1f ms",
                    count,
                    (time.perf_counter() - trace.started) * 1000,
                )
        except httpx.TimeoutException:
            self._health.failed("instance", 0, "timeout")
            raise SuggestionTimeout(f"the streamed generation from {self._url} timed out") from None
        except httpx.HTTPError as exc:
            self._health.failed("instance", 0, type(exc).__name__)
            raise InstanceError(0, f"streaming failed: {type(exc).__name__}") from None

    async def _error(self, response: httpx.Response) -> GitLabLspError:
        status = response.status_code
        detail = error_detail(response)
        if status == 401:
            return await self.token_error_for_401()
        if status == 403:
            return forbidden(self._url, detail)
        if status == 429:
            wait = self._availability.rate_limited("instance", retry_after(response))
            return RateLimited(
                f"{self._url} rate-limited code suggestions; retry in {wait:.0f} s",
                retry_after=wait,
            )
        if status >= 500:
            self._health.failed("instance", status, detail)
        return InstanceError(status, detail)
