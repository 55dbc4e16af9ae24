"""Fixed-window rate limiting per (rule, user), the way Rails and the gateway throttle."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

#: The real limits: requests per window (seconds).
DEFAULT_LIMITS: dict[str, tuple[int, float] | None] = {
    "direct_access": (10, 300.0),  # Rails, per user
    "completions": (60, 60.0),  # Rails, per user
    "gateway": (60, 60.0),  # AI gateway inference endpoints, per user
}


class RateLimited(Exception):
    """The caller is over its limit; `retry_after` is in whole seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"rate limited, retry after {retry_after}s")
        self.retry_after = retry_after


@dataclass
class _Window:
    started: float
    count: int


class RateLimiter:
    """Counters for every rule; a rule set to None is not limited."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.limits: dict[str, tuple[int, float] | None] = dict(DEFAULT_LIMITS)
        self._windows: dict[tuple[str, str], _Window] = {}

    def reset(self) -> None:
        with self._lock:
            self.limits = dict(DEFAULT_LIMITS)
            self._windows.clear()

    def configure(self, rule: str, limit: tuple[int, float] | None) -> None:
        if rule not in DEFAULT_LIMITS:
            raise KeyError(rule)
        with self._lock:
            self.limits[rule] = limit
            self._windows = {k: w for k, w in self._windows.items() if k[0] != rule}

    def hit(self, rule: str, key: str) -> None:
        """Count one request; raises RateLimited when it is over the rule's limit."""
        now = time.monotonic()
        with self._lock:
            limit = self.limits.get(rule)
            if limit is None:
                return
            max_requests, window = limit
            current = self._windows.get((rule, key))
            if current is None or now - current.started >= window:
                current = _Window(started=now, count=0)
                self._windows[(rule, key)] = current
            if current.count >= max_requests:
                remaining = window - (now - current.started)
                raise RateLimited(max(1, math.ceil(remaining)))
            current.count += 1
