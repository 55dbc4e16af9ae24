"""Route health events, for callers (the language server) that report them to the user."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gitlab_lsp.sdk.models import Route


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
