"""Each fault type, latency per hop, token lifetime, clock skew and key rotation."""

from __future__ import annotations

import time

import httpx
import jwt
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
from .test_streaming import parse_sse


def complete(client: httpx.Client, details: dict[str, object], **body: object) -> httpx.Response:
    return client.post(
        f"{details['base_url']}/v2/completions",
        headers=direct_headers(details),
        json=gateway_body(**body),
    )  # type: ignore[arg-type]


def test_status_fault_applies_the_given_number_of_times(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("gateway", "/v2/completions", status=503, times=2)
    first, second, third = (complete(client, details) for _ in range(3))
    assert (first.status_code, first.json()) == (503, {"detail": "Inference failed"})
    assert second.status_code == 503 and third.status_code == 200
    assert mock_gateway.control.faults() == []


def test_status_fault_with_a_custom_body_until_reset(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("gateway", "/v2/*", status=500, body={"oops": True})
    assert [complete(client, details).json() for _ in range(2)] == [{"oops": True}] * 2
    mock_gateway.control.reset()
    assert complete(client, details).status_code == 200


def test_text_body_and_429_retry_after(mock_gateway: MockStack, client: httpx.Client) -> None:
    mock_gateway.control.fault("instance", DIRECT_ACCESS, status=429, body="slow down", times=1)
    response = client.post(
        f"{mock_gateway.instance_url}{DIRECT_ACCESS}",
        headers=pat_headers(mock_gateway.tokens["duo"]),
    )
    assert response.status_code == 429 and response.text == "slow down"
    assert response.headers["Retry-After"] == "1"
    assert response.headers["X-GitLab-Error-Origin"] == "monolith"


def test_fault_matches_method(mock_gateway: MockStack, client: httpx.Client) -> None:
    mock_gateway.control.fault("instance", "/api/v4/user", method="POST", status=500)
    response = client.get(
        f"{mock_gateway.instance_url}/api/v4/user", headers=pat_headers(mock_gateway.tokens["duo"])
    )
    assert response.status_code == 200


def test_delay(mock_gateway: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("gateway", "/v2/completions", delay=0.3, times=1)
    started = time.perf_counter()
    assert complete(client, details).status_code == 200
    assert time.perf_counter() - started >= 0.3


def test_timeout_holds_the_request_until_the_client_gives_up(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("gateway", "/v2/completions", timeout=True, times=1)
    with pytest.raises(httpx.ReadTimeout):
        client.post(
            f"{details['base_url']}/v2/completions",
            headers=direct_headers(details),
            json=gateway_body(),
            timeout=0.3,
        )
    assert complete(client, details).status_code == 200


def test_drop_mid_body(mock_gateway: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("gateway", "/v2/completions", drop_mid_stream=True, times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        complete(client, details)
    assert complete(client, details).status_code == 200


def test_drop_mid_stream_delivers_some_chunks_first(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.fault("instance", INSTANCE_COMPLETIONS, drop_mid_stream=True, times=1)
    body = instance_body(intent="generation", stream=True, user_instruction="sum the items")
    received = b""
    with (
        pytest.raises(httpx.RemoteProtocolError),
        client.stream(
            "POST",
            f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}",
            headers=pat_headers(mock_gateway.tokens["duo"]),
            json=body,
        ) as response,
    ):
        assert response.status_code == 200
        for chunk in response.iter_raw():
            received += chunk
    assert received


def test_model_dropping_truncates_the_gateway_stream(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("model", "/v1/generate", drop_mid_stream=True, times=1)
    headers = {**direct_headers(details), "X-Supports-Sse-Streaming": "true"}
    with pytest.raises(httpx.RemoteProtocolError):
        client.post(
            f"{details['base_url']}/v2/completions", headers=headers, json=gateway_body(stream=True)
        )


def test_malformed_json_body(mock_gateway: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("gateway", "/v2/completions", malformed=True, times=1)
    response = complete(client, details)
    assert response.status_code == 200
    with pytest.raises(ValueError):
        response.json()


def test_malformed_sse_events(mock_gateway: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("gateway", "/v2/completions", malformed=True, times=1)
    headers = {**direct_headers(details), "X-Supports-Sse-Streaming": "true"}
    response = client.post(
        f"{details['base_url']}/v2/completions", headers=headers, json=gateway_body(stream=True)
    )
    assert response.status_code == 200
    with pytest.raises(ValueError):
        parse_sse(response.text)


def test_malformed_raw_stream_is_not_utf8(mock_gateway: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("gateway", "/v2/completions", malformed=True, times=1)
    response = complete(client, details, stream=True)
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")


@pytest.mark.parametrize("status", [500, 404])
def test_model_failure_is_inference_failed(
    mock_gateway: MockStack, client: httpx.Client, status: int
) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("model", "/v1/generate", status=status, times=1)
    response = complete(client, details)
    assert (response.status_code, response.json()) == (503, {"detail": "Inference failed"})


def test_malformed_model_answer_is_inference_failed(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.fault("model", "/v1/generate", malformed=True, times=1)
    assert complete(client, details).status_code == 503


@pytest.mark.parametrize(("skew", "reason"), [(120, "not yet valid"), (-7200, "expired")])
def test_clock_skew_on_issued_tokens(
    mock_gateway: MockStack, client: httpx.Client, skew: int, reason: str
) -> None:
    mock_gateway.control.fault("instance", DIRECT_ACCESS, clock_skew=skew, times=1)
    details = direct_access(client, mock_gateway)
    claims = jwt.decode(details["token"], options={"verify_signature": False})
    assert abs(claims["iat"] - (time.time() + skew)) < 5, reason
    response = complete(client, details)
    assert (response.status_code, response.json()) == (401, {"error": "Forbidden by auth provider"})


def test_clock_skew_at_the_token_authority(
    mock_gateway_sm: MockStack, client: httpx.Client
) -> None:
    mock_gateway_sm.control.fault("gateway", "/v1/code/user_access_token", clock_skew=300, times=1)
    details = direct_access(client, mock_gateway_sm)
    assert details["expires_at"] - time.time() > 3600 + 200
    assert complete(client, details).status_code == 401


def test_token_lifetime_override(stack: MockStack, client: httpx.Client) -> None:
    # Token times are whole seconds: a 2 s lifetime leaves at least 1 s for the first call.
    stack.control.token_lifetime(2)
    details = direct_access(client, stack)
    assert details["expires_at"] - time.time() <= 2
    assert complete(client, details).status_code == 200
    time.sleep(max(0.0, details["expires_at"] - time.time()) + 0.1)
    response = complete(client, details)
    assert (response.status_code, response.json()) == (401, {"error": "Forbidden by auth provider"})
    stack.control.token_lifetime(None)
    assert direct_access(client, stack)["expires_at"] - time.time() > 3500


@pytest.mark.parametrize(("realm", "party"), [("saas", "instance"), ("self-managed", "gateway")])
def test_key_rotation_keeps_issued_tokens_valid(
    request: pytest.FixtureRequest, client: httpx.Client, realm: str, party: str
) -> None:
    stack: MockStack = request.getfixturevalue(
        "mock_gateway" if realm == "saas" else "mock_gateway_sm"
    )
    old = direct_access(client, stack)
    assert complete(client, old).status_code == 200
    kid = stack.control.rotate_keys(party)
    new = direct_access(client, stack)
    assert (
        jwt.get_unverified_header(new["token"])["kid"]
        == kid
        != jwt.get_unverified_header(old["token"])["kid"]
    )
    assert complete(client, old).status_code == 200
    assert complete(client, new).status_code == 200


@pytest.mark.parametrize(
    ("hop", "route"),
    [
        ("client_gateway", "direct"),
        ("client_instance", "instance"),
        ("instance_gateway", "instance"),
        ("model", "direct"),
    ],
)
def test_latency_per_hop(
    mock_gateway: MockStack, client: httpx.Client, hop: str, route: str
) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.latency(**{hop: 0.25})
    started = time.perf_counter()
    if route == "direct":
        assert complete(client, details).status_code == 200
    else:
        url = f"{mock_gateway.instance_url}{INSTANCE_COMPLETIONS}"
        assert (
            client.post(
                url, headers=pat_headers(mock_gateway.tokens["duo"]), json=instance_body()
            ).status_code
            == 200
        )
    assert time.perf_counter() - started >= 0.25


def test_direct_route_skips_the_instance_hops(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    mock_gateway.control.latency(client_instance=0.5, instance_gateway=0.5)
    started = time.perf_counter()
    assert complete(client, details).status_code == 200
    assert time.perf_counter() - started < 0.5


def test_a_bug_in_the_mock_is_a_503_never_a_500(
    mock_gateway: MockStack, client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gitlab_lsp.mock.gateway as gateway_module

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("a bug")

    details = direct_access(client, mock_gateway)
    monkeypatch.setattr(gateway_module, "language_of", broken)
    response = complete(client, details)
    assert (response.status_code, response.json()) == (
        503,
        {"detail": "The mock failed; see its log"},
    )
    monkeypatch.undo()
    assert complete(client, details).status_code == 200
