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
