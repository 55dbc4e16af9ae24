"""pygls' LSP protocol with the robustness and negotiation this server needs.

- A request whose params do not fit the method's schema is answered with InvalidParams;
  stock pygls logs it and never answers, leaving the editor waiting.
- Positions are always UTF-16: the incremental intent documents count in UTF-16, so a client
  that would prefer UTF-8 is not offered it.
- Documents live in our `DocumentStore` (one incremental intent document each), not also in
  pygls' workspace: a multi-megabyte file is held and edited once, not twice.
- Inline completion is always advertised (plugins such as gitlab.vim request it themselves on
  editors that do not declare it); completion only to clients that do not declare inline
  completion, so that an editor with both does not show every suggestion twice.
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from typing import Any

import attrs
from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams, JsonRpcInvalidRequest
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from gitlab_lsp.server import pygls_compat

log = logging.getLogger(__name__)


@attrs.define
class RejectedRequest:
    """A request we could not read: answered with an error instead of being handled."""

    id: Any
    method: str
    jsonrpc: str
    error: types.ResponseError


class GitLabProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except Exception as exc:
            if not (isinstance(data.get("id"), int | str) and isinstance(data.get("method"), str)):
                raise
            error = exc if isinstance(exc, JsonRpcException) else JsonRpcInvalidParams()
            return RejectedRequest(
                id=data["id"],
                method=data["method"],
                jsonrpc=str(data.get("jsonrpc")),
                error=error.to_response_error(),
            )

    def handle_message(self, message: Any) -> None:
        if isinstance(message, RejectedRequest):
            log.warning("rejected %s request %r: invalid params", message.method, message.id)
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
        result: types.InitializeResult = yield from super().lsp_initialize(params)
        text_document = params.capabilities.text_document
        if text_document is not None and text_document.inline_completion is not None:
            result.capabilities.completion_provider = None
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
