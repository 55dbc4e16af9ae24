"""The `initialize` answer given before pygls is imported is the one pygls would give.

pygls' own answer comes from a server whose stdin is a regular file (the early path is only
taken on pipes); the early one from `early_initialize` and from a piped server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gitlab_lsp.server import early_initialize

SERVER = [sys.executable, "-m", "gitlab_lsp", "--stdio", "--log-file", os.devnull]

CLIENTS: dict[str, dict[str, Any]] = {
    "bare": {},
    "inline": {"textDocument": {"inlineCompletion": {}, "synchronization": {}}},
    "utf8-first": {"general": {"positionEncodings": ["utf-8", "utf-16"]}},
    "will-save": {"textDocument": {"synchronization": {"willSave": True, "didSave": True}}},
    "notebooks": {"notebookDocument": {"synchronization": {}}, "workspace": {"fileOperations": {}}},
}


def frame(message: dict[str, Any]) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def replies(output: bytes) -> list[dict[str, Any]]:
    found = []
    while output:
        header, _, rest = output.partition(b"\r\n\r\n")
        length = int(header.split(b"\r\n")[0].split(b":")[1])
        found.append(json.loads(rest[:length]))
        output = rest[length:]
    return [m for m in found if "id" in m and "method" not in m]


def session(capabilities: dict[str, Any]) -> bytes:
    params = {"processId": None, "rootUri": None, "capabilities": capabilities}
    return (
        frame({"id": 1, "method": "initialize", "params": params})
        + frame({"method": "initialized", "params": {}})
        + frame({"id": 2, "method": "shutdown"})
    )


@pytest.mark.parametrize("name", list(CLIENTS))
def test_the_early_answer_is_pygls_answer(name: str, tmp_path: Path) -> None:
    stdin = tmp_path / "in"
    stdin.write_bytes(session(CLIENTS[name]) + frame({"method": "exit"}))
    with stdin.open("rb") as file:  # a regular file: pygls answers initialize itself
        done = subprocess.run(SERVER, stdin=file, capture_output=True, timeout=60, check=False)
    answers = replies(done.stdout)
    assert [a["id"] for a in answers][:1] == [1]
    assert answers[0]["result"] == early_initialize.initialize_result(CLIENTS[name])


def piped(messages: bytes, count: int) -> tuple[list[dict[str, Any]], bytes]:
    """The first `count` replies of a server on pipes (a real client waits for them)."""
    proc = subprocess.Popen(
        SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(messages)
    proc.stdin.flush()
    out = b""
    try:
        while len(replies(out)) < count:
            header = proc.stdout.readline()
            while (line := proc.stdout.readline()) not in (b"\r\n", b""):
                header += line
            if not header:
                break
            out += header + b"\r\n" + proc.stdout.read(int(header.split(b"\r\n")[0][15:]))
    finally:
        proc.kill()
        _, err = proc.communicate(timeout=60)
    return replies(out), err


def test_a_piped_server_answers_initialize_once_and_keeps_serving() -> None:
    answers, err = piped(session(CLIENTS["inline"]), 2)
    assert [a["id"] for a in answers] == [1, 2], answers
    assert answers[0]["result"] == early_initialize.initialize_result(CLIENTS["inline"])
    assert "inlineCompletionProvider" in answers[0]["result"]["capabilities"]
    assert answers[1] == {"id": 2, "jsonrpc": "2.0", "result": None}
    assert b"differs" not in err


def test_a_first_message_that_is_not_initialize_is_left_to_the_server() -> None:
    answers, _ = piped(frame({"id": 7, "method": "shutdown"}), 1)
    # pygls' answer (the server is not initialized), not an early `initialize` result.
    assert [a["id"] for a in answers] == [7]
    assert "capabilities" not in json.dumps(answers[0])
