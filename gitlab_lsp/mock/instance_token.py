"""The instance's own credential towards the gateway (its instance JWT).

SaaS signs its own (1 hour); a self-managed instance syncs one from CustomersDot with its
license key (3 days) at start and again when less than a day is left, like the daily job.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx

from gitlab_lsp.mock.clock import issuer_now, issuer_skew
from gitlab_lsp.mock.errors import UpstreamError
from gitlab_lsp.mock.gateway_auth import GATEWAY_AUDIENCE
from gitlab_lsp.mock.keys import KeyRing

SAAS_TOKEN_LIFETIME = 3600
SAAS_REFRESH_MARGIN = 300
SM_REFRESH_MARGIN = 24 * 3600
SYNC_QUERY = (
    "mutation($licenseKey: String!) { cloudConnectorAccess(licenseKey: $licenseKey) "
    "{ serviceToken { token expiresAt } availableServices { name bundledWith } } }"
)


def self_issued_token(
    *, keys: KeyRing, issuer: str, instance_id: str, realm: str, scopes: list[str], lifetime: int
) -> tuple[str, int]:
    """A JWT signed by the instance itself, in the instance-JWT shape; returns (token, exp)."""
    now = issuer_now()
    expires_at = now + lifetime
    claims: dict[str, Any] = {
        "iss": issuer,
        "aud": GATEWAY_AUDIENCE,
        "sub": instance_id,
        "iat": now,
        "nbf": now - 5,
        "exp": expires_at,
        "jti": uuid.uuid4().hex,
        "gitlab_realm": realm,
        "gitlab_instance_id": instance_id,
        "scopes": scopes,
    }
    return keys.sign(claims), expires_at


class InstanceCredential:
    def __init__(
        self,
        *,
        realm: str,
        keys: KeyRing,
        issuer: str,
        instance_id: str,
        client: httpx.AsyncClient,
        customersdot_url: str,
        license_key: str,
    ) -> None:
        self.realm = realm
        self.keys = keys
        self.issuer = issuer
        self.instance_id = instance_id
        self.client = client
        self.customersdot_url = customersdot_url
        self.license_key = license_key
        self._token: str | None = None
        self._expires_at = 0

    async def token(self) -> str:
        margin = SAAS_REFRESH_MARGIN if self.realm == "saas" else SM_REFRESH_MARGIN
        skewed = issuer_skew.get() != 0.0
        if self._token is None or self._expires_at - time.time() < margin or skewed:
            token, expires_at = await self._obtain()
            if skewed:  # a clock-skew fault affects this request only
                return token
            self._token, self._expires_at = token, expires_at
        return self._token

    async def _obtain(self) -> tuple[str, int]:
        if self.realm == "saas":
            return self_issued_token(
                keys=self.keys,
                issuer=self.issuer,
                instance_id=self.instance_id,
                realm="saas",
                scopes=["complete_code", "generate_code"],
                lifetime=SAAS_TOKEN_LIFETIME,
            )
        return await self.sync()

    async def sync(self) -> tuple[str, int]:
        """Exchange the license key at CustomersDot (the instance's daily sync job)."""
        try:
            response = await self.client.post(
                f"{self.customersdot_url}/graphql",
                json={"query": SYNC_QUERY, "variables": {"licenseKey": self.license_key}},
            )
            response.raise_for_status()
            access = response.json()["data"]["cloudConnectorAccess"]["serviceToken"]
            token, expires_at = str(access["token"]), int(access["expiresAt"])
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            raise UpstreamError(f"CustomersDot sync failed: {type(exc).__name__}") from exc
        if issuer_skew.get() == 0.0:
            self._token, self._expires_at = token, expires_at
        return token, expires_at
