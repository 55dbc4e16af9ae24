"""The route-availability policy: every "not now" and its wait, decided in one place.

Unit tests move an injected clock; the tests against the mock check that the routes report
to the policy as they must (a 429 never opens the breaker; a recovery probe costs no model
call; a route is recovered only after a whole answer)."""

from __future__ import annotations

import asyncio

import pytest

from gitlab_lsp.errors import DirectAccessDisabled, InstanceError, SuggestionTimeout
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions
from gitlab_lsp.sdk.availability import (
    DEFAULT_RETRY_AFTER,
    MAX_RETRY_AFTER,
    TOKEN_FETCH_BACKOFF,
    TOKEN_RETRY,
    Availability,
    clamp_retry_after,
)
from gitlab_lsp.sdk.breaker import BreakerState
from gitlab_lsp.sdk.events import ApiError, ApiEvent, ApiRecovered

from .helpers import COMPLETION, GENERATION, ClientFactory, direct_completions


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def policy(**options: object) -> tuple[Availability, FakeClock]:
    clock = FakeClock()
    return Availability(ClientOptions(**options), clock), clock  # type: ignore[arg-type]


def test_retry_after_is_clamped_and_defaulted() -> None:
    assert clamp_retry_after(86400) == MAX_RETRY_AFTER == 60.0
    assert clamp_retry_after(None) == DEFAULT_RETRY_AFTER
    assert clamp_retry_after(-5) == 0.0
    assert clamp_retry_after(7) == 7


def test_a_gateway_429_keeps_direct_off_for_the_clamped_wait_only() -> None:
    availability, clock = policy()
    assert availability.rate_limited("direct", 86400) == MAX_RETRY_AFTER
    assert availability.direct_refusal() == "the gateway asked to retry later"
    assert availability.paused() is None  # the instance still answers
    clock.now += MAX_RETRY_AFTER - 0.01
    assert availability.direct_refusal() is not None
    clock.now += 0.01
    assert availability.direct_refusal() is None
    assert availability.breaker.state is BreakerState.CLOSED


def test_an_instance_429_pauses_suggestions_until_retry_after() -> None:
    availability, clock = policy()
    availability.rate_limited("instance", 5)
    pause = availability.paused()
    assert pause is not None and pause.kind == "rate_limited"
    clock.now += 5
    assert availability.paused() is None


def test_a_refused_token_pauses_for_token_retry_then_is_tried_again() -> None:
    availability, clock = policy()
    availability.token_refused("revoked")
    assert availability.token_blocked
    pause = availability.paused()
    assert pause is not None and (pause.kind, pause.reason) == ("token_refused", "revoked")
    clock.now += TOKEN_RETRY - 0.01
    assert availability.token_blocked
    clock.now += 0.01
    assert not availability.token_blocked and availability.paused() is None


def test_a_settings_change_lifts_every_pause() -> None:
    availability, _clock = policy(breaker_threshold=1)
    availability.rate_limited("direct", 50)
    availability.rate_limited("instance", 50)
    availability.token_refused("revoked")
    availability.token_fetch_failed(InstanceError(500, "boom"))
    availability.direct_failed()
    assert availability.direct_down
    availability.reset()
    assert availability.paused() is None
    assert availability.direct_refusal() is None
    assert availability.token_fetch_blocked() is None
    assert not availability.direct_down


def test_token_fetch_errors_back_off_doubling_and_success_resets() -> None:
    availability, clock = policy()
    waits = []
    for _ in range(3):
        availability.token_fetch_failed(InstanceError(503, "busy"))
        waits.append(availability.token_fetch_wait())
        assert isinstance(availability.token_fetch_blocked(), InstanceError)
        clock.now += waits[-1]
        assert availability.token_fetch_blocked() is None
    assert waits == [TOKEN_FETCH_BACKOFF, 2 * TOKEN_FETCH_BACKOFF, 4 * TOKEN_FETCH_BACKOFF]
    availability.token_fetch_succeeded()
    availability.token_fetch_failed(InstanceError(503, "busy"))
    assert availability.token_fetch_wait() == TOKEN_FETCH_BACKOFF


