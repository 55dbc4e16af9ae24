"""Editor settings: parsed once into a frozen, typed value, or rejected as a whole.

Keys are those of GitLab's official language server (see docs/server.md), so an editor set up
for it works unchanged. Two keys are ours: `codeCompletion.debounceMs` and
`codeCompletion.directConnection`. An update is applied on top of the current settings and
is all-or-nothing: if any key is bad, every problem is reported and the last good settings
stay in force, so a typo never silently switches the server off.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from gitlab_lsp.errors import ConfigurationError

LOG_LEVELS = ("debug", "info", "warning", "error")
DEFAULT_BASE_URL = "https://gitlab.com"
MAX_CACHE_ENTRIES = 10_000


class InvalidSetting(ConfigurationError):
    """One setting has a value the server cannot use."""

    def __init__(self, key: str, reason: str) -> None:
        self.key = key
        self.reason = reason
        super().__init__(f"setting {key!r}: {reason}")


class InvalidSettings(ConfigurationError):
    """A settings update was rejected; `problems` lists every bad key."""

    def __init__(self, problems: list[InvalidSetting]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


@dataclass(frozen=True)
class CodeCompletionSettings:
    enabled: bool = True
    enable_secret_redaction: bool = True
    additional_languages: tuple[str, ...] = ()
    disabled_supported_languages: tuple[str, ...] = ()
    debounce_ms: int = 250
    direct_connection: bool = True
    #: Context sources besides open tabs (`openTabsContext`), the byte budget and exclusions.
    context_imports: bool = True
    context_recent_edits: bool = True
    context_budget_bytes: int = 50_000
    context_exclusions: tuple[str, ...] = ()


@dataclass(frozen=True)
class TelemetrySettings:
    enabled: bool = True
    tracking_url: str | None = None


@dataclass(frozen=True)
class HttpAgentOptions:
    ca: str | None = None
    cert: str | None = None
    cert_key: str | None = None


@dataclass(frozen=True)
class CacheSettings:
    """`ttl` is held in seconds; the setting is in milliseconds, as the official server's."""

    enabled: bool = True
    max_size: int = 100
    ttl: float = 60.0


@dataclass(frozen=True)
class Settings:
    base_url: str = DEFAULT_BASE_URL
    token: str | None = field(default=None, repr=False)
    project_path: str | None = None
    code_completion: CodeCompletionSettings = CodeCompletionSettings()
    telemetry: TelemetrySettings = TelemetrySettings()
    stream_code_generations: bool = False
    log_level: str = "info"
    ignore_certificate_errors: bool = False
    http_agent_options: HttpAgentOptions = HttpAgentOptions()
    suggestions_cache: CacheSettings = CacheSettings()
    open_tabs_context: bool = True

    def connection_key(self) -> tuple[object, ...]:
        """What the SDK client depends on: a change here means a new client."""
        return (
            self.base_url,
            self.token,
            self.project_path,
            self.ignore_certificate_errors,
            self.http_agent_options,
            self.code_completion.enable_secret_redaction,
            self.code_completion.direct_connection,
            self.code_completion.context_budget_bytes,
        )


# --- value checks: each returns the parsed value or raises InvalidSetting -----------------


