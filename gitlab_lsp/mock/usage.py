"""What the mock learns about usage: the instance's usage events, the gateway's telemetry
counters and a Snowplow collector, each validated like the real endpoint, and summed up for
`GET /-/mock/events`.

- `POST /api/v4/usage_data/track_event` (16.2+) and `.../track_events` (17.3+) validate as
  Rails does (Grape's `{"error": "<param> is missing|is invalid"}` 400s; more than 50 events:
  400 `{"message": "Maximum 50 events allowed in one request."}`) and accept event names
  they do not know, as a production GitLab does (it reports those to its error tracker and
  answers 200).
- `POST /com.snowplowanalytics.snowplow/tp2` on the instance party plays a Snowplow
  collector: a `payload_data` body whose events each have an `e` (event type).
- The gateway hands the `telemetry` list of each v2 body to `UsageCollector.gateway`.
"""

from __future__ import annotations

import json
import threading
from collections import Counter, deque
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from gitlab_lsp.mock.validation import strict_json_loads

MAXIMUM_TRACKED_EVENTS = 50
TRACK_EVENT = "/api/v4/usage_data/track_event"
TRACK_EVENTS = "/api/v4/usage_data/track_events"
COLLECTOR = "/com.snowplowanalytics.snowplow/tp2"
PAYLOAD_DATA = "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-"
#: Events kept for the summary's `recent` list (the counts cover everything).
RECENT = 200
_COUNTERS = ("requests", "accepts", "errors")


class UsageCollector:
    """Everything the parties learned about usage; thread-safe, cleared by a mock reset."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        with self._lock:
            self._instance: Counter[str] = Counter()
            self._by_language: dict[str, Counter[str]] = {}
            self._requests: Counter[str] = Counter()
            self._refused = 0
            self._tracking_ids: dict[str, set[str]] = {}
            self._snowplow: Counter[str] = Counter()
            self._snowplow_requests = 0
            self._gateway: Counter[str] = Counter()
            self._gateway_bodies = 0
            self._recent: deque[dict[str, Any]] = deque(maxlen=RECENT)

    def instance_events(self, path: str, events: list[dict[str, Any]]) -> None:
        with self._lock:
            self._requests[path.rsplit("/", 1)[-1]] += 1
            for event in events:
                name = event["event"]
                props = event.get("additional_properties") or {}
                self._instance[name] += 1
                language = props.get("language")
                key = language if isinstance(language, str) else "(none)"
                self._by_language.setdefault(key, Counter())[name] += 1
                tracking_id = props.get("unique_tracking_id")
                if isinstance(tracking_id, str):
                    self._tracking_ids.setdefault(name, set()).add(tracking_id)
                self._recent.append({"to": "instance", **event})

    def refused(self) -> None:
        with self._lock:
            self._refused += 1

    def snowplow(self, events: list[dict[str, Any]]) -> None:
        with self._lock:
            self._snowplow_requests += 1
            for event in events:
                action = event.get("se_ac") if event.get("e") == "se" else event.get("e")
                self._snowplow[str(action)] += 1
                self._recent.append({"to": "snowplow", **event})

    def gateway(self, items: list[dict[str, Any]]) -> None:
        with self._lock:
            self._gateway_bodies += 1
            for item in items:
                for name in _COUNTERS:
                    self._gateway[name] += item[name]
                self._recent.append({"to": "gateway", **item})

    def summary(self) -> dict[str, Any]:
        with self._lock:
            return {
                "instance": {
                    "events": dict(self._instance),
                    "by_language": {k: dict(v) for k, v in sorted(self._by_language.items())},
                    "unique_tracking_ids": {k: len(v) for k, v in self._tracking_ids.items()},
                    "requests": dict(self._requests),
                    "refused_requests": self._refused,
                },
                "snowplow": {"events": dict(self._snowplow), "requests": self._snowplow_requests},
                "gateway": {
                    **{name: self._gateway[name] for name in _COUNTERS},
                    "bodies_with_telemetry": self._gateway_bodies,
                },
                "recent": list(self._recent),
            }


class _Invalid(Exception):
    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__(str(body))
        self.body = body


def _event(value: Any, prefix: str) -> dict[str, Any]:
    """One event's params, checked as Grape checks `event_params` (first problem wins)."""
    if not isinstance(value, dict):
        raise _Invalid({"error": f"{prefix or 'event'} is invalid"})

    def name(param: str) -> str:
        return f"{prefix}[{param}]" if prefix else param

    event = value.get("event")
    if event is None:
        raise _Invalid({"error": f"{name('event')} is missing"})
    if not isinstance(event, str):
        raise _Invalid({"error": f"{name('event')} is invalid"})
    for param in ("namespace_id", "project_id"):
        v = value.get(param)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
            raise _Invalid({"error": f"{name(param)} is invalid"})
    props = value.get("additional_properties")
    if props is not None and not isinstance(props, dict):
        raise _Invalid({"error": f"{name('additional_properties')} is invalid"})
    snowplow = value.get("send_to_snowplow")
    if snowplow is not None and not isinstance(snowplow, bool):
        raise _Invalid({"error": f"{name('send_to_snowplow')} is invalid"})
    return value


