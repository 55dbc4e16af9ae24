"""The Code Suggestions SDK: tokens, routing, fallback, streaming and HTTP pools.

`from gitlab_lsp import CodeSuggestions` is the usual way in; this package re-exports the
same names for callers that prefer the full path. Like `gitlab_lsp`, it resolves them lazily,
so importing `gitlab_lsp.sdk.cli` to build the command line does not import httpx.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_LAZY = {
    "CodeSuggestions": "gitlab_lsp.sdk.client",
    "SuggestionStream": "gitlab_lsp.sdk.client",
    "ApiError": "gitlab_lsp.sdk.events",
    "ApiEvent": "gitlab_lsp.sdk.events",
    "ApiRecovered": "gitlab_lsp.sdk.events",
    "Suggestion": "gitlab_lsp.sdk.models",
    "Timings": "gitlab_lsp.sdk.models",
    "TokenInfo": "gitlab_lsp.sdk.models",
    "ClientOptions": "gitlab_lsp.sdk.options",
    "SyncCodeSuggestions": "gitlab_lsp.sdk.sync",
}

if TYPE_CHECKING:
    from gitlab_lsp.sdk.client import CodeSuggestions, SuggestionStream
    from gitlab_lsp.sdk.events import ApiError, ApiEvent, ApiRecovered
    from gitlab_lsp.sdk.models import Suggestion, Timings, TokenInfo
    from gitlab_lsp.sdk.options import ClientOptions
    from gitlab_lsp.sdk.sync import SyncCodeSuggestions


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gitlab_lsp.sdk' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "ApiError",
    "ApiEvent",
    "ApiRecovered",
    "ClientOptions",
    "CodeSuggestions",
    "Suggestion",
    "SuggestionStream",
    "SyncCodeSuggestions",
    "Timings",
    "TokenInfo",
]
