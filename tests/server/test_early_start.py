"""The user JWT is fetched from `initialize`'s settings while the server is still importing.

What must hold: the warm-up starts from `initialize` alone (before `initialized`, before any
request), the server then uses that client instead of building a second one (one version
check, one `direct_access`), an instance older than 17.2 still never gets a `direct_access`
call, and settings that change after `initialize` still win.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gitlab_lsp.mock import MockStack
from gitlab_lsp.server.early_initialize import FirstMessage
from gitlab_lsp.server.early_start import start
from gitlab_lsp.server.initialization_options import caller_options, settings_in
from gitlab_lsp.server.settings import Settings, SettingsStore, unwrap
from gitlab_lsp.server.upstream import Upstream

from .raw_stdio import DEADLINE_S, INITIALIZE, RawServer
from .session import PY_TEXT, PY_URI, end_of

VERSION = "/api/v4/version"
DIRECT_ACCESS = "/api/v4/code_suggestions/direct_access"


def calls(mock: MockStack, path: str) -> list[dict[str, Any]]:
    return [
        e
        for e in mock.control.requests("instance")
        if e["path"] == path and e.get("source") == "client"
    ]


def until(condition: Callable[[], object], what: str) -> None:
    """Wait for `condition` (the deadline only bounds a test that would hang)."""
    deadline = time.monotonic() + DEADLINE_S
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.02)


def options(mock: MockStack, **settings: Any) -> dict[str, Any]:
    return {
        "ide": {"name": "tests", "version": "1"},
        "baseUrl": mock.instance_url,
        "token": mock.tokens["duo"],
        **settings,
    }


def initialize(raw: RawServer, init_options: dict[str, Any]) -> None:
    raw.send(
        {**INITIALIZE, "params": {**INITIALIZE["params"], "initializationOptions": init_options}}
    )
    assert "result" in raw.answer(1)


def complete(raw: RawServer) -> Any:
    raw.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    raw.open_document(PY_URI, PY_TEXT)
    at = end_of(PY_TEXT)
    raw.send(
        {
            "jsonrpc": "2.0",
            "id": 2,
            "method": "textDocument/inlineCompletion",
            "params": {
                "textDocument": {"uri": PY_URI},
                "position": {"line": at.line, "character": at.character},
                "context": {"triggerKind": 1},
            },
        }
    )
    answer = raw.answer(2)
    assert answer["result"]["items"], answer
    return answer


@pytest.fixture
def raw(tmp_path: Path) -> Any:
    server = RawServer(tmp_path)
    yield server
    server.kill()


def test_the_jwt_is_fetched_from_initialize_alone_and_fetched_once(
    raw: RawServer, mock_gateway: MockStack
) -> None:
    initialize(raw, options(mock_gateway))
    # Nothing but `initialize` was sent: the warm-up started from its settings.
    until(lambda: calls(mock_gateway, DIRECT_ACCESS), "direct_access from initialize alone")
    complete(raw)
    assert len(calls(mock_gateway, VERSION)) == 1
    assert len(calls(mock_gateway, DIRECT_ACCESS)) == 1  # the server adopted the early client
    completions = [
        e for e in mock_gateway.control.requests("gateway") if e["path"] == "/v2/completions"
    ]
    assert len(completions) == 1
    assert raw.errors() == []


def test_an_instance_older_than_17_2_gets_no_direct_access_from_the_early_start(
    raw: RawServer, mock_gateway: MockStack
) -> None:
    mock_gateway.control.gitlab_version("17.1.0-ee")
    initialize(raw, options(mock_gateway))
    until(lambda: calls(mock_gateway, VERSION), "the version check from initialize alone")
    complete(raw)
    routed = [e["path"] for e in mock_gateway.control.requests("instance")]
    assert "/api/v4/code_suggestions/completions" in routed
    assert calls(mock_gateway, DIRECT_ACCESS) == []


def test_settings_pushed_after_initialize_replace_the_early_client(
    raw: RawServer, mock_gateway: MockStack
) -> None:
    seatless, duo = mock_gateway.tokens["no_seat"], mock_gateway.tokens["duo"]
    initialize(raw, options(mock_gateway, token=seatless))
    until(lambda: calls(mock_gateway, VERSION), "the early client's version check")
    raw.send(
        {
            "jsonrpc": "2.0",
            "method": "workspace/didChangeConfiguration",
            "params": {"settings": {"baseUrl": mock_gateway.instance_url, "token": duo}},
        }
    )
    complete(raw)
    last = calls(mock_gateway, DIRECT_ACCESS)[-1]
    assert json.dumps(last["headers"]).count(duo) == 1  # asked with the pushed token


# --- the early client is the one the server would build -----------------------------------


class _Messages:
    def set_check(self, *_args: Any) -> None:
        pass


def first_message(init_options: object) -> FirstMessage:
    params = {"processId": None, "capabilities": {}, "initializationOptions": init_options}
    return FirstMessage(b"", 1, {}, params)


@pytest.mark.asyncio
async def test_the_server_keeps_the_early_client_for_the_same_settings(
    mock_gateway: MockStack,
) -> None:
    init_options = {"settings": options(mock_gateway, suggestionsCache={"enabled": False})}
    defaults = Settings(log_level="debug")
    early = await start(first_message(init_options), defaults)
    assert early is not None
    upstream = Upstream(_Messages())  # type: ignore[arg-type]
    try:
        upstream.adopt(early)
        # What the server does with the same `initialize` (Configuration.initialize).
        store = SettingsStore(defaults)
        upstream.set_caller(caller_options(init_options))
        raw_settings = unwrap(settings_in(init_options))
        assert raw_settings is not None
        store.update(raw_settings)
        assert upstream.client(store.current) is early.client
        deadline = time.monotonic() + DEADLINE_S
        while not early.client.user_jwt_ready:  # its warm-up ran: no second one needed
            assert time.monotonic() < deadline, "the early warm-up fetched no JWT"
            await asyncio.sleep(0.02)
        assert early.client.direct_access_requests == 1
        # Another token is another client.
        store.update({"token": mock_gateway.tokens["no_seat"]})
        assert upstream.client(store.current) is not early.client
    finally:
        await upstream.aclose()
        await early.client.aclose()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "init_options",
    [None, {"ide": {"name": "only-the-caller"}}, {"baseUrl": "not a url", "token": "x"}],
    ids=["none", "no-settings", "bad-settings"],
)
async def test_nothing_starts_early_without_usable_settings(init_options: object) -> None:
    assert await start(first_message(init_options), Settings()) is None
    assert await start(None, Settings()) is None
