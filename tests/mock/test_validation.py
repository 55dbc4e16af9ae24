"""Bad input gets the spec's 4xx with a detail, on both the gateway and the instance, and
never a 500."""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gitlab_lsp.mock import MockStack

from .helpers import (
    INSTANCE_COMPLETIONS,
    direct_access,
    direct_headers,
    forge,
    gateway_body,
    instance_body,
    instance_headers,
    pat_headers,
)


def _set(body: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    body = copy.deepcopy(body)
    *parents, leaf = path.split(".")
    target = body
    for key in parents:
        target = target[key]
    if value is _DELETE:
        del target[leaf]
    else:
        target[leaf] = value
    return body


_DELETE = object()

GATEWAY_CASES = [
    ("prompt_version", _DELETE, "missing", ["body", "prompt_version"]),
    ("prompt_version", 2, "literal_error", ["body", "prompt_version"]),
    ("current_file", _DELETE, "missing", ["body", "current_file"]),
    ("current_file.file_name", _DELETE, "missing", ["body", "current_file", "file_name"]),
    ("current_file.file_name", "a" * 256, "string_too_long", ["body", "current_file", "file_name"]),
    (
        "current_file.content_above_cursor",
        _DELETE,
        "missing",
        ["body", "current_file", "content_above_cursor"],
    ),
    (
        "current_file.content_above_cursor",
        "x" * 100_001,
        "string_too_long",
        ["body", "current_file", "content_above_cursor"],
    ),
    (
        "current_file.content_below_cursor",
        _DELETE,
        "missing",
        ["body", "current_file", "content_below_cursor"],
    ),
    (
        "current_file.content_below_cursor",
        "x" * 100_001,
        "string_too_long",
        ["body", "current_file", "content_below_cursor"],
    ),
    (
        "current_file.content_above_cursor",
        12,
        "string_type",
        ["body", "current_file", "content_above_cursor"],
    ),
    (
        "context",
        [{"type": "file", "name": "a", "content": "b"}] * 101,
        "too_long",
        ["body", "context"],
    ),
    (
        "context",
        [{"type": "image", "name": "a", "content": "b"}],
        "literal_error",
        ["body", "context", 0, "type"],
    ),
    ("stream", "yes", "bool_type", ["body", "stream"]),
    ("choices_count", 5, "less_than_equal", ["body", "choices_count"]),
]


@pytest.mark.parametrize(
    ("path", "value", "kind", "loc"), GATEWAY_CASES, ids=[f"{c[0]}-{c[2]}" for c in GATEWAY_CASES]
)
def test_gateway_rejects_with_422(
    mock_gateway: MockStack, client: httpx.Client, path: str, value: Any, kind: str, loc: list[Any]
) -> None:
    details = direct_access(client, mock_gateway)
    body = _set(gateway_body(), path, value)
    response = client.post(
        f"{details['base_url']}/v2/completions", headers=direct_headers(details), json=body
    )
    assert response.status_code == 422, response.text
    errors = response.json()["detail"]
    assert any(e["type"] == kind and e["loc"] == loc and e["msg"] for e in errors), errors


def test_gateway_limits_are_inclusive(mock_gateway: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway)
    body = gateway_body(context=[{"type": "snippet", "name": "s", "content": "x"}] * 100)
    body["current_file"].update(
        file_name="a" * 255, content_above_cursor="x" * 100_000, content_below_cursor="y" * 100_000
    )
    response = client.post(
        f"{details['base_url']}/v2/completions", headers=direct_headers(details), json=body
    )
    assert response.status_code == 200, response.text[:300]


def test_generations_require_a_prompt(mock_gateway: MockStack, client: httpx.Client) -> None:
    headers = instance_headers(mock_gateway, forge(mock_gateway))
    response = client.post(
        f"{mock_gateway.cloud_url}/ai/v2/code/generations", headers=headers, json=gateway_body()
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "prompt"]


def test_unknown_fields_are_ignored(mock_gateway: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway)
    body = gateway_body(
        intent="completion", generation_type="comment", user_instruction="x", telemetry=[]
    )
    assert (
        client.post(
            f"{details['base_url']}/v2/completions", headers=direct_headers(details), json=body
        ).status_code
        == 200
    )


@pytest.mark.parametrize("raw", [b"{", b"not json", b"", b"\xff\xfe", b"[]", b"null"])
def test_gateway_malformed_json_is_a_422(
    mock_gateway: MockStack, client: httpx.Client, raw: bytes
) -> None:
    details = direct_access(client, mock_gateway)
    headers = {**direct_headers(details), "Content-Type": "application/json"}
    response = client.post(f"{details['base_url']}/v2/completions", headers=headers, content=raw)
    assert response.status_code == 422 and response.json()["detail"]


INSTANCE_CASES = [
    ("current_file", _DELETE, "current_file is missing"),
    ("current_file.file_name", _DELETE, "current_file[file_name] is missing"),
    (
        "current_file.file_name",
        "a" * 256,
        "current_file[file_name] is too long (maximum is 255 characters)",
    ),
    ("current_file.content_above_cursor", _DELETE, "current_file[content_above_cursor] is missing"),
    (
        "current_file.content_above_cursor",
        "x" * 400_001,
        "current_file[content_above_cursor] is too long (maximum is 400000 characters)",
    ),
    ("intent", "refactor", "intent does not have a valid value"),
    ("stream", "true", "stream is invalid"),
    (
        "context",
        [{"type": "file", "name": "a", "content": "b"}] * 101,
        "context must have at most 100 items",
    ),
    ("generation_type", "poem", "generation_type does not have a valid value"),
]


@pytest.mark.parametrize(
    ("path", "value", "message"), INSTANCE_CASES, ids=[c[2][:40] for c in INSTANCE_CASES]
)
def test_instance_rejects_with_400(
    mock_gateway: MockStack, client: httpx.Client, path: str, value: Any, message: str
) -> None:
    body = _set(instance_body(), path, value)
    response = client.post(
        f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}",
        headers=pat_headers(mock_gateway.tokens["duo"]),
        json=body,
    )
    assert (response.status_code, response.json()) == (400, {"error": message})
    assert response.headers["X-GitLab-Error-Origin"] == "monolith"


