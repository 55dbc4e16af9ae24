"""`CodeSuggestions`: one object a script or the language server holds per configuration.

Routing, in one paragraph: a completion goes straight to the AI gateway with the cached user
JWT; when direct connections are off, disabled by the instance, rate-limited, or failing
(timeout, connection error, 5xx, behind an open circuit breaker), it goes through the
instance instead. A generation always goes through the instance, streamed or not.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import AsyncIterator
from types import TracebackType
from typing import Self, Unpack
from urllib.parse import urlsplit

import httpx

from gitlab_lsp.errors import (
    ConfigurationError,
    DirectAccessDisabled,
    GitLabLspError,
    InsecureGateway,
    InstanceError,
    NoKeyringBackend,
    RateLimited,
    TokenInvalid,
    TokenMissing,
)
from gitlab_lsp.sdk import content as content_mod
from gitlab_lsp.sdk.answer import Answer
from gitlab_lsp.sdk.availability import Availability
from gitlab_lsp.sdk.direct_access import DirectAccess, DirectAccessManager
from gitlab_lsp.sdk.direct_route import DirectFailed, DirectRoute, DirectUnauthorized
from gitlab_lsp.sdk.events import EventCallback, RouteHealth
from gitlab_lsp.sdk.instance_checks import InstanceStatus, duo_seat, instance_version
from gitlab_lsp.sdk.instance_route import InstanceRoute
from gitlab_lsp.sdk.intent_step import IntentDecision
from gitlab_lsp.sdk.models import Suggestion, Timings, TokenInfo
from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.sdk.recovery import RecoveryProbe
from gitlab_lsp.sdk.request import Request, SuggestionRequest
from gitlab_lsp.sdk.telemetry.usage import UsageTelemetry
from gitlab_lsp.sdk.token_source import TokenSource
from gitlab_lsp.sdk.transport import ConnectionPools

log = logging.getLogger("gitlab_lsp.sdk.client")

#: Above this many characters, redaction runs in a worker thread to keep the loop responsive.
_THREAD_THRESHOLD = 50_000
#: Errors of direct_access that mean "no JWT now", not "the user's token is bad".
_NO_JWT_NOW = (DirectAccessDisabled, RateLimited, InstanceError, InsecureGateway)


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
        self._health = RouteHealth()
        self._availability = Availability(options)
        self._access = DirectAccessManager(
            self._instance_url,
            self._pools,
            options,
            self._tokens.token,
            availability=self._availability,
        )
        self.telemetry = UsageTelemetry(
            self._instance_url,
            options,
            self._tokens.token,
            version=self._known_version,
            tls=self._pools.verify,
        )
        self._direct = DirectRoute(
            self._pools,
            options,
            self._availability,
            self.telemetry.counters if options.telemetry_enabled else None,
        )
        self._instance = InstanceRoute(
            self._instance_url,
            self._pools,
            options,
            self._tokens,
            self._health,
            self._availability,
        )
        self._recovery = RecoveryProbe(self._pools, self._availability)
        self._warm_ups: set[asyncio.Task[None]] = set()
        #: The instance's version and the user's seat, read once (single flight).
        self._status: asyncio.Future[InstanceStatus] | None = None
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
        for task in self._warm_ups:
            task.cancel()
        await asyncio.gather(*self._warm_ups, return_exceptions=True)
        if self._status is not None and not self._status.done():
            self._status.cancel()
            await asyncio.gather(self._status, return_exceptions=True)
        await self.telemetry.aclose()
        await self._access.aclose()
        await self._recovery.aclose()
        await self._pools.aclose()

    @property
    def instance_url(self) -> str:
        return self._instance_url

    @property
    def options(self) -> ClientOptions:
        return self._options

    @property
    def availability(self) -> Availability:
        """The policy that says which route may be used now; the server asks it too."""
        return self._availability

    @property
    def recovery_checks(self) -> int:
        """Health checks sent to the gateway while its direct route was down."""
        return self._recovery.checks

    @property
    def direct_access_requests(self) -> int:
        """How many `direct_access` calls this client made (single flight keeps it low)."""
        return self._access.requests_sent

    @property
    def user_jwt_ready(self) -> bool:
        """Whether a direct completion sent now would find a user JWT without waiting."""
        return self._access.ready

    def connections_opened(self, url: str) -> int:
        """TCP connections this client opened to the host of `url` (keep-alive check)."""
        parsed = httpx.URL(url)
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        return self._pools.connections_opened[f"{parsed.host}:{port}"]

    def on_event(self, callback: EventCallback) -> None:
        """`ApiError` when a route starts failing, `ApiRecovered` when it works again."""
        self._health.subscribe(callback)

    async def check_token(self) -> TokenInfo:
        """Ask the instance whether the token is usable; raises a TokenError saying why not."""
        return await self._instance.check_token()

    async def instance_status(self) -> InstanceStatus:
        """The instance's version and whether the user has a Duo seat, read once per client.

        Raises TokenMissing without a token; an instance that cannot tell gives None fields.
        """
        if self._status is None:
            self._status = asyncio.ensure_future(self._read_status())
        return await asyncio.shield(self._status)

    async def _read_status(self) -> InstanceStatus:
        token = await self._tokens.token()
        client = self._pools.for_url(self._instance_url)
        url, options = self._instance_url, self._options
        version, seat = await asyncio.gather(
            instance_version(client, url, token, options), duo_seat(client, url, token, options)
        )
        return InstanceStatus(version, seat)

    async def _known_version(self) -> str | None:
        """The instance's version from the instance check (None when it cannot tell)."""
        try:
            return (await self.instance_status()).version
        except GitLabLspError:
            return None

    async def _direct_available(self) -> bool:
        """False on instances older than 17.2, which have no `direct_access` to ask."""
        try:
            return (await self.instance_status()).direct_access_available
        except GitLabLspError:
            return True  # the request itself reports what is wrong

    async def warm_up(self) -> None:
        """Start fetching the user JWT now, in the background, and return at once.

        The first completion otherwise pays for a `direct_access` round trip to the
        instance; an editor calls this when it opens a session so that the keystroke that
        follows does not. The fetch is the same single flight a completion joins, so a
        request made meanwhile causes no second call. Never raises: without a token, with
        direct connection off or on a closed client it does nothing, and a failure is logged
        and left for the first request to report with its usual typed error.
        """
        if self._closed or not self._options.direct_connection:
            return
        task = asyncio.create_task(self._warm_up(), name="gitlab-lsp warm-up")
        self._warm_ups.add(task)
        task.add_done_callback(self._warm_ups.discard)

    async def _warm_up(self) -> None:
        try:
            await self._tokens.resolve()
        except (TokenMissing, NoKeyringBackend) as exc:
            log.debug("warm-up skipped: %s", exc)
            return
        if not await self._direct_available():
            log.debug("warm-up skipped: the instance is older than GitLab 17.2")
            return
        try:
            await self._access.get()
        except GitLabLspError as exc:
            log.info("warm-up could not get a user JWT yet: %s", exc)
        except Exception as exc:  # a background task must not die unseen
            log.warning("warm-up failed: %s", type(exc).__name__)
        else:
            log.debug("warm-up: the user JWT is ready")

    # --- the public requests --------------------------------------------------------------

    async def suggest(self, **request: Unpack[SuggestionRequest]) -> Suggestion:
        """One suggestion (with up to `choices` options for completions).

        Keyword arguments: `file_name`, `content_above_cursor` (both required),
        `content_below_cursor`, `language_id`, `intent`, `generation_type`,
        `user_instruction`, `choices`, `context` (see `SuggestionRequest`). Raises TokenError
        subclasses, RateLimited, InstanceError, GatewayError or SuggestionTimeout when no
        route can answer.
        """
        return await self.suggest_request(Request.of(request))

    async def suggest_request(self, request: Request) -> Suggestion:
        """`suggest` for a request already built as a value (`gitlab_lsp.sdk.request.Request`)."""
        started = time.perf_counter()
        self._check_open()
        return await self._suggest(request, await request.decide(), started)

    def stream(self, **request: Unpack[SuggestionRequest]) -> SuggestionStream:
        """Generation text chunks as they arrive (a completion arrives as one chunk).

        Same keyword arguments as `suggest`. Closing the iterator (`aclose()`, leaving
        `async with`, or cancelling the task that iterates) closes the HTTP stream at once.
        """
        return self.stream_request(Request.of(request))

    def stream_request(self, request: Request) -> SuggestionStream:
        """`stream` for a request already built as a value."""
        self._check_open()
        return SuggestionStream(self._stream(request))

    async def _suggest(
        self, request: Request, decision: IntentDecision, started: float
    ) -> Suggestion:
        content = await self._prepare(request, decision)
        token_wait = 0.0
        if decision.intent == "generation":
            answer = await self._instance.complete(
                content, decision, self._options.generation_timeout
            )
        else:
            answer, token_wait = await self._completion(
                content, request.language_id, request.choices
            )
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
        suggestion = Suggestion(
            text=answer.choices[0] if answer.choices else "",
            choices=answer.choices,
            intent=decision.intent,
            generation_type=decision.generation_type,
            user_instruction=decision.user_instruction,
            route=answer.route,
            timings=timings,
            model=dict(answer.model),
        )
        if self._options.post_processing:
            from gitlab_lsp.sdk.postprocess.fitted import fitted

            suggestion = fitted(suggestion, request)
        return suggestion

    async def _stream(self, request: Request) -> AsyncIterator[str]:
        started = time.perf_counter()
        decision = await request.decide()
        if decision.intent != "generation":
            suggestion = await self._suggest(request, decision, started)
            if suggestion.text:
                yield suggestion.text
            return
        content = await self._prepare(request, decision)
        async for chunk in self._instance.stream(content, decision):
            yield chunk

    # --- steps ---------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise ConfigurationError("this CodeSuggestions client is closed")

    async def _prepare(self, request: Request, decision: IntentDecision) -> content_mod.Content:
        """Everything the request sends of the user's text, cleared to leave the machine;
        the instruction is the decision's (the caller's, or the one detected)."""
        prepare = functools.partial(
            content_mod.prepare,
            request.file_name,
            request.above,
            request.below,
            redact_secrets=self._options.redact_secrets,
            user_instruction=decision.user_instruction,
            context=request.context,
            budget=self._options.context_budget,
        )
        size = len(request.above) + len(request.below)
        if self._options.redact_secrets and size > _THREAD_THRESHOLD:
            return await asyncio.to_thread(prepare)
        return prepare()

    async def _via_instance(self, content: content_mod.Content, why: str) -> Answer:
        log.debug("completion goes through the instance: %s", why)
        decision = IntentDecision("completion", None, None, 0.0)
        # A completion keeps a completion's deadline on the instance too: one the user has
        # typed past is worthless, however long a generation may take.
        return await self._instance.complete(content, decision, self._options.timeout)

    async def _completion(
        self, content: content_mod.Content, language_id: str | None, choices: int
    ) -> tuple[Answer, float]:
        """A completion, direct when possible; returns the answer and the token wait (ms)."""
        if not self._options.direct_connection:
            return await self._via_instance(content, "direct connection is off"), 0.0
        if not await self._direct_available():
            return await self._via_instance(content, "the instance is older than 17.2"), 0.0
        attempt = self._availability.direct_attempt()
        if attempt.refusal is not None:
            return await self._via_instance(content, attempt.refusal), 0.0
        outcome_known = False
        try:
            waited = time.perf_counter()
            try:
                access = await self._access.get()
            except _NO_JWT_NOW as exc:
                return await self._via_instance(content, f"no user JWT ({exc})"), 0.0
            except TokenInvalid:
                raise await self._instance.token_error_for_401() from None
            token_wait = (time.perf_counter() - waited) * 1000
            try:
                answer = await self._direct_with_retry(
                    access, content, language_id, choices, attempt.timeout
                )
            except DirectFailed as failure:
                outcome_known = failure.counts_as_failure
                if failure.counts_as_failure:
                    self._availability.direct_failed(attempt.trial)
                    self._health.failed("direct", failure.status, failure.reason)
                    self._recovery.watch(access.base_url)
                answer = await self._via_instance(content, f"direct failed ({failure.reason})")
                return answer, token_wait
            outcome_known = True
            self._availability.direct_succeeded(attempt.trial)
            self._health.ok("direct")
            return answer, token_wait
        finally:
            if not outcome_known:  # e.g. cancelled: let the next request probe instead
                self._availability.direct_inconclusive(attempt.trial)

    async def _direct_with_retry(
        self,
        access: DirectAccess,
        content: content_mod.Content,
        language_id: str | None,
        choices: int,
        timeout: float | None = None,
    ) -> Answer:
        """A 401 from the gateway gets one fresh JWT and one retry."""
        try:
            return await self._direct.complete(access, content, language_id, choices, timeout)
        except DirectUnauthorized:
            log.debug("the gateway rejected the user JWT; refreshing it once")
            self._access.invalidate(access)
        try:
            fresh = await self._access.get()
        except _NO_JWT_NOW as exc:
            raise DirectFailed(401, f"no fresh user JWT: {exc}", counts_as_failure=False) from None
        try:
            return await self._direct.complete(fresh, content, language_id, choices, timeout)
        except DirectUnauthorized:
            self._access.invalidate(fresh)
            raise DirectFailed(401, "the gateway rejected a fresh user JWT") from None


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
