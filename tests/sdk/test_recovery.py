"""Finding the direct route back after an outage: the health probe and users' trials.

The policy is driven with an injected clock (a user typing every 0.25 s, a 20 s outage); the
probe with a fake connection pool and an injected sleep; the wiring against the mock with a
trial interval of 0, waiting on conditions only.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions
from gitlab_lsp.sdk import availability as availability_mod
from gitlab_lsp.sdk.availability import (
    TRIAL_INTERVAL,
    TRIAL_SPACING,
    TRIAL_TIMEOUT,
    Availability,
)
from gitlab_lsp.sdk.breaker import BreakerState
from gitlab_lsp.sdk.recovery import HEALTH_PATH, PROBE_INTERVAL, RecoveryProbe

from .helpers import (
    COMPLETION,
    ClientFactory,
    direct_completions,
    instance_completions,
    requests_to,
)

TYPING = 0.25  # seconds between two completions while the user types
OUTAGE = 20.0
TARGET = 3.0  # the first direct answer at most this long after the route heals


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def policy(**options: Any) -> tuple[Availability, FakeClock]:
    clock = FakeClock()
    return Availability(ClientOptions(**options), clock), clock


def type_through_an_outage(
    availability: Availability,
    clock: FakeClock,
    on_tick: Callable[[float, bool], None] = lambda _t, _down: None,
) -> tuple[float | None, int]:
    """A user asks for a completion every `TYPING` s while the direct route fails for
    `OUTAGE` s, then heals; `on_tick(elapsed, down)` plays the health probe's part.

    Returns the seconds from healing to the first direct answer (None: none within 60 s)
    and the direct attempts made during the outage."""
    started = clock.now
    attempts_in_outage = 0
    while clock.now - started < OUTAGE + 60:
        elapsed = clock.now - started
        down = elapsed < OUTAGE
        on_tick(elapsed, down)
        attempt = availability.direct_attempt()
        if attempt.refusal is None:
            if down:
                attempts_in_outage += 1
                availability.direct_failed(attempt.trial)
            else:
                availability.direct_succeeded(attempt.trial)
                return elapsed - OUTAGE, attempts_in_outage
        clock.now += TYPING
    return None, attempts_in_outage


def test_completions_only_outage_is_found_by_trials_within_the_window() -> None:
    availability, clock = policy()  # threshold 3, cooldown 10 s doubling

    def probe(_elapsed: float, _down: bool) -> None:
        # The health endpoint answers 200 all along: the probe says it cannot tell.
        if availability.direct_down and not availability.user_trials:
            availability.direct_health_unknown()

    back, attempts = type_through_an_outage(availability, clock, probe)
    assert back is not None and back <= TARGET
    assert back <= TRIAL_INTERVAL + TYPING
    # 3 failures open the breaker, then one trial per TRIAL_INTERVAL (not one per keystroke).
    assert attempts <= 3 + OUTAGE / TRIAL_INTERVAL + 1
    assert availability.breaker.state is BreakerState.CLOSED


def test_without_trials_the_breaker_cooldown_decides() -> None:
    # What the trials replace: the same outage with nothing but the breaker.
    availability, clock = policy()
    back, attempts = type_through_an_outage(availability, clock)
    assert back is not None and back > TARGET
    assert attempts <= 3 + 2  # the breaker's own half-open probes


def test_outage_shared_by_the_health_endpoint_is_found_by_the_probe_without_trials() -> None:
    availability, clock = policy()
    last_check = [-PROBE_INTERVAL]

    def probe(elapsed: float, down: bool) -> None:
        # The probe checks health once per PROBE_INTERVAL while the breaker is open.
        if availability.direct_down and elapsed - last_check[0] >= PROBE_INTERVAL:
            last_check[0] = elapsed
            if not down:
                availability.direct_looks_healthy()

    back, attempts = type_through_an_outage(availability, clock, probe)
    assert back is not None and back <= PROBE_INTERVAL + TYPING <= TARGET
    assert not availability.user_trials
    assert attempts <= 3 + 1  # the opening failures and the breaker's own probe at 10 s


def test_no_trial_before_the_probe_says_it_cannot_tell() -> None:
    availability, clock = policy(breaker_threshold=1, breaker_cooldown=10.0)
    availability.direct_failed()
    clock.now += 5 * TRIAL_INTERVAL
    assert availability.direct_attempt().refusal == "the direct route's breaker is open"
    availability.direct_health_unknown()
    assert availability.direct_attempt().trial


def test_one_trial_in_flight_and_one_per_interval() -> None:
    availability, clock = policy(breaker_threshold=1, breaker_cooldown=100.0)
    availability.direct_failed()
    availability.direct_health_unknown()
    assert availability.direct_attempt().refusal is not None  # the breaker just opened
    clock.now += TRIAL_INTERVAL
    trial = availability.direct_attempt()
    assert trial.refusal is None and trial.trial
    assert trial.timeout == min(ClientOptions().timeout, TRIAL_TIMEOUT)
    assert availability.direct_attempt().refusal is not None  # one in flight
    # Attempts started before the breaker opened end now: they do not free the slot.
    availability.direct_inconclusive()
    assert availability.direct_attempt().refusal is not None
    availability.direct_failed()
    clock.now += TRIAL_INTERVAL
    assert availability.direct_attempt().refusal is not None
    availability.direct_failed(trial=True)  # after TRIAL_INTERVAL in flight
    wait = TRIAL_SPACING * TRIAL_INTERVAL
    clock.now += wait / 2  # (halves: exact in binary floating point)
    assert availability.direct_attempt().refusal is not None
    clock.now += wait / 2
    assert availability.direct_attempt().trial
    availability.direct_succeeded(trial=True)
    closed = availability.direct_attempt()
    assert closed.refusal is None and not closed.trial and closed.timeout is None
    assert not availability.user_trials


def test_trials_on_a_hanging_route_space_out() -> None:
    availability, clock = policy(breaker_threshold=1, breaker_cooldown=100.0)
    availability.direct_failed()
    availability.direct_health_unknown()
    clock.now += TRIAL_INTERVAL
    assert availability.direct_attempt().trial
    clock.now += TRIAL_TIMEOUT  # the trial timed out
    availability.direct_failed(trial=True)
    clock.now += TRIAL_SPACING * TRIAL_TIMEOUT / 2
    assert availability.direct_attempt().refusal is not None
    clock.now += TRIAL_SPACING * TRIAL_TIMEOUT / 2
    assert availability.direct_attempt().trial


def test_a_cancelled_trial_frees_the_slot() -> None:
    availability, clock = policy(breaker_threshold=1)
    availability.direct_failed()
    availability.direct_health_unknown()
    clock.now += TRIAL_INTERVAL
    assert availability.direct_attempt().trial
    availability.direct_inconclusive(trial=True)
    assert availability.direct_attempt().trial


# --- the probe, with a fake pool and an injected sleep ------------------------------------


class FakePool:
    """Answers health checks with the statuses given, in turn (an exception is raised)."""

    def __init__(self, answers: list[int | Exception]) -> None:
        self.answers = answers
        self.urls: list[str] = []

    def for_url(self, _url: str) -> FakePool:
        return self

    async def get(self, url: str, timeout: float) -> httpx.Response:
        self.urls.append(url)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return httpx.Response(answer)


async def run_probe(
    availability: Availability, answers: list[int | Exception]
) -> tuple[RecoveryProbe, FakePool, list[float]]:
    pool = FakePool(answers)
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    probe = RecoveryProbe(pool, availability, sleep=sleep)  # type: ignore[arg-type]
    probe.watch("https://cloud.example/ai")
    await probe.idle()
    return probe, pool, slept


async def test_the_probe_finds_the_end_of_an_outage_it_shares() -> None:
    availability, _clock = policy(breaker_threshold=1, breaker_cooldown=100.0)
    availability.direct_failed()
    probe, pool, slept = await run_probe(availability, [500, httpx.ConnectError("down"), 200])
    assert probe.checks == 3 and slept == [PROBE_INTERVAL, PROBE_INTERVAL]
    assert pool.urls == ["https://cloud.example/ai" + HEALTH_PATH] * 3
    assert not availability.user_trials
    assert availability.direct_attempt().trial  # the next completion tries at once


@pytest.mark.parametrize("status", [200, 404])
async def test_the_probe_hands_over_to_trials_when_health_cannot_tell(status: int) -> None:
    availability, clock = policy(breaker_threshold=1, breaker_cooldown=100.0)
    availability.direct_failed()
    probe, _pool, slept = await run_probe(availability, [status])
    assert probe.checks == 1 and slept == []
    assert availability.user_trials
    probe.watch("https://cloud.example/ai")  # a failed trial: no second check
    assert probe.checks == 1
    clock.now += TRIAL_INTERVAL
    assert availability.direct_attempt().trial


async def test_no_probe_while_the_breaker_is_closed() -> None:
    availability, _clock = policy(breaker_threshold=3)
    availability.direct_failed()  # one failure of three
    probe, pool, _slept = await run_probe(availability, [])
    assert probe.checks == 0 and pool.urls == []


# --- against the mock ---------------------------------------------------------------------


async def until(condition: Callable[[], bool]) -> None:
    while not condition():
        await asyncio.sleep(0.01)


async def test_a_trial_finds_the_completions_route_back_and_the_fallback_answers(
    saas: MockStack, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Trials at once (their pacing is tested above with a clock).
    monkeypatch.setattr(availability_mod, "TRIAL_INTERVAL", 0.0)
    monkeypatch.setattr(availability_mod, "TRIAL_SPACING", 0.0)
    saas.control.fault(party="gateway", path="/v2/completions", status=500)  # health is fine
    cs = make_client(saas, breaker_threshold=1, breaker_cooldown=100.0)
    assert (await cs.suggest(**COMPLETION)).route == "instance"
    await asyncio.wait_for(until(lambda: cs.availability.user_trials), 10)
    # Still failing: the trial fails and the same request is answered by the instance.
    suggestion = await cs.suggest(**COMPLETION)
    assert suggestion.route == "instance" and suggestion.text
    assert len(direct_completions(saas)) == 2
    assert len(instance_completions(saas)) == 2
    saas.control.clear_faults()
    assert (await cs.suggest(**COMPLETION)).route == "direct"
    assert cs.availability.breaker.state is BreakerState.CLOSED
    assert len(direct_completions(saas)) == 3 and len(instance_completions(saas)) == 2
    # One health check told the probe it cannot see this outage; the trials did the rest.
    assert len(requests_to(saas, "gateway", HEALTH_PATH)) == cs.recovery_checks == 1


async def test_concurrent_completions_make_one_trial(
    saas: MockStack, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(availability_mod, "TRIAL_INTERVAL", 0.0)
    monkeypatch.setattr(availability_mod, "TRIAL_SPACING", 0.0)
    saas.control.fault(party="gateway", path="/v2/completions", status=500)
    cs = make_client(saas, breaker_threshold=1, breaker_cooldown=100.0)
    await cs.suggest(**COMPLETION)
    await asyncio.wait_for(until(lambda: cs.availability.user_trials), 10)
    saas.control.clear_faults()
    saas.control.fault(party="gateway", path="/v2/completions", status=500, delay=0.3)
    answers = await asyncio.gather(*(cs.suggest(**COMPLETION) for _ in range(4)))
    assert [a.route for a in answers] == ["instance"] * 4
    assert len(direct_completions(saas)) == 2  # the opening failure and one trial


async def test_a_failure_below_the_threshold_sends_no_health_check(
    saas: MockStack, make_client: ClientFactory
) -> None:
    saas.control.fault(party="gateway", path="/v2/completions", status=500, times=1)
    cs = make_client(saas)  # threshold 3
    assert (await cs.suggest(**COMPLETION)).route == "instance"
    assert (await cs.suggest(**COMPLETION)).route == "direct"
    assert cs.recovery_checks == 0
    assert requests_to(saas, "gateway", HEALTH_PATH) == []
