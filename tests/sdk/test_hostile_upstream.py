"""What a broken or hostile upstream can and cannot do to the SDK: each test reproduces a
defect of the robustness review (10 MB answers, endless streams, control characters, a
plain-http gateway address, `Retry-After: 86400`)."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest

from gitlab_lsp.errors import InstanceError, RateLimited
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions, CodeSuggestions
from gitlab_lsp.sdk.availability import MAX_RETRY_AFTER
from gitlab_lsp.sdk.streaming import MAX_STREAM_CHARS
from gitlab_lsp.sdk.transport import MAX_ANSWER_BYTES

from .helpers import COMPLETION, GENERATION, direct_completions, instance_completions
from .hostile import Exchange, completion, hostile_client
from .tls_front import Fronts

GATEWAY = "/ai/v2/completions"
INSTANCE = "/api/v4/code_suggestions/completions"
HOSTILE_TEXT = "total += item\x1b[2J\x07\u202e;\x9b\x00 # ok\tdone\r\n"


async def test_a_10mb_answer_is_refused_not_read_and_relayed() -> None:
    huge = completion("x" * 10_000_000)

    async def answer(exchange: Exchange) -> None:
        await exchange.answer(200, huge)

    async with hostile_client({GATEWAY: answer, INSTANCE: answer}) as (up, cs):
        with pytest.raises(InstanceError, match="unusable answer"):
            await cs.suggest(**COMPLETION)
    assert up.seen.count(f"POST {GATEWAY}") == 1  # tried direct, then the instance
    assert MAX_ANSWER_BYTES < 10_000_000


async def test_an_endless_stream_is_cut_at_the_size_limit() -> None:
    async def endless(exchange: Exchange) -> None:
        async def piece() -> bytes:
            return b"y" * 1024

        await exchange.stream(piece)

    async with hostile_client({INSTANCE: endless}) as (_up, cs):
        received = 0
        async with cs.stream(**GENERATION) as stream:
            async for chunk in stream:
                received += len(chunk)
    assert received == MAX_STREAM_CHARS


async def test_a_trickling_endless_stream_is_cut_at_the_generation_timeout() -> None:
    count = itertools.count()

    async def trickle(exchange: Exchange) -> None:
        async def piece() -> bytes:
            await asyncio.sleep(0.01)
            return b"z" if next(count) % 10 else b": ping\n"

        await exchange.stream(piece)

    async with hostile_client({INSTANCE: trickle}, generation_timeout=0.5) as (_up, cs):

        async def drain() -> int:
            return sum([len(c) async for c in cs.stream(**GENERATION)])

        received = await asyncio.wait_for(drain(), 30)
    assert 0 < received < MAX_STREAM_CHARS


async def test_control_characters_never_reach_the_caller() -> None:
    async def answer(exchange: Exchange) -> None:
        await exchange.answer(200, completion(HOSTILE_TEXT))

    async def stream(exchange: Exchange) -> None:
        pieces = iter([HOSTILE_TEXT.encode(), b"\x1b]0;title\x07more", None])

        async def piece() -> bytes | None:
            return next(pieces)

        await exchange.stream(piece)

    async with hostile_client({GATEWAY: answer, INSTANCE: stream}) as (_up, cs):
        suggestion = await cs.suggest(**COMPLETION)
        streamed = "".join([c async for c in cs.stream(**GENERATION)])
    assert suggestion.route == "direct"
    assert suggestion.text == "total += item[2J; # ok\tdone\r\n"
    assert streamed == "total += item[2J; # ok\tdone\r\n]0;titlemore"


async def test_a_plain_http_gateway_from_an_https_instance_is_refused(
    mock_gateway: MockStack, fronts: Fronts
) -> None:
    # The https instance's direct_access names the gateway over plain http.
    fronts.instance.rewrite_base_url = f"{mock_gateway.cloud_url}/ai"
    options = ClientOptions(ca_bundle=str(fronts.ca))
    async with CodeSuggestions(
        fronts.instance.url, mock_gateway.tokens["duo"], options=options
    ) as cs:
        first = await cs.suggest(**COMPLETION)
        second = await cs.suggest(**COMPLETION)
    assert (first.route, second.route) == ("instance", "instance")
    assert direct_completions(mock_gateway) == []
    assert len(instance_completions(mock_gateway)) == 2


async def test_retry_after_86400_pauses_a_minute_not_a_day(
    saas: MockStack, make_client: Any
) -> None:
    saas.control.rate_limits(completions=(1, 86400.0))
    cs = make_client(saas, direct_connection=False)
    await cs.suggest(**COMPLETION)
    with pytest.raises(RateLimited) as caught:
        await cs.suggest(**COMPLETION)
    assert caught.value.retry_after == MAX_RETRY_AFTER
    pause = cs.availability.paused()
    assert pause is not None and pause.kind == "rate_limited"
    assert pause.until - cs.availability.now() <= MAX_RETRY_AFTER
