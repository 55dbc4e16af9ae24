"""Finding out that the direct route is back, without model calls the user did not ask for.

Once the circuit breaker opened, waiting out its cooldown (10 s, doubling) would cost the
direct route long after an outage ended. Two signals find the way back sooner; completions
keep going through the instance meanwhile.

1. **The gateway's health endpoint** (`GET {base_url}/monitoring/healthz`: no
   authentication, no model call, served through the same Cloud Connector entry by the same
   gateway processes). While the breaker is open it is asked every `PROBE_INTERVAL`
   seconds; when it turns from failing to healthy, the next completion tries the route at
   once. It sees outages of the whole gateway or of its entry: unreachable, 5xx, timeouts,
   load-balancer errors. It cannot see one route failing behind healthy processes: a model
   provider failing (503 `Inference failed`), the completions route itself misrouted or
   erroring, its JWT validation broken.
2. **A trial**, when the health endpoint cannot tell (it answered 200 right after the
   breaker opened, or does not exist): a completion the user asked for tries the direct
   route (`Availability.direct_attempt`), at most one in flight and one per
   `TRIAL_INTERVAL`, with a short deadline, and falls back to the instance within the same
   request when it fails. Being a real completion, it sees every failure a completion can
   meet. It costs no model call the user did not ask for; a failing trial costs that user
   one round trip to the failing route (a 5xx: one gateway round trip; a hang:
   `TRIAL_TIMEOUT`, after which the trials space out) and the gateway one extra request.

Not used: a deliberately invalid completion request (an empty body), which the gateway
rejects in request validation (422) before any model call. It would exercise the route's
entry, routing and, with the user JWT, its authentication, so it would see the route failing
before validation; but not a model provider failing (the failure the health endpoint misses
too: it would answer 422 all along), and a per-user rate limit on the inference routes may
count it (the bundled mock counts requests before validating them, as a limit at the entry
would), so probing once a second could spend the user's 60 requests a minute. A trial sees
all it sees and more, with a request the user made anyway. Cloud Connector's public routes
are the gateway's own and its token authority's: none of them reports the completions
route's health either.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

import httpx

from gitlab_lsp.sdk.availability import Availability
from gitlab_lsp.sdk.transport import ConnectionPools

log = logging.getLogger("gitlab_lsp.sdk.recovery")

HEALTH_PATH = "/monitoring/healthz"
#: Seconds between two health checks while the direct route is down.
PROBE_INTERVAL = 1.0
#: A health check slower than this counts as down.
PROBE_TIMEOUT = 2.0


class RecoveryProbe:
    def __init__(
        self,
        pools: ConnectionPools,
        availability: Availability,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._pools = pools
        self._sleep = sleep
        self._availability = availability
        self._task: asyncio.Task[None] | None = None
        #: Health checks sent (for tests and benchmarks).
        self.checks = 0

    def watch(self, base_url: str) -> None:
        """The direct route to `base_url` just failed: probe it if the breaker is open."""
        if not self._availability.direct_down or self._availability.user_trials:
            return  # closed: nothing to find; trials: the users' requests find it
        if self._task is not None and not self._task.done():
            return
        self._task = asyncio.create_task(self._run(base_url), name="gitlab-lsp recovery probe")

    async def _run(self, base_url: str) -> None:
        saw_outage = False
        while self._availability.direct_down:
            verdict = await self._check(base_url)
            if verdict and saw_outage:
                log.info("the AI gateway is healthy again; trying the direct route")
                self._availability.direct_looks_healthy()
                return
            if verdict is None or verdict:
                log.debug("the gateway's health endpoint cannot see this outage; trials decide")
                self._availability.direct_health_unknown()
                return
            saw_outage = True
            await self._sleep(PROBE_INTERVAL)

    async def _check(self, base_url: str) -> bool | None:
        """True: healthy; False: down (5xx, unreachable, slow); None: no usable answer."""
        self.checks += 1
        try:
            response = await self._pools.for_url(base_url).get(
                base_url + HEALTH_PATH, timeout=PROBE_TIMEOUT
            )
        except httpx.HTTPError:
            return False
        if response.status_code == 200:
            return True
        if response.status_code >= 500 or response.status_code == 429:
            return False
        return None

    async def idle(self) -> None:
        """Return when no probe is running (the current one, if any, has ended)."""
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)

    async def aclose(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
