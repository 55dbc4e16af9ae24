"""The instance's own credential towards the gateway (its instance JWT).

SaaS signs its own (1 hour). A self-managed instance syncs one from CustomersDot with its
license key (3 days): at start, then from a background job once two thirds of the token's
lifetime have passed (the real instance's daily sync), and on demand when a request finds
the job fell behind.
"""

from __future__ import annotations

import asyncio
import logging
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
#: The fraction of an IJWT's lifetime after which a self-managed instance renews it: a day
#: before the end of the 3-day token, as the daily job does.
SM_REFRESH_AT = 2 / 3
SYNC_QUERY = (
    "mutation($licenseKey: String!) { cloudConnectorAccess(licenseKey: $licenseKey) "
    "{ serviceToken { token expiresAt } availableServices { name bundledWith } } }"
)

log = logging.getLogger(__name__)


def sign_instance_jwt(
    *, keys: KeyRing, issuer: str, instance_id: str, realm: str, scopes: list[str], lifetime: int
) -> tuple[str, int]:
    """An instance JWT signed with `keys`; returns (token, exp).

    One shape for both signers: a SaaS instance signs its own, CustomersDot signs the IJWT of a
    self-managed instance (docs/protocol.md, "Instance JWT").
    """
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
        self._obtained_at = 0.0
        self._lock = asyncio.Lock()
        self._replaced = asyncio.Event()

    def refresh_due(self) -> float:
        """When the current token should be renewed (unix seconds; 0 when there is none)."""
        if self._token is None:
            return 0.0
        if self.realm == "saas":
            return self._expires_at - SAAS_REFRESH_MARGIN
        return self._obtained_at + (self._expires_at - self._obtained_at) * SM_REFRESH_AT

    async def token(self) -> str:
        if issuer_skew.get() != 0.0:  # a clock-skew fault affects this request only
            token, _ = await self._obtain()
            return token
        if time.time() >= self.refresh_due():
            await self._renew(only_if_due=True)
        assert self._token is not None
        return self._token

    async def sync(self) -> tuple[str, int]:
        """Exchange the license key at CustomersDot now (at start, or when told to)."""
        await self._renew(only_if_due=False)
        assert self._token is not None
        return self._token, self._expires_at

    async def keep_fresh(self, stopping: asyncio.Event) -> None:
        """The self-managed sync job: renew the IJWT once SM_REFRESH_AT of its lifetime has
        passed, measured on each token as it comes (so a short test lifetime is seen)."""
        while not stopping.is_set():
            self._replaced.clear()
            delay = self.refresh_due() - time.time()
            if delay > 0 and await _first_of(self._replaced, stopping, timeout=delay):
                continue  # renewed meanwhile (on demand or by a control request), or stopping
            try:
                await self._renew(only_if_due=True)
            except UpstreamError as exc:
                log.warning("instance: IJWT sync failed, retrying: %s", exc)
                await _first_of(stopping, timeout=self._retry_delay())

    def _retry_delay(self) -> float:
        lifetime = self._expires_at - self._obtained_at if self._token else 60.0
        return max(1.0, min(300.0, lifetime / 10))

    async def _renew(self, *, only_if_due: bool) -> None:
        async with self._lock:  # one sync at a time: the job and requests may meet here
            if only_if_due and time.time() < self.refresh_due():
                return
            token, expires_at = await self._obtain()
            self._token, self._expires_at, self._obtained_at = token, expires_at, time.time()
            self._replaced.set()

    async def _obtain(self) -> tuple[str, int]:
        if self.realm == "saas":
            return sign_instance_jwt(
                keys=self.keys,
                issuer=self.issuer,
                instance_id=self.instance_id,
                realm="saas",
                scopes=["complete_code", "generate_code"],
                lifetime=SAAS_TOKEN_LIFETIME,
            )
        try:
            response = await self.client.post(
                f"{self.customersdot_url}/graphql",
                json={"query": SYNC_QUERY, "variables": {"licenseKey": self.license_key}},
            )
            response.raise_for_status()
            access = response.json()["data"]["cloudConnectorAccess"]["serviceToken"]
            return str(access["token"]), int(access["expiresAt"])
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            raise UpstreamError(f"CustomersDot sync failed: {type(exc).__name__}") from exc


async def _first_of(*events: asyncio.Event, timeout: float) -> bool:
    """Wait until one of `events` is set (True) or `timeout` seconds pass (False)."""
    waiters = [asyncio.ensure_future(event.wait()) for event in events]
    try:
        done, _ = await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
        await asyncio.gather(*waiters, return_exceptions=True)
    return bool(done)
