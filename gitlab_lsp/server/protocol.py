"""pygls' LSP protocol with the robustness and negotiation this server needs.

- A request whose params do not fit the method's schema is answered with InvalidParams;
  stock pygls logs it and never answers, leaving the editor waiting.
- Positions are always UTF-16: the incremental intent documents count in UTF-16, so a client
  that would prefer UTF-8 is not offered it.
- Documents live in our `DocumentStore` (one incremental intent document each), not also in
  pygls' workspace: a multi-megabyte file is held and edited once, not twice.
- Inline completion and completion are both advertised to every client, as GitLab's own
  server does: GitLab's Neovim plugin asks for inline completion on a Neovim that does not
  declare it, and completes through omnifunc on one that does. Clients that would show both
  (VS Code) mute one side themselves (editors/vscode drops the completion menu's source).
- Suggestion requests are read leniently (`leniency.py`): the shapes real clients send are
  answered, not refused.
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from typing import Any

import attrs
from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams, JsonRpcInvalidRequest
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import JsonRPCRequestMessage
from pygls.protocol.language_server import lsp_method

from gitlab_lsp.server import pygls_compat
from gitlab_lsp.server.leniency import InvalidParams, TriggerNumbering, normalise

log = logging.getLogger(__name__)


@attrs.define
class RejectedRequest:
    """A request we could not read: answered with an error instead of being handled."""

    id: Any
    method: str
    jsonrpc: str
    error: types.ResponseError


class GitLabProtocol(LanguageServerProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.trigger_numbering = TriggerNumbering()
        #: What the client said at `initialize` (None before): item shapes depend on it.
        self.initialize_params: types.InitializeParams | None = None

    def structure_message(self, data: dict[str, Any]) -> Any:
        method = data.get("method")
        try:
            if isinstance(method, str) and "params" in data:
                params = normalise(method, data["params"], self.trigger_numbering)
                data = {**data, "params": params}
            if (
                "jsonrpc" in data
                and "id" in data
                and isinstance(method, str)
                and "error" not in data
            ):
                # A request: structured here, because pygls logs a failure at ERROR with a
                # traceback before raising; ours is answered InvalidParams with one warning.
                request_type = self.get_message_type(method) or JsonRPCRequestMessage
                return pygls_compat.structure(self, data, request_type)
            return super().structure_message(data)
        except Exception as exc:
            if not (isinstance(data.get("id"), int | str) and isinstance(data.get("method"), str)):
                raise
            if isinstance(exc, JsonRpcException):
                error = exc
            elif isinstance(exc, InvalidParams):
                error = JsonRpcInvalidParams(str(exc))
            else:
                error = JsonRpcInvalidParams()
            return RejectedRequest(
                id=data["id"],
                method=data["method"],
                jsonrpc=str(data.get("jsonrpc")),
                error=error.to_response_error(),
            )

    def handle_message(self, message: Any) -> None:
        if isinstance(message, RejectedRequest):
            log.warning(
                "rejected %s request %r: %s", message.method, message.id, message.error.message
            )
            pygls_compat.send_response(self, message.id, error=message.error)
            return
        if getattr(message, "jsonrpc", None) != self.VERSION:
            msg_id = getattr(message, "id", None)
            if isinstance(msg_id, int | str) and isinstance(getattr(message, "method", None), str):
                pygls_compat.send_response(
                    self, msg_id, error=JsonRpcInvalidRequest().to_response_error()
                )
            log.warning("ignored a message that is not JSON-RPC 2.0")
            return
        super().handle_message(message)

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(
        self, params: types.InitializeParams
    ) -> Generator[Any, Any, types.InitializeResult]:
        if params.capabilities.general is not None:
            params.capabilities.general.position_encodings = None
        self.initialize_params = params
        if params.client_info is not None:
            self.trigger_numbering.learn_client(params.client_info.name)
        result: types.InitializeResult = yield from super().lsp_initialize(params)
        return result

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(
        self, params: types.DidOpenTextDocumentParams
    ) -> Generator[Any, Any, None]:
        if (handler := pygls_compat.user_handler(self, types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: types.DidChangeTextDocumentParams
    ) -> Generator[Any, Any, None]:
        if (handler := pygls_compat.user_handler(self, types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(
        self, params: types.DidCloseTextDocumentParams
    ) -> Generator[Any, Any, None]:
        if (handler := pygls_compat.user_handler(self, types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None
