"""The model's pause between streamed pieces (`latency(model_chunk=...)`)."""

from __future__ import annotations

import time

import httpx

from gitlab_lsp.mock import MockStack

from .helpers import INSTANCE_COMPLETIONS, pat_headers
from .test_streaming import generation_body

PACING = 0.1


def timed_chunks(stack: MockStack, client: httpx.Client) -> list[tuple[float, str]]:
    """(arrival time, text) of each chunk of a streamed generation through the instance."""
    arrivals: list[tuple[float, str]] = []
    with client.stream(
        "POST",
        f"{stack.instance_url}{INSTANCE_COMPLETIONS}",
        headers=pat_headers(stack.tokens["duo"]),
        json=generation_body(),
    ) as response:
        assert response.status_code == 200
        for text in response.iter_text():
            if text:
                arrivals.append((time.monotonic(), text))
    return arrivals


def test_paced_chunks_arrive_spread_over_the_stream(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.latency(model_chunk=PACING)
    assert mock_gateway.control.state()["latency"]["model_chunk"] == PACING
    arrivals = timed_chunks(mock_gateway, client)
    # Each piece waits PACING after the previous one at the model, so the first piece must
    # reach the client well before the last: at least one pause apart (there are several).
    assert len(arrivals) >= 3
    assert arrivals[-1][0] - arrivals[0][0] >= PACING
    assert [t for t, _ in arrivals] == sorted(t for t, _ in arrivals)


def test_pacing_leaves_the_text_unchanged(mock_gateway: MockStack, client: httpx.Client) -> None:
    plain = "".join(text for _, text in timed_chunks(mock_gateway, client))
    mock_gateway.control.latency(model_chunk=0.02)
    paced = "".join(text for _, text in timed_chunks(mock_gateway, client))
    assert paced == plain and "def compute_factorial_n(n):" in paced
