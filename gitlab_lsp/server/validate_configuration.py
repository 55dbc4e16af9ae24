"""`$/gitlab/validateConfiguration`: check settings the editor is about to apply, apply nothing.

GitLab's plugins ask before they save a settings page. Params are a settings object, bare or
under `settings` (or a `gitlab` section), like `didChangeConfiguration`; missing keys keep
their current value. The answer is `{"valid": bool, "problems": [{"key", "message"}]}`:
every bad key, then, if the keys are fine, what the instance says about the token (missing,
invalid, expired, lacking a scope, no Duo seat, a GitLab older than 16.8). The SDK does the
checking, with a client built for the question and closed after it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gitlab_lsp.errors import ConfigurationError, GitLabLspError
from gitlab_lsp.server.settings import InvalidSettings, parse_settings, unwrap
from gitlab_lsp.server.upstream import client_options

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

    from gitlab_lsp.server.settings import SettingsStore
    from gitlab_lsp.server.upstream import Upstream

log = logging.getLogger(__name__)

VALIDATE_CONFIGURATION = "$/gitlab/validateConfiguration"
#: Seconds the instance has to answer before the check says it could not tell.
CHECK_TIMEOUT = 15.0


def _settings_of(params: Any) -> Mapping[str, Any] | None:
    raw = _plain(params)
    if isinstance(raw, list) and len(raw) == 1:
        raw = raw[0]
    if isinstance(raw, Mapping) and isinstance(raw.get("settings"), Mapping):
        raw = raw["settings"]
    return unwrap(raw)


def _plain(value: Any) -> Any:
    """pygls hands unknown methods' params over as named tuples: back to JSON shapes."""
    if hasattr(value, "_asdict"):
        return {k: _plain(v) for k, v in value._asdict().items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


async def validate(params: Any, store: SettingsStore, upstream: Upstream) -> dict[str, Any]:
    from gitlab_lsp.sdk.client import CodeSuggestions

    raw = _settings_of(params)
    if raw is None:
        return _answer([(None, "expected a settings object")])
    try:
        settings = parse_settings(raw, store.current)
    except InvalidSettings as exc:
        return _answer([(p.key, p.reason) for p in exc.problems])
    try:
        client = CodeSuggestions(
            settings.base_url, settings.token, options=client_options(settings, upstream.caller)
        )
    except ConfigurationError as exc:
        return _answer([("baseUrl", exc.message)])
    problems: list[tuple[str | None, str]] = []
    try:
        async with asyncio.timeout(CHECK_TIMEOUT):
            await client.check_token()
            status = await client.instance_status()
        if not status.code_suggestions_supported:
            problems.append(("baseUrl", f"GitLab {status.version} is older than 16.8"))
        if status.duo_seat is False:
            problems.append(("token", "the user has no GitLab Duo seat"))
    except TimeoutError:
        problems.append(("baseUrl", f"{settings.base_url} did not answer in time"))
    except GitLabLspError as exc:
        problems.append(("token", exc.message))
    finally:
        await client.aclose()
    return _answer(problems)


def _answer(problems: list[tuple[str | None, str]]) -> dict[str, Any]:
    return {
        "valid": not problems,
        "problems": [{"key": key, "message": message} for key, message in problems],
    }


def register(server: LanguageServer, store: SettingsStore, upstream: Upstream) -> None:
    @server.feature(VALIDATE_CONFIGURATION)
    async def validate_configuration(params: Any) -> dict[str, Any]:
        return await validate(params, store, upstream)
