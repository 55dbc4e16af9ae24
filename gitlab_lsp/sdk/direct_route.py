"""One completion straight to the AI gateway with a user JWT (`POST {base_url}/v2/completions`).

This module only sends and classifies; the client decides what a failure means (fall back,
count it in the breaker, refresh the JWT).
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from gitlab_lsp.errors import GatewayError
from gitlab_lsp.sdk import content as content_mod
from gitlab_lsp.sdk.answer import Answer
from gitlab_lsp.sdk.availability import Availability
from gitlab_lsp.sdk.direct_access import DirectAccess
from gitlab_lsp.sdk.headers import direct_headers
from gitlab_lsp.sdk.http_util import error_detail, retry_after
from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.sdk.telemetry.gateway_counters import GatewayCounters
from gitlab_lsp.sdk.transport import AnswerTooLarge, ConnectionPools

log = logging.getLogger("gitlab_lsp.sdk.direct_route")

PATH = "/v2/completions"


class DirectFailed(Exception):
    """No answer from the direct route; the completion goes through the instance instead.

    `counts_as_failure` is False when the route is healthy but said "not now" (429), so the
    circuit breaker does not open for it.
    """

    def __init__(self, status: int, reason: str, *, counts_as_failure: bool = True) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.counts_as_failure = counts_as_failure


class DirectUnauthorized(Exception):
    """The gateway answered 401 to this user JWT."""


class DirectRoute:
    def __init__(
        self,
        pools: ConnectionPools,
        options: ClientOptions,
        availability: Availability,
        counters: GatewayCounters | None = None,
    ) -> None:
        self._pools = pools
        self._options = options
        self._availability = availability
        #: Usage counters that ride on each body (None: telemetry off).
        self._counters = counters

    async def complete(
        self,
        access: DirectAccess,
        content: content_mod.Content,
        language_id: str | None,
        choices: int,
        timeout: float | None = None,
    ) -> Answer:
        """Raises DirectUnauthorized for a 401, DirectFailed for any other failure.

        `timeout` replaces the usual deadline (a trial's, while the breaker is open)."""
        counted = self._counters.take() if self._counters is not None else []
        try:
            return await self._complete(
                access, content, language_id, choices, counted, timeout or self._options.timeout
            )
        except BaseException:
            if self._counters is not None:
                self._counters.give_back(counted)  # the gateway did not take them
            raise

    async def _complete(
        self,
        access: DirectAccess,
        content: content_mod.Content,
        language_id: str | None,
        choices: int,
        counted: list[dict[str, Any]],
        timeout: float,
    ) -> Answer:
        body = content_mod.direct_body(
            content,
            language_id=language_id,
            choices=choices,
            project_path=self._options.project_path,
            model_details=dict(access.model_details) if access.model_details else None,
            telemetry=counted,
        )
        try:
            response, trace = await self._pools.post_json(
                access.base_url + PATH,
                body,
                direct_headers(self._options, access.headers, access.token),
                timeout,
            )
        except (TimeoutError, httpx.TimeoutException):
            raise DirectFailed(0, f"timed out after {timeout:g} s") from None
        except AnswerTooLarge as exc:
            raise DirectFailed(200, f"unusable answer: {exc}") from None
        except httpx.HTTPError as exc:
            raise DirectFailed(0, f"connection failed: {type(exc).__name__}") from None
        status = response.status_code
        if status == 200:
            try:
                answer = response.json()
                texts = content_mod.parse_choices(answer)
                return Answer(texts, "direct", trace, content_mod.parse_model(answer))
            except ValueError as exc:
                raise DirectFailed(status, f"unreadable answer: {exc}") from None
        if status == 401:
            raise DirectUnauthorized()
        detail = error_detail(response)
        if status == 429:
            wait = self._availability.rate_limited("direct", retry_after(response))
            raise DirectFailed(status, f"rate-limited for {wait:.0f} s", counts_as_failure=False)
        if status not in (403, 408) and status < 500:
            # The gateway refused the request itself (422...): a protocol mismatch worth a
            # warning, but the instance may still answer, so the user is not left empty-handed.
            log.warning("the AI gateway refused a completion: %s", GatewayError(status, detail))
        raise DirectFailed(status, f"{status}: {detail}")