def test_direct_access_disabled_is_rechecked_after_the_recheck_delay() -> None:
    availability, clock = policy(direct_access_recheck=300.0)
    availability.token_fetch_disabled(DirectAccessDisabled("disabled"))
    clock.now += 299.9
    assert isinstance(availability.token_fetch_blocked(), DirectAccessDisabled)
    clock.now += 0.1
    assert availability.token_fetch_blocked() is None


def test_a_healthy_check_lets_the_next_completion_probe_at_once() -> None:
    availability, _clock = policy(breaker_threshold=1, breaker_cooldown=100.0)
    availability.direct_failed()
    assert availability.direct_refusal() == "the direct route's breaker is open"
    availability.direct_looks_healthy()
    assert availability.direct_refusal() is None  # the probe
    assert availability.direct_refusal() is not None  # one probe at a time
    availability.direct_succeeded()
    assert not availability.direct_down


async def test_a_gateway_429_never_opens_the_breaker(
    saas: MockStack, make_client: ClientFactory
) -> None:
    saas.control.fault(party="gateway", path="/v2/completions", status=429)
    cs = make_client(saas, breaker_threshold=1)
    assert (await cs.suggest(**COMPLETION)).route == "instance"
    assert len(direct_completions(saas)) == 1
    assert cs.availability.breaker.state is BreakerState.CLOSED
    assert cs.availability.direct_refusal() == "the gateway asked to retry later"


async def test_the_gateway_back_is_found_by_health_checks_without_model_calls(
    saas: MockStack, make_client: ClientFactory
) -> None:
    # The gateway's public routes fail (the instance's own route to it keeps working, so
    # the fallback answers); the breaker alone would wait 100 s before trying again.
    saas.control.fault(party="gateway", path="/v2/completions", status=500)
    saas.control.fault(party="gateway", path="/monitoring/healthz", status=500)
    cs = make_client(saas, breaker_threshold=1, breaker_cooldown=100.0)
    assert (await cs.suggest(**COMPLETION)).route == "instance"
    assert cs.availability.direct_down

    async def until(condition: object) -> None:
        while not condition():  # type: ignore[operator]
            await asyncio.sleep(0.02)

    await asyncio.wait_for(until(lambda: cs.recovery_checks >= 2), 10)
    assert (await cs.suggest(**COMPLETION)).route == "instance"  # still down: the instance
    saas.control.clear_faults()
    await asyncio.wait_for(
        until(lambda: cs.availability.breaker.state is not BreakerState.OPEN), 10
    )
    assert (await cs.suggest(**COMPLETION)).route == "direct"
    gateway_paths = {e["path"] for e in saas.control.requests() if e["party"] == "gateway"}
    assert "/monitoring/healthz" in gateway_paths
    assert len(direct_completions(saas)) == 2  # the failure and the answer: no probe calls


async def test_a_stream_dropped_after_its_headers_is_not_a_recovery(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas)
    events: list[ApiEvent] = []
    cs.on_event(events.append)
    path = "/api/v4/code_suggestions/completions"
    saas.control.fault(party="instance", path=path, drop_mid_stream=True)
    for _ in range(3):
        try:
            async for _chunk in cs.stream(**GENERATION):
                pass
        except InstanceError:
            pass
    assert [type(e) for e in events] == [ApiError]
    saas.control.clear_faults()
    assert "".join([c async for c in cs.stream(**GENERATION)])
    assert [type(e) for e in events] == [ApiError, ApiRecovered]


async def test_a_completion_falling_back_to_the_instance_keeps_a_completion_deadline(
    saas: MockStack, make_client: ClientFactory
) -> None:
    saas.control.fault(party="gateway", path="/v2/completions", status=503)
    saas.control.latency(client_instance=3.0)
    cs = make_client(saas, timeout=0.5, generation_timeout=30.0)
    with pytest.raises(SuggestionTimeout, match=r"within 0\.5 s"):
        await cs.suggest(**COMPLETION)
