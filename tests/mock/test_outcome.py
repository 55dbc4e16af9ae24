"""The request log's `outcome`: completed, client_disconnected, dropped, pending."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest

from gitlab_lsp.mock import MockStack

from .helpers import (
    DIRECT_ACCESS,
    INSTANCE_COMPLETIONS,
    direct_access,
    direct_headers,
    gateway_body,
    instance_body,
    pat_headers,
)


def wait_for_entry(
    stack: MockStack, party: str, path: str, outcome: str, within: float
) -> dict[str, Any]:
    """The newest log entry of `party` for `path` once it shows `outcome` (polled)."""
    deadline = time.monotonic() + within
    last: dict[str, Any] | None = None
    while True:
        entries = [e for e in stack.control.requests(party) if e["path"] == path]
        last = entries[-1] if entries else None
        if last is not None and last["outcome"] == outcome:
            return last
        if time.monotonic() > deadline:
            raise AssertionError(f"no {outcome!r} entry for {party} {path} in time: {last}")
        time.sleep(0.02)


def test_normal_requests_are_completed(mock_gateway: MockStack, client: httpx.Client) -> None:
    response = client.post(
        f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}",
        headers=pat_headers(mock_gateway.tokens["duo"]),
        json=instance_body(),
    )
    assert response.status_code == 200
    client.get(f"{mock_gateway.instance_url}/nothing/here")
    entries = mock_gateway.control.requests()
    assert {e["party"] for e in entries} == {"instance", "gateway", "model"}
    assert [e["outcome"] for e in entries] == ["completed"] * len(entries)


async def test_a_request_cancelled_during_a_delay_fault_is_client_disconnected(
    mock_gateway: MockStack,
) -> None:
    mock_gateway.control.fault("instance", DIRECT_ACCESS, delay=30, times=1)
    async with httpx.AsyncClient(trust_env=False, timeout=10) as client:
        request = asyncio.create_task(
            client.post(
                f"{mock_gateway.instance_url}{DIRECT_ACCESS}",
                headers=pat_headers(mock_gateway.tokens["duo"]),
            )
        )
        await asyncio.to_thread(
            wait_for_entry, mock_gateway, "instance", DIRECT_ACCESS, "pending", 5
        )
        request.cancel()
        with pytest.raises(asyncio.CancelledError):
            await request
        entry = await asyncio.to_thread(
            wait_for_entry, mock_gateway, "instance", DIRECT_ACCESS, "client_disconnected", 1.0
        )
    assert entry["status"] is None


def test_a_client_timing_out_on_a_latency_hop_is_client_disconnected(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.latency(client_gateway=30)
    with pytest.raises(httpx.ReadTimeout):
        client.post(
            f"{details['base_url']}/v2/completions",
            headers=direct_headers(details),
            json=gateway_body(),
            timeout=0.3,
        )
    wait_for_entry(mock_gateway, "gateway", "/v2/completions", "client_disconnected", 1.0)


def test_a_timeout_fault_given_up_on_is_client_disconnected(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.fault("instance", "/api/v4/user", timeout=True, times=1)
    with pytest.raises(httpx.ReadTimeout):
        client.get(
            f"{mock_gateway.instance_url}/api/v4/user",
            headers=pat_headers(mock_gateway.tokens["duo"]),
            timeout=0.3,
        )
    wait_for_entry(mock_gateway, "instance", "/api/v4/user", "client_disconnected", 1.0)


def test_a_response_the_mock_drops_is_dropped_not_client_disconnected(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("gateway", "/v2/completions", drop_mid_stream=True, times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        client.post(
            f"{details['base_url']}/v2/completions",
            headers=direct_headers(details),
            json=gateway_body(),
        )
    wait_for_entry(mock_gateway, "gateway", "/v2/completions", "dropped", 1.0)


def test_a_cancelled_call_cancels_the_calls_behind_it(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.fault("model", "/v1/generate", delay=30, times=1)
    with pytest.raises(httpx.ReadTimeout):
        client.post(
            f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}",
            headers=pat_headers(mock_gateway.tokens["duo"]),
            json=instance_body(),
            timeout=0.5,
        )
    wait_for_entry(mock_gateway, "instance", INSTANCE_COMPLETIONS, "client_disconnected", 1.0)
    wait_for_entry(mock_gateway, "gateway", "/v2/code/completions", "client_disconnected", 1.0)
    wait_for_entry(mock_gateway, "model", "/v1/generate", "client_disconnected", 1.0)


def test_a_client_leaving_mid_stream_is_client_disconnected_along_the_chain(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.latency(model_chunk=5)
    with client.stream(
        "POST",
        f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}",
        headers=pat_headers(mock_gateway.tokens["duo"]),
        json=instance_body(
            intent="generation",
            stream=True,
            user_instruction="reverse a string",
            current_file={"file_name": "a.py", "content_above_cursor": "# reverse a string\n"},
        ),
    ) as response:
        chunks = response.iter_raw()  # kept: a dropped iterator would close the stream
        assert next(chunks)
        wait_for_entry(mock_gateway, "instance", INSTANCE_COMPLETIONS, "pending", 0)
    wait_for_entry(mock_gateway, "instance", INSTANCE_COMPLETIONS, "client_disconnected", 1.0)
    wait_for_entry(mock_gateway, "gateway", "/v2/code/generations", "client_disconnected", 1.0)
    wait_for_entry(mock_gateway, "model", "/v1/generate", "client_disconnected", 1.0)
