"""The AI gateway's authentication rules, in the order the real gateway applies them.

Each failure is an exception carrying the exact status and body of the wire protocol.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from starlette.datastructures import Headers

from gitlab_lsp.mock.jwks import JwksCache
from gitlab_lsp.mock.keys import KeyRing

GATEWAY_AUDIENCE = "gitlab-ai-gateway"
GATEWAY_ISSUER = "gitlab-ai-gateway"
UNAUTHORIZED_DETAIL = "Unauthorized to access code completions"


class AuthFailure(Exception):
    """A request the gateway refuses; `status` and `body` are what the client gets."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status} {body}")
        self.status = status
        self.body = body


def _unauthenticated(message: str) -> AuthFailure:
    return AuthFailure(401, {"error": message})


@dataclass(frozen=True)
class Principal:
    """A verified token: its claims and whether the gateway itself issued it (a user JWT)."""

    claims: dict[str, Any]

    @property
    def is_user_token(self) -> bool:
        return self.claims.get("iss") == GATEWAY_ISSUER

    @property
    def scopes(self) -> list[str]:
        scopes = self.claims.get("scopes")
        return [str(s) for s in scopes] if isinstance(scopes, list) else []

    def require(self, scope: str, *, allow_user_tokens: bool) -> None:
        """403 when the scope is missing or the issuer is not allowed on this route."""
        if (self.is_user_token and not allow_user_tokens) or scope not in self.scopes:
            raise AuthFailure(403, {"detail": UNAUTHORIZED_DETAIL})


class GatewayAuthenticator:
    """Verifies bearer JWTs with the gateway's own keys and the trusted issuers' JWKS."""

    def __init__(self, own_keys: KeyRing, jwks: JwksCache) -> None:
        self._own = own_keys
        self._jwks = jwks

    async def authenticate(self, headers: Headers) -> Principal:
        authorization = headers.get("authorization")
        if not authorization:
            raise _unauthenticated("No authorization header presented")
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or " " in token:
            raise _unauthenticated("Invalid authorization header")
        if headers.get("x-gitlab-authentication-type") != "oidc":
            raise _unauthenticated("Invalid authentication token type - only OIDC is supported")
        claims = await self._verify(token)
        self._cross_check(claims, headers)
        return Principal(claims)

    async def _verify(self, token: str) -> dict[str, Any]:
        forbidden = _unauthenticated("Forbidden by auth provider")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise forbidden from None
        if header.get("alg") != "RS256":
            raise forbidden
        kid = header.get("kid")
        key, issuer = await self._key(kid if isinstance(kid, str) else None)
        if key is None:
            raise forbidden
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=GATEWAY_AUDIENCE,
                issuer=issuer,
                leeway=0,
                options={"require": ["exp", "aud", "iss", "sub"]},
            )
        except jwt.PyJWTError:
            raise forbidden from None
        return claims

    async def _key(self, kid: str | None) -> tuple[RSAPublicKey | None, str]:
        """Own keys verify only tokens issued as the gateway; provider keys only their issuer's."""
        if kid is not None:
            own = self._own.public_key(kid)
            if own is not None:
                return own, GATEWAY_ISSUER
        found = await self._jwks.key_for(kid)
        if found is None:
            return None, ""
        return found

    @staticmethod
    def _cross_check(claims: dict[str, Any], headers: Headers) -> None:
        def mismatch(header: str) -> AuthFailure:
            return _unauthenticated(f"Header mismatch '{header}'")

        realm = claims.get("gitlab_realm")
        if realm is not None and headers.get("x-gitlab-realm") != realm:
            raise mismatch("X-Gitlab-Realm")
        instance_id = claims.get("gitlab_instance_id")
        if instance_id is not None and headers.get("x-gitlab-instance-id") != instance_id:
            raise mismatch("X-Gitlab-Instance-Id")
        subject = claims.get("sub")
        if claims.get("iss") == GATEWAY_ISSUER:
            if headers.get("x-gitlab-global-user-id") != subject:
                raise mismatch("X-Gitlab-Global-User-Id")
        elif headers.get("x-gitlab-instance-id") != subject:
            raise mismatch("X-Gitlab-Instance-Id")
