"""The user JWT for direct connections: fetched once, refreshed early, shared by everyone.

`POST /api/v4/code_suggestions/direct_access` returns a short-lived JWT (1 h) plus the headers
the AI gateway wants. The official client fetches it lazily and considers it expired 40 s
before `expires_at`, so one request per hour pays for a token round trip and goes the slow
way. Here:

- the first need fetches it; every later need gets the cached one without waiting;
- a timer refreshes it in the background `refresh_margin` before expiry (a third of the
  lifetime for short-lived tokens), so a completion never waits for a token;
- any number of concurrent needs share one request (single flight);
- the instance's budget (10 calls per 5 minutes per user) is counted locally, and 429 /
  `Retry-After`, 403 "disabled" and errors block further calls until they may succeed (the
  waits are decided by `availability.Availability`); while blocked, callers get the error
  at once and send their completion through the instance;
- a plain-http gateway address from an https instance is refused (`InsecureGateway`): the
  code and the user JWT must not travel unencrypted because an answer said so.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from gitlab_lsp.errors import (
    DirectAccessDisabled,
    GitLabLspError,
    InsecureGateway,
    InstanceError,
    NoDuoSeat,
    RateLimited,
    TokenInvalid,
    TokenScopeMissing,
)
from gitlab_lsp.sdk.availability import TOKEN_FETCH_BACKOFF, Availability
from gitlab_lsp.sdk.headers import instance_headers
from gitlab_lsp.sdk.http_util import error_detail, retry_after, server_clock_skew
from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.sdk.transport import ConnectionPools

log = logging.getLogger("gitlab_lsp.sdk.direct_access")

PATH = "/api/v4/code_suggestions/direct_access"
BUDGET_CALLS = 10
BUDGET_WINDOW = 300.0


@dataclass(frozen=True)
class DirectAccess:
    """One answer of direct_access; times are local wall-clock seconds."""

    base_url: str
    token: str = field(repr=False)
    headers: Mapping[str, str] = field(repr=False)
    model_details: Mapping[str, str] | None
    expires_at: float
    usable_until: float
    refresh_at: float


def forbidden(instance_url: str, detail: str) -> TokenScopeMissing | NoDuoSeat:
    """What a 403 from the instance's code suggestions endpoints means for the user."""
    if "scope" in detail.lower():
        return TokenScopeMissing(
            f"the token lacks the scope code suggestions need (`api` or `ai_features`) on "
            f"{instance_url}"
        )
    return NoDuoSeat(
        f"{instance_url} refused code suggestions for this user (403: {detail}); "
        "a GitLab Duo seat is needed"
    )


