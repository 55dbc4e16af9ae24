"""Suggestion requests in every shape real clients send are answered; broken ones are refused
with InvalidParams and no traceback (server/leniency.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

from gitlab_lsp.server.leniency import AUTOMATIC, INVOKED, TriggerNumbering, normalise

from .raw_client import RawClient

URI = "file:///work/project/maths.py"
TEXT = "import sys\n\n\ndef fibonacci(n):"
POSITION = {"line": 3, "character": len("def fibonacci(n):")}
DOC = {"textDocument": {"uri": URI}, "position": POSITION}

#: Inline completion params as clients send them (who: see server/leniency.py).
INLINE_SHAPES: dict[str, dict[str, Any]] = {
    "no context": {**DOC},
    "null context": {**DOC, "context": None},
    "empty object": {**DOC, "context": {}},
    "empty Lua table": {**DOC, "context": []},
    "null trigger kind": {**DOC, "context": {"triggerKind": None}},
    "3.17.5 invoked (0)": {**DOC, "context": {"triggerKind": 0}},
    "3.18 invoked (1)": {**DOC, "context": {"triggerKind": 1}},
    "3.18 automatic (2)": {**DOC, "context": {"triggerKind": 2}},
    "null selectedCompletionInfo": {
        **DOC,
        "context": {"triggerKind": 2, "selectedCompletionInfo": None},
    },
    "unknown fields": {
        "textDocument": {"uri": URI, "version": 1, "languageId": "python"},
        "position": {**POSITION, "extra": True},
        "context": {"triggerKind": 1, "somethingNew": {"a": 1}},
        "workDoneToken": None,
        "partialResultToken": None,
        "clientHint": "x",
    },
}
COMPLETION_SHAPES: dict[str, dict[str, Any]] = {
    "no context": {**DOC},
    "null context": {**DOC, "context": None},
    "empty context": {**DOC, "context": {}},
    "null trigger kind": {**DOC, "context": {"triggerKind": None}},
    "unknown fields": {**DOC, "context": {"triggerKind": 1, "x": 2}, "y": [1]},
}
BROKEN: dict[str, dict[str, Any]] = {
    "string line": {"textDocument": {"uri": URI}, "position": {"line": "3", "character": 0}},
    "no position": {"textDocument": {"uri": URI}},
    "no document": {"position": POSITION},
}


@pytest.fixture
async def server(mock_gateway: Any) -> Any:
    settings = {"baseUrl": mock_gateway.instance_url, "token": mock_gateway.tokens["duo"]}
    log = Path(tempfile.mkdtemp()) / "stderr.log"
    with log.open("w") as stderr:
        client = RawClient(stderr=stderr)
        await client.start()
        await client.request("initialize", {"processId": None, "capabilities": {}})
        client.notify("initialized", {})
        client.notify("workspace/didChangeConfiguration", {"settings": settings})
        item = {"uri": URI, "languageId": "python", "version": 1, "text": TEXT}
        client.notify("textDocument/didOpen", {"textDocument": item})
        yield client, log
        assert await client.stop() == 0


async def test_every_shape_is_answered_and_broken_ones_are_refused_quietly(server: Any) -> None:
    client, log = server
    for name, params in INLINE_SHAPES.items():
        response = await client.request("textDocument/inlineCompletion", params)
        assert "error" not in response, (name, response)
        assert response["result"]["items"][0]["insertText"].startswith("\n    a, b"), name
    for name, params in COMPLETION_SHAPES.items():
        response = await client.request("textDocument/completion", params)
        assert "error" not in response, (name, response)
        assert response["result"]["items"], name
    for name, params in BROKEN.items():
        for method in ("textDocument/inlineCompletion", "textDocument/completion"):
            response = await client.request(method, params)
            assert response.get("error", {}).get("code") == -32602, (name, method, response)
    stats = (await client.request("gitlab-lsp/stats", None))["result"]
    assert stats["errors"] == 0
    written = log.read_text()
    assert "Traceback" not in written
    assert " ERROR " not in written


def test_trigger_kinds_of_both_numberings() -> None:
    modern = TriggerNumbering()
    assert [modern.kind(k) for k in (None, 1, 2, "x", True)] == [
        AUTOMATIC,
        INVOKED,
        AUTOMATIC,
        AUTOMATIC,
        AUTOMATIC,
    ]
    legacy = TriggerNumbering()
    assert legacy.kind(0) == INVOKED
    assert legacy.kind(1) == AUTOMATIC  # after a 0, the client numbers the 3.17.5 way
    vscode = TriggerNumbering()
    vscode.learn_client("Visual Studio Code")
    assert vscode.kind(1) == AUTOMATIC and vscode.kind(0) == INVOKED


def test_only_suggestion_requests_are_rewritten() -> None:
    params = {"textDocument": {"uri": URI}, "position": POSITION, "context": None}
    assert normalise("textDocument/hover", params, TriggerNumbering()) is params
    fixed = normalise("textDocument/inlineCompletion", params, TriggerNumbering())
    assert fixed["context"] == {"triggerKind": AUTOMATIC}
    assert params["context"] is None  # the original is left alone
