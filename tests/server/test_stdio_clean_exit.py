"""Every way an editor says goodbye ends the process with 0 and nothing logged at ERROR.

Neovim sends `shutdown` and `exit` in the same write; other editors close the pipes (with or
without `shutdown` first) while the server still has upstream connections open. Each test
checks the exit code, stderr and the log file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .raw_stdio import DEADLINE_S, RawServer, message
from .session import PY_TEXT, PY_URI, SERVER_ENV, end_of

SHUTDOWN = {"jsonrpc": "2.0", "id": 90, "method": "shutdown"}
EXIT = {"jsonrpc": "2.0", "method": "exit"}


@pytest.fixture
def mock_server(tmp_path: Path, mock_gateway: Any) -> Iterator[RawServer]:
    """A server using the session's mock, with one suggestion made (connections open)."""
    raw = RawServer(tmp_path)
    raw.initialize({"baseUrl": mock_gateway.instance_url, "token": mock_gateway.tokens["duo"]})
    raw.open_document(PY_URI, PY_TEXT)
    position = end_of(PY_TEXT)
    raw.send(
        {
            "jsonrpc": "2.0",
            "id": 2,
            "method": "textDocument/inlineCompletion",
            "params": {
                "textDocument": {"uri": PY_URI},
                "position": {"line": position.line, "character": position.character},
                "context": {"triggerKind": 1},
            },
        }
    )
    assert raw.answer(2)["result"]["items"], "the mock should have suggested something"
    yield raw
    raw.kill()


def test_shutdown_and_exit_in_one_write(mock_server: RawServer) -> None:
    mock_server.write(message(SHUTDOWN) + message(EXIT))
    assert mock_server.answer(90)["result"] is None
    assert mock_server.wait() == 0
    assert mock_server.errors() == []


def test_stdin_closed_right_after_shutdown(mock_server: RawServer) -> None:
    mock_server.send(SHUTDOWN)
    mock_server.close_stdin()
    assert mock_server.wait() == 0
    assert mock_server.errors() == []


def test_stdin_closed_without_shutdown(mock_server: RawServer) -> None:
    mock_server.close_stdin()
    assert mock_server.wait() == 0
    assert mock_server.errors() == []


def test_exit_without_shutdown_exits_with_1(tmp_path: Path) -> None:
    """LSP: `exit` before `shutdown` is an abnormal end (1), still without an ERROR."""
    raw = RawServer(tmp_path)
    try:
        raw.initialize()
        raw.send(EXIT)
        assert raw.wait() == 1
        assert raw.errors() == []
    finally:
        raw.kill()


def test_the_editor_closing_stdout_first(tmp_path: Path) -> None:
    log_file = tmp_path / "server.log"
    stderr_file = tmp_path / "stderr.txt"
    with stderr_file.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "gitlab_lsp", "--stdio", "--log-file", str(log_file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=SERVER_ENV,
        )
    assert process.stdin is not None and process.stdout is not None
    try:
        initialize = {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "rootUri": None, "capabilities": {}},
        }
        process.stdin.write(message(initialize))
        process.stdin.flush()
        length = 0
        while line := process.stdout.readline().strip():
            length = (
                int(line.split(b":")[1]) if line.lower().startswith(b"content-length") else length
            )
        assert json.loads(process.stdout.read(length))["id"] == 1
        process.stdout.close()  # the editor stops reading: the next answer meets a closed pipe
        process.stdin.write(message({"jsonrpc": "2.0", "id": 2, "method": "gitlab-lsp/stats"}))
        process.stdin.flush()
        assert process.wait(timeout=DEADLINE_S) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    text = stderr_file.read_text() + log_file.read_text()
    assert "closed the connection" in text
    assert [line for line in text.splitlines() if " ERROR " in line or "Traceback" in line] == []
