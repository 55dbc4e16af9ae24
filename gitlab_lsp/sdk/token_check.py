"""Is the user's token usable, and if not, why? (`personal_access_tokens/self`)"""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from gitlab_lsp.errors import (
    InstanceError,
    TokenExpired,
    TokenInvalid,
    TokenScopeMissing,
)
from gitlab_lsp.sdk.headers import instance_headers
from gitlab_lsp.sdk.http_util import error_detail
from gitlab_lsp.sdk.models import TokenInfo
from gitlab_lsp.sdk.options import ClientOptions

#: Either scope lets a token use code suggestions.
USABLE_SCOPES = frozenset({"api", "ai_features"})


async def check_token(
    client: httpx.AsyncClient, instance_url: str, token: str, options: ClientOptions
) -> TokenInfo:
    headers = instance_headers(options, token)
    timeout = max(options.timeout, 10.0)
    try:
        response = await client.get(
            f"{instance_url}/api/v4/personal_access_tokens/self", headers=headers, timeout=timeout
        )
        if response.status_code == 200:
            return _pat_info(response.json(), instance_url)
        if response.status_code == 401:
            raise _unauthorized(response, instance_url)
        if response.status_code in (403, 404):
            # Not a personal access token (an OAuth token has no such record): check that
            # it authenticates at all.
            user = await client.get(f"{instance_url}/api/v4/user", headers=headers, timeout=timeout)
            if user.status_code == 200:
                body = user.json()
                return TokenInfo(
                    kind="oauth",
                    name=None,
                    scopes=(),
                    expires_at=None,
                    user_id=body.get("id") if isinstance(body, dict) else None,
                    username=body.get("username") if isinstance(body, dict) else None,
                )
            if user.status_code == 401:
                raise _unauthorized(user, instance_url)
            raise InstanceError(user.status_code, error_detail(user))
        raise InstanceError(response.status_code, error_detail(response))
    except httpx.HTTPError as exc:
        raise InstanceError(0, f"cannot reach {instance_url}: {type(exc).__name__}") from None


def _unauthorized(response: httpx.Response, instance_url: str) -> TokenInvalid | TokenExpired:
    """GitLab says in `error_description` when a token is expired or revoked."""
    try:
        body = response.json()
    except ValueError:
        body = None
    reason = ""
    if isinstance(body, dict):
        reason = str(body.get("error_description") or body.get("message") or "")
    lowered = reason.lower()
    if "expired" in lowered:
        return TokenExpired(f"the token has expired on {instance_url}; create a new one")
    if "revoked" in lowered:
        return TokenInvalid(f"the token was revoked on {instance_url}")
    return TokenInvalid(
        f"{instance_url} rejected the token (401): it is wrong, revoked or expired, "
        "or belongs to another instance"
    )


def _pat_info(body: Any, instance_url: str) -> TokenInfo:
    if not isinstance(body, dict):
        raise InstanceError(200, "personal_access_tokens/self answered something unexpected")
    name = body.get("name")
    scopes = tuple(str(s) for s in body.get("scopes") or ())
    expires_at = body.get("expires_at")
    label = f"token {name!r}" if name else "token"
    if body.get("revoked"):
        raise TokenInvalid(f"the {label} was revoked on {instance_url}")
    if _is_past(expires_at) or body.get("active") is False:
        if _is_past(expires_at):
            raise TokenExpired(f"the {label} expired on {expires_at}; create a new one")
        raise TokenInvalid(f"the {label} is not active on {instance_url}")
    if not USABLE_SCOPES.intersection(scopes):
        raise TokenScopeMissing(
            f"the {label} has scopes {', '.join(scopes) or 'none'}; code suggestions need "
            "`api` or `ai_features`"
        )
    user_id = body.get("user_id")
    return TokenInfo(
        kind="personal_access_token",
        name=str(name) if name is not None else None,
        scopes=scopes,
        expires_at=str(expires_at) if expires_at is not None else None,
        user_id=user_id if isinstance(user_id, int) else None,
    )


def _is_past(date: Any) -> bool:
    if not isinstance(date, str) or not date:
        return False
    try:
        when = dt.date.fromisoformat(date[:10])
    except ValueError:
        return False
    # GitLab tokens expire at the start of their expiry date (UTC).
    return when <= dt.datetime.now(dt.UTC).date()
