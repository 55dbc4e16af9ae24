"""The custom notifications GitLab's editor plugins listen to, and `window/showMessage`.

Names and payloads are those of the official server (docs/server.md), so gitlab.vim and the
VS Code extension show our state without changes. Feature state is sent only when it changes,
as the official server does: plugins redraw their status icon on every notification; and
only once the authentication state is known, so that no "ready" precedes "sign in".
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

log = logging.getLogger(__name__)

TOKEN_CHECK = "$/gitlab/token/check"
FEATURE_STATE_CHANGE = "$/gitlab/featureStateChange"
API_ERROR = "$/gitlab/api/error"
API_RECOVERED = "$/gitlab/api/recovered"

FEATURE_ID = "code_suggestions"
AUTHENTICATION_REQUIRED = "authentication-required"
API_ERROR_CHECK = "code-suggestions-api-error"
UNSUPPORTED_LANGUAGE = "code-suggestions-document-unsupported-language"
DISABLED_LANGUAGE = "code-suggestions-document-disabled-language"
UNSUPPORTED_VERSION = "code-suggestions-unsupported-gitlab-version"
NO_LICENSE = "code-suggestions-no-license"

#: Checks that hold for the whole server, against those that depend on the active document.
_GLOBAL_CHECKS = (AUTHENTICATION_REQUIRED, API_ERROR_CHECK, UNSUPPORTED_VERSION, NO_LICENSE)


class Messages:
    """Sends our notifications and remembers the feature state last sent."""

    def __init__(self, server: LanguageServer) -> None:
        self._server = server
        self._global: dict[str, str | None] = {}
        self._document_check: tuple[str, str] | None = None
        self._sent: list[dict[str, Any]] | None = None
        #: Nothing is published before the authentication state is known (the first token
        #: check or suggestion has an outcome): a status bar would show "ready" too early.
        self._known = False

    def _notify(self, method: str, params: Any) -> None:
        if self._server.protocol.writer is None:
            return
        try:
            self._server.protocol.notify(method, params)
        except Exception:
            log.warning("could not send %s to the editor", method, exc_info=True)

    # --- what the user must act on -------------------------------------------------------

    def show(self, message: str, *, error: bool = False) -> None:
        from lsprotocol import types

        if self._server.protocol.writer is None:
            return
        kind = types.MessageType.Error if error else types.MessageType.Warning
        self._server.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def token_check(self, message: str) -> None:
        self._notify(TOKEN_CHECK, {"message": message})

    # --- route health --------------------------------------------------------------------

    def api_error(self, route: str, status: int, message: str) -> None:
        self._notify(API_ERROR, {"route": route, "status": status, "message": message})

    def api_recovered(self, route: str) -> None:
        self._notify(API_RECOVERED, {"route": route})

    # --- feature state -------------------------------------------------------------------

    def set_check(self, check_id: str, engaged: bool, details: str | None = None) -> None:
        """Engage or release a server-wide check (authentication, API errors...)."""
        if check_id not in _GLOBAL_CHECKS:
            raise ValueError(f"{check_id} is a per-document check")
        if check_id == AUTHENTICATION_REQUIRED:
            self._known = True
        if engaged:
            self._global[check_id] = details
        else:
            self._global.pop(check_id, None)
        self._publish()

    def set_document_check(self, check_id: str | None, details: str = "") -> None:
        """The active document's language check (None: the document is fine)."""
        self._document_check = None if check_id is None else (check_id, details)
        self._publish()

    def state_known(self) -> None:
        """The token could not be checked (instance unreachable...): publish what is known."""
        self._known = True
        self._publish()

    def engaged_checks(self) -> list[dict[str, Any]]:
        checks: list[dict[str, Any]] = []
        for check_id, details in self._global.items():
            checks.append({"checkId": check_id, **({"details": details} if details else {})})
        if self._document_check is not None:
            check_id, details = self._document_check
            checks.append({"checkId": check_id, **({"details": details} if details else {})})
        return checks

    def _publish(self) -> None:
        if not self._known:
            return
        checks = self.engaged_checks()
        if checks == self._sent:
            return
        self._sent = checks
        self._notify(FEATURE_STATE_CHANGE, [[{"featureId": FEATURE_ID, "engagedChecks": checks}]])
