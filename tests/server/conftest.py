"""A fresh `gitlab-lsp --stdio` subprocess per test (pytest-lsp), pointed at the session mock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from .session import SERVER_COMMAND, Session


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_COMMAND))
async def lsp(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def session(lsp: LanguageClient, mock_gateway: Any) -> Session:
    return Session(lsp, mock_gateway)
