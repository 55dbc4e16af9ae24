"""The Code Suggestions SDK: tokens, routing, fallback, streaming and HTTP pools.

`from gitlab_lsp import CodeSuggestions` is the usual way in; this package re-exports the
same names for callers that prefer the full path.
"""

from gitlab_lsp.sdk.client import CodeSuggestions, SuggestionStream
from gitlab_lsp.sdk.events import ApiError, ApiEvent, ApiRecovered
from gitlab_lsp.sdk.models import Suggestion, Timings, TokenInfo
from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.sdk.sync import SyncCodeSuggestions

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
