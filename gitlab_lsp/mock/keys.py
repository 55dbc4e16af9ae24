"""RSA signing keys and their JWKS, with rotation that keeps old keys verifying.

Generating an RSA 2048 key costs tens of milliseconds, so keys are cached per process by
slot name: starting several stacks (or the same stack again) reuses them and stays fast.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

_cache: dict[str, rsa.RSAPrivateKey] = {}
_cache_lock = threading.Lock()


def cached_private_key(slot: str) -> rsa.RSAPrivateKey:
    """The process-wide RSA 2048 key for `slot`, generated on first use."""
    with _cache_lock:
        key = _cache.get(slot)
        if key is None:
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            _cache[slot] = key
        return key


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass(frozen=True)
class SigningKey:
    """A private key with its key id (the RFC 7638 thumbprint of its public half)."""

    private: rsa.RSAPrivateKey
    kid: str

    @classmethod
    def from_private(cls, private: rsa.RSAPrivateKey) -> SigningKey:
        public_jwk = RSAAlgorithm.to_jwk(private.public_key(), as_dict=True)
        canonical = json.dumps(
            {"e": public_jwk["e"], "kty": "RSA", "n": public_jwk["n"]},
            separators=(",", ":"),
            sort_keys=True,
        )
        return cls(private=private, kid=_b64(hashlib.sha256(canonical.encode()).digest()))

    def public_jwk(self) -> dict[str, Any]:
        jwk: dict[str, Any] = RSAAlgorithm.to_jwk(self.private.public_key(), as_dict=True)
        jwk.update({"kid": self.kid, "use": "sig", "alg": "RS256"})
        return jwk


class KeyRing:
    """One party's keys: the current signing key plus the retired ones that still verify."""

    def __init__(self, party: str) -> None:
        self._party = party
        self._generation = 0
        self._lock = threading.Lock()
        self.signing = SigningKey.from_private(cached_private_key(f"{party}-0"))
        self.retired: list[SigningKey] = []

    def rotate(self) -> str:
        """Sign with a new key from now on; the old one keeps validating. Returns the new kid."""
        with self._lock:
            self._generation += 1
            fresh = SigningKey.from_private(cached_private_key(f"{self._party}-{self._generation}"))
            self.retired.insert(0, self.signing)
            self.signing = fresh
            return fresh.kid

    def all_keys(self) -> list[SigningKey]:
        with self._lock:
            return [self.signing, *self.retired]

    def jwks(self) -> dict[str, Any]:
        return {"keys": [key.public_jwk() for key in self.all_keys()]}

    def public_key(self, kid: str) -> rsa.RSAPublicKey | None:
        for key in self.all_keys():
            if key.kid == kid:
                return key.private.public_key()
        return None

    def sign(self, claims: dict[str, Any]) -> str:
        key = self.signing
        return jwt.encode(claims, key.private, algorithm="RS256", headers={"kid": key.kid})
