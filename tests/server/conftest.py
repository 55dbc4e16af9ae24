"""A fresh `gitlab-lsp --stdio` subprocess per test (pytest-lsp), pointed at the session mock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from .session import SERVER_COMMAND, SERVER_ENV, Session


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_COMMAND, server_env=SERVER_ENV))
async def lsp(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[*SERVER_COMMAND, "--mock"], server_env=SERVER_ENV)
)
async def mock_mode(lsp_client: LanguageClient) -> AsyncIterator[None]:
    """A server started with `--mock`: its own in-process mock, no settings needed."""
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def session(lsp: LanguageClient, mock_gateway: Any) -> Session:
    return Session(lsp, mock_gateway)
