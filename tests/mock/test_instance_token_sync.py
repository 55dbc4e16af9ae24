"""The self-managed instance's IJWT sync job: renewed at two thirds of its lifetime."""

from __future__ import annotations

import time
from typing import Any

import httpx
import jwt
import pytest

from gitlab_lsp.mock import ControlError, MockStack

from .helpers import direct_access

LIFETIME = 3


def syncs(stack: MockStack) -> list[dict[str, Any]]:
    return [e for e in stack.control.requests("customersdot") if e["path"] == "/graphql"]


def wait_for_syncs(stack: MockStack, count: int, within: float) -> list[dict[str, Any]]:
    deadline = time.monotonic() + within
    while len(found := syncs(stack)) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"{len(found)} IJWT syncs, expected {count}: {found}")
        time.sleep(0.05)
    return found


def test_the_sync_job_renews_the_ijwt_at_two_thirds_of_its_lifetime(
    client: httpx.Client,
) -> None:
    with MockStack(realm="self-managed") as stack:
        assert len(syncs(stack)) == 1  # at start
        assert stack.control.instance_token_lifetime(LIFETIME) is True
        assert stack.control.state()["instance_token_lifetime"] == LIFETIME
        # The next sync (the job's) fails once; the job retries and carries on.
        stack.control.fault("customersdot", "/graphql", status=503, times=1)
        found = wait_for_syncs(stack, 5, within=LIFETIME * 4)
        assert all(e["source"] == "instance" for e in found)
        assert [e["status"] for e in found[:4]] == [200, 200, 503, 200]
        # Renewed at 2/3 of the 3 s lifetime (2 s), not at once: loose bounds, no timed flakes.
        assert LIFETIME / 3 <= found[2]["time"] - found[1]["time"] <= 2 * LIFETIME
        assert found[4]["time"] - found[3]["time"] >= LIFETIME / 3
        # The instance still gets user JWTs with the IJWT it renewed, whose lifetime is short.
        direct_access(client, stack)
        ijwt = stack.control.requests("gateway")[-1]["headers"]["authorization"].split()[1]
        claims = jwt.decode(ijwt, options={"verify_signature": False})
        assert claims["exp"] - claims["iat"] == LIFETIME


def test_the_ijwt_lifetime_is_self_managed_only_and_checked(
    mock_gateway: MockStack, mock_gateway_sm: MockStack
) -> None:
    with pytest.raises(ControlError) as saas:
        mock_gateway.control.instance_token_lifetime(60)
    assert saas.value.status == 422
    for seconds in (0, 2, 31 * 86400):
        with pytest.raises(ControlError):
            mock_gateway_sm.control.instance_token_lifetime(seconds)
    assert mock_gateway_sm.control.state()["instance_token_lifetime"] is None
