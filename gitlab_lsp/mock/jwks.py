"""The gateway's view of other issuers' keys: discovered over HTTP and cached for 24 hours.

A token whose `kid` is unknown triggers one refetch, so a key rotated at the issuer is picked
up without waiting out the cache; a kid still unknown after that is remembered, so garbage
tokens cannot make the gateway hammer the issuers.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from jwt.algorithms import RSAAlgorithm

CACHE_SECONDS = 24 * 3600
UNKNOWN_KIDS_LIMIT = 1024

log = logging.getLogger(__name__)


@dataclass
class _Provider:
    base_url: str
    issuer: str | None = None
    keys: dict[str, RSAPublicKey] = field(default_factory=dict)
    fetched_at: float | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class JwksCache:
    """Keys of the issuers the gateway trusts (the instance for SaaS, CustomersDot)."""

    def __init__(self, client: httpx.AsyncClient, provider_urls: list[str]) -> None:
        self._client = client
        self._providers = [_Provider(base_url=url.rstrip("/")) for url in provider_urls]
        self._unknown_kids: set[str] = set()

    def clear(self) -> None:
        self._unknown_kids.clear()
        for provider in self._providers:
            provider.keys = {}
            provider.issuer = None
            provider.fetched_at = None

    async def key_for(self, kid: str | None) -> tuple[RSAPublicKey, str] | None:
        """The public key with this kid and the issuer it belongs to, or None. Issuers are
        asked lazily, in order, so a key found at the first one costs no call to the next."""
        fetched_now: set[int] = set()
        for index, provider in enumerate(self._providers):
            if await self._ensure(provider, force=False):
                fetched_now.add(index)
            found = self._lookup(provider, kid)
            if found is not None:
                return found
        if kid is None or kid in self._unknown_kids:
            return None
        for index, provider in enumerate(self._providers):
            if index not in fetched_now:
                await self._ensure(provider, force=True)
            found = self._lookup(provider, kid)
            if found is not None:
                return found
        if len(self._unknown_kids) >= UNKNOWN_KIDS_LIMIT:
            self._unknown_kids.clear()
        self._unknown_kids.add(kid)
        return None

    @staticmethod
    def _lookup(provider: _Provider, kid: str | None) -> tuple[RSAPublicKey, str] | None:
        if provider.issuer is None:
            return None
        if kid is None:
            if len(provider.keys) == 1:
                return next(iter(provider.keys.values())), provider.issuer
            return None
        if kid in provider.keys:
            return provider.keys[kid], provider.issuer
        return None

    async def _ensure(self, provider: _Provider, *, force: bool) -> bool:
        """Fetch the provider's keys unless cached (or when forced); True when it fetched."""
        async with provider.lock:
            now = time.monotonic()
            fresh = provider.fetched_at is not None and now - provider.fetched_at < CACHE_SECONDS
            if fresh and not force:
                return False
            try:
                await self._fetch(provider)
            except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
                log.warning("could not fetch the JWKS of %s: %s", provider.base_url, exc)
            provider.fetched_at = time.monotonic()
            return True

    async def _fetch(self, provider: _Provider) -> None:
        discovery = await self._client.get(f"{provider.base_url}/.well-known/openid-configuration")
        discovery.raise_for_status()
        config: dict[str, Any] = discovery.json()
        jwks_response = await self._client.get(str(config["jwks_uri"]))
        jwks_response.raise_for_status()
        keys: dict[str, RSAPublicKey] = {}
        for jwk in jwks_response.json()["keys"]:
            if jwk.get("kty") != "RSA":
                continue
            public = RSAAlgorithm.from_jwk(json.dumps(jwk))
            if isinstance(public, RSAPublicKey):
                keys[str(jwk.get("kid", ""))] = public
        provider.keys = keys
        provider.issuer = str(config["issuer"])
