"""`UsageTelemetry`: where suggestion events go, for one `CodeSuggestions` client.

One lifecycle (what happened to each suggestion) feeds three destinations:
- the GitLab instance's usage events (shown / accepted / rejected), which completions that
  skip the instance would otherwise leave blank;
- the AI gateway's `telemetry` counters, which ride on the next direct completion;
- a Snowplow collector, only when `tracking_url` is set.
Each network destination has its own bounded queue and connection pool, so a slow or
failing endpoint delays nothing but its own events. Disabled, it records and sends nothing.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from gitlab_lsp.sdk.headers import instance_headers, user_agent
from gitlab_lsp.sdk.instance_checks import instance_version
from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.sdk.telemetry.delivery import DeliveryPolicy, DeliveryQueue
from gitlab_lsp.sdk.telemetry.gateway_counters import GatewayCounters
from gitlab_lsp.sdk.telemetry.instance_events import INSTANCE_EVENT_NAMES, InstanceEvents
from gitlab_lsp.sdk.telemetry.lifecycle import (
    SuggestionEvent,
    SuggestionFacts,
    SuggestionLifecycle,
)
from gitlab_lsp.sdk.transport import ConnectionPools

if TYPE_CHECKING:
    from gitlab_lsp.sdk.telemetry.snowplow import SnowplowEvents

log = logging.getLogger("gitlab_lsp.sdk.telemetry")

#: Seconds `aclose` may spend delivering what is queued.
SHUTDOWN_DEADLINE = 2.0


def realm_of(instance_url: str) -> str:
    host = (urlsplit(instance_url).hostname or "").lower()
    return "saas" if host == "gitlab.com" or host.endswith(".gitlab.com") else "self-managed"


class UsageTelemetry:
    def __init__(
        self,
        instance_url: str,
        options: ClientOptions,
        token: Callable[[], Awaitable[str]],
        *,
        version: Callable[[], Awaitable[str | None]] | None = None,
        policy: DeliveryPolicy | None = None,
        tls: ssl.SSLContext | bool | None = None,
    ) -> None:
        """`version` reads the instance's version (the client passes its cached instance
        check); without it, the version is asked here, once. `tls`: the client's TLS
        settings for the same options, shared (see `ConnectionPools`)."""
        self.enabled = options.telemetry_enabled
        self._pools = ConnectionPools(options, tls)
        self.counters = GatewayCounters()
        self._lifecycle = SuggestionLifecycle(self._on_event)
        policy = policy or DeliveryPolicy()

        async def headers() -> dict[str, str]:
            return instance_headers(options, await token())

        async def ask_version() -> str | None:
            pool = self._pools.for_url(instance_url)
            return await instance_version(pool, instance_url, await token(), options)

        self.instance = InstanceEvents(
            instance_url,
            self._pools.for_url(instance_url),
            headers,
            version or ask_version,
            version_hint=options.instance_version,
        )
        self._instance_queue: DeliveryQueue[SuggestionEvent] = DeliveryQueue(
            "the GitLab instance", self.instance.send, policy
        )
        self.snowplow: SnowplowEvents | None = None
        self._snowplow_queue: DeliveryQueue[SuggestionEvent] | None = None
        if self.enabled and options.tracking_url:
            # Imported only here: the tracker library (and `requests`, which it imports)
            # costs ~80 ms of every start-up and some 6 MiB of resident memory otherwise,
            # for a destination that is off by default.
            from gitlab_lsp.sdk.telemetry.snowplow import SnowplowEvents

            self.snowplow = SnowplowEvents(
                options.tracking_url,
                self._pools.for_url(options.tracking_url),
                realm=realm_of(instance_url),
                ide={
                    "ide_name": options.ide_name,
                    "ide_vendor": options.ide_vendor,
                    "ide_version": options.ide_version,
                    "extension_name": options.extension_name,
                    "extension_version": options.extension_version,
                },
                user_agent=user_agent(options),
            )
            self._snowplow_queue = DeliveryQueue(
                "the Snowplow collector", self.snowplow.send, policy
            )

    def record(
        self,
        action: str,
        tracking_id: str,
        facts: SuggestionFacts | None = None,
        *,
        option: int | None = None,
    ) -> bool:
        """One lifecycle step of a suggestion; returns whether it counted (see lifecycle.py).

        Synchronous and cheap: the events are queued, and sent by background tasks.
        """
        if not self.enabled:
            return False
        return self._lifecycle.record(action, tracking_id, facts, option=option)

    def gateway_items(self) -> list[dict[str, Any]]:
        """The `telemetry` list for the next direct completion (empty when disabled)."""
        return self.counters.take() if self.enabled else []

    def _on_event(self, event: SuggestionEvent) -> None:
        facts = event.facts
        key = (facts.model_engine, facts.model_name, facts.language)
        if event.action in ("suggestion_shown", "suggestion_not_provided"):
            self.counters.add(key, "requests")
        elif event.action == "suggestion_error":
            self.counters.add(key, "requests")
            self.counters.add(key, "errors")
        elif event.action == "suggestion_accepted":
            self.counters.add(key, "accepts")
        if event.action in INSTANCE_EVENT_NAMES:
            self._instance_queue.put(event)
        if self._snowplow_queue is not None:
            self._snowplow_queue.put(event)

    def stats(self) -> dict[str, Any]:
        stats: dict[str, Any] = {
            "enabled": self.enabled,
            "instance": {**self._instance_queue.stats(), "requests": self.instance.requests},
            "gateway_pending": self.counters.totals(),
        }
        if self._snowplow_queue is not None and self.snowplow is not None:
            stats["snowplow"] = {**self._snowplow_queue.stats(), "requests": self.snowplow.requests}
        return stats

    async def aclose(self, deadline: float = SHUTDOWN_DEADLINE) -> None:
        """Deliver what is queued within `deadline` seconds in all, then close the pools."""
        queues = [q for q in (self._instance_queue, self._snowplow_queue) if q is not None]
        await asyncio.gather(*(q.aclose(deadline) for q in queues), return_exceptions=True)
        await self._pools.aclose()
