"""Route health events, for callers (the language server) that report them to the user."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from gitlab_lsp.sdk.models import Route

log = logging.getLogger("gitlab_lsp.sdk.events")


@dataclass(frozen=True)
class ApiError:
    """`route` started failing (sent once per outage, not per failed request)."""

    route: Route
    status: int
    message: str


@dataclass(frozen=True)
class ApiRecovered:
    """`route` works again after an `ApiError`."""

    route: Route


ApiEvent = ApiError | ApiRecovered
EventCallback = Callable[[ApiEvent], None]


class RouteHealth:
    """Turns per-request outcomes into one event per change of a route's health."""

    def __init__(self) -> None:
        self._callbacks: list[EventCallback] = []
        self._failing: dict[Route, bool] = {"direct": False, "instance": False}

    def subscribe(self, callback: EventCallback) -> None:
        self._callbacks.append(callback)

    def failed(self, route: Route, status: int, message: str) -> None:
        if not self._failing[route]:
            self._failing[route] = True
            self._emit(ApiError(route, status, message))

    def ok(self, route: Route) -> None:
        if self._failing[route]:
            self._failing[route] = False
            self._emit(ApiRecovered(route))

    def _emit(self, event: ApiEvent) -> None:
        for callback in list(self._callbacks):
            try:
                callback(event)
            except Exception:  # a caller's bug must not break the request that reported it
                log.exception("an on_event callback raised")
