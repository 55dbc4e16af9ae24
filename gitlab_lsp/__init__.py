"""gitlab-lsp: SDK and language server for GitLab Duo Code Suggestions.

The SDK's names are resolved lazily (PEP 562 `__getattr__`, the table of `gitlab_lsp.sdk`),
so `gitlab-lsp --stdio` does not import httpx or the SDK before it needs them. The error
types are plain classes with no dependencies, imported at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gitlab_lsp import errors as _errors
from gitlab_lsp import sdk as _sdk
from gitlab_lsp.errors import *  # noqa: F403 - every name in gitlab_lsp.errors.__all__
from gitlab_lsp.sdk.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from gitlab_lsp.sdk import *  # noqa: F403 - resolved lazily at run time

__version__ = "0.1.0"

__getattr__, __dir__ = lazy_exports(__name__, _sdk.EXPORTS, globals())

__all__ = ["__version__"]
__all__ += _sdk.__all__
__all__ += _errors.__all__
