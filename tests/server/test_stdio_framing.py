"""The byte stream on stdin: any input is read, skipped or answered, and never ends the server.

Each test writes what a broken or unusual client wrote in the field and then checks that a
normal request is still answered (the reader resynchronised) and the process is still alive.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from .raw_stdio import INITIALIZE, RawServer, frame, message

STATS = {"jsonrpc": "2.0", "id": 7, "method": "gitlab-lsp/stats", "params": {}}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RawServer]:
    raw = RawServer(tmp_path)
    yield raw
    raw.kill()


def shutdown_cleanly(server: RawServer) -> None:
    server.send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
    assert server.answer(99).get("result", "missing") is None
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.wait() == 0


def test_a_megabyte_line_without_a_separator_is_skipped(server: RawServer) -> None:
    server.write(b"X" * 1_100_000 + b"\r\n")
    server.send(INITIALIZE)
    parse_error = server.answer()
    assert parse_error["id"] is None and parse_error["error"]["code"] == -32700
    assert "result" in server.answer(1)
    server.send(STATS)
    assert server.answer(7)["result"]["requests"] == 0
    shutdown_cleanly(server)


def test_lowercase_content_length_frames_a_large_message(server: RawServer) -> None:
    server.initialize()
    text = "x = 1\n" * 240_000  # 1.4 MB
    did_open = {
        "jsonrpc": "2.0",
        "method": "textDocument/didOpen",
        "params": {
            "textDocument": {
                "uri": "file:///big.py",
                "languageId": "python",
                "version": 1,
                "text": text,
            }
        },
    }
    server.write(frame(json.dumps(did_open).encode(), header=b"content-length"))
    padded = {**STATS, "params": {"padding": "p" * 1_400_000}}
    server.write(frame(json.dumps(padded).encode(), header=b"CONTENT-LENGTH"))
    answer = server.answer()  # no ParseError first: both messages were read as messages
    assert answer["id"] == 7 and "result" in answer
    shutdown_cleanly(server)


def test_junk_between_messages_is_answered_once_and_skipped(server: RawServer) -> None:
    server.initialize()
    server.write(b"garbage\r\nmore garbage\r\n\r\n" + b"\x00\xff" * 10_000 + b"\r\n")
    server.send(STATS)
    parse_error = server.answer()
    assert parse_error == {
        "jsonrpc": "2.0",
        "id": None,
        "error": {"code": -32700, "message": parse_error["error"]["message"]},
    }
    assert server.answer()["id"] == 7
    shutdown_cleanly(server)


def test_junk_just_before_a_header_costs_nothing_after_it(server: RawServer) -> None:
    server.initialize()
    server.write(b"stray line\r\n" + message(STATS))
    assert server.answer()["id"] == 7
    shutdown_cleanly(server)


def test_a_short_unreadable_or_truncated_message_never_ends_the_server(server: RawServer) -> None:
    server.initialize()
    server.write(b"Content-Length: 40\r\n\r\n{}")  # a short body: the next bytes complete it
    server.write(b" " * 38)
    assert server.answer()["error"]["code"] == -32600  # `{}` is not a request
    server.write(b"Content-Length: nine\r\n\r\n")
    server.send(STATS)
    assert server.answer()["error"]["code"] == -32700
    assert server.answer()["id"] == 7
    server.write(b"Content-Length: 100\r\n\r\n{")  # stdin ends in the middle of a message
    server.close_stdin()
    assert server.wait() == 0
    assert server.errors() == []
