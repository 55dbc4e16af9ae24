"""The one place the language server is created and every feature module is registered.

Each feature lives in its own module (settings, documents, suggestions, cache, streaming,
telemetry, messages, logs) and knows nothing of the others; this module builds them, connects
the few that must talk (a settings change reaches the log level and the cache), and registers
their handlers on a single pygls `LanguageServer`.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from gitlab_lsp import __version__
from gitlab_lsp.server import (
    configuration,
    documents,
    logs,
    streaming,
    suggestions,
    telemetry,
    validate_configuration,
)
from gitlab_lsp.server.cache import SuggestionCache
from gitlab_lsp.server.configuration import Configuration
from gitlab_lsp.server.context_feed import ContextFeed
from gitlab_lsp.server.documents import DocumentStore
from gitlab_lsp.server.messages import Messages
from gitlab_lsp.server.protocol import GitLabProtocol
from gitlab_lsp.server.settings import Settings, SettingsStore
from gitlab_lsp.server.streaming import StreamManager
from gitlab_lsp.server.suggestions import SuggestionService
from gitlab_lsp.server.telemetry import Telemetry
from gitlab_lsp.server.transport import GitLabLanguageServer
from gitlab_lsp.server.upstream import Upstream

log = logging.getLogger(__name__)

SERVER_NAME = "gitlab-lsp"


@dataclass
class GitLabServer:
    """The server and its parts, kept together so that tests and the CLI can reach them."""

    lsp: LanguageServer
    settings: SettingsStore
    documents: DocumentStore
    upstream: Upstream
    messages: Messages
    cache: SuggestionCache
    streams: StreamManager
    telemetry: Telemetry
    suggestions: SuggestionService
    log_handler: logs.LspLogHandler | None = field(default=None)


def create_server(defaults: Settings | None = None, *, configured: bool = False) -> GitLabServer:
    """Build the server; `defaults` are the settings before the editor sends any.

    `configured`: the defaults are settings to use and check at once (`--mock` points them at
    the mock); otherwise they only stand in until the editor sends settings.
    """
    lsp = GitLabLanguageServer(
        SERVER_NAME,
        __version__,
        text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        protocol_cls=GitLabProtocol,
    )
    store = SettingsStore(defaults or Settings())
    messages = Messages(lsp)
    upstream = Upstream(messages)
    cache = SuggestionCache(
        store.current.suggestions_cache.max_size, store.current.suggestions_cache.ttl
    )
    streams = StreamManager(lsp)
    tracker = Telemetry(
        lambda: store.current.telemetry.enabled, lambda: upstream.usage(store.current)
    )
    docs = DocumentStore()
    feed = ContextFeed(lsp, docs)
    service = SuggestionService(store, docs, upstream, messages, cache, streams, tracker, feed)
    server = GitLabServer(lsp, store, docs, upstream, messages, cache, streams, tracker, service)

    def on_settings(old: Settings, new: Settings) -> None:
        if new.log_level != old.log_level:
            logs.set_level(new.log_level)
        cache.max_size = new.suggestions_cache.max_size
        cache.ttl = new.suggestions_cache.ttl
        if not new.suggestions_cache.enabled or new.connection_key() != old.connection_key():
            cache.clear()
        if new.code_completion != old.code_completion:
            # Languages enabled or disabled: the active document's state may change.
            service.refresh_active_document()

    store.subscribe(on_settings)
    logs.set_level(store.current.log_level)

    config = Configuration(lsp, store, upstream, messages, configured=configured)
    configuration.register(lsp, config)
    documents.register(lsp, docs, on_close=cache.forget)
    suggestions.register(lsp, service)
    streaming.register(lsp, streams)
    telemetry.register(lsp, tracker)
    validate_configuration.register(lsp, store, upstream)

    @lsp.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        if server.log_handler is None:
            server.log_handler = logs.attach_to_editor(lsp, asyncio.get_running_loop())
        await config.initialized(params)

    @lsp.feature(types.SHUTDOWN)
    async def shutdown(_params: Any) -> None:
        config.close()
        streams.cancel_all()
        await upstream.aclose()

    return server