def test_instance_413_when_the_forwarded_body_is_too_large(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    body = instance_body(
        current_file={
            "file_name": "a.py",
            "content_above_cursor": "x" * 400_000,
            "content_below_cursor": "y" * 250_000,
        }
    )
    response = client.post(
        f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}",
        headers=pat_headers(mock_gateway.tokens["duo"]),
        json=body,
    )
    assert response.status_code == 413 and response.json()["message"]
    assert not [e for e in mock_gateway.control.requests("gateway") if e["source"] == "instance"]


def test_instance_malformed_json_is_a_400(mock_gateway: MockStack, client: httpx.Client) -> None:
    headers = {**pat_headers(mock_gateway.tokens["duo"]), "Content-Type": "application/json"}
    response = client.post(
        f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}",
        headers=headers,
        content=b'{"current_file": ',
    )
    assert response.status_code == 400 and response.json()["error"]


def test_huge_bodies_are_refused_without_buffering(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    response = client.post(
        f"{details['base_url']}/v2/completions",
        headers=direct_headers(details),
        content=b"x" * (11 * 1024 * 1024),
    )
    assert response.status_code == 413


_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=4)
    ),
    max_leaves=12,
)
_bodies = st.one_of(
    _json,
    st.fixed_dictionaries(
        {
            "prompt_version": _json,
            "current_file": st.dictionaries(
                st.sampled_from(
                    [
                        "file_name",
                        "content_above_cursor",
                        "content_below_cursor",
                        "language_identifier",
                    ]
                ),
                _json,
            ),
        }
    ),
    st.fixed_dictionaries(
        {
            "current_file": st.dictionaries(
                st.sampled_from(["file_name", "content_above_cursor", "content_below_cursor"]),
                _json,
            ),
            "intent": _json,
            "context": _json,
            "stream": _json,
        }
    ),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_bodies)
def test_arbitrary_json_never_gets_a_500(
    mock_gateway: MockStack, client: httpx.Client, body: Any
) -> None:
    mock_gateway.control.rate_limits(completions=None, gateway=None)
    details_headers = instance_headers(mock_gateway, forge(mock_gateway))
    for url, headers in (
        (f"{mock_gateway.cloud_url}/ai/v2/code/generations", details_headers),
        (f"{mock_gateway.cloud_url}/ai/v2/completions", details_headers),
        (
            f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}",
            pat_headers(mock_gateway.tokens["duo"]),
        ),
    ):
        response = client.post(url, headers=headers, json=body)
        assert response.status_code in (200, 400, 413, 422), (url, body, response.text)
