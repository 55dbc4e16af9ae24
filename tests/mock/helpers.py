"""Shared helpers for the mock's tests: talk to a running MockStack like a client would."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import httpx
import jwt

from gitlab_lsp.mock import MockStack

DIRECT_ACCESS = "/api/v4/code_suggestions/direct_access"
INSTANCE_COMPLETIONS = "/api/v4/code_suggestions/completions"


def pat_headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def gateway_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "prompt_version": 1,
        "project_path": "group/project",
        "project_id": -1,
        "current_file": {
            "file_name": "main.py",
            "language_identifier": "python",
            "content_above_cursor": "def add(",
            "content_below_cursor": "",
        },
    }
    body.update(overrides)
    return body


def instance_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "current_file": {
            "file_name": "main.py",
            "content_above_cursor": "def add(",
            "content_below_cursor": "",
        },
        "intent": "completion",
    }
    body.update(overrides)
    return body


def direct_access(client: httpx.Client, stack: MockStack, role: str = "duo") -> dict[str, Any]:
    response = client.post(
        f"{stack.instance_url}{DIRECT_ACCESS}", headers=pat_headers(stack.tokens[role])
    )
    assert response.status_code == 201, response.text
    details: dict[str, Any] = response.json()
    return details


def direct_headers(details: dict[str, Any]) -> dict[str, str]:
    """What a client sends to the gateway: the returned headers verbatim, plus its own."""
    return {
        **details["headers"],
        "Authorization": f"Bearer {details['token']}",
        "X-Gitlab-Authentication-Type": "oidc",
        "X-Gitlab-Language-Server-Version": "7.9.0",
        "User-Agent": "gitlab-language-server:7.9.0 (tests:1.0)",
    }


def forge(
    stack: MockStack, *, signer: str = "instance", kid: str | None = None, **claims: Any
) -> str:
    """A JWT shaped like the instance's self-issued token, signed by `signer`'s current key;
    keyword arguments override claims (None removes one)."""
    now = int(time.time())
    issuers = {
        "instance": stack.instance_url,
        "customersdot": stack.customersdot_url,
        "gateway": "gitlab-ai-gateway",
    }
    base: dict[str, Any] = {
        "iss": issuers[signer],
        "aud": "gitlab-ai-gateway",
        "sub": stack.instance_id,
        "iat": now,
        "nbf": now - 5,
        "exp": now + 600,
        "jti": uuid.uuid4().hex,
        "gitlab_realm": stack.realm,
        "scopes": ["complete_code", "generate_code"],
    }
    base.update(claims)
    final = {k: v for k, v in base.items() if v is not None}
    key = stack.keyrings[signer].signing
    # signed as raw JWS so that tests can put claims of any type in (PyJWT's encoder refuses some)
    payload = json.dumps(final).encode()
    return jwt.PyJWS().encode(
        payload, key.private, algorithm="RS256", headers={"kid": kid or key.kid}
    )


def instance_headers(stack: MockStack, token: str, **overrides: str | None) -> dict[str, str]:
    """Headers of a request signed with an instance-style JWT; None drops a header."""
    headers: dict[str, str | None] = {
        "Authorization": f"Bearer {token}",
        "X-Gitlab-Authentication-Type": "oidc",
        "X-Gitlab-Instance-Id": stack.instance_id,
        "X-Gitlab-Realm": stack.realm,
        "X-Gitlab-Global-User-Id": "user-1",
    }
    headers.update(overrides)
    return {k: v for k, v in headers.items() if v is not None}
