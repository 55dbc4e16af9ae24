"""Suggestion events for a Snowplow collector (`telemetry.trackingUrl`), as GitLab's own
language server sends them: structured events of category `code_suggestions` whose action is
the lifecycle step and whose label is the tracking id, with the
`iglu:com.gitlab/code_suggestions_context` context (the public schema's fields that describe
a suggestion without its text) and the `ide_extension_version` context.

The maintained `snowplow-tracker` package builds each event (ids, timestamps, contexts); its
own emitter would send them with blocking HTTP from threads, so a small emitter here hands
each finished payload back to `send`, which builds a batch's payloads in the background
(off the request path) and posts them to the collector's
`/com.snowplowanalytics.snowplow/tp2` endpoint. JSON is sent unencoded (no base64), so anyone
inspecting the traffic can read exactly what is sent.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx
from snowplow_tracker.events.structured_event import StructuredEvent
from snowplow_tracker.self_describing_json import SelfDescribingJson
from snowplow_tracker.tracker import Tracker
from snowplow_tracker.typing import PayloadDict

from gitlab_lsp import __version__
from gitlab_lsp.sdk.telemetry.delivery import DeliveryFailed
from gitlab_lsp.sdk.telemetry.lifecycle import SuggestionEvent

COLLECTOR_PATH = "/com.snowplowanalytics.snowplow/tp2"
PAYLOAD_DATA_SCHEMA = "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4"
CONTEXT_SCHEMA = "iglu:com.gitlab/code_suggestions_context/jsonschema/3-8-0"
IDE_SCHEMA = "iglu:com.gitlab/ide_extension_version/jsonschema/1-1-0"
CATEGORY = "code_suggestions"
APP_ID = "gitlab_ide_extension"


def collector_url(tracking_url: str) -> str:
    """The tp2 endpoint of a collector given as its base URL (what `trackingUrl` holds)."""
    parts = urlsplit(tracking_url)
    if parts.path.rstrip("/").endswith(COLLECTOR_PATH):
        return tracking_url
    return tracking_url.rstrip("/") + COLLECTOR_PATH


class _Handoff:
    """A snowplow-tracker emitter that gives each finished payload to a callback."""

    def __init__(self, sink: Callable[[PayloadDict], None]) -> None:
        self._sink = sink

    def input(self, payload: PayloadDict) -> None:
        self._sink(dict(payload))

    def flush(self) -> None:
        return None

    def async_flush(self) -> None:
        return None

    def sync_flush(self) -> None:
        return None


class SnowplowEvents:
    """Builds collector payloads from lifecycle events and posts them in batches."""

    def __init__(
        self,
        tracking_url: str,
        client: httpx.AsyncClient,
        *,
        realm: str,
        ide: dict[str, str | None],
        user_agent: str,
    ) -> None:
        self._url = collector_url(tracking_url)
        self._client = client
        self._realm = realm
        self._user_agent = user_agent
        self._built: list[PayloadDict] = []
        self._tracker = Tracker(
            namespace="gl",
            emitters=_Handoff(self._built.append),
            app_id=APP_ID,
            encode_base64=False,
        )
        self._ide = SelfDescribingJson(
            IDE_SCHEMA,
            {
                "ide_name": ide.get("ide_name"),
                "ide_vendor": ide.get("ide_vendor"),
                "ide_version": ide.get("ide_version"),
                "extension_name": ide.get("extension_name"),
                "extension_version": ide.get("extension_version"),
                "language_server_version": __version__,
            },
        )
        self.requests = 0

    def payload(self, event: SuggestionEvent) -> PayloadDict:
        """The collector payload of one event (built now, so its time is the event's)."""
        facts = event.facts
        context = SelfDescribingJson(
            CONTEXT_SCHEMA,
            {
                "gitlab_realm": self._realm,
                "language": facts.language,
                "model_engine": facts.model_engine,
                "model_name": facts.model_name,
                "suggestion_source": "network",
                "is_streaming": facts.is_streaming,
                "is_invoked": facts.is_invoked,
                "options_count": facts.options_count or None,
                "is_direct_connection": facts.route == "direct" if facts.route else None,
                "api_status_code": None,
            },
        )
        self._tracker.track(
            StructuredEvent(
                category=CATEGORY,
                action=event.action,
                label=event.tracking_id,
                context=[self._ide, context],
                true_timestamp=event.timestamp_ms,
            )
        )
        return self._built.pop()

    async def send(self, batch: list[SuggestionEvent]) -> None:
        """Build the batch's payloads (here, off the request path; each keeps its event's
        time) and post them as one `payload_data` body."""
        sent = str(int(time.time() * 1000))
        body: dict[str, Any] = {
            "schema": PAYLOAD_DATA_SCHEMA,
            "data": [{**self.payload(event), "stm": sent} for event in batch],
        }
        self.requests += 1
        try:
            response = await self._client.post(
                self._url, json=body, headers={"User-Agent": self._user_agent}
            )
        except httpx.HTTPError as exc:
            raise DeliveryFailed(f"collector: {type(exc).__name__}") from None
        status = response.status_code
        if status >= 300:
            retry = status >= 500 or status in (408, 429)
            raise DeliveryFailed(f"collector answered {status}", retry=retry)
