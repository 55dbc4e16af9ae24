"""Is the user's token usable, and if not, why?

Personal access tokens (`glpat-...`) are checked with `personal_access_tokens/self`; other
tokens first as OAuth access tokens (what GitLab's VS Code and JetBrains plugins hand the
server) with `/oauth/token/info`, which tells their scopes and the seconds they have left,
then, if the instance does not know them as such, as PATs of the older prefix-less kind.
"""

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


#: Prefix of GitLab's personal access tokens.
PAT_PREFIX = "glpat-"


async def check_token(
    client: httpx.AsyncClient, instance_url: str, token: str, options: ClientOptions
) -> TokenInfo:
    if not token.startswith(PAT_PREFIX):
        oauth = await _check_oauth(client, instance_url, token, options)
        if oauth is not None:
            return oauth
    return await _check_pat(client, instance_url, token, options)


async def _check_oauth(
    client: httpx.AsyncClient, instance_url: str, token: str, options: ClientOptions
) -> TokenInfo | None:
    """The OAuth token's scopes and lifetime; None when the instance does not know it as one."""
    try:
        response = await client.get(
            f"{instance_url}/oauth/token/info",
            headers=instance_headers(options, token),
            timeout=max(options.timeout, 10.0),
        )
    except httpx.HTTPError as exc:
        raise InstanceError(0, f"cannot reach {instance_url}: {type(exc).__name__}") from None
    if response.status_code == 401:
        # "invalid": not an OAuth token at all (maybe an older PAT); expired/revoked: it was one.
        if _reason(response) in ("", "invalid"):
            return None
        raise _unauthorized(response, instance_url)
    if response.status_code != 200:
        return None
    try:
        body = response.json()
    except ValueError:
        raise InstanceError(200, "/oauth/token/info answered something unexpected") from None
    if not isinstance(body, dict):
        raise InstanceError(200, "/oauth/token/info answered something unexpected")
    raw_scopes = body.get("scope", body.get("scopes"))
    if isinstance(raw_scopes, str):
        raw_scopes = raw_scopes.split()
    scopes = tuple(str(s) for s in raw_scopes or ())
    if not USABLE_SCOPES.intersection(scopes):
        raise TokenScopeMissing(
            f"the OAuth token has scopes {', '.join(scopes) or 'none'}; code suggestions need "
            "`api` or `ai_features`"
        )
    left = body.get("expires_in_seconds", body.get("expires_in"))
    expires_in = (
        float(left) if isinstance(left, int | float) and not isinstance(left, bool) else None
    )
    if expires_in is not None and expires_in <= 0:
        raise TokenExpired(f"the OAuth token has expired on {instance_url}; sign in again")
    owner = body.get("resource_owner_id")
    return TokenInfo(
        kind="oauth",
        name=None,
        scopes=scopes,
        expires_at=None,
        user_id=owner if isinstance(owner, int) and not isinstance(owner, bool) else None,
        expires_in=expires_in,
    )


def _reason(response: httpx.Response) -> str:
    """`expired`, `revoked`, `invalid` or "" from a 401's OAuth error description."""
    try:
        body = response.json()
    except ValueError:
        return ""
    text = str(body.get("error_description") or "") if isinstance(body, dict) else ""
    for word in ("expired", "revoked", "invalid"):
        if word in text.lower():
            return word
    return ""


async def _check_pat(
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
