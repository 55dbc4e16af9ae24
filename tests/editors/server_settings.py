"""The settings keys the server knows, read from its own `Settings` dataclass.

Editor data files (Helix, Zed, Sublime, JetBrains, VS Code, the Neovim and Emacs configs) are
checked against these, so a key renamed in the server fails here instead of being silently
ignored by it (the server ignores unknown keys, as the official one does).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

from gitlab_lsp.server.settings import Settings

#: Fields that the server reads from a differently named place than camelCase(field).
_RENAMED = {"stream_code_generations": "featureFlags.streamCodeGenerations"}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def known_setting_paths() -> set[str]:
    """Dotted camelCase paths, e.g. `baseUrl`, `codeCompletion.enabled`."""
    defaults = Settings()
    paths: set[str] = set()
    for field in dataclasses.fields(Settings):
        if field.name in _RENAMED:
            paths.add(_RENAMED[field.name])
            continue
        value = getattr(defaults, field.name)
        if dataclasses.is_dataclass(value):
            for sub in dataclasses.fields(value):
                paths.add(f"{_camel(field.name)}.{_camel(sub.name)}")
        else:
            paths.add(_camel(field.name))
    return paths


def setting_paths(settings: Mapping[str, Any], prefix: str = "") -> Iterator[str]:
    """The leaf paths of a nested settings object."""
    for key, value in settings.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from setting_paths(value, f"{path}.")
        else:
            yield path


def assert_known_settings(settings: Mapping[str, Any]) -> None:
    unknown = sorted(set(setting_paths(settings)) - known_setting_paths())
    assert not unknown, f"settings the server does not know: {unknown}"
