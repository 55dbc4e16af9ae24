"""Drive a real `gitlab-lsp --stdio` subprocess as an editor would.

`Session.start(...)` sends `initialize` with the mock's URL and token in
`initializationOptions`, as an editor plugin would; custom notifications are collected in
`Session.notifications`.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

STATS_REQUEST = "gitlab-lsp/stats"
LOG_FILE = Path(tempfile.gettempdir()) / "gitlab-lsp-tests" / "server.log"
SERVER_COMMAND = [sys.executable, "-m", "gitlab_lsp", "--stdio", "--log-file", str(LOG_FILE)]
#: The server's environment: no GITLAB_TOKEN from the developer's shell, no system keyring, so
#: that "no token" means no token.
SERVER_ENV = {
    **{k: v for k, v in os.environ.items() if k != "GITLAB_TOKEN"},
    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
}
CUSTOM_NOTIFICATIONS = (
    "$/gitlab/token/check",
    "$/gitlab/featureStateChange",
    "$/gitlab/api/error",
    "$/gitlab/api/recovered",
    "streamingCompletionResponse",
)
PY_URI = "file:///work/project/billing.py"
PY_TEXT = (
    "import dataclasses\n\n\ndef total_price(items):\n    total = 0\n"
    "    for item in items:\n        total += item.price\n    return total\n\n\n"
    "print(total_price("
)


def plain(value: Any) -> Any:
    """pygls hands a client unknown notifications' params as named tuples: back to JSON shapes."""
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def inline_capabilities() -> types.ClientCapabilities:
    """VS Code's capabilities plus LSP 3.18 inline completion."""
    caps = client_capabilities("visual-studio-code")
    assert caps.text_document is not None
    caps.text_document.inline_completion = types.InlineCompletionClientCapabilities()
    return caps


def end_of(text: str) -> types.Position:
    lines = text.split("\n")
    return types.Position(line=len(lines) - 1, character=len(lines[-1]))


class Session:
    def __init__(self, client: LanguageClient, mock: Any) -> None:
        self.client = client
        self.mock = mock
        self.notifications: dict[str, list[Any]] = defaultdict(list)
        for method in CUSTOM_NOTIFICATIONS:
            client.feature(method)(self._collector(method))

    def _collector(self, method: str) -> Any:
        def collect(params: Any) -> None:
            self.notifications[method].append(plain(params))

        return collect

    def settings(self, **extra: Any) -> dict[str, Any]:
        return {
            "baseUrl": self.mock.instance_url,
            "token": self.mock.tokens["duo"],
            "logLevel": "debug",
            **extra,
        }

    async def start(
        self,
        capabilities: types.ClientCapabilities | None = None,
        **settings: Any,
    ) -> types.InitializeResult:
        options = {
            "ide": {"name": "pytest", "version": "1.0", "vendor": "tests"},
            "extension": {"name": "pytest-lsp", "version": "1.0"},
            **self.settings(**settings),
        }
        return await self.client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities or inline_capabilities(),
                initialization_options=options,
            )
        )

    async def start_without_settings(self) -> types.InitializeResult:
        """As a client that sends no settings with `initialize` (and answers pulls `[null]`)."""
        options = {"ide": {"name": "pytest", "version": "1.0", "vendor": "tests"}}
        return await self.client.initialize_session(
            types.InitializeParams(
                capabilities=inline_capabilities(), initialization_options=options
            )
        )

    def push(self, **settings: Any) -> None:
        """`workspace/didChangeConfiguration` with the mock's URL and token, plus `settings`."""
        self.client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings=self.settings(**settings))
        )

    def open(self, uri: str = PY_URI, text: str = PY_TEXT, language: str = "python") -> None:
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id=language, version=1, text=text
                )
            )
        )

    def type_at(self, uri: str, position: types.Position, text: str, version: int) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(start=position, end=position), text=text
                    )
                ],
            )
        )

    async def inline(
        self,
        position: types.Position,
        uri: str = PY_URI,
        invoked: bool = True,
    ) -> types.InlineCompletionList | None:
        kind = (
            types.InlineCompletionTriggerKind.Invoked
            if invoked
            else types.InlineCompletionTriggerKind.Automatic
        )
        result = await self.client.text_document_inline_completion_async(
            types.InlineCompletionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=position,
                context=types.InlineCompletionContext(trigger_kind=kind),
            )
        )
        assert result is None or isinstance(result, types.InlineCompletionList)
        return result

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Any]:
        async def enough() -> None:
            while len(self.notifications[method]) < count:
                await asyncio.sleep(0.02)

        await asyncio.wait_for(enough(), timeout)
        return self.notifications[method]

    async def barrier(self) -> None:
        """One request's round trip: the server handles messages in order, so every
        notification sent before it has been handled (and what it sent back has arrived)
        once the answer is here. Used instead of sleeping before asserting that nothing
        more happened."""
        await self.client.protocol.send_request_async(STATS_REQUEST, {})


async def eventually(condition: Any, timeout: float = 10.0) -> None:
    """Wait until `condition()` holds; `timeout` only bounds a test that would hang."""

    async def wait() -> None:
        while not condition():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(wait(), timeout)


# --- the mock, as the tests use it -------------------------------------------------------

SUGGESTION_PATHS = ("/v2/code/completions", "/v2/completions", "/v2/code/generations")
INSTANCE_COMPLETIONS = "/api/v4/code_suggestions/completions"


def upstream_calls(mock: Any) -> list[tuple[str, str]]:
    """(party, path) of every suggestion request a client sent (not the token traffic)."""
    return [
        (e["party"], e["path"])
        for e in mock.control.requests()
        if e.get("source", "client") == "client"
        and (e["path"] in SUGGESTION_PATHS or e["path"] == INSTANCE_COMPLETIONS)
    ]


def suggestion_outcomes(mock: Any) -> list[str]:
    """The mock's `outcome` of every suggestion request a client sent, oldest first."""
    return [
        e["outcome"]
        for e in mock.control.requests()
        if e.get("source", "client") == "client"
        and (e["path"] in SUGGESTION_PATHS or e["path"] == INSTANCE_COMPLETIONS)
    ]


async def all_disconnected(mock: Any, timeout: float = 10.0) -> None:
    """Wait until the mock saw every suggestion request's client leave (aborted HTTP calls).

    An outcome, not a time: a call the client waited out ends `completed`, never
    `client_disconnected`, so this fails however quick the machine is."""

    async def wait() -> None:
        while True:
            outcomes = suggestion_outcomes(mock)
            if outcomes and all(o == "client_disconnected" for o in outcomes):
                return
            await asyncio.sleep(0.02)

    try:
        await asyncio.wait_for(wait(), timeout)
    except TimeoutError:
        raise AssertionError(f"HTTP calls not aborted: {suggestion_outcomes(mock)}") from None


def slow_model(mock: Any, seconds: float = 3.0) -> None:
    """Every model call (so every generation) takes `seconds`."""
    mock.control.latency(model=seconds)


def slow_gateway(mock: Any, seconds: float = 3.0) -> None:
    mock.control.latency(client_gateway=seconds, client_instance=seconds)


def gateway_down(mock: Any) -> None:
    """The gateway's direct completion route answers 503 until the faults are cleared; the
    route the instance forwards to (/v2/code/completions) keeps working."""
    mock.control.fault(
        "gateway", "/v2/completions", status=503, body={"detail": "Inference failed"}
    )