class DirectAccessManager:
    def __init__(
        self,
        instance_url: str,
        pools: ConnectionPools,
        options: ClientOptions,
        user_token: Callable[[], Awaitable[str]],
        clock: Callable[[], float] = time.time,
        availability: Availability | None = None,
    ) -> None:
        self._instance_url = instance_url
        self._pools = pools
        self._options = options
        self._user_token = user_token
        self._clock = clock
        self._current: DirectAccess | None = None
        self._inflight: asyncio.Task[DirectAccess] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._background: set[asyncio.Task[None]] = set()
        self._calls: collections.deque[float] = collections.deque()
        #: Decides how long a failed fetch blocks the next (shared with the client's routes).
        self._availability = availability or Availability(options, clock)
        self._closed = False
        #: How many direct_access requests this client has sent (for tests and benchmarks).
        self.requests_sent = 0
        #: How many `get()` calls found no usable token and waited for a fetch: with the
        #: background refresh working, only the first one of a session (for tests).
        self.waits = 0

    # --- public ------------------------------------------------------------------------

    async def get(self) -> DirectAccess:
        """A usable user JWT, from the cache when possible.

        Raises DirectAccessDisabled, RateLimited, TokenError or InstanceError when none can be
        had now; callers then send the request through the instance.
        """
        now = self._clock()
        current = self._current
        if current is not None and now < current.usable_until:
            if now >= current.refresh_at:
                self._kick_refresh()
            return current
        self._raise_if_blocked(now)
        self.waits += 1
        return await self._single_flight()

    @property
    def ready(self) -> bool:
        """Whether `get()` would answer from the cache right now."""
        current = self._current
        return current is not None and self._clock() < current.usable_until

    def invalidate(self, access: DirectAccess) -> None:
        """The gateway rejected `access` (401): forget it, unless a newer one replaced it."""
        if self._current is access:
            self._current = None

    async def aclose(self) -> None:
        self._closed = True
        if self._timer is not None:
            self._timer.cancel()
        tasks = [*self._background, *([self._inflight] if self._inflight else [])]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    # --- single flight and background refresh ------------------------------------------

    async def _single_flight(self) -> DirectAccess:
        task = self._inflight
        if task is None or task.done():
            task = asyncio.create_task(self._fetch(), name="gitlab-lsp direct_access")
            # If every waiter was cancelled, nobody reads the outcome; mark it as read.
            task.add_done_callback(lambda t: t.cancelled() or t.exception())
            self._inflight = task
        # shield: a caller that gives up (cancelled completion) must not cancel the fetch the
        # other callers are waiting for.
        return await asyncio.shield(task)

    def _kick_refresh(self) -> None:
        if self._closed or (self._inflight is not None and not self._inflight.done()):
            return
        if self._availability.token_fetch_wait() > 0:
            return
        task = asyncio.create_task(self._background_refresh(), name="gitlab-lsp token refresh")
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _background_refresh(self) -> None:
        try:
            await self._single_flight()
        except GitLabLspError as exc:
            log.debug("background refresh of the user JWT failed: %s", exc)
            current = self._current
            wait = max(self._availability.token_fetch_wait(), TOKEN_FETCH_BACKOFF)
            retry_at = self._clock() + wait
            if current is not None and retry_at < current.usable_until:
                self._schedule(retry_at)

    def _schedule(self, at: float) -> None:
        if self._closed:
            return
        if self._timer is not None:
            self._timer.cancel()
        delay = max(0.0, at - self._clock())
        self._timer = asyncio.get_running_loop().call_later(delay, self._kick_refresh)

    # --- the request ---------------------------------------------------------------------

    def _raise_if_blocked(self, now: float) -> None:
        blocked = self._availability.token_fetch_blocked()
        if blocked is not None:
            raise blocked
        while self._calls and self._calls[0] <= now - BUDGET_WINDOW:
            self._calls.popleft()
        if len(self._calls) >= BUDGET_CALLS:
            wait = self._calls[0] + BUDGET_WINDOW - now
            raise RateLimited(
                f"direct_access budget spent ({BUDGET_CALLS} per {BUDGET_WINDOW:.0f} s); "
                f"next token in {wait:.0f} s",
                retry_after=wait,
            )

    async def _fetch(self) -> DirectAccess:
        self._raise_if_blocked(self._clock())
        token = await self._user_token()
        client = self._pools.for_url(self._instance_url)
        self._calls.append(self._clock())
        self.requests_sent += 1
        started = time.perf_counter()
        try:
            response = await client.post(
                self._instance_url + PATH,
                headers=instance_headers(self._options, token),
                timeout=self._options.timeout,
                extensions=self._pools.trace(self._instance_url).extensions(),
            )
        except httpx.HTTPError as exc:
            raise self._error_backoff(
                InstanceError(0, f"direct_access failed: {type(exc).__name__}")
            ) from None
        log.debug(
            "direct_access -> %s in %.1f ms",
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return self._handle(response)

    def _handle(self, response: httpx.Response) -> DirectAccess:
        status = response.status_code
        if status in (200, 201):
            try:
                access = self._parse(response)
            except InsecureGateway as exc:
                self._availability.token_fetch_failed(exc)
                raise
            except (ValueError, KeyError, TypeError) as exc:
                raise self._error_backoff(
                    InstanceError(status, f"malformed direct_access answer: {exc}")
                ) from None
            self._current = access
            self._availability.token_fetch_succeeded()
            self._schedule(access.refresh_at)
            return access
        detail = error_detail(response)
        if status == 401:
            refused = TokenInvalid(
                f"{self._instance_url} rejected the token (401): it is wrong, revoked or expired"
            )
            self._availability.token_fetch_refused(refused)
            raise refused
        if status == 403:
            if "disabled" in detail.lower():
                recheck = self._options.direct_access_recheck
                disabled = DirectAccessDisabled(
                    f"direct connections are disabled on {self._instance_url}; "
                    f"completions go through the instance (re-checked every {recheck:.0f} s)"
                )
                self._availability.token_fetch_disabled(disabled)
                raise disabled
            refused_403 = forbidden(self._instance_url, detail)
            self._availability.token_fetch_refused(refused_403)
            raise refused_403
        if status == 429:
            wait = self._availability.token_fetch_rate_limited(retry_after(response))
            raise RateLimited(
                f"direct_access rate-limited by {self._instance_url}; retry in {wait:.0f} s",
                retry_after=wait,
            )
        raise self._error_backoff(InstanceError(status, f"direct_access failed: {detail}"))

    def _error_backoff(self, error: InstanceError) -> InstanceError:
        self._availability.token_fetch_failed(error)
        return error

    def _parse(self, response: httpx.Response) -> DirectAccess:
        body: Any = response.json()
        base_url = body["base_url"]
        token = body["token"]
        expires_at = float(body["expires_at"])
        headers = body.get("headers") or {}
        if not isinstance(base_url, str) or not isinstance(token, str) or not token:
            raise ValueError("base_url and token must be strings")
        scheme = urlsplit(base_url).scheme
        if scheme not in ("http", "https"):
            raise ValueError("base_url is not an http(s) URL")
        if scheme == "http" and urlsplit(self._instance_url).scheme == "https":
            raise InsecureGateway(
                f"{self._instance_url} named a plain-http AI gateway ({base_url}); refusing to "
                "send code and the user JWT unencrypted: completions go through the instance"
            )
        if not isinstance(headers, dict):
            raise ValueError("headers must be an object")
        model = body.get("model_details")
        now = self._clock()
        # expires_at is the server's clock; translate it to ours.
        local_expiry = expires_at - server_clock_skew(response)
        lifetime = max(0.0, local_expiry - now)
        if lifetime <= 0:
            raise ValueError("the token is already expired")
        margin = min(self._options.refresh_margin, lifetime / 3)
        guard = min(5.0, lifetime / 10)
        return DirectAccess(
            base_url=base_url.rstrip("/"),
            token=token,
            headers={str(k): str(v) for k, v in headers.items()},
            model_details=(
                {str(k): str(v) for k, v in model.items()} if isinstance(model, dict) else None
            ),
            expires_at=local_expiry,
            usable_until=local_expiry - guard,
            refresh_at=local_expiry - margin,
        )
