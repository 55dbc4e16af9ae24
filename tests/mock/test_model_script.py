"""Scripted model answers: exact raw text, in order, through the real routes, then back to
the model's own behaviour."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from gitlab_lsp.mock import ControlError, MockStack

from .helpers import (
    INSTANCE_COMPLETIONS,
    direct_access,
    direct_headers,
    gateway_body,
    instance_body,
    pat_headers,
)
from .test_control_access import control_client
from .test_streaming import generation_body, parse_sse

#: Text no model of the mock writes on its own, with the whitespace and fences a
#: post-processing step would change: the script must hand it out byte for byte.
RAW = "1, 2)\n```\n\tx = 1   \n\n"


def _direct_completion(stack: MockStack, client: httpx.Client, **overrides: Any) -> list[str]:
    details = direct_access(client, stack)
    response = client.post(
        f"{details['base_url']}/v2/completions",
        headers=direct_headers(details),
        json=gateway_body(**overrides),
    )
    assert response.status_code == 200, response.text
    return [c["text"] for c in response.json()["choices"]]


def _instance_completion(stack: MockStack, client: httpx.Client) -> list[str]:
    response = client.post(
        f"{stack.instance_url}{INSTANCE_COMPLETIONS}",
        headers=pat_headers(stack.tokens["duo"]),
        json=instance_body(),
    )
    assert response.status_code == 200, response.text
    return [c["text"] for c in response.json()["choices"]]


def test_completions_take_the_entries_in_order_then_the_model_answers_again(
    stack: MockStack, client: httpx.Client
) -> None:
    own = _direct_completion(stack, client)
    queued = stack.control.model_script(completions=[RAW, ["first", "second"], ""])
    assert queued == {"completions": [RAW, ["first", "second"], ""], "generations": []}
    assert _direct_completion(stack, client) == [RAW]
    assert stack.control.model_script_left()["completions"] == [["first", "second"], ""]
    assert _instance_completion(stack, client) == ["first", "second"]
    assert _direct_completion(stack, client) == [""]
    assert stack.control.model_script_left() == {"completions": [], "generations": []}
    assert _direct_completion(stack, client) == own


def test_generations_and_completions_have_their_own_queues(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.model_script(completions=["c"], generations=["def g():\n    pass\n"])
    response = client.post(
        f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}",
        headers=pat_headers(mock_gateway.tokens["duo"]),
        json=generation_body(stream=False),
    )
    assert response.json()["choices"][0]["text"] == "def g():\n    pass\n"
    assert mock_gateway.control.model_script_left() == {"completions": ["c"], "generations": []}
    assert _direct_completion(mock_gateway, client) == ["c"]


@pytest.mark.parametrize("sse", [False, True])
def test_a_streamed_generation_streams_the_scripted_text_in_pieces(
    mock_gateway: MockStack, client: httpx.Client, sse: bool
) -> None:
    scripted = "def area(r):\n    return 3.14159 * r * r\n\n```\n"
    mock_gateway.control.model_script(generations=[scripted])
    headers = pat_headers(mock_gateway.tokens["duo"])
    if sse:
        headers["X-Supports-Sse-Streaming"] = "true"
    response = client.post(
        f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}",
        headers=headers,
        json=generation_body(),
    )
    assert response.status_code == 200
    if sse:
        events = parse_sse(response.text)
        pieces = [d["choices"][0]["delta"]["content"] for n, d in events if n == "content_chunk"]
        assert len(pieces) >= 3 and "".join(pieces) == scripted
    else:
        assert response.text == scripted
    assert mock_gateway.control.model_script_left()["generations"] == []


def test_put_replaces_delete_clears_and_reset_forgets(mock_gateway: MockStack) -> None:
    control = mock_gateway.control
    control.model_script(completions=["a", "b"])
    control.model_script(generations=["g"])
    assert control.model_script_left() == {"completions": [], "generations": ["g"]}
    control.clear_model_script()
    assert control.model_script_left() == {"completions": [], "generations": []}
    control.model_script(completions=["a"])
    assert control.state()["model_script"] == {"completions": ["a"], "generations": []}
    control.reset()
    assert control.model_script_left() == {"completions": [], "generations": []}


def test_a_request_the_gateway_refuses_does_not_use_an_entry(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.model_script(completions=["kept"])
    details = direct_access(client, mock_gateway)
    refused = client.post(
        f"{details['base_url']}/v2/completions",
        headers=direct_headers(details),
        json=gateway_body(current_file={"file_name": "a.py"}),
    )
    assert refused.status_code == 422
    assert mock_gateway.control.model_script_left()["completions"] == ["kept"]


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"not json", "the body is not JSON"),
        (b"[]", "the script must be a JSON object"),
        (b'{"completion": ["x"]}', "unknown keys: completion"),
        (b'{"completions": "x"}', "completions must be a list of entries"),
        (b'{"generations": [1]}', "generations[0] must be a string (one choice)"),
        (b'{"completions": ["ok", ["a", 2]]}', "completions[1] must be a list of strings"),
        (b'{"completions": [null]}', "completions[0] must be a string"),
        (b'{"completions": [["a","b","c","d","e","f","g","h","i"]]}', "more than 8 choices"),
    ],
)
def test_a_malformed_script_is_refused_with_400_and_changes_nothing(
    mock_gateway: MockStack, client: httpx.Client, body: bytes, detail: str
) -> None:
    mock_gateway.control.model_script(completions=["before"])
    response = client.put(f"{mock_gateway.instance_url}/-/mock/model_script", content=body)
    assert response.status_code == 400
    assert detail in response.json()["detail"]
    assert mock_gateway.control.model_script_left()["completions"] == ["before"]


def test_the_typed_client_raises_on_a_refused_script(mock_gateway: MockStack) -> None:
    with pytest.raises(ControlError) as caught:
        mock_gateway.control.model_script(completions=[["x"] * 9])
    assert caught.value.status == 400


async def test_another_machine_cannot_script_the_model() -> None:
    async with control_client() as client:
        put = await client.put("/-/mock/model_script", json={"completions": ["x"]})
        assert put.status_code == 403
        assert (await client.get("/-/mock/model_script")).status_code == 403
    async with control_client(("127.0.0.1", 50123)) as client:
        put = await client.put("/-/mock/model_script", json={"completions": ["x"]})
        assert put.status_code == 200 and put.json()["completions"] == ["x"]
