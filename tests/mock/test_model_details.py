"""A configured model: direct_access announces it, clients forward it, the gateway echoes it."""

from __future__ import annotations

import httpx
import pytest

from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions, CodeSuggestions

from .helpers import (
    INSTANCE_COMPLETIONS,
    direct_access,
    direct_headers,
    gateway_body,
    instance_body,
    pat_headers,
)

MODEL = {"model_provider": "anthropic", "model_name": "claude-3-5-sonnet-20240620"}


def test_no_model_details_by_default(stack: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, stack)
    assert "model_details" not in details
    assert stack.control.state()["model_details"] is None


def test_a_configured_model_is_announced_until_omitted_again(
    stack: MockStack, client: httpx.Client
) -> None:
    stack.control.model_details(MODEL["model_provider"], MODEL["model_name"])
    assert direct_access(client, stack)["model_details"] == MODEL
    assert stack.control.state()["model_details"] == MODEL
    stack.control.model_details(None)
    assert "model_details" not in direct_access(client, stack)
    stack.control.model_details("vertex-ai", "codestral@2405")
    stack.control.reset()
    assert "model_details" not in direct_access(client, stack)


def test_the_gateway_echoes_the_model_it_was_asked_for(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.model_details(MODEL["model_provider"], MODEL["model_name"])
    details = direct_access(client, mock_gateway)
    response = client.post(
        f"{details['base_url']}/v2/code/completions",
        headers=direct_headers(details),
        json=gateway_body(**details["model_details"]),
    )
    assert response.status_code == 200, response.text
    assert response.json()["model"] == {
        "engine": "anthropic",
        "name": "claude-3-5-sonnet-20240620",
        "lang": "python",
    }
    plain = client.post(
        f"{details['base_url']}/v2/code/completions",
        headers=direct_headers(details),
        json=gateway_body(),
    )
    assert plain.json()["model"]["engine"] == "mock"


def test_the_instance_forwards_the_configured_model(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.model_details(MODEL["model_provider"], MODEL["model_name"])
    response = client.post(
        f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}",
        headers=pat_headers(mock_gateway.tokens["duo"]),
        json=instance_body(),
    )
    assert response.json()["model"]["name"] == MODEL["model_name"]
    forwarded = mock_gateway.control.requests("gateway")[-1]["json"]
    assert (forwarded["model_provider"], forwarded["model_name"]) == tuple(MODEL.values())


@pytest.mark.parametrize(
    "body",
    [
        {"model_provider": "anthropic"},
        {"model_provider": "", "model_name": "x"},
        {"model_provider": "a", "model_name": 3},
        {"model_provider": "a", "model_name": "b", "extra": "c"},
    ],
)
def test_bad_model_details_are_refused(
    mock_gateway: MockStack, client: httpx.Client, body: dict[str, object]
) -> None:
    response = client.put(f"{mock_gateway.instance_url}/-/mock/model_details", json=body)
    assert response.status_code == 422
    assert mock_gateway.control.state()["model_details"] is None


def test_the_control_client_wants_a_name_with_a_provider(mock_gateway: MockStack) -> None:
    with pytest.raises(ValueError):
        mock_gateway.control.model_details("anthropic")


async def test_the_sdk_forwards_model_details_to_the_gateway(mock_gateway: MockStack) -> None:
    mock_gateway.control.model_details(MODEL["model_provider"], MODEL["model_name"])
    options = ClientOptions(ide_name="mock-tests", ide_version="1.0")
    async with CodeSuggestions(
        mock_gateway.instance_url, mock_gateway.tokens["duo"], options=options
    ) as suggestions:
        result = await suggestions.suggest(
            file_name="a.py",
            content_above_cursor="def add(",
            content_below_cursor="",
            language_id="python",
            intent="completion",
        )
    assert result.route == "direct"
    sent = [
        e["json"]
        for e in mock_gateway.control.requests("gateway")
        if e["path"] == "/v2/completions" and e["source"] == "client"
    ]
    assert sent and all(
        (body.get("model_provider"), body.get("model_name")) == tuple(MODEL.values())
        for body in sent
    )
