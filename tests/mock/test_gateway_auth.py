"""Every rule of the spec's "AI gateway authentication", with its exact status and body."""

from __future__ import annotations

import time

import httpx
import jwt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gitlab_lsp.mock import MockStack

from .helpers import direct_access, direct_headers, forge, gateway_body, instance_headers

FORBIDDEN = {"error": "Forbidden by auth provider"}
UNAUTHORIZED_SCOPE = {"detail": "Unauthorized to access code completions"}


def completions(
    client: httpx.Client, stack: MockStack, headers: dict[str, str], path: str = "/v2/completions"
) -> httpx.Response:
    return client.post(
        f"{stack.cloud_url}/ai{path}", headers=headers, json=gateway_body(prompt="p")
    )


def test_no_authorization_header(mock_gateway: MockStack, client: httpx.Client) -> None:
    response = completions(client, mock_gateway, {"X-Gitlab-Authentication-Type": "oidc"})
    assert (response.status_code, response.json()) == (
        401,
        {"error": "No authorization header presented"},
    )


@pytest.mark.parametrize("value", ["Basic abc", "Token abc", "Bearer", "Bearer a b", "abc"])
def test_bad_scheme(mock_gateway: MockStack, client: httpx.Client, value: str) -> None:
    headers = instance_headers(mock_gateway, "x", Authorization=value)
    response = completions(client, mock_gateway, headers)
    assert (response.status_code, response.json()) == (
        401,
        {"error": "Invalid authorization header"},
    )


def test_scheme_is_case_insensitive(mock_gateway: MockStack, client: httpx.Client) -> None:
    headers = instance_headers(mock_gateway, "x", Authorization=f"bEaReR {forge(mock_gateway)}")
    assert completions(client, mock_gateway, headers).status_code == 200


@pytest.mark.parametrize("auth_type", [None, "OIDC", "bearer", "oidc2", ""])
def test_authentication_type_must_be_exactly_oidc(
    mock_gateway: MockStack, client: httpx.Client, auth_type: str | None
) -> None:
    headers = instance_headers(
        mock_gateway, forge(mock_gateway), **{"X-Gitlab-Authentication-Type": auth_type}
    )
    response = completions(client, mock_gateway, headers)
    assert (response.status_code, response.json()) == (
        401,
        {"error": "Invalid authentication token type - only OIDC is supported"},
    )


def test_bad_signature(mock_gateway: MockStack, client: httpx.Client) -> None:
    # signed by CustomersDot's key but claiming the instance's key id and issuer
    token = forge(
        mock_gateway,
        signer="customersdot",
        kid=mock_gateway.keyrings["instance"].signing.kid,
        iss=mock_gateway.instance_url,
    )
    response = completions(client, mock_gateway, instance_headers(mock_gateway, token))
    assert (response.status_code, response.json()) == (401, FORBIDDEN)


def test_tampered_payload(mock_gateway: MockStack, client: httpx.Client) -> None:
    header, _, signature = forge(mock_gateway).split(".")
    other_payload = forge(mock_gateway, scopes=["complete_code", "generate_code", "admin"]).split(
        "."
    )[1]
    response = completions(
        client,
        mock_gateway,
        instance_headers(mock_gateway, f"{header}.{other_payload}.{signature}"),
    )
    assert (response.status_code, response.json()) == (401, FORBIDDEN)


#: Collection time: the time-dependent claims below are shifted to the time the test runs.
NOW = int(time.time())


@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "someone-else"},
        {"aud": None},
        {"exp": NOW - 1},
        {"exp": None},
        {"nbf": NOW + 60},
        {"iss": "https://evil.example.com"},
        {"sub": None},
    ],
    ids=[
        "wrong-audience",
        "no-audience",
        "expired",
        "no-exp",
        "not-yet-valid",
        "wrong-issuer",
        "no-sub",
    ],
)
def test_invalid_claims_are_forbidden(
    mock_gateway: MockStack, client: httpx.Client, claims: dict[str, object]
) -> None:
    # Times are relative to when the test runs, not to when it was collected (minutes earlier
    # in a full run: a "not yet valid" token would be valid by then).
    now = int(time.time())
    claims = {
        k: now + v - NOW if isinstance(v, int) and v >= NOW - 3600 else v for k, v in claims.items()
    }
    response = completions(
        client, mock_gateway, instance_headers(mock_gateway, forge(mock_gateway, **claims))
    )
    assert (response.status_code, response.json()) == (401, FORBIDDEN)


def test_only_rs256(mock_gateway: MockStack, client: httpx.Client) -> None:
    token = jwt.encode(
        {
            "iss": mock_gateway.instance_url,
            "aud": "gitlab-ai-gateway",
            "sub": mock_gateway.instance_id,
            "exp": int(time.time()) + 60,
            "scopes": ["complete_code"],
        },
        "secret-secret-secret-secret-secret",
        algorithm="HS256",
    )
    response = completions(client, mock_gateway, instance_headers(mock_gateway, token))
    assert (response.status_code, response.json()) == (401, FORBIDDEN)


