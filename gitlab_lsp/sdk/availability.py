"""When each route, and fetching the user JWT, may be used: the one policy the SDK and the
language server ask.

Every "not now" the upstream can say ends up here, with its wait:

- a 429 from the gateway keeps completions off the direct route for `Retry-After`;
- a 429 from the instance pauses suggestions altogether for `Retry-After`;
- a 429, an error or a refusal from `direct_access` pauses fetching the user JWT (errors back
  off, doubling; "direct connections disabled" is re-checked after `direct_access_recheck`);
- a refused user token (PAT/OAuth) pauses suggestions for `TOKEN_RETRY` seconds, since every
  request would only fail again (a seat or a scope may be granted meanwhile);
- failures of the direct route (timeouts, connection errors, 5xx) count in the circuit
  breaker; a 429 never does: the route is healthy, it only said "not now";
- while the breaker is open, the way back is found without waiting out its cooldown
  (`sdk/recovery.py` says how): a health check that saw the outage end lets the next
  completion through at once; when the health check cannot tell, a user's own completion
  tries the direct route at most once per `TRIAL_INTERVAL` (a *trial*, one at a time, with
  `TRIAL_TIMEOUT`), falling back to the instance within the same request if it fails.

`Retry-After` is clamped to `MAX_RETRY_AFTER`: a server asking for a day (`86400`) must not
silence suggestions for a day. A settings change calls `reset()`: the user changed something,
so every pause is tried again at once. The clock is injectable so tests can move time.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from gitlab_lsp.errors import GitLabLspError, RateLimited
from gitlab_lsp.sdk.breaker import BreakerState, CircuitBreaker
from gitlab_lsp.sdk.options import ClientOptions

#: Seconds to wait after a 429 that did not say how long.
DEFAULT_RETRY_AFTER = 30.0
#: The longest wait a `Retry-After` may impose.
MAX_RETRY_AFTER = 60.0
#: Seconds before a refused user token is tried again without a settings change.
TOKEN_RETRY = 60.0
#: After a `direct_access` error (5xx, unreachable, refusal), wait this long before asking
#: again, doubling up to `TOKEN_FETCH_BACKOFF_MAX`.
TOKEN_FETCH_BACKOFF = 2.0
TOKEN_FETCH_BACKOFF_MAX = 60.0

#: While the breaker is open and the health check cannot tell, a user's completion may try
#: the direct route once per this many seconds (the route back within ~1.5 s of healing).
TRIAL_INTERVAL = 1.5
#: The longest a trial waits for the direct route before the instance answers instead (the
#: route failed a moment ago: a user should not wait the whole `timeout` to learn it again).
TRIAL_TIMEOUT = 2.0
#: After a failed trial, the next waits at least this many times as long as the failure
#: took: on a route that hangs, users wait on trials at most a fifth of the time (a 2 s
#: timeout, then 8 s without trials), while a fast 5xx keeps them at `TRIAL_INTERVAL`.
TRIAL_SPACING = 4.0

RateLimitedRoute = Literal["direct", "instance"]


def clamp_retry_after(seconds: float | None) -> float:
    """The wait to honour for a `Retry-After` of `seconds` (None: the header was absent)."""
    if seconds is None:
        return DEFAULT_RETRY_AFTER
    return min(max(0.0, seconds), MAX_RETRY_AFTER)


@dataclass(frozen=True)
class DirectAttempt:
    """May a completion try the direct route now, and is it a trial.

    `refusal` is why not (None: it may). A `trial` is the one attempt let through while the
    breaker is open: it has `timeout` as its deadline instead of the usual one, and its
    outcome must be reported with `trial=True`.
    """

    refusal: str | None
    trial: bool = False
    timeout: float | None = None


@dataclass(frozen=True)
class Pause:
    """Suggestions are paused until `until` (the policy's clock) because of `reason`."""

    kind: Literal["token_refused", "rate_limited"]
    reason: str
    until: float


class Availability:
    """The route-availability policy of one `CodeSuggestions` client."""

    def __init__(self, options: ClientOptions, clock: Callable[[], float] = time.monotonic) -> None:
        self._options = options
        self._clock = clock
        self.breaker = CircuitBreaker(
            options.breaker_threshold,
            options.breaker_cooldown,
            options.breaker_max_cooldown,
            clock=clock,
        )
        self._direct_until = 0.0
        self._instance_pause: Pause | None = None
        self._token_refused: Pause | None = None
        self._fetch_until = 0.0
        self._fetch_error: GitLabLspError | None = None
        self._fetch_backoff = TOKEN_FETCH_BACKOFF
        #: The health check cannot tell this outage: users' completions try the route.
        self._user_trials = False
        self._next_trial_at = 0.0
        #: When the attempt holding the breaker's half-open slot started (None: no attempt).
        self._trial_started: float | None = None

    def now(self) -> float:
        return self._clock()

    # --- rate limits ---------------------------------------------------------------------

    def rate_limited(self, route: RateLimitedRoute, retry_after: float | None) -> float:
        """`route` answered 429; returns the (clamped) seconds it stays unused."""
        wait = clamp_retry_after(retry_after)
        until = self._clock() + wait
        if route == "direct":
            self._direct_until = max(self._direct_until, until)
        else:
            self._instance_pause = Pause(
                "rate_limited", f"rate-limited by the GitLab instance for {wait:.0f} s", until
            )
        return wait

    # --- the direct route ----------------------------------------------------------------

    def direct_attempt(self) -> DirectAttempt:
        """Whether a completion may try the direct route now (a trial while the breaker is open).

        A trial takes the breaker's half-open slot, so at most one is in flight: the caller
        must report its outcome with `direct_succeeded`, `direct_failed` or
        `direct_inconclusive`, passing `trial=True`.
        """
        now = self._clock()
        if now < self._direct_until:
            return DirectAttempt("the gateway asked to retry later")
        if self.breaker.state is BreakerState.CLOSED:
            return DirectAttempt(None)
        if self._user_trials and now >= self._next_trial_at:
            self.breaker.probe_now()
        if not self.breaker.allow():
            return DirectAttempt("the direct route's breaker is open")
        self._trial_started = now
        return DirectAttempt(None, trial=True, timeout=min(self._options.timeout, TRIAL_TIMEOUT))

    def direct_refusal(self) -> str | None:
        """Why a completion may not try the direct route now (None: it may); asking takes the
        trial slot as `direct_attempt` does."""
        return self.direct_attempt().refusal

    def direct_succeeded(self, trial: bool = False) -> None:
        """Any whole answer, a trial's or not, shows the route works: the breaker closes."""
        self.breaker.record_success()
        self._user_trials = False
        self._trial_started = None

    def direct_failed(self, trial: bool = False) -> None:
        """A timeout, connection error or 5xx of the direct route (never a 429).

        A failure of an attempt started before the breaker opened changes nothing: the
        breaker is open already, and the trial slot is not that attempt's to give back.
        """
        if trial:
            now = self._clock()
            spent = 0.0 if self._trial_started is None else now - self._trial_started
            self._next_trial_at = now + max(TRIAL_INTERVAL, TRIAL_SPACING * spent)
            self._trial_started = None
        elif self.direct_down:
            return
        else:
            self._next_trial_at = self._clock() + TRIAL_INTERVAL
        self.breaker.record_failure()

    def direct_inconclusive(self, trial: bool = False) -> None:
        """The attempt ended without telling anything (cancelled, 429...)."""
        if trial:
            self.breaker.release_probe()
            self._trial_started = None

    @property
    def direct_down(self) -> bool:
        """Whether the breaker keeps the direct route closed (a recovery probe is useful)."""
        return self.breaker.state is not BreakerState.CLOSED

    @property
    def user_trials(self) -> bool:
        """Whether users' completions are what finds the direct route back (see `direct_attempt`)."""
        return self._user_trials and self.direct_down

    def direct_looks_healthy(self) -> None:
        """A cheap check saw the outage end: let the next completion try the route now."""
        self.breaker.probe_now()

    def direct_health_unknown(self) -> None:
        """The cheap check cannot see this outage: users' completions try the route instead,
        one at a time, at most once per `TRIAL_INTERVAL`."""
        if self.direct_down:
            self._user_trials = True

    # --- fetching the user JWT (`direct_access`) -----------------------------------------

    def token_fetch_blocked(self) -> GitLabLspError | None:
        """The error to raise instead of calling `direct_access` now (None: call it)."""
        now = self._clock()
        if now >= self._fetch_until or self._fetch_error is None:
            return None
        # A copy: re-raising one instance would keep growing its traceback.
        error = copy.copy(self._fetch_error)
        if isinstance(error, RateLimited):
            error.retry_after = self._fetch_until - now
        return error

    def token_fetch_wait(self) -> float:
        """Seconds until `direct_access` may be called again (0: now)."""
        return max(0.0, self._fetch_until - self._clock())

    def token_fetch_rate_limited(self, retry_after: float | None) -> float:
        wait = clamp_retry_after(retry_after)
        self._block_fetch(
            wait, RateLimited(f"direct_access rate-limited; retry in {wait:.0f} s", wait)
        )
        return wait

    def token_fetch_disabled(self, error: GitLabLspError) -> None:
        """Direct connections are disabled on the instance: ask again after the recheck delay."""
        self._block_fetch(self._options.direct_access_recheck, error)

    def token_fetch_refused(self, error: GitLabLspError) -> None:
        """The instance refused the user's token for direct_access (401/403)."""
        self._block_fetch(self._fetch_backoff, error)

    def token_fetch_failed(self, error: GitLabLspError) -> None:
        """An instance error or an unusable answer: back off, doubling."""
        self._block_fetch(self._fetch_backoff, error)
        self._fetch_backoff = min(self._fetch_backoff * 2, TOKEN_FETCH_BACKOFF_MAX)

    def token_fetch_succeeded(self) -> None:
        self._fetch_until = 0.0
        self._fetch_error = None
        self._fetch_backoff = TOKEN_FETCH_BACKOFF

    def _block_fetch(self, seconds: float, error: GitLabLspError) -> None:
        self._fetch_until = self._clock() + seconds
        self._fetch_error = error

    # --- the user's token and the whole service ------------------------------------------

    def token_refused(self, reason: str) -> None:
        self._token_refused = Pause("token_refused", reason, self._clock() + TOKEN_RETRY)

    def token_accepted(self) -> None:
        self._token_refused = None

    @property
    def token_blocked(self) -> bool:
        """A refused token is not sent again for `TOKEN_RETRY` s (or until `reset`)."""
        refused = self._token_refused
        return refused is not None and self._clock() < refused.until

    def paused(self) -> Pause | None:
        """Why no suggestion should be asked for now, if any (token refused, instance 429)."""
        now = self._clock()
        for pause in (self._token_refused, self._instance_pause):
            if pause is not None and now < pause.until:
                return pause
        return None

    def reset(self) -> None:
        """The user changed settings: try everything again at once."""
        self._direct_until = 0.0
        self._instance_pause = None
        self._token_refused = None
        self._fetch_until = 0.0
        self._fetch_error = None
        self._fetch_backoff = TOKEN_FETCH_BACKOFF
        self.direct_succeeded()
