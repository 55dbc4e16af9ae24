"""The bundled mock of GitLab: instance (Rails), CustomersDot, AI gateway with its token
authority behind Cloud Connector routing, and a deterministic model, each on its own port.

    from gitlab_lsp.mock import MockStack
    with MockStack(realm="saas") as stack:
        stack.instance_url, stack.tokens["duo"], stack.control.requests()

The names are loaded on first use so that `gitlab-lsp --help` and the language server's start-up
(which imports `gitlab_lsp.mock.cli` to build the parser) do not pay for uvicorn and PyJWT.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gitlab_lsp.mock.client import MockControl
    from gitlab_lsp.mock.errors import ControlError, MockError, MockStartupError
    from gitlab_lsp.mock.stack import MockStack

__all__ = ["ControlError", "MockControl", "MockError", "MockStack", "MockStartupError"]

_HOMES = {
    "MockControl": "gitlab_lsp.mock.client",
    "ControlError": "gitlab_lsp.mock.errors",
    "MockError": "gitlab_lsp.mock.errors",
    "MockStartupError": "gitlab_lsp.mock.errors",
    "MockStack": "gitlab_lsp.mock.stack",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'gitlab_lsp.mock' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


def __dir__() -> list[str]:
    """The lazily resolved names too, so that help() and completion list them."""
    return sorted({*globals(), *__all__})
