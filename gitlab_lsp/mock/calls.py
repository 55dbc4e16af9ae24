"""HTTP clients the parties use to call each other (over real HTTP, like the real services)."""

from __future__ import annotations

import httpx

from gitlab_lsp.mock.party_middleware import CALLER_HEADER


def party_client(party: str, *, timeout: float = 30.0) -> httpx.AsyncClient:
    """A client that marks its requests as coming from `party` and ignores proxy settings:
    the mock only ever talks to itself on the loopback interface."""
    return httpx.AsyncClient(headers={CALLER_HEADER: party}, timeout=timeout, trust_env=False)
