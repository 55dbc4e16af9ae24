"""The mock's GraphQL API, `/oauth/token/info` and version control, as GitLab's clients use them."""

from __future__ import annotations

import json
from typing import Any

import httpx

from gitlab_lsp.mock import MockStack


def gql(stack: MockStack, token: str | None, query: str, variables: Any = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = {"query": query, "variables": variables}
    return httpx.post(f"{stack.instance_url}/api/graphql", json=body, headers=headers)


def test_the_queries_gitlabs_clients_make(mock_gateway: MockStack) -> None:
    tokens = mock_gateway.tokens
    seat = "query suggestionsAvailable { currentUser { duoCodeSuggestionsAvailable duoChatAvailable } }"
    assert gql(mock_gateway, tokens["duo"], seat).json() == {
        "data": {"currentUser": {"duoCodeSuggestionsAvailable": True, "duoChatAvailable": True}}
    }
    no_seat = gql(mock_gateway, tokens["no_seat"], seat).json()
    assert no_seat["data"]["currentUser"]["duoCodeSuggestionsAvailable"] is False
    # gitlab.vim sends its variables as a JSON string.
    project = (
        "query GetProject($project: ID!) { project(fullPath: $project) { duoFeaturesEnabled } }"
    )
    answer = gql(mock_gateway, tokens["oauth"], project, json.dumps({"project": "group/app"}))
    assert answer.json() == {"data": {"project": {"duoFeaturesEnabled": True}}}
    flag = "query featureFlagsEnabled($name: String!) { featureFlagEnabled(name: $name) }"
    for name in ("advanced_context_resolver", "code_suggestions_context", "duo_additional_context"):
        assert gql(mock_gateway, tokens["duo"], flag, {"name": name}).json()["data"] == {
            "featureFlagEnabled": True
        }
    mock_gateway.control.feature_flags(duo_additional_context=False)
    off = gql(mock_gateway, tokens["duo"], flag, {"name": "duo_additional_context"}).json()
    assert off["data"]["featureFlagEnabled"] is False
    user = gql(mock_gateway, tokens["duo"], "query getUser { currentUser { id username } }")
    assert user.json()["data"]["currentUser"]["id"].startswith("gid://gitlab/User/")
    anonymous = gql(mock_gateway, None, "{ currentUser { id } }")
    assert anonymous.json() == {"data": {"currentUser": None}}


def test_unknown_queries_get_graphqls_own_errors(mock_gateway: MockStack) -> None:
    token = mock_gateway.tokens["duo"]
    for query in ("{ nope }", "{ currentUser { bogus } }", "query {", "mutation { x }"):
        response = gql(mock_gateway, token, query)
        assert response.status_code == 200
        body = response.json()
        assert set(body) == {"errors"} and body["errors"][0]["message"], query
    assert gql(mock_gateway, "not-a-token", "{ currentUser { id } }").status_code == 401


def test_oauth_token_info_and_expiry(mock_gateway: MockStack) -> None:
    url = f"{mock_gateway.instance_url}/oauth/token/info"

    def info(token: str) -> httpx.Response:
        return httpx.get(url, headers={"Authorization": f"Bearer {token}"})

    body = info(mock_gateway.tokens["oauth"]).json()
    assert body["scope"] == ["api"] and 7100 < body["expires_in_seconds"] <= 7200
    assert info(mock_gateway.tokens["duo"]).status_code == 401  # a PAT is no OAuth token
    mock_gateway.control.oauth_token_expires_in(0)
    expired = info(mock_gateway.tokens["oauth"])
    assert expired.status_code == 401 and "expired" in expired.json()["error_description"]
    direct = httpx.post(
        f"{mock_gateway.instance_url}/api/v4/code_suggestions/direct_access",
        headers={"Authorization": f"Bearer {mock_gateway.tokens['oauth']}"},
    )
    assert direct.status_code == 401


def test_the_instance_version_is_settable(mock_gateway: MockStack) -> None:
    headers = {"Authorization": f"Bearer {mock_gateway.tokens['duo']}"}
    mock_gateway.control.gitlab_version("17.1.0-ee")
    version = httpx.get(f"{mock_gateway.instance_url}/api/v4/version", headers=headers)
    assert version.json()["version"] == "17.1.0-ee"
    direct = httpx.post(
        f"{mock_gateway.instance_url}/api/v4/code_suggestions/direct_access", headers=headers
    )
    assert direct.status_code == 404
    mock_gateway.control.reset()
    version = httpx.get(f"{mock_gateway.instance_url}/api/v4/version", headers=headers)
    assert version.json()["version"] == "17.6.0-ee"