def test_garbage_token(mock_gateway: MockStack, client: httpx.Client) -> None:
    response = completions(client, mock_gateway, instance_headers(mock_gateway, "not.a.jwt"))
    assert (response.status_code, response.json()) == (401, FORBIDDEN)


def test_self_managed_instance_keys_are_not_trusted(
    mock_gateway_sm: MockStack, client: httpx.Client
) -> None:
    token = forge(mock_gateway_sm, signer="instance")
    response = completions(client, mock_gateway_sm, instance_headers(mock_gateway_sm, token))
    assert (response.status_code, response.json()) == (401, FORBIDDEN)


def test_customersdot_instance_jwt_is_accepted(
    mock_gateway_sm: MockStack, client: httpx.Client
) -> None:
    token = forge(mock_gateway_sm, signer="customersdot")
    response = completions(
        client, mock_gateway_sm, instance_headers(mock_gateway_sm, token), "/v2/code/generations"
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    ("header", "claims"),
    [
        ("X-Gitlab-Realm", {}),
        ("X-Gitlab-Instance-Id", {"gitlab_instance_id": "the-instance"}),
        ("X-Gitlab-Instance-Id", {}),  # instance JWTs: sub is the instance id
    ],
)
def test_instance_jwt_header_mismatch(
    mock_gateway: MockStack, client: httpx.Client, header: str, claims: dict[str, str]
) -> None:
    if "gitlab_instance_id" in claims:
        token = forge(mock_gateway, sub="the-instance", **claims)
        headers = instance_headers(
            mock_gateway, token, **{"X-Gitlab-Instance-Id": "another-instance"}
        )
    else:
        headers = instance_headers(mock_gateway, forge(mock_gateway), **{header: "wrong"})
    response = completions(client, mock_gateway, headers)
    assert (response.status_code, response.json()) == (
        401,
        {"error": f"Header mismatch '{header}'"},
    )


@pytest.mark.parametrize(
    "header", ["X-Gitlab-Realm", "X-Gitlab-Instance-Id", "X-Gitlab-Global-User-Id"]
)
def test_user_jwt_header_mismatch(
    mock_gateway_sm: MockStack, client: httpx.Client, header: str
) -> None:
    details = direct_access(client, mock_gateway_sm)
    headers = {**direct_headers(details), header: "wrong"}
    response = completions(client, mock_gateway_sm, headers)
    assert (response.status_code, response.json()) == (
        401,
        {"error": f"Header mismatch '{header}'"},
    )


def test_missing_header_is_a_mismatch(mock_gateway_sm: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway_sm)
    headers = direct_headers(details)
    del headers["X-Gitlab-Global-User-Id"]
    response = completions(client, mock_gateway_sm, headers)
    assert (response.status_code, response.json()) == (
        401,
        {"error": "Header mismatch 'X-Gitlab-Global-User-Id'"},
    )


def test_missing_scope(mock_gateway: MockStack, client: httpx.Client) -> None:
    token = forge(mock_gateway, scopes=["generate_code"])
    response = completions(client, mock_gateway, instance_headers(mock_gateway, token))
    assert (response.status_code, response.json()) == (403, UNAUTHORIZED_SCOPE)


def test_user_jwt_on_generations(mock_gateway_sm: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway_sm)
    assert (
        jwt.decode(details["token"], options={"verify_signature": False})["iss"]
        == "gitlab-ai-gateway"
    )
    response = completions(client, mock_gateway_sm, direct_headers(details), "/v2/code/generations")
    assert (response.status_code, response.json()) == (403, UNAUTHORIZED_SCOPE)


def test_saas_direct_token_cannot_generate(mock_gateway: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway)
    response = completions(client, mock_gateway, direct_headers(details), "/v2/code/generations")
    assert (response.status_code, response.json()) == (403, UNAUTHORIZED_SCOPE)


def test_user_jwt_claims(mock_gateway_sm: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway_sm)
    claims = jwt.decode(details["token"], options={"verify_signature": False})
    assert claims["iss"] == claims["aud"] == "gitlab-ai-gateway"
    assert claims["sub"] == details["headers"]["X-Gitlab-Global-User-Id"]
    assert claims["exp"] - claims["iat"] == 3600 and claims["nbf"] == claims["iat"]
    assert claims["exp"] == details["expires_at"]
    assert claims["gitlab_realm"] == "self-managed"
    assert claims["gitlab_instance_id"] == mock_gateway_sm.instance_id
    assert claims["scopes"] == ["complete_code"] and claims["jti"]
    assert (
        jwt.get_unverified_header(details["token"])["kid"]
        == mock_gateway_sm.keyrings["gateway"].signing.kid
    )


def test_saas_direct_token_claims(mock_gateway: MockStack, client: httpx.Client) -> None:
    details = direct_access(client, mock_gateway)
    claims = jwt.decode(details["token"], options={"verify_signature": False})
    assert claims["iss"] == mock_gateway.instance_url
    assert claims["sub"] == mock_gateway.instance_id
    assert claims["nbf"] == claims["iat"] - 5 and claims["exp"] - claims["iat"] == 3600
    assert claims["gitlab_realm"] == "saas"


