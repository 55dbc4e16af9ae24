"""Every message JSON-RPC 2.0 or LSP says must be answered is answered, with its id when the id
can be read: requests without `jsonrpc`, batches, unreadably deep nesting, requests before
`initialize` and after `shutdown`, and custom requests without params."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .raw_stdio import RawServer, frame

INVALID_REQUEST = -32600
INVALID_PARAMS = -32602
PARSE_ERROR = -32700
SERVER_NOT_INITIALIZED = -32002


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RawServer]:
    raw = RawServer(tmp_path)
    yield raw
    raw.kill()


def stats(msg_id: int) -> dict[str, object]:
    return {"jsonrpc": "2.0", "id": msg_id, "method": "gitlab-lsp/stats", "params": {}}


def test_requests_before_initialize_are_refused_with_their_id(server: RawServer) -> None:
    server.send(stats(3))
    assert server.answer(3)["error"]["code"] == SERVER_NOT_INITIALIZED
    server.send({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {}})  # dropped
    assert "result" in server.initialize()
    server.send(stats(4))
    assert "result" in server.answer(4)


def test_a_request_without_jsonrpc_is_an_invalid_request(server: RawServer) -> None:
    server.initialize()
    server.send({"id": 5, "method": "gitlab-lsp/stats", "params": {}})
    assert server.answer()["error"]["code"] == INVALID_REQUEST
    server.send({"jsonrpc": "1.0", "id": "six", "method": "gitlab-lsp/stats"})
    answer = server.answer()
    assert answer["id"] == "six" and answer["error"]["code"] == INVALID_REQUEST
    server.send({"jsonrpc": "2.0", "method": 12})
    answer = server.answer()
    assert answer["id"] is None and answer["error"]["code"] == INVALID_REQUEST


def test_batches_are_answered_as_json_rpc_batches(server: RawServer) -> None:
    server.initialize()
    server.send([stats(8), {"jsonrpc": "2.0", "method": "initialized", "params": {}}, 42])
    answer = server.answer()
    assert isinstance(answer, list)
    assert [(item["id"], item["error"]["code"]) for item in answer] == [
        (8, INVALID_REQUEST),
        (None, INVALID_REQUEST),
    ]
    server.send([])
    answer = server.answer()
    assert answer["id"] is None and answer["error"]["code"] == INVALID_REQUEST
    server.send(stats(9))
    assert "result" in server.answer(9)


@pytest.mark.parametrize("depth", [5_000, 1_000_000])
def test_deep_nesting_is_answered_with_the_id_beside_it(server: RawServer, depth: int) -> None:
    server.initialize()
    body = b'{"jsonrpc": "2.0", "id": 10, "method": "gitlab-lsp/stats", "params": {"a": '
    server.write(frame(body + b"[" * depth + b'"]}"' + b"]" * depth + b"}}"))
    answer = server.answer()
    assert answer["id"] == 10 and answer["error"]["code"] == INVALID_PARAMS
    # too deep with no readable id (a notification, or broken before the id): a parse error
    server.write(frame(b'{"jsonrpc": "2.0", "params": ' + b"[" * depth + b"]" * depth + b"}"))
    answer = server.answer()
    assert answer["id"] is None and answer["error"]["code"] == PARSE_ERROR
    server.send(stats(11))
    assert "result" in server.answer(11)


def test_stats_without_params(server: RawServer) -> None:
    server.initialize()
    server.send({"jsonrpc": "2.0", "id": 12, "method": "gitlab-lsp/stats"})
    assert server.answer(12)["result"]["requests"] == 0


def test_requests_after_shutdown_are_invalid_requests(server: RawServer) -> None:
    server.initialize()
    server.send({"jsonrpc": "2.0", "id": 20, "method": "gitlab/noSuchThing", "params": {}})
    assert server.answer(20)["error"]["code"] == -32601  # MethodNotFound, logged as a warning
    server.send({"jsonrpc": "2.0", "id": 13, "method": "shutdown"})
    assert server.answer(13)["result"] is None
    server.send(stats(14))
    answer = server.answer()
    assert answer["id"] == 14 and answer["error"]["code"] == INVALID_REQUEST
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.wait() == 0
    assert server.errors() == []
