"""Answer `initialize` before the language server is imported.

The editor waits for the `initialize` answer before it sends anything else, and importing
pygls and lsprotocol (its `types` module alone builds hundreds of classes) takes most of
the start-up time. The answer itself is a constant: of the server's capabilities only the
`willSave` flags depend on the client's (pygls says `false` to a client that mentions them).
So the first message is read here with nothing but `os` and `json`, answered, and then
handed to pygls with the rest of the stream: pygls handles it exactly as if it had come
first (client capabilities, settings in `initializationOptions`), and its own answer, which
the editor already has, is dropped by `SkipReply` (after checking it says the same thing).

`tests/server/test_early_initialize.py` checks that the early answer equals pygls' own for
several client capability sets: a feature registered on the server that changes the
capabilities must be added to `capabilities` below.
"""

from __future__ import annotations

import json
import logging
import os
import stat
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol

from gitlab_lsp import __version__

log = logging.getLogger(__name__)

SERVER_NAME = "gitlab-lsp"
#: Commands the server registers (`workspace/executeCommand`), as pygls lists them.
COMMANDS = ("gitlab.ls.codeSuggestionAccepted",)
_MAX_HEADER = 8192
_CONTENT_TYPE = b"Content-Type: application/vscode-jsonrpc; charset=utf-8"


@dataclass(frozen=True)
class FirstMessage:
    """The bytes read off stdin so far, and the id of the `initialize` already answered."""

    data: bytes
    answered_id: int | str | None = None
    answer: dict[str, Any] | None = None
    #: The `initialize` params (their `initializationOptions` may carry the settings).
    params: dict[str, Any] | None = None


def is_stream(stream: BinaryIO) -> bool:
    """Whether `stream` is a pipe, socket or terminal (which an event loop can watch)."""
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode)


def capabilities(client_capabilities: object) -> dict[str, Any]:
    """The server's capabilities, as pygls computes them for the registered features."""
    caps: dict[str, Any] = {
        "positionEncoding": "utf-16",
        "textDocumentSync": {"openClose": True, "change": 2, "save": False},
        "completionProvider": {},
        "executeCommandProvider": {"commands": list(COMMANDS)},
        "inlineCompletionProvider": {},
        "workspace": {
            "workspaceFolders": {"supported": True, "changeNotifications": True},
            "fileOperations": {},
        },
    }
    text_document = _get(client_capabilities, "textDocument")
    # pygls says `false` (the server has no willSave handlers) to a client that said anything.
    sync = _get(text_document, "synchronization")
    for name in ("willSave", "willSaveWaitUntil"):
        if _get(sync, name) is not None:
            caps["textDocumentSync"][name] = False
    return caps


def initialize_result(client_capabilities: object) -> dict[str, Any]:
    return {
        "capabilities": capabilities(client_capabilities),
        "serverInfo": {"name": SERVER_NAME, "version": __version__},
    }


def answer_first(fd: int, out: BinaryIO) -> FirstMessage:
    """Read the first message from `fd`; if it is `initialize`, answer it on `out` now."""
    data = b""
    header_end = -1
    while header_end < 0:
        chunk = os.read(fd, 65536)
        if not chunk:
            return FirstMessage(data)
        data += chunk
        header_end = data.find(b"\r\n\r\n")
        if header_end < 0 and len(data) > _MAX_HEADER:
            return FirstMessage(data)
    length = _content_length(data[:header_end])
    if length is None:
        return FirstMessage(data)
    body_end = header_end + 4 + length
    while len(data) < body_end:
        chunk = os.read(fd, max(65536, body_end - len(data)))
        if not chunk:
            return FirstMessage(data)
        data += chunk
    try:
        message = json.loads(data[header_end + 4 : body_end])
    except ValueError:
        return FirstMessage(data)
    if not _is_initialize(message):
        return FirstMessage(data)
    result = initialize_result(message["params"].get("capabilities"))
    body = json.dumps({"id": message["id"], "jsonrpc": "2.0", "result": result}).encode()
    out.write(b"Content-Length: %d\r\n%s\r\n\r\n%s" % (len(body), _CONTENT_TYPE, body))
    out.flush()
    return FirstMessage(data, message["id"], result, message["params"])


class Writer(Protocol):
    def write(self, data: bytes) -> None: ...

    def close(self) -> None: ...


class SkipReply:
    """pygls' writer, minus pygls' own answer to the `initialize` answered early."""

    def __init__(self, out: Writer, first: FirstMessage) -> None:
        self._out = out
        self._first: FirstMessage | None = first if first.answered_id is not None else None

    def close(self) -> None:
        self._out.close()

    def write(self, data: bytes) -> None:
        if self._first is not None and self._is_answer(data):
            return
        self._out.write(data)

    def _is_answer(self, data: bytes) -> bool:
        first = self._first
        assert first is not None
        try:
            message = json.loads(data[data.find(b"\r\n\r\n") + 4 :])
        except ValueError:
            return False
        if not isinstance(message, dict) or "method" in message:
            return False
        if message.get("id") != first.answered_id:
            return False
        self._first = None
        if message.get("result") != first.answer:
            # The editor was told something else than pygls would say: a capability was
            # added without updating `capabilities` (the tests catch this first).
            log.error(
                "initialize: the early answer differs from the server's: %s",
                json.dumps(message.get("result", message.get("error"))),
            )
        return True


def _content_length(header: bytes) -> int | None:
    for line in header.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                return int(value.strip())
            except ValueError:
                return None
    return None


def _is_initialize(message: object) -> bool:
    return (
        isinstance(message, dict)
        and message.get("jsonrpc") == "2.0"
        and message.get("method") == "initialize"
        and isinstance(message.get("id"), int | str)
        and not isinstance(message.get("id"), bool)
        and isinstance(message.get("params"), dict)
        and isinstance(message["params"].get("capabilities"), dict)
    )


def _get(value: object, key: str) -> object:
    return value.get(key) if isinstance(value, dict) else None
