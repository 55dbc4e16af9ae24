"""`warm_up()`: the user JWT is fetched before the first completion needs it."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from gitlab_lsp.errors import TokenError
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import CodeSuggestions, SyncCodeSuggestions

from .helpers import COMPLETION, OPTIONS, ClientFactory, direct_access_calls

#: The instance answers direct_access this late, so a completion that waits for it shows.
INSTANCE_HOP = 0.25


async def _until_ready(cs: CodeSuggestions, within: float = 5.0) -> None:
    deadline = time.monotonic() + within
    while not cs.user_jwt_ready:
        assert time.monotonic() < deadline, "warm-up did not fetch the user JWT"
        await asyncio.sleep(0.01)


async def test_first_completion_after_warm_up_does_not_wait_for_the_token(
    stack: MockStack, make_client: ClientFactory
) -> None:
    stack.control.latency(client_instance=INSTANCE_HOP)
    cold = make_client(stack)
    unwarmed = await cold.suggest(**COMPLETION)
    assert unwarmed.timings.token_wait >= INSTANCE_HOP * 1000 / 2  # the hop is felt

    stack.control.clear_requests()
    warm = make_client(stack)
    await warm.warm_up()
    await _until_ready(warm)
    first = await warm.suggest(**COMPLETION)
    assert first.route == "direct"
    assert first.timings.token_wait < 5.0
    assert len(direct_access_calls(stack)) == 1


async def test_concurrent_warm_up_and_suggest_share_one_direct_access_call(
    stack: MockStack, make_client: ClientFactory
) -> None:
    stack.control.latency(client_instance=INSTANCE_HOP)
    cs = make_client(stack)
    _, suggestion, _ = await asyncio.gather(cs.warm_up(), cs.suggest(**COMPLETION), cs.warm_up())
    assert suggestion.route == "direct"
    await _until_ready(cs)
    await cs.warm_up()  # a cached JWT: nothing to fetch
    await asyncio.sleep(0.05)
    assert len(direct_access_calls(stack)) == 1
    assert cs.direct_access_requests == 1


async def test_a_completion_sent_while_direct_access_is_in_flight_waits_for_that_call(
    saas: MockStack, make_client: ClientFactory
) -> None:
    # The instance holds the warm-up's direct_access answer until the completion has joined.
    saas.control.fault(
        "instance", "/api/v4/code_suggestions/direct_access", delay=INSTANCE_HOP * 2, times=1
    )
    cs = make_client(saas)
    await cs.warm_up()
    deadline = time.monotonic() + 5
    while not direct_access_calls(saas):  # the warm-up's call reached the instance
        assert time.monotonic() < deadline, "the warm-up never asked for a user JWT"
        await asyncio.sleep(0.01)
    assert not cs.user_jwt_ready
    suggestion = await cs.suggest(**COMPLETION)
    assert suggestion.route == "direct"
    assert suggestion.timings.token_wait > 0  # it waited for the call in flight...
    assert len(direct_access_calls(saas)) == 1  # ...instead of sending a second one
    assert cs.direct_access_requests == 1


async def test_warm_up_does_nothing_when_direct_connection_is_off(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas, direct_connection=False)
    await cs.warm_up()
    await asyncio.sleep(0.2)
    assert direct_access_calls(saas) == []
    assert not cs.user_jwt_ready


async def test_warm_up_without_a_token_does_nothing_and_never_raises(
    saas: MockStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gitlab_lsp.credentials as credentials

    monkeypatch.delenv("GITLAB_TOKEN", raising=False)
    monkeypatch.setattr(credentials, "get_token", lambda url: None)
    async with CodeSuggestions(saas.instance_url, options=OPTIONS) as cs:
        await cs.warm_up()
        await asyncio.sleep(0.2)
        assert direct_access_calls(saas) == []


async def test_a_failed_warm_up_is_logged_and_reported_by_the_first_request(
    saas: MockStack, make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    token = saas.tokens["expired"]
    cs = make_client(saas, token=token)
    with caplog.at_level(logging.INFO, logger="gitlab_lsp.sdk.client"):
        await cs.warm_up()
        deadline = time.monotonic() + 5
        while not direct_access_calls(saas) and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)
    assert any("warm-up" in r.getMessage() for r in caplog.records)
    assert token not in caplog.text
    with pytest.raises(TokenError):
        await cs.suggest(**COMPLETION)


def test_sync_warm_up_fetches_the_token_in_the_background(saas: MockStack) -> None:
    saas.control.latency(client_instance=INSTANCE_HOP)
    with SyncCodeSuggestions(saas.instance_url, saas.tokens["duo"], options=OPTIONS) as cs:
        cs.warm_up()
        # returned before the fetch (which takes INSTANCE_HOP): the token is not there yet
        assert not cs.user_jwt_ready
        deadline = time.monotonic() + 10
        while not cs.user_jwt_ready:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        assert cs.suggest(**COMPLETION).route == "direct"
    assert len(direct_access_calls(saas)) == 1