class TestTokenAuthority:
    url = "/auth/v1/code/user_access_token"

    def post(
        self, client: httpx.Client, stack: MockStack, headers: dict[str, str]
    ) -> httpx.Response:
        return client.post(f"{stack.cloud_url}{self.url}", headers=headers)

    def test_issues_a_user_jwt_for_an_instance_jwt(
        self, mock_gateway_sm: MockStack, client: httpx.Client
    ) -> None:
        token = forge(mock_gateway_sm, signer="customersdot")
        response = self.post(client, mock_gateway_sm, instance_headers(mock_gateway_sm, token))
        assert response.status_code == 200
        assert set(response.json()) == {"token", "expires_at"}

    def test_refuses_user_jwts(self, mock_gateway_sm: MockStack, client: httpx.Client) -> None:
        details = direct_access(client, mock_gateway_sm)
        response = self.post(client, mock_gateway_sm, direct_headers(details))
        assert (response.status_code, response.json()) == (403, UNAUTHORIZED_SCOPE)

    def test_needs_complete_code(self, mock_gateway_sm: MockStack, client: httpx.Client) -> None:
        token = forge(mock_gateway_sm, signer="customersdot", scopes=["generate_code"])
        response = self.post(client, mock_gateway_sm, instance_headers(mock_gateway_sm, token))
        assert (response.status_code, response.json()) == (403, UNAUTHORIZED_SCOPE)

    def test_missing_user_header(self, mock_gateway_sm: MockStack, client: httpx.Client) -> None:
        token = forge(mock_gateway_sm, signer="customersdot")
        headers = instance_headers(mock_gateway_sm, token, **{"X-Gitlab-Global-User-Id": None})
        response = self.post(client, mock_gateway_sm, headers)
        assert (response.status_code, response.json()) == (
            400,
            {"detail": "Missing X-Gitlab-Global-User-Id header"},
        )

    def test_missing_realm_header_without_realm_claim(
        self, mock_gateway_sm: MockStack, client: httpx.Client
    ) -> None:
        token = forge(mock_gateway_sm, signer="customersdot", gitlab_realm=None)
        headers = instance_headers(mock_gateway_sm, token, **{"X-Gitlab-Realm": None})
        response = self.post(client, mock_gateway_sm, headers)
        assert (response.status_code, response.json()) == (
            400,
            {"detail": "Missing X-Gitlab-Realm header"},
        )

    def test_only_the_token_path_is_routed_under_auth(
        self, mock_gateway_sm: MockStack, client: httpx.Client
    ) -> None:
        details = direct_access(client, mock_gateway_sm)
        response = client.post(
            f"{mock_gateway_sm.cloud_url}/auth/v2/completions",
            headers=direct_headers(details),
            json=gateway_body(),
        )
        assert response.status_code == 404


def test_cloud_connector_serves_only_its_prefixes(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    bare = client.post(
        f"{mock_gateway.cloud_url}/v2/completions",
        headers=direct_headers(details),
        json=gateway_body(),
    )
    assert bare.status_code == 404


def test_health_needs_no_auth(mock_gateway: MockStack, client: httpx.Client) -> None:
    response = client.get(f"{mock_gateway.cloud_url}/ai/monitoring/healthz")
    assert response.status_code == 200


def test_jwks_is_discovered_over_http_and_cached(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    for _ in range(3):
        assert completions(client, mock_gateway, direct_headers(details)).status_code == 200
    fetched = [
        (e["source"], e["path"])
        for e in mock_gateway.control.requests("instance")
        if e["method"] == "GET"
    ]
    assert fetched == [
        ("gateway", "/.well-known/openid-configuration"),
        ("gateway", "/oauth/discovery/keys"),
    ]
    # the instance had the key, so CustomersDot was never asked
    assert mock_gateway.control.requests("customersdot") == []


def test_saas_gateway_also_trusts_customersdot(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    token = forge(mock_gateway, signer="customersdot")
    response = completions(client, mock_gateway, instance_headers(mock_gateway, token))
    assert response.status_code == 200, response.text


_claim_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.text(max_size=12),
    st.lists(st.text(max_size=8), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    claims=st.dictionaries(
        st.sampled_from(
            [
                "iss",
                "aud",
                "sub",
                "exp",
                "nbf",
                "iat",
                "scopes",
                "gitlab_realm",
                "gitlab_instance_id",
            ]
        ),
        _claim_values,
        max_size=4,
    ),
    authorization=st.one_of(
        st.none(), st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), max_size=30)
    ),
)
def test_any_token_gets_a_4xx_or_200_never_a_500(
    mock_gateway: MockStack,
    client: httpx.Client,
    claims: dict[str, object],
    authorization: str | None,
) -> None:
    mock_gateway.control.rate_limits(gateway=None)
    token = forge(mock_gateway, **claims)
    for value in (f"Bearer {token}", authorization):
        headers = instance_headers(mock_gateway, token, Authorization=value)
        for path in ("/v2/completions", "/v2/code/generations"):
            response = completions(client, mock_gateway, headers, path)
            assert response.status_code in (200, 401, 403), response.text
