"""Both flows of seeds 001/002, end to end over real HTTP, in both realms."""

from __future__ import annotations

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


def test_direct_access_answers_the_wire_shape(stack: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, stack)
    assert details["base_url"] == f"{stack.cloud_url}/ai"
    assert isinstance(details["token"], str) and isinstance(details["expires_at"], int)
    headers = details["headers"]
    for name in (
        "X-Gitlab-Instance-Id",
        "X-Gitlab-Realm",
        "X-Gitlab-Global-User-Id",
        "X-Gitlab-Host-Name",
    ):
        assert headers[name]
    assert headers["X-Gitlab-Realm"] == stack.realm


@pytest.mark.parametrize("path", ["/v2/completions", "/v2/code/completions"])
def test_direct_completion(stack: MockStack, client: httpx.Client, path: str) -> None:
    details = direct_access(client, stack)
    response = client.post(
        details["base_url"] + path, headers=direct_headers(details), json=gateway_body()
    )
    assert response.status_code == 200, response.text
    payload = response.json()
    assert payload["object"] == "text_completion"
    assert payload["choices"][0]["text"].startswith("a, b)")
    assert payload["choices"][0]["finish_reason"] == "length"
    gateway_log = stack.control.requests("gateway")
    assert [e["source"] for e in gateway_log if e["path"] == path] == ["client"]


def test_instance_route_forwards_generations_with_the_instance_jwt(
    stack: MockStack, client: httpx.Client
) -> None:
    body = instance_body(
        intent="generation",
        user_instruction="reverse a string",
        current_file={"file_name": "util.py", "content_above_cursor": "# reverse a string\n"},
    )
    response = client.post(
        f"{stack.instance_url}{INSTANCE_COMPLETIONS}",
        headers=pat_headers(stack.tokens["duo"]),
        json=body,
    )
    assert response.status_code == 200, response.text
    text = response.json()["choices"][0]["text"]
    assert "def reverse_string" in text and text.count("\n") >= 2
    forwarded = [e for e in stack.control.requests("gateway") if e["source"] == "instance"]
    assert forwarded[-1]["path"] == "/v2/code/generations"
    assert forwarded[-1]["received_path"] == "/ai/v2/code/generations"
    assert "reverse a string" in forwarded[-1]["json"]["prompt"]


def test_self_managed_direct_access_goes_through_the_token_authority(
    mock_gateway_sm: MockStack, client: httpx.Client
) -> None:
    direct_access(client, mock_gateway_sm)
    calls = [
        (e["party"], e["source"], e["received_path"]) for e in mock_gateway_sm.control.requests()
    ]
    assert ("gateway", "instance", "/auth/v1/code/user_access_token") in calls
