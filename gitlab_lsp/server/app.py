"""The one place the language server is created and every feature module is registered.

Each feature lives in its own module (settings, documents, suggestions, cache, streaming,
telemetry, messages, logs) and knows nothing of the others; this module builds them, connects
the few that must talk (a settings change reaches the log level and the cache), and registers
their handlers on a single pygls `LanguageServer`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import stat
import sys
import threading
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import JsonRpcParseError
from pygls.io_ import StdoutWriter, run_async
from pygls.lsp.server import LanguageServer

from gitlab_lsp import __version__
from gitlab_lsp.server import configuration, documents, logs, streaming, suggestions, telemetry
from gitlab_lsp.server.cache import SuggestionCache
from gitlab_lsp.server.configuration import Configuration
from gitlab_lsp.server.documents import DocumentStore
from gitlab_lsp.server.messages import Messages
from gitlab_lsp.server.protocol import GitLabProtocol
from gitlab_lsp.server.settings import Settings, SettingsStore
from gitlab_lsp.server.streaming import StreamManager
from gitlab_lsp.server.suggestions import SuggestionService
from gitlab_lsp.server.telemetry import Telemetry
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


def _is_stream(stream: BinaryIO) -> bool:
    """Whether the event loop can read `stream` as a pipe (pipes, sockets, terminals)."""
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode)


class GitLabLanguageServer(LanguageServer):
    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        """Serve over stdio, reading stdin with the event loop's own pipe transport.

        pygls reads stdin through its thread pool, one hand-off per header line and one per
        body: three thread switches for every message, which is most of the server's
        per-request overhead on a busy machine. A stdin the loop cannot watch (a regular
        file) falls back to pygls' reader.
        """
        stdin = stdin or sys.stdin.buffer
        stdout = stdout or sys.stdout.buffer
        if not _is_stream(stdin):
            super().start_io(stdin, stdout)
            return
        self._stop_event = threading.Event()
        self.protocol.set_writer(StdoutWriter(stdout))
        try:
            asyncio.run(self._serve_pipe(stdin))
        except BrokenPipeError:
            log.error("the editor closed the connection")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()  # type: ignore[no-untyped-call]

    async def _serve_pipe(self, stdin: BinaryIO) -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=1 << 20)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), stdin)
        assert self._stop_event is not None
        try:
            await run_async(
                stop_event=self._stop_event,
                reader=reader,
                protocol=self.protocol,
                logger=log,
                error_handler=self.report_server_error,
            )
        except asyncio.IncompleteReadError:
            log.info("stdin closed in the middle of a message")

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Log protocol-level failures instead of popping a dialog per malformed message.

        A message that is not JSON at all is answered with a ParseError (id null), as
        JSON-RPC asks.
        """
        if isinstance(error, json.JSONDecodeError | UnicodeDecodeError):
            log.warning("received a message that is not JSON: %s", error)
            error = JsonRpcParseError()
            # Written as a plain dict: lsprotocol's converter would drop the null id.
            self.protocol._send_data(
                {
                    "jsonrpc": "2.0",
                    "id": None,
                    "error": {"code": error.code, "message": "Parse error"},
                }
            )
            return
        log.error("server error (%s): %s", getattr(source, "__name__", source), error)


def create_server(defaults: Settings | None = None) -> GitLabServer:
    """Build the server; `defaults` are the settings before the editor sends any (--mock)."""
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
    tracker = Telemetry(lambda: store.current.telemetry.enabled)
    docs = DocumentStore()
    service = SuggestionService(store, docs, upstream, messages, cache, streams, tracker)
    server = GitLabServer(lsp, store, docs, upstream, messages, cache, streams, tracker, service)

    def on_settings(old: Settings, new: Settings) -> None:
        if new.log_level != old.log_level:
            logs.set_level(new.log_level)
        cache.max_size = new.suggestions_cache.max_size
        cache.ttl = new.suggestions_cache.ttl
        if not new.suggestions_cache.enabled or new.connection_key() != old.connection_key():
            cache.clear()

    store.subscribe(on_settings)
    logs.set_level(store.current.log_level)

    config = Configuration(lsp, store, upstream, messages)
    configuration.register(lsp, config)
    documents.register(lsp, docs, on_close=cache.forget)
    suggestions.register(lsp, service)
    streaming.register(lsp, streams)
    telemetry.register(lsp, tracker)

    @lsp.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        if server.log_handler is None:
            server.log_handler = logs.attach_to_editor(lsp, asyncio.get_running_loop())
        await config.initialized(params)

    @lsp.feature(types.SHUTDOWN)
    async def shutdown(_params: Any) -> None:
        streams.cancel_all()
        await upstream.aclose()

    return server
