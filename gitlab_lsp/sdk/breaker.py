"""A circuit breaker for the direct route that closes again after a success.

While open, completions go straight to the instance instead of paying a timeout each. After
`cooldown` seconds one probe request is let through (half-open); its success closes the
breaker, its failure reopens it with a doubled cooldown. The official client's breaker never
resets, so one bad minute costs it the direct route for the rest of the session.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable


class BreakerState(enum.Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    def __init__(
        self,
        threshold: int = 3,
        cooldown: float = 10.0,
        max_cooldown: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._threshold = max(1, threshold)
        self._base_cooldown = cooldown
        self._max_cooldown = max(cooldown, max_cooldown)
        self._clock = clock
        self._state = BreakerState.CLOSED
        self._failures = 0
        self._cooldown = cooldown
        self._opened_at = 0.0
        self._probe_in_flight = False

    @property
    def state(self) -> BreakerState:
        if self._state is BreakerState.OPEN and self._clock() >= self._opened_at + self._cooldown:
            return BreakerState.HALF_OPEN
        return self._state

    def allow(self) -> bool:
        """May a request use the route now? In half-open state only one probe at a time."""
        state = self.state
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.HALF_OPEN and not self._probe_in_flight:
            self._state = BreakerState.HALF_OPEN
            self._probe_in_flight = True
            return True
        return False

    def record_success(self) -> None:
        self._state = BreakerState.CLOSED
        self._failures = 0
        self._cooldown = self._base_cooldown
        self._probe_in_flight = False

    def record_failure(self) -> None:
        if self._state is BreakerState.HALF_OPEN:
            self._cooldown = min(self._cooldown * 2, self._max_cooldown)
            self._open()
            return
        self._failures += 1
        if self._state is BreakerState.CLOSED and self._failures >= self._threshold:
            self._open()

    def release_probe(self) -> None:
        """The probe ended without telling anything about the route (e.g. it was cancelled)."""
        if self._state is BreakerState.HALF_OPEN and self._probe_in_flight:
            self._probe_in_flight = False

    def probe_now(self) -> None:
        """Something cheaper than a request says the route is back: end the cooldown now."""
        if self._state is BreakerState.OPEN:
            self._opened_at = self._clock() - self._cooldown

    def _open(self) -> None:
        self._state = BreakerState.OPEN
        self._opened_at = self._clock()
        self._probe_in_flight = False