async def _json(request: Request) -> Any:
    raw = await request.body()
    try:
        return strict_json_loads(raw) if raw else {}
    except (ValueError, UnicodeDecodeError):
        raise _Invalid(
            {"error": "The provided content-type 'application/json' is not supported."}
        ) from None


def usage_routes(
    collector: UsageCollector, authenticate: Callable[[Request], Response | None]
) -> list[Route]:
    """The instance's routes; `authenticate` answers an error response, or None when the
    request's token may track events."""

    async def track_event(request: Request) -> Response:
        refused = authenticate(request)
        if refused is not None:
            return refused
        try:
            event = _event(await _json(request), "")
        except _Invalid as exc:
            collector.refused()
            return JSONResponse(exc.body, status_code=400)
        collector.instance_events(TRACK_EVENT, [event])
        return JSONResponse({}, status_code=200)

    async def track_events(request: Request) -> Response:
        refused = authenticate(request)
        if refused is not None:
            return refused
        try:
            body = await _json(request)
            events = body.get("events") if isinstance(body, dict) else None
            if events is None:
                raise _Invalid({"error": "events is missing"})
            if not isinstance(events, list):
                raise _Invalid({"error": "events is invalid"})
            checked = [_event(e, f"events[{i}]") for i, e in enumerate(events)]
        except _Invalid as exc:
            collector.refused()
            return JSONResponse(exc.body, status_code=400)
        if len(checked) > MAXIMUM_TRACKED_EVENTS:
            collector.refused()
            return JSONResponse(
                {"message": f"Maximum {MAXIMUM_TRACKED_EVENTS} events allowed in one request."},
                status_code=400,
            )
        collector.instance_events(TRACK_EVENTS, checked)
        return JSONResponse({}, status_code=200)

    async def collector_tp2(request: Request) -> Response:
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            return Response("invalid payload", status_code=400)
        data = body.get("data") if isinstance(body, dict) else None
        schema = body.get("schema") if isinstance(body, dict) else None
        if (
            not isinstance(schema, str)
            or not schema.startswith(PAYLOAD_DATA)
            or not isinstance(data, list)
            or not data
            or not all(isinstance(e, dict) and isinstance(e.get("e"), str) for e in data)
        ):
            return Response("invalid payload", status_code=400)
        collector.snowplow(data)
        return Response("ok", status_code=200)

    return [
        Route(TRACK_EVENT, track_event, methods=["POST"]),
        Route(TRACK_EVENTS, track_events, methods=["POST"]),
        Route(COLLECTOR, collector_tp2, methods=["POST"]),
    ]


def events_route(collector: UsageCollector) -> Route:
    """`GET /-/mock/events`: what the instance, the gateway and the collector learned."""

    async def events(request: Request) -> Response:
        return JSONResponse(collector.summary())

    return Route("/events", events, methods=["GET"])
