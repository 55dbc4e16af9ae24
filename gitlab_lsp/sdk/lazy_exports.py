"""Lazy re-exports (PEP 562) for `gitlab_lsp` and `gitlab_lsp.sdk`.

Both packages name classes defined in deeper modules without importing those modules until a
name is first used: `gitlab-lsp --stdio` and the command-line parser must start without
importing httpx and the whole SDK.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any


def lazy_exports(
    package: str, table: Mapping[str, str], namespace: MutableMapping[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module-level `__getattr__` and `__dir__` for `package`.

    `table` maps each exported name to the module that defines it; `namespace` is the
    package's `globals()`, where a resolved name is cached so the next lookup is a plain one.
    """

    def __getattr__(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *table})

    return __getattr__, __dir__
