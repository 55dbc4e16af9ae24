"""Both streaming formats, direct and through the instance."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from gitlab_lsp.mock import MockStack

from .helpers import (
    INSTANCE_COMPLETIONS,
    direct_access,
    direct_headers,
    gateway_body,
    instance_body,
    pat_headers,
)


def parse_sse(text: str) -> list[tuple[str, Any]]:
    """(event, data) pairs; comment lines (`: ping`) are skipped like a client must."""
    events: list[tuple[str, Any]] = []
    for block in text.split("\n\n"):
        name, data = None, None
        for line in block.split("\n"):
            if line.startswith(":") or not line:
                continue
            field, _, value = line.partition(": ")
            if field == "event":
                name = value
            elif field == "data":
                data = json.loads(value)
        if name is not None:
            events.append((name, data))
    return events


def generation_body(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "intent": "generation",
        "stream": True,
        "user_instruction": "compute the factorial of n",
        "current_file": {
            "file_name": "math.py",
            "content_above_cursor": "# compute the factorial of n\n",
        },
    }
    return instance_body(**{**fields, **overrides})


@pytest.mark.parametrize("path", ["/v2/completions", "/v2/code/completions"])
def test_direct_raw_stream_matches_the_plain_answer(
    mock_gateway: MockStack, client: httpx.Client, path: str
) -> None:
    details = direct_access(client, mock_gateway)
    url = details["base_url"] + path
    plain = client.post(url, headers=direct_headers(details), json=gateway_body()).json()[
        "choices"
    ][0]["text"]
    streamed = client.post(url, headers=direct_headers(details), json=gateway_body(stream=True))
    assert streamed.status_code == 200
    assert streamed.headers["content-type"].startswith("text/event-stream")
    assert "x-streaming-format" not in streamed.headers
    assert streamed.text == plain


def test_direct_sse_stream(mock_gateway: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway)
    headers = {**direct_headers(details), "X-Supports-Sse-Streaming": "true"}
    response = client.post(
        details["base_url"] + "/v2/code/completions",
        headers=headers,
        json=gateway_body(stream=True),
    )
    assert response.headers["x-streaming-format"] == "sse"
    assert ": ping" in response.text
    events = parse_sse(response.text)
    assert events[0][0] == "stream_start" and events[0][1]["metadata"]["model"]["lang"] == "python"
    assert events[-1] == ("stream_end", None)
    chunks = [
        data["choices"][0]["delta"]["content"] for name, data in events if name == "content_chunk"
    ]
    assert len(chunks) >= 3
    assert all(data["choices"][0]["index"] == 0 for name, data in events if name == "content_chunk")
    assert "".join(chunks).startswith("a, b)")


def test_generation_streams_through_the_instance_raw(
    stack: MockStack, client: httpx.Client
) -> None:
    url = f"{stack.instance_url}{INSTANCE_COMPLETIONS}"
    with client.stream(
        "POST", url, headers=pat_headers(stack.tokens["duo"]), json=generation_body()
    ) as response:
        assert response.status_code == 200
        assert "x-streaming-format" not in response.headers
        text = "".join(response.iter_text())
    assert "def compute_factorial_n(n):" in text and "result *= i" in text


def test_generation_streams_through_the_instance_as_sse(
    stack: MockStack, client: httpx.Client
) -> None:
    url = f"{stack.instance_url}{INSTANCE_COMPLETIONS}"
    headers = {**pat_headers(stack.tokens["duo"]), "X-Supports-Sse-Streaming": "true"}
    response = client.post(url, headers=headers, json=generation_body())
    assert response.headers["x-streaming-format"] == "sse"
    events = parse_sse(response.text)
    assert events[0][0] == "stream_start" and events[-1][0] == "stream_end"
    text = "".join(d["choices"][0]["delta"]["content"] for n, d in events if n == "content_chunk")
    assert text.count("\n") >= 3
    forwarded = next(e for e in stack.control.requests("gateway") if e["source"] == "instance")
    assert forwarded["headers"]["x-supports-sse-streaming"] == "true"


def test_non_streaming_generation_through_the_instance(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    url = f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}"
    response = client.post(
        url, headers=pat_headers(mock_gateway.tokens["duo"]), json=generation_body(stream=False)
    )
    assert response.headers["content-type"].startswith("application/json")
    assert "factorial" in response.json()["choices"][0]["text"]
