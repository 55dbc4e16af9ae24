"""Routes taken and headers sent, read back from the mock's request log (both realms)."""

from __future__ import annotations

import asyncio

import httpx

from gitlab_lsp import __version__
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk.headers import PROTOCOL_VERSION

from .helpers import (
    COMPLETION,
    GENERATION,
    ClientFactory,
    direct_access_calls,
    direct_completions,
    instance_completions,
)


async def test_completion_goes_direct_with_every_direct_access_header(
    stack: MockStack, make_client: ClientFactory
) -> None:
    async with httpx.AsyncClient() as http:
        answer = await http.post(
            f"{stack.instance_url}/api/v4/code_suggestions/direct_access",
            headers={"Authorization": f"Bearer {stack.tokens['duo']}"},
        )
    assert answer.status_code == 201
    access_headers = answer.json()["headers"]
    stack.control.clear_requests()

    cs = make_client(stack)
    suggestion = await cs.suggest(**COMPLETION)

    assert suggestion.route == "direct"
    assert suggestion.intent == "completion"
    assert suggestion.text
    [sent] = direct_completions(stack)
    headers = {k.lower(): v for k, v in sent["headers"].items()}
    for name, value in access_headers.items():
        assert headers[name.lower()] == value, name
    assert headers["x-gitlab-realm"] == stack.realm
    assert headers["authorization"].startswith("Bearer ey")
    assert headers["x-gitlab-authentication-type"] == "oidc"
    assert headers["x-gitlab-language-server-version"] == PROTOCOL_VERSION
    assert headers["user-agent"] == (
        f"gitlab-language-server:{PROTOCOL_VERSION} (sdk-tests:9.9) gitlab-lsp/{__version__}"
    )
    assert headers["content-type"] == "application/json"
    body = sent["json"]
    assert body["prompt_version"] == 1
    assert body["current_file"]["content_above_cursor"] == COMPLETION["content_above_cursor"]
    assert body["current_file"]["content_below_cursor"] == "\n"
    assert body["current_file"]["language_identifier"] == "python"
    assert instance_completions(stack) == []
    assert len(direct_access_calls(stack)) == 1


async def test_generation_goes_through_the_instance_with_its_instruction(
    stack: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(stack)
    suggestion = await cs.suggest(**GENERATION)

    assert suggestion.route == "instance"
    assert suggestion.intent == "generation"
    assert suggestion.text
    [sent] = instance_completions(stack)
    assert sent["json"]["intent"] == "generation"
    assert sent["json"]["stream"] is False
    assert sent["json"]["generation_type"] == "comment"
    assert sent["json"]["user_instruction"] == GENERATION["user_instruction"]
    assert sent["headers"]["authorization"] == f"Bearer {stack.tokens['duo']}"
    assert direct_completions(stack) == []
    assert direct_access_calls(stack) == []


async def test_streamed_generation_arrives_in_several_chunks(
    stack: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(stack)
    chunks = [chunk async for chunk in cs.stream(**GENERATION)]

    assert len(chunks) > 1
    assert "".join(chunks).strip()
    [sent] = instance_completions(stack)
    assert sent["json"]["stream"] is True
    assert sent["json"]["user_instruction"] == GENERATION["user_instruction"]


async def test_concurrent_first_requests_share_one_direct_access_call(
    stack: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(stack)
    results = await asyncio.gather(*(cs.suggest(**COMPLETION) for _ in range(25)))

    assert {r.route for r in results} == {"direct"}
    assert len(direct_access_calls(stack)) == 1
    assert cs.direct_access_requests == 1


async def test_direct_connection_setting_off_sends_everything_to_the_instance(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas, direct_connection=False)
    suggestion = await cs.suggest(**COMPLETION)

    assert suggestion.route == "instance"
    assert instance_completions(saas)[0]["json"]["intent"] == "completion"
    assert direct_access_calls(saas) == []
    assert direct_completions(saas) == []


async def test_intent_is_detected_when_not_given(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas)
    request = {
        k: v
        for k, v in GENERATION.items()
        if k not in ("intent", "generation_type", "user_instruction")
    }
    suggestion = await cs.suggest(**request)

    assert suggestion.intent == "generation"
    assert suggestion.generation_type == "comment"
    assert suggestion.route == "instance"
    assert suggestion.timings.intent > 0
    [sent] = instance_completions(saas)
    assert sent["json"]["user_instruction"] == "Sum the amounts per customer in invoices.csv"


async def test_sequential_completions_reuse_one_gateway_connection(
    saas: MockStack, make_client: ClientFactory
) -> None:
    saas.control.rate_limits(gateway=None, completions=None)  # this test is about sockets
    cs = make_client(saas)
    timings = []
    for _ in range(100):
        suggestion = await cs.suggest(**COMPLETION)
        assert suggestion.route == "direct"
        timings.append(suggestion.timings)
    assert timings[0].connect > 0 and timings[0].token_wait > 0  # first need: token, socket
    assert all(t.connect == 0 and t.token_wait < 5 for t in timings[1:])
    assert all(0 < t.first_byte <= t.total for t in timings)
    assert len(direct_completions(saas)) == 100
    assert 1 <= cs.connections_opened(saas.cloud_url) <= 2


async def test_manual_requests_ask_the_gateway_for_several_options(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas, project_path="group/project")
    suggestion = await cs.suggest(**COMPLETION, choices=4)

    assert suggestion.route == "direct"
    assert suggestion.text == suggestion.choices[0]
    [sent] = direct_completions(saas)
    assert sent["json"]["choices_count"] == 4
    assert sent["json"]["project_path"] == "group/project"
    assert sent["json"]["project_id"] == -1