def _bool(key: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise InvalidSetting(key, f"expected true or false, got {type(value).__name__}")


def _optional_str(key: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    raise InvalidSetting(key, f"expected a string, got {type(value).__name__}")


def _base_url(key: str, value: object) -> str:
    text = _optional_str(key, value)
    if text is None:
        return DEFAULT_BASE_URL
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidSetting(key, "expected an http:// or https:// URL with a host")
    return text.rstrip("/")


def _token(key: str, value: object) -> str | None:
    text = _optional_str(key, value)
    if text is not None and any(c.isspace() for c in text):
        raise InvalidSetting(key, "a token cannot contain spaces or line breaks")
    return text


def _log_level(key: str, value: object) -> str:
    text = _optional_str(key, value)
    level = (text or "info").lower()
    if level == "warn":
        level = "warning"
    if level not in LOG_LEVELS:
        raise InvalidSetting(key, f"expected one of {', '.join(LOG_LEVELS)}")
    return level


def _languages(key: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise InvalidSetting(key, "expected a list of language identifiers")


def _globs(key: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise InvalidSetting(key, "expected a list of glob patterns")


def _int_range(low: int, high: int) -> Callable[[str, object], int]:
    def check(key: str, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            raise InvalidSetting(key, "expected a whole number")
        if not low <= value <= high:
            raise InvalidSetting(key, f"expected a number from {low} to {high}")
        return int(value)

    return check


def _milliseconds_as_seconds(key: str, value: object) -> float:
    """A duration in milliseconds, the unit of the official server's cache `ttl`."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise InvalidSetting(key, "expected a number of milliseconds, 0 or more")
    return float(value) / 1000


def _cache_entries(key: str, value: object) -> int:
    """Entries to keep; the official server's larger defaults are accepted and capped."""
    return min(_int_range(1, 2**31)(key, value), MAX_CACHE_ENTRIES)


def _pem_file(key: str, value: object) -> str | None:
    path = _optional_str(key, value)
    if path is not None and not os.path.isfile(os.path.expanduser(path)):
        raise InvalidSetting(key, f"file not found: {path}")
    return None if path is None else os.path.expanduser(path)


def _url_or_none(key: str, value: object) -> str | None:
    text = _optional_str(key, value)
    if text is not None and urlsplit(text).scheme not in ("http", "https"):
        raise InvalidSetting(key, "expected an http:// or https:// URL")
    return text


Check = Callable[[str, object], Any]

#: camelCase key -> (dataclass field, check) per section.
_TOP: dict[str, tuple[str, Check]] = {
    "baseUrl": ("base_url", _base_url),
    "token": ("token", _token),
    "projectPath": ("project_path", _optional_str),
    "logLevel": ("log_level", _log_level),
    "ignoreCertificateErrors": ("ignore_certificate_errors", _bool),
    "openTabsContext": ("open_tabs_context", _bool),
}
_SECTIONS: dict[str, tuple[str, dict[str, tuple[str, Check]]]] = {
    "codeCompletion": (
        "code_completion",
        {
            "enabled": ("enabled", _bool),
            "enableSecretRedaction": ("enable_secret_redaction", _bool),
            "additionalLanguages": ("additional_languages", _languages),
            "disabledSupportedLanguages": ("disabled_supported_languages", _languages),
            "debounceMs": ("debounce_ms", _int_range(0, 5000)),
            "directConnection": ("direct_connection", _bool),
            "contextImports": ("context_imports", _bool),
            "contextRecentEdits": ("context_recent_edits", _bool),
            "contextBudgetBytes": ("context_budget_bytes", _int_range(0, 1_000_000)),
            "contextExclusions": ("context_exclusions", _globs),
        },
    ),
    "telemetry": (
        "telemetry",
        {"enabled": ("enabled", _bool), "trackingUrl": ("tracking_url", _url_or_none)},
    ),
    "httpAgentOptions": (
        "http_agent_options",
        {"ca": ("ca", _pem_file), "cert": ("cert", _pem_file), "certKey": ("cert_key", _pem_file)},
    ),
    "suggestionsCache": (
        "suggestions_cache",
        {
            "enabled": ("enabled", _bool),
            "maxSize": ("max_size", _cache_entries),
            "ttl": ("ttl", _milliseconds_as_seconds),
        },
    ),
}
_KNOWN_KEYS = {*_TOP, *_SECTIONS, "featureFlags"}


def unwrap(raw: object) -> Mapping[str, Any] | None:
    """Find our settings in what an editor sent: bare, or under a `gitlab` section."""
    if not isinstance(raw, Mapping):
        return None
    nested = raw.get("gitlab")
    if isinstance(nested, Mapping) and not (_KNOWN_KEYS & raw.keys()):
        return nested
    return raw


def names_settings(raw: Mapping[str, Any]) -> bool:
    """Whether `raw` holds any of our keys (initializationOptions may carry only `ide`...)."""
    return not _KNOWN_KEYS.isdisjoint(raw.keys())


def parse_settings(
    raw: Mapping[str, Any], base: Settings, defaults: Settings | None = None
) -> Settings:
    """Apply the keys present in `raw` on top of `base`.

    An empty `baseUrl` or `token` means "not set": the value from `defaults` (the server's
    starting settings; with `--mock`, the mock's URL and token) applies.
    Raises `InvalidSettings` listing every bad key; unknown keys are ignored, as the official
    server does, so that editors sharing one settings block with other servers keep working.
    """
    problems: list[InvalidSetting] = []
    changes: dict[str, Any] = {}
    for key, (name, check) in _TOP.items():
        if key in raw:
            try:
                changes[name] = check(key, raw[key])
            except InvalidSetting as exc:
                problems.append(exc)
    for key, (name, fields) in _SECTIONS.items():
        if key not in raw or raw[key] is None:
            continue
        section = raw[key]
        if not isinstance(section, Mapping):
            problems.append(InvalidSetting(key, "expected an object"))
            continue
        sub: dict[str, Any] = {}
        for sub_key, (sub_name, check) in fields.items():
            if sub_key in section:
                try:
                    sub[sub_name] = check(f"{key}.{sub_key}", section[sub_key])
                except InvalidSetting as exc:
                    problems.append(exc)
        changes[name] = dataclasses.replace(getattr(base, name), **sub)
    flags = raw.get("featureFlags")
    if flags is not None:
        if not isinstance(flags, Mapping):
            problems.append(InvalidSetting("featureFlags", "expected an object"))
        elif "streamCodeGenerations" in flags:
            try:
                changes["stream_code_generations"] = _bool(
                    "featureFlags.streamCodeGenerations", flags["streamCodeGenerations"]
                )
            except InvalidSetting as exc:
                problems.append(exc)
    if problems:
        raise InvalidSettings(problems)
    if defaults is not None:
        if "base_url" in changes and _optional_str("baseUrl", raw.get("baseUrl")) is None:
            changes["base_url"] = defaults.base_url
        if "token" in changes and changes["token"] is None:
            changes["token"] = defaults.token
    return dataclasses.replace(base, **changes)


Listener = Callable[[Settings, Settings], None]


class SettingsStore:
    """The settings in force, and who to tell when they change."""

    def __init__(self, initial: Settings) -> None:
        self._defaults = initial
        self._current = initial
        self._listeners: list[Listener] = []

    @property
    def current(self) -> Settings:
        return self._current

    def subscribe(self, listener: Listener) -> None:
        """`listener(old, new)` runs after every accepted update that changed something."""
        self._listeners.append(listener)

    def update(self, raw: Mapping[str, Any]) -> Settings:
        """Apply an update or raise `InvalidSettings`, leaving the current settings as they were."""
        new = parse_settings(raw, self._current, self._defaults)
        old, self._current = self._current, new
        if new != old:
            for listener in self._listeners:
                listener(old, new)
        return new
