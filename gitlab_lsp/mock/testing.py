"""pytest plugin: `pytest_plugins = ["gitlab_lsp.mock.testing"]`.

The stacks live for the whole session (one per realm, started on first use); the fixtures
reset their state before each test and yield the `MockStack`. The servers run in their own
thread, so the fixtures serve sync and async tests alike.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gitlab_lsp.mock.stack import MockStack


@pytest.fixture(scope="session")
def mock_gateway_session() -> Iterator[MockStack]:
    with MockStack(realm="saas") as stack:
        yield stack


@pytest.fixture(scope="session")
def mock_gateway_sm_session() -> Iterator[MockStack]:
    with MockStack(realm="self-managed") as stack:
        yield stack


@pytest.fixture
def mock_gateway(mock_gateway_session: MockStack) -> MockStack:
    """The SaaS stack, reset to its defaults for this test."""
    mock_gateway_session.control.reset()
    return mock_gateway_session


@pytest.fixture
def mock_gateway_sm(mock_gateway_sm_session: MockStack) -> MockStack:
    """The self-managed stack, reset to its defaults for this test."""
    mock_gateway_sm_session.control.reset()
    return mock_gateway_sm_session
