"""Suggestion events for the GitLab instance's usage analytics (AI impact, Duo usage).

`POST /api/v4/usage_data/track_events` takes up to 50 events per request from GitLab 17.3;
older instances (16.2+) only have `track_event`, one event per request. Which one to use
follows the instance's version (the client's instance check, `GET /api/v4/version`, read once)
unless the caller already knows it; a version that cannot be read means one by one, which
every instance with usage events takes. Each event names the suggestion's tracking id, its language, its size in lines and
the branch the document is on: never any text.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import httpx

from gitlab_lsp.sdk.instance_checks import parse_version
from gitlab_lsp.sdk.telemetry.delivery import DeliveryFailed
from gitlab_lsp.sdk.telemetry.git_branch import BranchReader
from gitlab_lsp.sdk.telemetry.lifecycle import SuggestionEvent

log = logging.getLogger("gitlab_lsp.sdk.telemetry")

TRACK_EVENT_PATH = "/api/v4/usage_data/track_event"
TRACK_EVENTS_PATH = "/api/v4/usage_data/track_events"
#: `track_events` exists from this version on.
BATCH_SINCE = (17, 3)
MAX_BATCH = 50

INSTANCE_EVENT_NAMES: Mapping[str, str] = {
    "suggestion_shown": "code_suggestion_shown_in_ide",
    "suggestion_accepted": "code_suggestion_accepted_in_ide",
    "suggestion_rejected": "code_suggestion_rejected_in_ide",
}


def instance_event(event: SuggestionEvent, branch: str | None) -> dict[str, Any] | None:
    """The `track_event(s)` object of one lifecycle event, or None if the instance does not
    count that action."""
    name = INSTANCE_EVENT_NAMES.get(event.action)
    if name is None:
        return None
    facts = event.facts
    properties: dict[str, Any] = {
        "unique_tracking_id": event.tracking_id,
        "suggestion_size": facts.suggestion_size,
    }
    if facts.language:
        properties["language"] = facts.language
    if branch:
        properties["branch_name"] = branch
    return {"event": name, "additional_properties": properties}


class InstanceEvents:
    """Sends batches of lifecycle events to the instance; a DeliveryQueue's sender."""

    def __init__(
        self,
        instance_url: str,
        client: httpx.AsyncClient,
        headers: Callable[[], Awaitable[dict[str, str]]],
        version: Callable[[], Awaitable[str | None]],
        *,
        version_hint: str | None = None,
    ) -> None:
        self._url = instance_url
        self._client = client
        self._headers = headers
        self._ask_version = version
        hint = parse_version(version_hint)
        self._version: tuple[int, ...] | None = hint[:2] if hint else None
        self._branches = BranchReader()
        #: Requests sent, for the tests and the benchmark.
        self.requests = 0

    async def send(self, batch: list[SuggestionEvent]) -> None:
        """Deliver `batch`. Delivered events are removed from the list as they go, so that a
        failure part-way (one-by-one mode) leaves only the rest to be retried."""
        pairs = [
            (event, body)
            for event in batch
            if (body := instance_event(event, self._branches.branch_of(event.facts.document_path)))
            is not None
        ]
        if not pairs:
            batch.clear()
            return
        headers = await self._headers()
        if await self._batches():
            await self._post(TRACK_EVENTS_PATH, {"events": [body for _, body in pairs]}, headers)
            batch.clear()
            return
        for event, body in pairs:
            await self._post(TRACK_EVENT_PATH, body, headers)
            while batch and batch[0] is not event:
                batch.pop(0)  # actions the instance does not count
            if batch:
                batch.pop(0)
        batch.clear()

    async def _batches(self) -> bool:
        if self._version is None:
            parsed = parse_version(await self._ask_version())
            if parsed is None:
                log.info("the instance's version is unknown; usage events go one by one")
            self._version = parsed[:2] if parsed else (0, 0)
        return self._version >= BATCH_SINCE

    async def _post(self, path: str, body: dict[str, Any], headers: dict[str, str]) -> None:
        self.requests += 1
        try:
            response = await self._client.post(self._url + path, json=body, headers=headers)
        except httpx.HTTPError as exc:
            raise DeliveryFailed(f"{path}: {type(exc).__name__}") from None
        status = response.status_code
        if status == 200 or status == 201 or status == 204:
            return
        if status == 404 and path == TRACK_EVENTS_PATH:
            # The version said batches, the instance disagrees: fall back to single events.
            self._version = (0, 0)
            raise DeliveryFailed(f"{path} answered 404; retrying one by one")
        retry = status >= 500 or status in (401, 408, 429)
        raise DeliveryFailed(f"{path} answered {status}", retry=retry)
