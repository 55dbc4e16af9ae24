"""What `initialize` carries besides capabilities: who is calling, and maybe the settings.

Read by `Configuration` when pygls handles `initialize`, and by `early_start` before pygls is
even imported; both must read the same thing, so both read it here (with nothing heavier
than the settings module imported).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.server.settings import names_settings, unwrap


def caller_options(options: object) -> ClientOptions:
    """Who is calling, from `initializationOptions.ide` / `.extension` (tolerating anything
    else being there), as the SDK's options with only those fields set."""
    if not isinstance(options, Mapping):
        return ClientOptions()
    ide, ext = options.get("ide"), options.get("extension")

    def text(section: object, key: str) -> str | None:
        value = section.get(key) if isinstance(section, Mapping) else None
        return value if isinstance(value, str) and value else None

    return ClientOptions(
        ide_name=text(ide, "name"),
        ide_version=text(ide, "version"),
        ide_vendor=text(ide, "vendor"),
        extension_name=text(ext, "name"),
        extension_version=text(ext, "version"),
    )


def settings_in(options: object) -> object:
    """Where the settings are in `initializationOptions`: bare, or under `settings` (then
    `settings.unwrap` finds ours, maybe under a `gitlab` section); None when it has none."""
    if not isinstance(options, Mapping):
        return None
    return options.get("settings", options)


def initial_settings(options: object) -> Mapping[str, Any] | None:
    """Our settings in `initializationOptions`, if it names any (it may carry only `ide`)."""
    raw = unwrap(settings_in(options))
    return raw if raw is not None and names_settings(raw) else None
