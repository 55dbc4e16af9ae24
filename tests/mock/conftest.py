"""Fixtures for the mock's own tests."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from gitlab_lsp.mock import MockStack


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(trust_env=False, timeout=10) as c:
        yield c


@pytest.fixture(params=["saas", "self-managed"])
def stack(request: pytest.FixtureRequest) -> MockStack:
    """The mock in each realm."""
    name = "mock_gateway" if request.param == "saas" else "mock_gateway_sm"
    value: MockStack = request.getfixturevalue(name)
    return value
