"""gitlab-lsp: SDK and language server for GitLab Duo Code Suggestions.

The public names are resolved lazily (PEP 562 `__getattr__`), so `gitlab-lsp --stdio`
does not import httpx or the SDK before it needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY: dict[str, str] = {
    "CodeSuggestions": "gitlab_lsp.sdk.client",
    "SyncCodeSuggestions": "gitlab_lsp.sdk.sync",
    "Suggestion": "gitlab_lsp.sdk.models",
    "Timings": "gitlab_lsp.sdk.models",
    "TokenInfo": "gitlab_lsp.sdk.models",
    "ApiEvent": "gitlab_lsp.sdk.events",
    "ApiError": "gitlab_lsp.sdk.events",
    "ApiRecovered": "gitlab_lsp.sdk.events",
    "ClientOptions": "gitlab_lsp.sdk.options",
    **{
        name: "gitlab_lsp.errors"
        for name in (
            "GitLabLspError",
            "TokenError",
            "TokenMissing",
            "TokenInvalid",
            "TokenExpired",
            "TokenScopeMissing",
            "NoDuoSeat",
            "DirectAccessDisabled",
            "RateLimited",
            "GatewayError",
            "InstanceError",
            "SuggestionTimeout",
            "NoKeyringBackend",
            "ConfigurationError",
        )
    },
}

if TYPE_CHECKING:
    from gitlab_lsp.errors import (
        ConfigurationError,
        DirectAccessDisabled,
        GatewayError,
        GitLabLspError,
        InstanceError,
        NoDuoSeat,
        NoKeyringBackend,
        RateLimited,
        SuggestionTimeout,
        TokenError,
        TokenExpired,
        TokenInvalid,
        TokenMissing,
        TokenScopeMissing,
    )
    from gitlab_lsp.sdk.client import CodeSuggestions
    from gitlab_lsp.sdk.events import ApiError, ApiEvent, ApiRecovered
    from gitlab_lsp.sdk.models import Suggestion, Timings, TokenInfo
    from gitlab_lsp.sdk.options import ClientOptions
    from gitlab_lsp.sdk.sync import SyncCodeSuggestions


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gitlab_lsp' has no attribute {name!r}")
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
    "ConfigurationError",
    "DirectAccessDisabled",
    "GatewayError",
    "GitLabLspError",
    "InstanceError",
    "NoDuoSeat",
    "NoKeyringBackend",
    "RateLimited",
    "Suggestion",
    "SuggestionTimeout",
    "SyncCodeSuggestions",
    "Timings",
    "TokenError",
    "TokenExpired",
    "TokenInfo",
    "TokenInvalid",
    "TokenMissing",
    "TokenScopeMissing",
    "__version__",
]
