"""The user JWT over a session: expiry, key rotation, gateway 401, disabled, rate limits."""

from __future__ import annotations

import asyncio
import itertools
import time

import jwt

from gitlab_lsp.mock import MockStack

from .helpers import (
    COMPLETION,
    ClientFactory,
    direct_access_calls,
    direct_completions,
    instance_completions,
)


async def test_short_lived_tokens_are_refreshed_before_any_request_waits(
    stack: MockStack, make_client: ClientFactory
) -> None:
    stack.control.token_lifetime(3)
    cs = make_client(stack)
    first = await cs.suggest(**COMPLETION)
    assert first.route == "direct"
    later = []
    deadline = time.monotonic() + 7
    while time.monotonic() < deadline:
        later.append(await cs.suggest(**COMPLETION))
        await asyncio.sleep(0.3)

    assert {s.route for s in later} == {"direct"}
    # Tokens were refreshed in the background: after the first, no request waited for one
    # (counted by the SDK, not timed: a local fetch can be quicker than any time bound).
    assert cs._access.waits == 1
    assert len(direct_access_calls(stack)) >= 3
    assert instance_completions(stack) == []


async def test_key_rotation_mid_session_keeps_completions_direct(
    stack: MockStack, make_client: ClientFactory
) -> None:
    # The user JWT is signed by the instance (SaaS) or by the gateway (self-managed).
    signer = "instance" if stack.realm == "saas" else "gateway"
    # 3 s tokens (whole-second JWT times leave at least 2 s): long enough that the second
    # request still carries the first token on a loaded machine, short enough to see expiry.
    stack.control.token_lifetime(3)
    cs = make_client(stack)
    assert (await cs.suggest(**COMPLETION)).route == "direct"
    stack.control.rotate_keys(signer)
    # the token signed with the previous key still verifies...
    assert (await cs.suggest(**COMPLETION)).route == "direct"
    await asyncio.sleep(3.2)
    # ...and the one issued after expiry is signed with the new key
    assert (await cs.suggest(**COMPLETION)).route == "direct"
    assert len(direct_access_calls(stack)) >= 2
    assert instance_completions(stack) == []
    kids = [
        jwt.get_unverified_header(e["headers"]["authorization"].split()[1])["kid"]
        for e in direct_completions(stack)
    ]
    assert kids[0] == kids[1] != kids[-1]


async def test_gateway_401_refreshes_once_and_retries_once(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas)
    await cs.suggest(**COMPLETION)
    saas.control.fault(party="gateway", path="/v2/completions", status=401, times=1)

    suggestion = await cs.suggest(**COMPLETION)

    assert suggestion.route == "direct"
    assert len(direct_access_calls(saas)) == 2
    assert len(direct_completions(saas)) == 3
    assert instance_completions(saas) == []


async def test_persistent_gateway_401_falls_back_after_one_retry(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas)
    saas.control.fault(party="gateway", path="/v2/completions", status=401)

    suggestion = await cs.suggest(**COMPLETION)

    assert suggestion.route == "instance"
    assert len(direct_completions(saas)) == 2
    assert len(direct_access_calls(saas)) == 2


async def test_disabled_direct_connections_switch_to_the_instance_and_are_rechecked(
    stack: MockStack, make_client: ClientFactory
) -> None:
    stack.control.direct_connections(False)
    cs = make_client(stack, direct_access_recheck=1.0)
    routes = [(await cs.suggest(**COMPLETION)).route for _ in range(5)]

    assert routes == ["instance"] * 5
    assert len(direct_access_calls(stack)) == 1  # not asked again before the re-check
    assert direct_completions(stack) == []

    stack.control.direct_connections(True)
    await asyncio.sleep(1.1)
    assert (await cs.suggest(**COMPLETION)).route == "direct"
    assert len(direct_access_calls(stack)) == 2


async def test_429_storm_on_direct_access_costs_one_call(
    saas: MockStack, make_client: ClientFactory
) -> None:
    saas.control.fault(party="instance", path="/api/v4/code_suggestions/direct_access", status=429)
    cs = make_client(saas)
    results = await asyncio.gather(*(cs.suggest(**COMPLETION) for _ in range(20)))
    assert len(direct_access_calls(saas)) == 1  # 20 concurrent needs, one call
    results += [await cs.suggest(**COMPLETION) for _ in range(10)]

    assert {r.route for r in results} == {"instance"}
    # On a loaded machine the 30 requests may outlast the 1 s Retry-After: a later call is
    # then allowed, but never one before the wait is over.
    times = [c["time"] for c in direct_access_calls(saas)]
    assert all(b - a >= 0.95 for a, b in itertools.pairwise(times)), times
    saas.control.reset()
    await asyncio.sleep(1.05)  # the mock's Retry-After
    assert (await cs.suggest(**COMPLETION)).route == "direct"


async def test_gateway_429_keeps_completions_on_the_instance_for_retry_after(
    saas: MockStack, make_client: ClientFactory
) -> None:
    saas.control.fault(party="gateway", path="/v2/completions", status=429)
    cs = make_client(saas)
    routes = [(await cs.suggest(**COMPLETION)).route for _ in range(5)]

    assert routes == ["instance"] * 5
    assert len(direct_completions(saas)) == 1
    saas.control.reset()
    await asyncio.sleep(1.05)
    assert (await cs.suggest(**COMPLETION)).route == "direct"


async def test_direct_access_budget_is_never_exceeded(
    saas: MockStack, make_client: ClientFactory
) -> None:
    # Every user JWT is rejected, so each completion asks for a fresh one: the client stops at
    # the instance's budget (10 per 5 minutes) instead of drawing 429s.
    saas.control.fault(party="gateway", path="/v2/completions", status=401)
    cs = make_client(saas, breaker_threshold=100)
    routes = [(await cs.suggest(**COMPLETION)).route for _ in range(8)]

    assert routes == ["instance"] * 8
    calls = direct_access_calls(saas)
    assert len(calls) == 10
    assert all(c["status"] in (200, 201) for c in calls if c.get("status") is not None)
