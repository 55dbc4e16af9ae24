"""Fixtures for SDK tests against the bundled mock, over real HTTP, in both realms."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions, CodeSuggestions

from .helpers import OPTIONS, ClientFactory
from .tls_front import Fronts, serving_fronts


@pytest.fixture(params=["saas", "self-managed"])
def stack(request: pytest.FixtureRequest) -> MockStack:
    """The mock in each realm (SaaS: self-issued user JWT; SM: issued by the gateway)."""
    name = "mock_gateway" if request.param == "saas" else "mock_gateway_sm"
    mock: MockStack = request.getfixturevalue(name)
    return mock


@pytest.fixture
def saas(mock_gateway: MockStack) -> MockStack:
    """For behaviour that does not depend on the realm (keeps the suite fast)."""
    return mock_gateway


@pytest.fixture
async def make_client() -> AsyncIterator[ClientFactory]:
    """Builds clients and closes them after the test."""
    clients: list[CodeSuggestions] = []

    def make(stack: MockStack, token: str | None = None, **options: Any) -> CodeSuggestions:
        fields = {**OPTIONS.__dict__, **options}
        client = CodeSuggestions(
            stack.instance_url,
            stack.tokens["duo"] if token is None else token,
            options=ClientOptions(**fields),
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()


@pytest.fixture
async def fronts(mock_gateway: MockStack, tmp_path: Path) -> AsyncIterator[Fronts]:
    """TLS fronts (test CA) before the SaaS mock's instance and gateway."""
    urls = (mock_gateway.instance_url, mock_gateway.cloud_url)
    async with serving_fronts(*urls, tmp_path, mutual=False) as pair:
        yield pair


@pytest.fixture
async def mutual_fronts(mock_gateway: MockStack, tmp_path: Path) -> AsyncIterator[Fronts]:
    """The same fronts, requiring a client certificate."""
    urls = (mock_gateway.instance_url, mock_gateway.cloud_url)
    async with serving_fronts(*urls, tmp_path, mutual=True) as pair:
        yield pair
