"""Every fault type the mock can inject, on each route; the breaker; route events."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from gitlab_lsp.errors import InstanceError, SuggestionTimeout
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk.events import ApiError, ApiEvent, ApiRecovered

from .helpers import (
    COMPLETION,
    GENERATION,
    ClientFactory,
    direct_access_calls,
    direct_completions,
    instance_completions,
)

GATEWAY_FAULTS: list[dict[str, Any]] = [
    {"status": 503},
    {"status": 500},
    {"timeout": True},
    {"delay": 1.5},
    {"drop_mid_stream": True},
    {"malformed": True},
    {"status": 403},
    {"status": 422},
]


@pytest.mark.parametrize(
    "fault", GATEWAY_FAULTS, ids=lambda f: next(iter(f)) + str(next(iter(f.values())))
)
async def test_direct_faults_fall_back_to_the_instance(
    saas: MockStack, make_client: ClientFactory, fault: dict[str, Any]
) -> None:
    cs = make_client(saas, timeout=0.8)
    events: list[ApiEvent] = []
    cs.on_event(events.append)
    saas.control.fault(party="gateway", path="/v2/completions", times=1, **fault)

    started = time.perf_counter()
    suggestion = await cs.suggest(**COMPLETION)

    assert suggestion.route == "instance"
    assert suggestion.text
    assert time.perf_counter() - started < 3.0
    assert len(instance_completions(saas)) == 1
    assert [type(e) for e in events] == [ApiError]
    assert events[0].route == "direct"
    # the next one works directly again and says so
    assert (await cs.suggest(**COMPLETION)).route == "direct"
    assert events[-1] == ApiRecovered("direct")


async def test_breaker_opens_then_half_opens_and_closes_after_success(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas, breaker_threshold=2, breaker_cooldown=0.5)
    saas.control.fault(party="gateway", path="/v2/completions", status=503, times=3)

    routes = [(await cs.suggest(**COMPLETION)).route for _ in range(4)]
    assert routes == ["instance"] * 4
    assert len(direct_completions(saas)) == 2  # the breaker kept the 3rd and 4th off the gateway

    await asyncio.sleep(0.55)
    assert (await cs.suggest(**COMPLETION)).route == "instance"  # the probe hits the 3rd fault
    assert len(direct_completions(saas)) == 3
    await asyncio.sleep(1.05)  # cooldown doubled
    assert (await cs.suggest(**COMPLETION)).route == "direct"  # probe succeeds: closed again
    routes = [(await cs.suggest(**COMPLETION)).route for _ in range(3)]
    assert routes == ["direct"] * 3


async def test_direct_access_failure_sends_the_completion_through_the_instance(
    saas: MockStack, make_client: ClientFactory
) -> None:
    saas.control.fault(
        party="instance", path="/api/v4/code_suggestions/direct_access", status=503, times=1
    )
    cs = make_client(saas)
    assert (await cs.suggest(**COMPLETION)).route == "instance"


@pytest.mark.parametrize("fault", [{"status": 500}, {"malformed": True}, {"drop_mid_stream": True}])
async def test_instance_faults_on_generation_raise_typed_errors(
    saas: MockStack, make_client: ClientFactory, fault: dict[str, Any]
) -> None:
    cs = make_client(saas)
    saas.control.fault(
        party="instance", path="/api/v4/code_suggestions/completions", times=1, **fault
    )
    with pytest.raises(InstanceError):
        await cs.suggest(**GENERATION)


async def test_instance_timeout_raises_suggestion_timeout(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas, generation_timeout=0.5)
    saas.control.fault(
        party="instance", path="/api/v4/code_suggestions/completions", timeout=True, times=1
    )
    with pytest.raises(SuggestionTimeout):
        await cs.suggest(**GENERATION)


async def test_stream_dropped_mid_body_raises_after_the_chunks_it_got(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas)
    saas.control.fault(
        party="instance", path="/api/v4/code_suggestions/completions", drop_mid_stream=True, times=1
    )
    chunks: list[str] = []
    with pytest.raises(InstanceError):
        async for chunk in cs.stream(**GENERATION):
            chunks.append(chunk)


async def stream_outcome(stack: MockStack) -> str:
    """How the instance saw the (one) streamed generation end, once it has ended.

    `completed` if the client read the stream to its end, `client_disconnected` if it left
    early: proof of an early close that no time bound on a loaded machine can give."""
    while True:
        outcomes = [e["outcome"] for e in instance_completions(stack)]
        assert len(outcomes) == 1
        if outcomes[0] != "pending":
            return outcomes[0]
        await asyncio.sleep(0.02)


async def test_closing_a_stream_closes_the_http_stream_at_once(
    saas: MockStack, make_client: ClientFactory
) -> None:
    saas.control.latency(model=0.5)  # slow chunks: the whole stream takes seconds
    cs = make_client(saas)
    stream = cs.stream(**GENERATION)
    first = await stream.__anext__()
    assert first
    await stream.aclose()
    with pytest.raises(StopAsyncIteration):
        await stream.__anext__()
    # not waiting for the rest of the body: the instance saw the client leave mid-stream
    assert await stream_outcome(saas) == "client_disconnected"


async def test_cancelling_the_consumer_closes_the_stream(
    saas: MockStack, make_client: ClientFactory
) -> None:
    saas.control.latency(model=0.5)
    cs = make_client(saas)
    got: list[str] = []

    async def consume() -> None:
        async for chunk in cs.stream(**GENERATION):
            got.append(chunk)

    task = asyncio.create_task(consume())
    while not got:
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await stream_outcome(saas) == "client_disconnected"
    # the pool is still usable afterwards
    assert (await cs.suggest(**COMPLETION)).route == "direct"


async def test_token_issued_by_a_skewed_clock_is_replaced_once(
    saas: MockStack, make_client: ClientFactory
) -> None:
    # The instance's clock runs 10 minutes fast: its JWT is not valid yet (nbf) at the gateway.
    saas.control.fault(
        party="instance",
        path="/api/v4/code_suggestions/direct_access",
        clock_skew=600,
        times=1,
    )
    cs = make_client(saas)
    suggestion = await cs.suggest(**COMPLETION)

    assert suggestion.route == "direct"
    assert len(direct_access_calls(saas)) == 2
    assert len(direct_completions(saas)) == 2


async def test_instance_outage_and_recovery_are_reported_once_each(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas, direct_connection=False)
    events: list[ApiEvent] = []
    cs.on_event(events.append)
    saas.control.fault(
        party="instance", path="/api/v4/code_suggestions/completions", status=502, times=2
    )
    for _ in range(2):
        with pytest.raises(InstanceError):
            await cs.suggest(**COMPLETION)
    assert (await cs.suggest(**COMPLETION)).route == "instance"
    assert [type(e) for e in events] == [ApiError, ApiRecovered]
    first = events[0]
    assert isinstance(first, ApiError) and (first.route, first.status) == ("instance", 502)
    assert events[1] == ApiRecovered("instance")
