"""Suggestion requests as real clients send them, made into the shape LSP 3.18 defines.

Runs on the raw JSON params, before lsprotocol reads them, so that what the clients below send
is answered instead of being refused with InvalidParams. What is accepted, and who sends it:

`textDocument/inlineCompletion` `context`
- absent, `null` or `{}` (GitLab's Neovim plugin sends `context = {}`): automatic;
- `triggerKind` absent or `null`: automatic (GitLab's own server reads it the same way);
- `triggerKind` 0: invoked, in the LSP 3.17.5 proposed numbering (`Invoked = 0, Automatic = 1`)
  that vscode-languageserver 9 clients and VS Code use. Once a client has sent 0 (or says it
  is VS Code), its 1 means automatic; otherwise 1 is invoked and 2 automatic, as in LSP 3.18
  (Neovim 0.12, Emacs packages);
- `selectedCompletionInfo: null`: as if absent.

`textDocument/completion` `context`
- absent or `null`: no context (Vim and Emacs clients send none);
- `{}` or a `triggerKind` that is absent, `null` or not 1-3: no context.

Both methods: unknown fields anywhere are ignored, and a `null` optional field is as if
absent. Positions with wrong types (a string line, a missing character) are still refused
with InvalidParams naming the field: the server cannot know where the cursor is.
"""

from __future__ import annotations

from typing import Any

INLINE_COMPLETION = "textDocument/inlineCompletion"
COMPLETION = "textDocument/completion"
INVOKED = 1
AUTOMATIC = 2
#: `clientInfo.name` of clients that number inline trigger kinds the 3.17.5 way.
_LEGACY_NUMBERING_CLIENTS = ("visual studio code", "vscode", "vscodium", "code - oss", "cursor")


class InvalidParams(ValueError):
    """A suggestion request the server cannot read (its message says which field)."""


def check_position(params: dict[str, Any]) -> None:
    """Positions are counted, never converted: `"3"` is a client bug, not line 3."""
    position = params.get("position")
    if not isinstance(position, dict):
        raise InvalidParams("position must be an object {line, character}")
    for key in ("line", "character"):
        value = position.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidParams(f"position.{key} must be a non-negative integer")


class TriggerNumbering:
    """Which inline-completion trigger numbering this client uses, learnt as it goes."""

    def __init__(self) -> None:
        self.legacy = False

    def learn_client(self, client_name: object) -> None:
        if isinstance(client_name, str) and client_name.strip().lower().startswith(
            _LEGACY_NUMBERING_CLIENTS
        ):
            self.legacy = True

    def kind(self, value: object) -> int:
        """The LSP 3.18 trigger kind for what the client sent."""
        if isinstance(value, bool) or not isinstance(value, int):
            return AUTOMATIC
        if value == 0:
            self.legacy = True
            return INVOKED
        if value == 1:
            return AUTOMATIC if self.legacy else INVOKED
        return AUTOMATIC


def normalise(method: str, params: Any, numbering: TriggerNumbering) -> Any:
    """`params` of a suggestion request in the shape lsprotocol reads; others unchanged."""
    if method not in (INLINE_COMPLETION, COMPLETION) or not isinstance(params, dict):
        return params
    params = _drop_nulls(params)
    check_position(params)
    context = params.get("context")
    if method == INLINE_COMPLETION:
        fixed: dict[str, Any] = dict(context) if isinstance(context, dict) else {}
        fixed["triggerKind"] = numbering.kind(fixed.get("triggerKind"))
        if not isinstance(fixed.get("selectedCompletionInfo"), dict):
            fixed.pop("selectedCompletionInfo", None)
        params["context"] = fixed
    elif context is not None:
        kind = context.get("triggerKind") if isinstance(context, dict) else None
        if isinstance(kind, bool) or kind not in (1, 2, 3):
            del params["context"]
    return params


def _drop_nulls(value: Any) -> Any:
    """`value` without the object fields that are `null` (optional ones, in these requests)."""
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value
