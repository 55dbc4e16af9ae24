"""A `gitlab-lsp --stdio` subprocess driven byte by byte, for what a polite client never sends.

pytest-lsp frames and serialises every message itself; these tests need to write junk, odd
headers and half messages, and to read exactly what comes back (null ids, batch answers), the
exit code and the process's stderr and log file.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from .session import SERVER_ENV

DEADLINE_S = 30.0
INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {"processId": None, "rootUri": None, "capabilities": {}},
}


def frame(body: bytes, header: bytes = b"Content-Length") -> bytes:
    return header + b": %d\r\n\r\n" % len(body) + body


def message(payload: Any) -> bytes:
    return frame(json.dumps(payload).encode())


class RawServer:
    def __init__(
        self,
        tmp_path: Path,
        *args: str,
        log_file: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        """`log_file`: where the server is told to log (None: `tmp_path/logs/gitlab-lsp.log`);
        with `env`, the server picks its default log file and `log_file` says where it is."""
        self.log_file = log_file or tmp_path / "logs" / "gitlab-lsp.log"
        self.stderr_file = tmp_path / "stderr.txt"
        log_args = [] if env is not None else ["--log-file", str(self.log_file)]
        command = [sys.executable, "-m", "gitlab_lsp", "--stdio", *log_args, *args]
        with self.stderr_file.open("wb") as stderr:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env={**SERVER_ENV, **(env or {})},
            )
        self.received: queue.Queue[Any] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        stdout = self.process.stdout
        while True:
            length = None
            while True:
                line = stdout.readline()
                if not line:
                    self.received.put(None)
                    return
                if not line.strip():
                    break
                name, _, value = line.decode().partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            assert length is not None
            self.received.put(json.loads(stdout.read(length)))

    def write(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, payload: Any) -> None:
        self.write(message(payload))

    def next_message(self) -> Any:
        """The next message the server writes (None once its stdout has closed)."""
        return self.received.get(timeout=DEADLINE_S)

    def answer(self, msg_id: Any = ..., *, skip_server_requests: bool = True) -> Any:
        """The next answer (a message with `result` or `error`, or a batch answer), skipping
        notifications and answering the server's own requests with null."""
        while True:
            got = self.next_message()
            assert got is not None, "the server closed its stdout without answering"
            if isinstance(got, list) or "method" not in got:
                if msg_id is ... or (isinstance(got, dict) and got.get("id") == msg_id):
                    return got
                continue
            if "id" in got and skip_server_requests:
                self.send({"jsonrpc": "2.0", "id": got["id"], "result": None})

    def initialize(self, options: dict[str, Any] | None = None) -> Any:
        """`initialize` (with `options` as initializationOptions), then `initialized`."""
        if options is None:
            self.send(INITIALIZE)
        else:
            self.send(
                {**INITIALIZE, "params": {**INITIALIZE["params"], "initializationOptions": options}}
            )
        answer = self.answer(1)
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        return answer

    def open_document(self, uri: str, text: str, language_id: str = "python") -> None:
        """`textDocument/didOpen` at version 1."""
        self.send(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {
                        "uri": uri,
                        "languageId": language_id,
                        "version": 1,
                        "text": text,
                    }
                },
            }
        )

    def close_stdin(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()

    def wait(self) -> int:
        """The exit code (the process must end within the deadline)."""
        return self.process.wait(timeout=DEADLINE_S)

    def errors(self) -> list[str]:
        """Lines logged at ERROR (or worse), and tracebacks, on stderr and in the log file."""
        text = self.stderr_file.read_text(errors="replace")
        if self.log_file.exists():
            text += self.log_file.read_text(errors="replace")
        return [
            line
            for line in text.splitlines()
            if " ERROR " in line or " CRITICAL " in line or line.startswith("Traceback")
        ]

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
