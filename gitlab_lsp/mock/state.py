"""The mutable state every party shares and the control surface changes.

All four parties run in one event loop, so they read this object directly; the locks only
matter for the few readers in other threads (tests calling in-process helpers).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from gitlab_lsp.mock.faults import FaultTable
from gitlab_lsp.mock.ratelimit import RateLimiter
from gitlab_lsp.mock.usage import UsageCollector

#: The request log keeps the newest entries only, so a long-running mock stays small: at most
#: this many entries, and at most this many bytes of request bodies.
REQUEST_LOG_LIMIT = 5000
REQUEST_LOG_BODY_BYTES = 64 * 1024 * 1024
#: The GitLab version the instance reports until told otherwise.
DEFAULT_GITLAB_VERSION = "17.6.0-ee"
#: Instance feature flags GitLab's editor plugins ask about, and their default state.
DEFAULT_FEATURE_FLAGS = {
    "advanced_context_resolver": True,
    "code_suggestions_context": True,
    "duo_additional_context": True,
}


def version_at_least(version: str, minimum: tuple[int, int]) -> bool:
    """Whether a version such as "17.1.0-ee" is at least `minimum` (major, minor)."""
    parts = version.split("-", 1)[0].split(".")
    return (int(parts[0]), int(parts[1])) >= minimum


@dataclass
class Latency:
    """Injected delays in seconds, one per hop (the benchmarks compare the two routes), and the
    model's pause between streamed pieces, so that a stream takes time like a real one."""

    client_instance: float = 0.0
    instance_gateway: float = 0.0
    client_gateway: float = 0.0
    model: float = 0.0
    model_chunk: float = 0.0


class RequestLog:
    """Every request each party received, newest last."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: deque[tuple[dict[str, Any], int]] = deque()
        self._body_bytes = 0

    def append(self, entry: dict[str, Any], body_size: int) -> None:
        with self._lock:
            self._entries.append((entry, body_size))
            self._body_bytes += body_size
            while len(self._entries) > REQUEST_LOG_LIMIT or (
                self._body_bytes > REQUEST_LOG_BODY_BYTES and len(self._entries) > 1
            ):
                _, size = self._entries.popleft()
                self._body_bytes -= size

    def entries(self, party: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(e) for e, _ in self._entries if party is None or e["party"] == party]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._body_bytes = 0


class MockState:
    """Defaults are the real behaviour; `reset()` returns to them."""

    def __init__(self) -> None:
        self.requests = RequestLog()
        #: Usage events and counters the parties received (`GET /-/mock/events`).
        self.usage = UsageCollector()
        self.faults = FaultTable()
        self.rate_limits = RateLimiter()
        self.latency = Latency()
        self.token_lifetime: int | None = None
        #: Lifetime of the IJWTs CustomersDot issues (None: the real 3 days).
        self.instance_token_lifetime: int | None = None
        self.direct_connections = True
        #: What direct_access answers as `model_details` (a configured model); None omits it,
        #: as GitLab does when no model is chosen for code suggestions.
        self.model_details: dict[str, str] | None = None
        #: What `/api/v4/version` says (direct_access exists from 17.2).
        self.gitlab_version = DEFAULT_GITLAB_VERSION
        #: GraphQL `featureFlagEnabled(name:)` answers; unknown flags are off.
        self.feature_flags = dict(DEFAULT_FEATURE_FLAGS)
        self.started_at = time.time()
        #: Set when the stack shuts down, so that requests held by faults let go at once.
        self.stopping = asyncio.Event()
        self._reset_hooks: list[Callable[[], None]] = []

    def on_reset(self, hook: Callable[[], None]) -> None:
        """Register per-party state (caches) that a reset must also clear."""
        self._reset_hooks.append(hook)

    def reset(self) -> None:
        self.requests.clear()
        self.usage.clear()
        self.faults.clear()
        self.rate_limits.reset()
        self.latency = Latency()
        self.token_lifetime = None
        self.instance_token_lifetime = None
        self.direct_connections = True
        self.model_details = None
        self.gitlab_version = DEFAULT_GITLAB_VERSION
        self.feature_flags = dict(DEFAULT_FEATURE_FLAGS)
        for hook in self._reset_hooks:
            hook()

    def snapshot(self) -> dict[str, Any]:
        return {
            "faults": [f.as_dict() for f in self.faults.list()],
            "latency": asdict(self.latency),
            "token_lifetime": self.token_lifetime,
            "instance_token_lifetime": self.instance_token_lifetime,
            "direct_connections": self.direct_connections,
            "model_details": self.model_details,
            "gitlab_version": self.gitlab_version,
            "feature_flags": dict(self.feature_flags),
            "rate_limits": {
                rule: list(limit) if limit is not None else None
                for rule, limit in self.rate_limits.limits.items()
            },
        }
