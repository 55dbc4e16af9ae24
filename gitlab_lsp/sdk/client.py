"""`CodeSuggestions`: one object a script or the language server holds per configuration.

Routing, in one paragraph: a completion goes straight to the AI gateway with the cached user
JWT; when direct connections are off, disabled by the instance, rate-limited, or failing
(timeout, connection error, 5xx, behind an open circuit breaker), it goes through the
instance instead. A generation always goes through the instance, streamed or not.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit

import httpx

from gitlab_lsp.errors import (
    ConfigurationError,
    DirectAccessDisabled,
    GatewayError,
    GitLabLspError,
    InstanceError,
    NoDuoSeat,
    RateLimited,
    SuggestionTimeout,
    TokenError,
    TokenInvalid,
)
from gitlab_lsp.sdk import content as content_mod
from gitlab_lsp.sdk.breaker import CircuitBreaker
from gitlab_lsp.sdk.direct_access import DirectAccess, DirectAccessManager, forbidden
from gitlab_lsp.sdk.events import ApiError, ApiEvent, ApiRecovered, EventCallback
from gitlab_lsp.sdk.headers import direct_headers, instance_headers
from gitlab_lsp.sdk.http_util import error_detail, retry_after
from gitlab_lsp.sdk.intent_step import IntentDecision, decide
from gitlab_lsp.sdk.models import Route, Suggestion, Timings, TokenInfo
from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.sdk.streaming import text_chunks
from gitlab_lsp.sdk.token_check import check_token
from gitlab_lsp.sdk.token_source import TokenSource
from gitlab_lsp.sdk.transport import ConnectionPools, RequestTrace

log = logging.getLogger("gitlab_lsp.sdk.client")

COMPLETIONS_PATH = "/api/v4/code_suggestions/completions"
DIRECT_PATH = "/v2/completions"
#: Without `Retry-After`, a 429 from the gateway keeps completions on the instance this long.
GATEWAY_RETRY_AFTER = 30.0
MAX_CHOICES = 10


class _DirectFailed(Exception):
    """The direct attempt did not produce an answer; the completion goes to the instance."""

    def __init__(self, status: int, reason: str, *, counts_as_failure: bool = True) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.counts_as_failure = counts_as_failure


class _Unauthorized(Exception):
    """The gateway answered 401 to this user JWT."""


@dataclass
class _Answer:
    choices: list[str]
    route: Route
    trace: RequestTrace


def _normalise_url(base_url: str) -> str:
    url = base_url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError(
            f"base URL must be an http(s) URL such as https://gitlab.com, not {base_url!r}"
        )
    return url


class CodeSuggestions:
    """Async client for GitLab Duo Code Suggestions; use as `async with`."""

    def __init__(
        self,
        base_url: str = "https://gitlab.com",
        token: str | None = None,
        *,
        options: ClientOptions = ClientOptions(),  # noqa: B008 - frozen, so safe to share
    ) -> None:
        self._instance_url = _normalise_url(base_url)
        self._options = options
        self._tokens = TokenSource(self._instance_url, token)
        self._pools = ConnectionPools(options)
        self._access = DirectAccessManager(
            self._instance_url, self._pools, options, self._tokens.token
        )
        self._breaker = CircuitBreaker(
            options.breaker_threshold, options.breaker_cooldown, options.breaker_max_cooldown
        )
        self._callbacks: list[EventCallback] = []
        self._failing: dict[Route, bool] = {"direct": False, "instance": False}
        self._gateway_blocked_until = 0.0
        self._closed = False

    # --- lifecycle -----------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        await self._access.aclose()
        await self._pools.aclose()

    @property
    def instance_url(self) -> str:
        return self._instance_url

    @property
    def options(self) -> ClientOptions:
        return self._options

    def connections_opened(self, url: str) -> int:
        """TCP connections this client opened to the host of `url` (keep-alive check)."""
        parsed = httpx.URL(url)
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        return self._pools.connections_opened[f"{parsed.host}:{port}"]

    @property
    def direct_access_requests(self) -> int:
        """How many `direct_access` calls this client made (single flight keeps it low)."""
        return self._access.requests_sent

    # --- events --------------------------------------------------------------------------

    def on_event(self, callback: EventCallback) -> None:
        self._callbacks.append(callback)

    def _emit(self, event: ApiEvent) -> None:
        for callback in list(self._callbacks):
            try:
                callback(event)
            except Exception:
                log.exception("an on_event callback raised")

    def _route_failed(self, route: Route, status: int, message: str) -> None:
        if not self._failing[route]:
            self._failing[route] = True
            self._emit(ApiError(route, status, message))

    def _route_ok(self, route: Route) -> None:
        if self._failing[route]:
            self._failing[route] = False
            self._emit(ApiRecovered(route))

    # --- token ---------------------------------------------------------------------------

    async def check_token(self) -> TokenInfo:
        """Ask the instance whether the token is usable; raises a TokenError saying why not."""
        token = await self._tokens.token()
        return await check_token(
            self._pools.for_url(self._instance_url), self._instance_url, token, self._options
        )

    async def _token_error_for_401(self) -> TokenError:
        """A 401 from the instance: find out the precise reason for the user."""
        try:
            await self.check_token()
        except TokenError as exc:
            return exc
        except GitLabLspError:
            return TokenInvalid(f"{self._instance_url} rejected the token (401)")
        # GitLab answers 401, not 403, to a valid token whose user may not use Duo.
        return NoDuoSeat(
            f"the token is valid, but {self._instance_url} refuses code suggestions for this "
            "user: a GitLab Duo seat is needed"
        )

    # --- the public requests --------------------------------------------------------------

    async def suggest(
        self,
        *,
        file_name: str,
        content_above_cursor: str,
        content_below_cursor: str = "",
        language_id: str | None = None,
        intent: str | None = None,
        generation_type: str | None = None,
        user_instruction: str | None = None,
        choices: int = 1,
    ) -> Suggestion:
        """One suggestion (with `choices` options for completions).

        Raises TokenError subclasses, RateLimited, InstanceError, GatewayError or
        SuggestionTimeout when no route can answer.
        """
        started = time.perf_counter()
        self._check_open()
        _validate(file_name, content_above_cursor, content_below_cursor, choices)
        decision = await decide(
            file_name=file_name,
            above=content_above_cursor,
            below=content_below_cursor,
            language_id=language_id,
            intent=intent,
            generation_type=generation_type,
            user_instruction=user_instruction,
        )
        content = await self._prepare(file_name, content_above_cursor, content_below_cursor)
        token_wait = 0.0
        if decision.intent == "generation":
            answer = await self._instance(content, decision, stream=False)
        else:
            answer, token_wait = await self._completion(content, language_id, choices)
        timings = Timings(
            token_wait=token_wait,
            intent=decision.ms,
            connect=answer.trace.connect_ms,
            first_byte=answer.trace.first_byte_ms,
            total=(time.perf_counter() - started) * 1000,
        )
        log.debug(
            "%s via %s: %d choice(s); token_wait=%.1f intent=%.1f connect=%.1f "
            "first_byte=%.1f total=%.1f ms",
            decision.intent,
            answer.route,
            len(answer.choices),
            timings.token_wait,
            timings.intent,
            timings.connect,
            timings.first_byte,
            timings.total,
        )
        return Suggestion(
            text=answer.choices[0] if answer.choices else "",
            choices=answer.choices,
            intent=decision.intent,
            generation_type=decision.generation_type,
            user_instruction=decision.user_instruction,
            route=answer.route,
            timings=timings,
        )

    def stream(
        self,
        *,
        file_name: str,
        content_above_cursor: str,
        content_below_cursor: str = "",
        language_id: str | None = None,
        intent: str | None = None,
        generation_type: str | None = None,
        user_instruction: str | None = None,
        choices: int = 1,
    ) -> SuggestionStream:
        """Generation text chunks as they arrive (a completion arrives as one chunk).

        Closing the iterator (`aclose()`, leaving `async with`, or cancelling the task that
        iterates) closes the HTTP stream at once.
        """
        self._check_open()
        _validate(file_name, content_above_cursor, content_below_cursor, choices)
        return SuggestionStream(
            self._stream(
                file_name=file_name,
                above=content_above_cursor,
                below=content_below_cursor,
                language_id=language_id,
                intent=intent,
                generation_type=generation_type,
                user_instruction=user_instruction,
                choices=choices,
            )
        )

    async def _stream(
        self,
        *,
        file_name: str,
        above: str,
        below: str,
        language_id: str | None,
        intent: str | None,
        generation_type: str | None,
        user_instruction: str | None,
        choices: int,
    ) -> AsyncIterator[str]:
        decision = await decide(
            file_name=file_name,
            above=above,
            below=below,
            language_id=language_id,
            intent=intent,
            generation_type=generation_type,
            user_instruction=user_instruction,
        )
        if decision.intent != "generation":
            suggestion = await self.suggest(
                file_name=file_name,
                content_above_cursor=above,
                content_below_cursor=below,
                language_id=language_id,
                intent=decision.intent,
                choices=choices,
            )
            if suggestion.text:
                yield suggestion.text
            return
        content = await self._prepare(file_name, above, below)
        token = await self._tokens.token()
        client = self._pools.for_url(self._instance_url)
        trace = self._pools.trace(self._instance_url)
        body = content_mod.instance_body(
            content,
            intent="generation",
            stream=True,
            project_path=self._options.project_path,
            generation_type=decision.generation_type,
            user_instruction=decision.user_instruction,
        )
        headers = instance_headers(self._options, token)
        headers["X-Supports-Sse-Streaming"] = "true"
        try:
            async with client.stream(
                "POST",
                self._instance_url + COMPLETIONS_PATH,
                json=body,
                headers=headers,
                timeout=self._options.generation_timeout,
                extensions=trace.extensions(),
            ) as response:
                if response.status_code not in (200, 201):
                    await response.aread()
                    raise await self._instance_error(response)
                self._route_ok("instance")
                log.debug(
                    "streaming generation via instance: connect=%.1f first_byte=%.1f ms",
                    trace.connect_ms,
                    trace.first_byte_ms,
                )
                async for chunk in text_chunks(response):
                    yield chunk
        except httpx.TimeoutException:
            self._route_failed("instance", 0, "timeout")
            raise SuggestionTimeout(
                f"the streamed generation from {self._instance_url} timed out"
            ) from None
        except httpx.HTTPError as exc:
            self._route_failed("instance", 0, type(exc).__name__)
            raise InstanceError(0, f"streaming failed: {type(exc).__name__}") from None

    # --- steps ---------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise ConfigurationError("this CodeSuggestions client is closed")

    async def _prepare(self, file_name: str, above: str, below: str) -> content_mod.Content:
        redact = self._options.redact_secrets
        if redact and len(above) + len(below) > 50_000:
            return await asyncio.to_thread(
                content_mod.prepare, file_name, above, below, redact_secrets=True
            )
        return content_mod.prepare(file_name, above, below, redact_secrets=redact)

    async def _completion(
        self, content: content_mod.Content, language_id: str | None, choices: int
    ) -> tuple[_Answer, float]:
        """A completion: direct when possible, else through the instance."""
        if not self._options.direct_connection:
            return await self._instance_completion(content), 0.0
        if time.monotonic() < self._gateway_blocked_until:
            log.debug("gateway rate limit in force; completion goes through the instance")
            return await self._instance_completion(content), 0.0
        if not self._breaker.allow():
            log.debug("direct route circuit open; completion goes through the instance")
            return await self._instance_completion(content), 0.0
        outcome_known = False
        token_wait = 0.0
        try:
            waited = time.perf_counter()
            try:
                access = await self._access.get()
            except (DirectAccessDisabled, RateLimited, InstanceError) as exc:
                log.debug("no user JWT (%s); completion goes through the instance", exc)
                return await self._instance_completion(content), 0.0
            except TokenInvalid:
                raise await self._token_error_for_401() from None
            finally:
                token_wait = (time.perf_counter() - waited) * 1000
            try:
                answer = await self._direct_with_retry(access, content, language_id, choices)
            except _DirectFailed as failure:
                outcome_known = failure.counts_as_failure
                if failure.counts_as_failure:
                    self._breaker.record_failure()
                    self._route_failed("direct", failure.status, failure.reason)
                log.debug("direct completion failed (%s); falling back", failure.reason)
                return await self._instance_completion(content), token_wait
            outcome_known = True
            self._breaker.record_success()
            self._route_ok("direct")
            return answer, token_wait
        finally:
            if not outcome_known:
                self._breaker.release_probe()

    async def _direct_with_retry(
        self,
        access: DirectAccess,
        content: content_mod.Content,
        language_id: str | None,
        choices: int,
    ) -> _Answer:
        try:
            return await self._direct(access, content, language_id, choices)
        except _Unauthorized:
            log.debug("gateway rejected the user JWT; refreshing it once")
            self._access.invalidate(access)
        try:
            fresh = await self._access.get()
        except (DirectAccessDisabled, RateLimited, InstanceError) as exc:
            raise _DirectFailed(401, f"no fresh user JWT: {exc}", counts_as_failure=False) from None
        try:
            return await self._direct(fresh, content, language_id, choices)
        except _Unauthorized:
            self._access.invalidate(fresh)
            raise _DirectFailed(401, "the gateway rejected a fresh user JWT") from None

    async def _direct(
        self,
        access: DirectAccess,
        content: content_mod.Content,
        language_id: str | None,
        choices: int,
    ) -> _Answer:
        body = content_mod.direct_body(
            content,
            language_id=language_id,
            choices=choices,
            project_path=self._options.project_path,
            model_details=dict(access.model_details) if access.model_details else None,
        )
        client = self._pools.for_url(access.base_url)
        trace = self._pools.trace(access.base_url)
        try:
            async with asyncio.timeout(self._options.timeout):
                response = await client.post(
                    access.base_url + DIRECT_PATH,
                    json=body,
                    headers=direct_headers(self._options, access.headers, access.token),
                    timeout=self._options.timeout,
                    extensions=trace.extensions(),
                )
        except (TimeoutError, httpx.TimeoutException):
            raise _DirectFailed(0, f"timed out after {self._options.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise _DirectFailed(0, f"connection failed: {type(exc).__name__}") from None
        status = response.status_code
        if status == 200:
            try:
                return _Answer(content_mod.parse_choices(response.json()), "direct", trace)
            except ValueError as exc:
                raise _DirectFailed(status, f"unreadable answer: {exc}") from None
        detail = error_detail(response)
        if status == 401:
            raise _Unauthorized()
        if status == 429:
            wait = retry_after(response, GATEWAY_RETRY_AFTER)
            self._gateway_blocked_until = time.monotonic() + wait
            raise _DirectFailed(status, f"rate-limited for {wait:.0f} s", counts_as_failure=False)
        if status >= 500 or status == 403:
            raise _DirectFailed(status, f"{status}: {detail}")
        raise GatewayError(status, detail)

    async def _instance_completion(self, content: content_mod.Content) -> _Answer:
        decision = IntentDecision("completion", None, None, 0.0)
        return await self._instance(content, decision, stream=False)

    async def _instance(
        self, content: content_mod.Content, decision: IntentDecision, *, stream: bool
    ) -> _Answer:
        token = await self._tokens.token()
        client = self._pools.for_url(self._instance_url)
        body = content_mod.instance_body(
            content,
            intent=decision.intent,
            stream=stream,
            project_path=self._options.project_path,
            generation_type=decision.generation_type,
            user_instruction=decision.user_instruction,
        )
        trace = self._pools.trace(self._instance_url)
        timeout = self._options.generation_timeout
        try:
            async with asyncio.timeout(timeout):
                response = await client.post(
                    self._instance_url + COMPLETIONS_PATH,
                    json=body,
                    headers=instance_headers(self._options, token),
                    timeout=timeout,
                    extensions=trace.extensions(),
                )
        except (TimeoutError, httpx.TimeoutException):
            self._route_failed("instance", 0, "timeout")
            raise SuggestionTimeout(
                f"{self._instance_url} did not answer within {timeout:g} s"
            ) from None
        except httpx.HTTPError as exc:
            self._route_failed("instance", 0, type(exc).__name__)
            raise InstanceError(
                0, f"cannot reach {self._instance_url}: {type(exc).__name__}"
            ) from None
        if response.status_code in (200, 201):
            try:
                choices = content_mod.parse_choices(response.json())
            except ValueError as exc:
                self._route_failed("instance", response.status_code, "unreadable answer")
                raise InstanceError(response.status_code, f"unreadable answer: {exc}") from None
            self._route_ok("instance")
            return _Answer(choices, "instance", trace)
        raise await self._instance_error(response)

    async def _instance_error(self, response: httpx.Response) -> GitLabLspError:
        status = response.status_code
        detail = error_detail(response)
        if status == 401:
            return await self._token_error_for_401()
        if status == 403:
            return forbidden(self._instance_url, detail)
        if status == 429:
            wait = retry_after(response, GATEWAY_RETRY_AFTER)
            return RateLimited(
                f"{self._instance_url} rate-limited code suggestions; retry in {wait:.0f} s",
                retry_after=wait,
            )
        if status >= 500:
            self._route_failed("instance", status, detail)
        return InstanceError(status, detail)


class SuggestionStream:
    """Async iterator of text chunks that closes its HTTP stream as soon as it is closed."""

    def __init__(self, source: AsyncIterator[str]) -> None:
        self._source = source

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> str:
        return await self._source.__anext__()

    async def aclose(self) -> None:
        aclose = getattr(self._source, "aclose", None)
        if aclose is not None:
            await aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


def _validate(file_name: Any, above: Any, below: Any, choices: Any) -> None:
    if not isinstance(file_name, str) or not file_name:
        raise ValueError("file_name must be a non-empty string")
    if not isinstance(above, str) or not isinstance(below, str):
        raise ValueError("content_above_cursor and content_below_cursor must be strings")
    if not isinstance(choices, int) or not 1 <= choices <= MAX_CHOICES:
        raise ValueError(f"choices must be an integer from 1 to {MAX_CHOICES}")
