"""How bytes reach the server and what happens to the ones that are not a valid message.

pygls reads stdin through its thread pool (one hand-off per header line and one per body:
three thread switches for every message, most of the server's per-request overhead on a busy
machine); here the event loop watches the pipe itself. pygls also pops a dialog for every
malformed message and never answers one that is not JSON; here such failures are logged and a
ParseError is answered, as JSON-RPC asks.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import threading
from typing import Any, BinaryIO

from pygls.exceptions import JsonRpcParseError
from pygls.io_ import StdoutWriter, run_async
from pygls.lsp.server import LanguageServer

from gitlab_lsp.server.early_initialize import FirstMessage, SkipReply, is_stream

log = logging.getLogger(__name__)


class GitLabLanguageServer(LanguageServer):
    def start_io(
        self,
        stdin: BinaryIO | None = None,
        stdout: BinaryIO | None = None,
        first: FirstMessage | None = None,
    ) -> None:
        """Serve over stdio, reading stdin with the event loop's own pipe transport.

        `first`: what `early_initialize.answer_first` already read from this pipe (and
        answered). A stdin the loop cannot watch (a regular file) falls back to pygls' reader.
        """
        stdin = stdin or sys.stdin.buffer
        stdout = stdout or sys.stdout.buffer
        if not is_stream(stdin):
            super().start_io(stdin, stdout)
            return
        self._stop_event = threading.Event()
        if first is None:
            self.protocol.set_writer(StdoutWriter(stdout))
        else:
            self.protocol.set_writer(SkipReply(stdout, first))
        try:
            asyncio.run(self._serve_pipe(stdin, first.data if first is not None else b""))
        except BrokenPipeError:
            log.error("the editor closed the connection")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()  # type: ignore[no-untyped-call]

    async def _serve_pipe(self, stdin: BinaryIO, already_read: bytes = b"") -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=1 << 20)
        if already_read:
            reader.feed_data(already_read)
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
