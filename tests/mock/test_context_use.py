"""The mock's side of context: checked to the gateway's and Rails' limits, and used by the
model (a call or a name that the workspace defines is completed from its definition)."""

from __future__ import annotations

from typing import Any

import pytest

from gitlab_lsp.mock.gateway_validation import validate_gateway_request
from gitlab_lsp.mock.instance_validation import validate_instance_request
from gitlab_lsp.mock.model import ModelRequest, run
from gitlab_lsp.mock.validation import ValidationFailed

HELPERS = "def parse_header(value: str, strict: bool = False) -> dict:\n    ...\n"


def _body(context: list[Any]) -> dict[str, Any]:
    return {
        "prompt_version": 1,
        "current_file": {
            "file_name": "a.py",
            "content_above_cursor": "x = ",
            "content_below_cursor": "",
        },
        "context": context,
    }


def _completion(prefix: str, context: tuple[str, ...]) -> str:
    return run(ModelRequest("completion", "python", prefix, "", None, 1, context))[0]


def test_the_model_completes_calls_and_names_from_the_context() -> None:
    assert _completion("h = parse_header(", (HELPERS,)) == "value, strict)"
    assert _completion("h = parse_he", (HELPERS,)) == "ader(value, strict)"
    assert _completion("h = parse_header(", ()) != "value, strict)"


@pytest.mark.parametrize(
    ("item", "where"),
    [
        ({"type": "file", "name": "a" * 1025, "content": "x"}, "name"),
        ({"type": "file", "name": "a.py", "content": "x" * 500_001}, "content"),
    ],
)
def test_context_beyond_the_limits_is_rejected(item: dict[str, str], where: str) -> None:
    with pytest.raises(ValidationFailed) as gateway:
        validate_gateway_request(_body([item]), generation=False)
    assert gateway.value.errors[0]["loc"] == ["body", "context", 0, where]
    instance_body = {**_body([item]), "intent": "completion"}
    with pytest.raises(ValidationFailed) as instance:
        validate_instance_request(instance_body)
    assert f"context[0][{where}] is too long" in instance.value.errors[0]["message"]


def test_context_within_the_limits_is_accepted() -> None:
    item = {"type": "snippet", "name": "a" * 1024, "content": "x" * 500_000, "extra": 1}
    assert validate_gateway_request(_body([item]), generation=False).context[0].name == "a" * 1024


@pytest.mark.parametrize(("version", "used"), [("7.9.0", True), ("6.3.0", True), ("6.2.9", False)])
def test_the_gateway_reads_context_only_from_clients_that_speak_6_3(
    mock_gateway: Any, version: str, used: bool
) -> None:
    """As the real gateway: `context` counts only with `X-Gitlab-Language-Server-Version`
    6.3.0 or later, so a client must say which protocol level it speaks."""
    import httpx

    from .helpers import direct_access, direct_headers, gateway_body

    with httpx.Client(timeout=10) as client:
        details = direct_access(client, mock_gateway)
        body = gateway_body(
            current_file={
                "file_name": "main.py",
                "language_identifier": "python",
                "content_above_cursor": "h = parse_header(",
                "content_below_cursor": "",
            },
            context=[{"type": "file", "name": "helpers.py", "content": HELPERS}],
        )
        headers = {**direct_headers(details), "X-Gitlab-Language-Server-Version": version}
        response = client.post(f"{details['base_url']}/v2/completions", json=body, headers=headers)
    assert response.status_code == 200, response.text
    text = response.json()["choices"][0]["text"]
    assert (text == "value, strict)") is used
