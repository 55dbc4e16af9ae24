"""Finding out that the AI gateway is back, without spending model calls.

Once the circuit breaker has closed the direct route, the next real completion would only
try it after the breaker's cooldown (10 s, doubling), so a short outage costs the direct
route for long after it ended. While the breaker is open, this probe asks the gateway's
health endpoint (`GET {base_url}/monitoring/healthz`: no authentication, no model call) every
`PROBE_INTERVAL` seconds; when it turns healthy again, the breaker lets the next completion
through at once. Completions keep going through the instance meanwhile.

The probe only helps when the health endpoint shares the outage. When it answers 200 right
after the breaker opened (the gateway is up but its completions fail), or does not exist
(404...), it says nothing about this outage: probing stops and the cooldown decides.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

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
    def __init__(self, pools: ConnectionPools, availability: Availability) -> None:
        self._pools = pools
        self._availability = availability
        self._task: asyncio.Task[None] | None = None
        #: Health checks sent (for tests and benchmarks).
        self.checks = 0

    def watch(self, base_url: str) -> None:
        """The direct route to `base_url` just failed: probe it if the breaker is open."""
        if not self._availability.direct_down:
            return
        if self._task is not None and not self._task.done():
            return
        self._task = asyncio.create_task(self._run(base_url), name="gitlab-lsp recovery probe")

    async def _run(self, base_url: str) -> None:
        saw_outage = False
        while self._availability.direct_down:
            verdict = await self._check(base_url)
            if verdict is None:
                log.debug("the gateway's health endpoint tells nothing; the breaker decides")
                return
            if verdict:
                if saw_outage:
                    log.info("the AI gateway is healthy again; trying the direct route")
                    self._availability.direct_looks_healthy()
                return
            saw_outage = True
            await asyncio.sleep(PROBE_INTERVAL)

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

    async def aclose(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
