"""What an incoming message is, and the answers JSON-RPC and LSP require before any handler.

pygls hands every decoded body to its handlers and stays silent about the rest: a body that is
not a JSON-RPC 2.0 object, a batch, a request before `initialize` or after `shutdown`. Each of
those is owed an answer (JSON-RPC 2.0 section 5, LSP "Lifecycle Messages"), with the request's
id whenever it can be read, or the editor waits for ever. This module decides which; the
transport writes what it returns and hands the rest to pygls.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Literal

log = logging.getLogger(__name__)

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
INVALID_PARAMS = -32602
SERVER_NOT_INITIALIZED = -32002

Id = int | str | None
Lifecycle = Literal["starting", "running", "shutting down"]


@dataclass(frozen=True)
class Dispatch:
    """A well-formed message for pygls: `data` is the decoded JSON object."""

    data: dict[str, Any]
    method: str | None
    id: Id


def error_response(msg_id: Id, code: int, message: str) -> dict[str, Any]:
    """A JSON-RPC error response, as a plain dict (lsprotocol's converter drops a null id)."""
    return {"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}}


def _readable_id(data: object) -> Id:
    if isinstance(data, dict):
        msg_id = data.get("id")
        if isinstance(msg_id, int | str) and not isinstance(msg_id, bool):
            return msg_id
    return None


def _problem(data: object) -> str | None:
    """Why `data` is not a JSON-RPC 2.0 request, notification or response (None: it is)."""
    if not isinstance(data, dict):
        return "a message must be a JSON object"
    if data.get("jsonrpc") != "2.0":
        return 'the "jsonrpc" member must be "2.0"'
    if "method" in data:
        if not isinstance(data["method"], str):
            return 'the "method" member must be a string'
        # Params of any shape go through: some clients send a bare string where JSON-RPC
        # wants an array, and the handlers read it leniently.
        if "id" in data and _readable_id(data) is None:
            return 'a request\'s "id" must be a number or a string'
        return None
    if "id" not in data or not ("result" in data or "error" in data):
        return "neither a request, a notification nor a response"
    return None


class Envelope:
    """Reads bodies and tracks the LSP lifecycle; `receive` returns what to write back and
    what to hand to pygls (never both for one message)."""

    def __init__(self) -> None:
        self.state: Lifecycle = "starting"

    def receive(self, body: bytes) -> tuple[list[Any], Dispatch | None]:
        try:
            data = json.loads(body)
        except RecursionError:
            return self._too_deep(body), None
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
            log.warning("received a message that is not JSON: %s", exc)
            return [error_response(None, PARSE_ERROR, "Parse error")], None
        if isinstance(data, list):
            return self._batch(data), None
        problem = _problem(data)
        if problem is not None:
            msg_id = _readable_id(data)
            if isinstance(data, dict) and "method" not in data and "id" in data:
                log.warning("ignored a malformed response: %s", problem)
                return [], None  # a response is never answered
            log.warning("answered an invalid request (id %r): %s", msg_id, problem)
            return [error_response(msg_id, INVALID_REQUEST, f"Invalid Request: {problem}")], None
        return self._lifecycle(data)

    def _too_deep(self, body: bytes) -> list[Any]:
        """A message nested past what the decoder reads: answered with its id when the id
        can be read beside the deep part (a request), else as a parse error."""
        from gitlab_lsp.server.shallow_json import NotAnObject, top_level_scalars

        log.warning("received a message nested too deeply to read (%d bytes)", len(body))
        try:
            members = top_level_scalars(body.decode("utf-8"))
        except (NotAnObject, UnicodeDecodeError, RecursionError):
            return [error_response(None, PARSE_ERROR, "Parse error: nested too deeply")]
        msg_id = _readable_id(members)
        if msg_id is None or not isinstance(members.get("method"), str):
            return [error_response(None, PARSE_ERROR, "Parse error: nested too deeply")]
        return [error_response(msg_id, INVALID_PARAMS, "Invalid params: nested too deeply")]

    def junk(self, reason: str) -> list[Any]:
        """Bytes that were not a message at all: a ParseError with a null id."""
        log.warning("skipped input that is not an LSP message: %s", reason)
        return [error_response(None, PARSE_ERROR, f"Parse error: {reason}")]

    def _batch(self, items: list[Any]) -> list[Any]:
        """LSP has no batches: every request in one is refused, in one array, as JSON-RPC 2.0
        answers a batch (notifications in it get nothing; an empty batch is itself invalid)."""
        log.warning("refused a JSON-RPC batch of %d messages (LSP has no batches)", len(items))
        if not items:
            return [error_response(None, INVALID_REQUEST, "Invalid Request: empty batch")]
        answers = [
            error_response(
                _readable_id(item), INVALID_REQUEST, "Invalid Request: batches are not supported"
            )
            for item in items
            if not (isinstance(item, dict) and isinstance(item.get("method"), str)) or "id" in item
        ]
        return [answers] if answers else []

    def _lifecycle(self, data: dict[str, Any]) -> tuple[list[Any], Dispatch | None]:
        method = data.get("method")
        msg_id = _readable_id(data)
        if method is not None and "params" not in data:
            # JSON-RPC lets a request omit params; pygls' untyped messages require the field.
            data = {**data, "params": None}
        message = Dispatch(data, method, msg_id)
        if method is None or method == "exit":
            return [], message  # responses to our own requests, and exit, always go through
        is_request = "id" in data
        if self.state == "starting" and method != "initialize":
            if not is_request:
                log.info("dropped %s before initialize", method)
                return [], None
            log.warning("refused %s request %r before initialize", method, msg_id)
            return [error_response(msg_id, SERVER_NOT_INITIALIZED, "Server not initialized")], None
        if self.state == "shutting down":
            if not is_request:
                log.info("dropped %s after shutdown", method)
                return [], None
            log.warning("refused %s request %r after shutdown", method, msg_id)
            return [
                error_response(msg_id, INVALID_REQUEST, "Invalid Request: the server is shut down")
            ], None
        if method == "initialize" and is_request:
            self.state = "running"
        elif method == "shutdown" and is_request:
            self.state = "shutting down"
        return [], message
