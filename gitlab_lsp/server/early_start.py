"""Fetch the user JWT while the server is still being imported.

`early_initialize` answers `initialize` before pygls is imported, so about a second of
imports (pygls, lsprotocol, tree-sitter grammars, the server's modules) comes after the answer;
a warm-up started only when pygls handles `initialized` then ends just when the user's first
keystroke arrives, and that keystroke waits for the instance's version check and the
`direct_access` call behind it (two round trips to the instance).

So when `initialize` carries the settings, the SDK client they call for is built at once, on
the event loop that will run the server, and its warm-up (version check, then the JWT) is
started; the server's modules are imported in a worker thread meanwhile (`import_in_background`),
so the round trips overlap the imports. The server then takes this client over
(`Upstream.adopt`) instead of building an identical one: nothing is asked twice. When the
settings come later (pushed or pulled after `initialized`), or are invalid, nothing starts
here and the server does exactly what it did before.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gitlab_lsp.errors import GitLabLspError
from gitlab_lsp.server.initialization_options import caller_options, initial_settings
from gitlab_lsp.server.settings import InvalidSettings, Settings, SettingsStore

if TYPE_CHECKING:
    from gitlab_lsp.sdk.client import CodeSuggestions
    from gitlab_lsp.sdk.options import ClientOptions
    from gitlab_lsp.server.early_initialize import FirstMessage

log = logging.getLogger(__name__)

#: What the server needs imported before it can handle a message, in import order.
SERVER_MODULES = ("gitlab_lsp.server.app", "gitlab_lsp.server.transport")


@dataclass(frozen=True)
class EarlyClient:
    """A client built from `initialize`'s settings, already warming up."""

    client: CodeSuggestions
    #: The settings the client was built for (defaults + initializationOptions), and the
    #: caller: the server's own `initialize` handling must arrive at the same, or it builds
    #: its own client and closes this one.
    settings: Settings
    caller: ClientOptions


async def start(first: FirstMessage | None, defaults: Settings) -> EarlyClient | None:
    """Build the client `initialize`'s settings call for and start its warm-up (runs on the
    server's event loop); None when `initialize` names no settings, or bad ones."""
    if first is None or first.params is None:
        return None
    options = first.params.get("initializationOptions")
    raw = initial_settings(options)
    if raw is None:
        return None
    try:
        settings = SettingsStore(defaults).update(raw)
    except InvalidSettings:
        return None  # reported when the server handles `initialize`
    caller = caller_options(options)
    from gitlab_lsp.sdk.client import CodeSuggestions
    from gitlab_lsp.server.upstream import client_options

    try:
        client = CodeSuggestions(
            settings.base_url, settings.token, options=client_options(settings, caller)
        )
    except GitLabLspError as exc:  # e.g. a bad base URL: the server reports it as usual
        log.debug("no early client: %s", exc)
        return None
    except Exception:  # never fatal: the server builds (and reports on) its own client
        log.warning("no early client", exc_info=True)
        return None
    await client.warm_up()
    log.debug("warm-up started before the server was imported")
    return EarlyClient(client, settings, caller)


async def import_in_background(modules: tuple[str, ...] = SERVER_MODULES) -> None:
    """Import `modules` in a worker thread, so that this loop keeps serving the warm-up's
    requests meanwhile (an import holds the thread it runs in for its whole duration)."""

    def load() -> None:
        for name in modules:
            importlib.import_module(name)

    await asyncio.to_thread(load)
