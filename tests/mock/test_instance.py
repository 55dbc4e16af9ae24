"""The instance (Rails): PATs by role, token checks, direct access, the indirect route."""

from __future__ import annotations

import httpx
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

MONOLITH = "monolith"


def post(
    client: httpx.Client,
    stack: MockStack,
    path: str,
    role: str | None = "duo",
    *,
    json: object = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    auth = pat_headers(stack.tokens[role]) if role else {}
    return client.post(
        f"{stack.instance_url}{path}", headers={**auth, **(headers or {})}, json=json
    )


def test_token_self_reports_scopes_and_activity(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    url = f"{mock_gateway.instance_url}/api/v4/personal_access_tokens/self"
    duo = client.get(url, headers=pat_headers(mock_gateway.tokens["duo"])).json()
    assert duo["active"] is True and duo["revoked"] is False and "api" in duo["scopes"]
    no_scope = client.get(url, headers={"PRIVATE-TOKEN": mock_gateway.tokens["no_scope"]}).json()
    assert no_scope["scopes"] == ["read_user"]
    expired = client.get(url, headers=pat_headers(mock_gateway.tokens["expired"]))
    assert expired.status_code == 401
    assert expired.json() == {"error": "invalid_token", "error_description": "Token has expired."}


def test_version_and_user(mock_gateway: MockStack, client: httpx.Client) -> None:
    headers = pat_headers(mock_gateway.tokens["duo"])
    version = client.get(f"{mock_gateway.instance_url}/api/v4/version", headers=headers)
    assert version.status_code == 200 and version.json()["version"].startswith("17.")
    user = client.get(f"{mock_gateway.instance_url}/api/v4/user", headers=headers)
    assert user.json()["username"] == "duo-developer"
    anonymous = client.get(f"{mock_gateway.instance_url}/api/v4/user")
    assert anonymous.status_code == 401 and anonymous.headers["X-GitLab-Error-Origin"] == MONOLITH


@pytest.mark.parametrize("path", [DIRECT_ACCESS, INSTANCE_COMPLETIONS])
def test_code_suggestions_need_a_valid_pat_with_a_seat_and_scope(
    mock_gateway: MockStack, client: httpx.Client, path: str
) -> None:
    body = instance_body()
    assert post(client, mock_gateway, path, None, json=body).status_code == 401
    bogus = client.post(
        f"{mock_gateway.instance_url}{path}", headers=pat_headers("glpat-bogus"), json=body
    )
    assert (bogus.status_code, bogus.json()) == (401, {"message": "401 Unauthorized"})
    assert post(client, mock_gateway, path, "expired", json=body).status_code == 401
    assert post(client, mock_gateway, path, "no_seat", json=body).status_code == 401
    no_scope = post(client, mock_gateway, path, "no_scope", json=body)
    assert no_scope.status_code == 403 and no_scope.json()["error"] == "insufficient_scope"
    assert no_scope.headers["X-GitLab-Error-Origin"] == MONOLITH


def test_direct_connections_switch(mock_gateway: MockStack, client: httpx.Client) -> None:
    mock_gateway.control.direct_connections(False)
    response = post(client, mock_gateway, DIRECT_ACCESS)
    assert response.status_code == 403
    assert "Direct connections are disabled" in response.json()["message"]
    assert post(client, mock_gateway, INSTANCE_COMPLETIONS, json=instance_body()).status_code == 200
    mock_gateway.control.direct_connections(True)
    assert post(client, mock_gateway, DIRECT_ACCESS).status_code == 201


def test_direct_access_rate_limit_is_ten_per_five_minutes(
    stack: MockStack, client: httpx.Client
) -> None:
    for _ in range(10):
        assert post(client, stack, DIRECT_ACCESS).status_code == 201
    limited = post(client, stack, DIRECT_ACCESS)
    assert limited.status_code == 429
    assert 290 <= int(limited.headers["Retry-After"]) <= 300
    assert limited.headers["X-GitLab-Error-Origin"] == MONOLITH
    # per user: the limit of one user does not touch another's (no_seat has no seat, so 401)
    assert post(client, stack, DIRECT_ACCESS, "no_seat").status_code == 401


def test_completions_rate_limit_is_sixty_per_minute(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.rate_limits(gateway=None)
    body = instance_body(current_file={"file_name": "a.txt", "content_above_cursor": ""})
    codes = [
        post(client, mock_gateway, INSTANCE_COMPLETIONS, json=body).status_code for _ in range(61)
    ]
    assert codes[:60] == [200] * 60 and codes[60] == 429


def test_rate_limits_are_configurable_and_reset(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.rate_limits(direct_access=(2, 60))
    codes = [post(client, mock_gateway, DIRECT_ACCESS).status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    mock_gateway.control.reset()
    assert post(client, mock_gateway, DIRECT_ACCESS).status_code == 201
    mock_gateway.control.rate_limits(direct_access=None)
    assert all(post(client, mock_gateway, DIRECT_ACCESS).status_code == 201 for _ in range(12))


def test_self_managed_token_failure_is_a_503(
    mock_gateway_sm: MockStack, client: httpx.Client
) -> None:
    mock_gateway_sm.control.fault("gateway", "/v1/code/user_access_token", status=500, times=1)
    response = post(client, mock_gateway_sm, DIRECT_ACCESS)
    assert response.status_code == 503 and response.headers["X-GitLab-Error-Origin"] == MONOLITH


def test_self_managed_instance_synced_its_jwt_at_start(client: httpx.Client) -> None:
    with MockStack(realm="self-managed") as stack:
        synced = [e for e in stack.control.requests("customersdot") if e["path"] == "/graphql"]
        assert len(synced) == 1 and synced[0]["source"] == "instance"
        assert "cloudConnectorAccess" in synced[0]["json"]["query"]


def test_gateway_errors_pass_through_without_the_monolith_header(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    mock_gateway.control.fault("gateway", "/v2/code/completions", status=503, times=1)
    response = post(client, mock_gateway, INSTANCE_COMPLETIONS, json=instance_body())
    assert (response.status_code, response.json()) == (503, {"detail": "Inference failed"})
    assert "X-GitLab-Error-Origin" not in response.headers


def test_forwarded_request_carries_the_instance_jwt_and_headers(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    post(
        client,
        mock_gateway,
        INSTANCE_COMPLETIONS,
        json=instance_body(),
        headers={"X-Gitlab-Language-Server-Version": "9.9"},
    )
    forwarded = next(
        e for e in mock_gateway.control.requests("gateway") if e["source"] == "instance"
    )
    headers = forwarded["headers"]
    assert headers["authorization"].startswith("Bearer ey")
    assert headers["x-gitlab-authentication-type"] == "oidc"
    assert headers["x-gitlab-realm"] == "saas"
    assert forwarded["json"]["prompt_version"] == 1
    assert forwarded["json"]["current_file"]["content_below_cursor"] == ""


@pytest.mark.parametrize("role", ["duo", "no_scope"])
def test_oidc_discovery_and_jwks(stack: MockStack, client: httpx.Client, role: str) -> None:
    for base in (stack.instance_url, stack.customersdot_url):
        discovery = client.get(f"{base}/.well-known/openid-configuration").json()
        assert discovery["issuer"] == base
        keys = client.get(discovery["jwks_uri"]).json()["keys"]
        assert keys and all(k["kty"] == "RSA" and k["kid"] and k["alg"] == "RS256" for k in keys)


def test_gateway_rate_limits_per_user(mock_gateway_sm: MockStack, client: httpx.Client) -> None:
    mock_gateway_sm.control.rate_limits(gateway=(2, 60))
    details = direct_access(client, mock_gateway_sm)
    url = f"{details['base_url']}/v2/completions"
    codes = [
        client.post(url, headers=direct_headers(details), json=gateway_body()).status_code
        for _ in range(2)
    ]
    limited = client.post(url, headers=direct_headers(details), json=gateway_body())
    assert codes == [200, 200]
    assert limited.status_code == 429 and 1 <= int(limited.headers["Retry-After"]) <= 60
    # the same user through the instance is limited by the gateway too (the 429 passes through)
    through = post(client, mock_gateway_sm, INSTANCE_COMPLETIONS, json=instance_body())
    assert through.status_code == 429 and "X-GitLab-Error-Origin" not in through.headers


def test_self_managed_instance_refreshes_its_jwt_a_day_before_expiry(
    mock_gateway_sm: MockStack, client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time
    import types

    from gitlab_lsp.mock import instance_token

    def syncs() -> int:
        return len(
            [e for e in mock_gateway_sm.control.requests("customersdot") if e["path"] == "/graphql"]
        )

    assert (
        post(client, mock_gateway_sm, INSTANCE_COMPLETIONS, json=instance_body()).status_code == 200
    )
    assert syncs() == 0  # the IJWT synced at start is still good
    two_and_a_half_days = 2.5 * 86400
    monkeypatch.setattr(
        instance_token,
        "time",
        types.SimpleNamespace(time=lambda: time.time() + two_and_a_half_days),
    )
    assert (
        post(client, mock_gateway_sm, INSTANCE_COMPLETIONS, json=instance_body()).status_code == 200
    )
    assert syncs() == 1
