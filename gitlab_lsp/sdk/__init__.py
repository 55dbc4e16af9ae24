"""The Code Suggestions SDK: tokens, routing, fallback, streaming and HTTP pools.

`from gitlab_lsp import CodeSuggestions` is the usual way in; this package re-exports the
same names for callers that prefer the full path. Like `gitlab_lsp`, it resolves them lazily,
so importing `gitlab_lsp.sdk.cli` to build the command line does not import httpx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gitlab_lsp.sdk.lazy_exports import lazy_exports

#: Each public name and the module that defines it; `gitlab_lsp` re-exports the same table.
EXPORTS: dict[str, str] = {
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

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS, globals())

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
