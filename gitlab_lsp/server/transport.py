"""How bytes reach the server, and what happens to the ones that are not a valid message.

pygls reads stdin through its thread pool (one hand-off per header line and one per body:
three thread switches for every message, most of the server's per-request overhead on a busy
machine) and dies on a header line longer than its buffer; here the event loop watches the
pipe itself, `framing` cuts messages out of whatever arrives, and `envelope` answers what
JSON-RPC and LSP say must be answered before pygls sees a message. No input ends the process:
only the end of stdin or the `exit` notification does.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import (
    JsonRpcException,
    JsonRpcInternalError,
    JsonRpcInvalidParams,
    JsonRpcInvalidRequest,
    JsonRpcMethodNotFound,
)
from pygls.lsp.server import LanguageServer

from gitlab_lsp.server import pygls_compat
from gitlab_lsp.server.early_initialize import FirstMessage, SkipReply, is_stream
from gitlab_lsp.server.envelope import Dispatch, Envelope
from gitlab_lsp.server.framing import FrameReader, Junk

log = logging.getLogger(__name__)

#: How long `exit` (or the end of stdin) waits for a `shutdown` still closing connections.
SHUTDOWN_GRACE_S = 5.0


class PipeWriter:
    """Writes messages to the editor; once the editor has closed its end, drops them.

    A closed pipe is how an editor says goodbye, not a server error: it is logged once at
    INFO and `on_closed` stops reading.
    """

    def __init__(self, stdout: BinaryIO, on_closed: Callable[[], None]) -> None:
        self._stdout = stdout
        self._on_closed = on_closed
        self.closed = False

    def write(self, data: bytes) -> None:
        if self.closed:
            return
        try:
            self._stdout.write(data)
            self._stdout.flush()
        except (BrokenPipeError, ConnectionResetError, ValueError):  # ValueError: closed file
            self.closed = True
            log.info("the editor closed the connection")
            self._on_closed()

    def close(self) -> None:
        self.closed = True
        with contextlib.suppress(OSError):
            self._stdout.close()


class GitLabLanguageServer(LanguageServer):
    def start_io(
        self,
        stdin: BinaryIO | None = None,
        stdout: BinaryIO | None = None,
        first: FirstMessage | None = None,
        runner: asyncio.Runner | None = None,
    ) -> None:
        """Serve over stdio until stdin ends or the editor sends `exit`.

        `exit` ends the process with LSP's exit code: 0 after `shutdown`, 1 without.
        `first`: what `early_initialize.answer_first` already read from this pipe (and
        answered), handled before the rest of the stream. `runner`: the event loop already
        running work for this server (`early_start`'s warm-up); by default, a new one.
        """
        stdin = stdin or sys.stdin.buffer
        stdout = stdout or sys.stdout.buffer
        stop = threading.Event()
        pygls_compat.set_stop_event(self, stop)
        exit_code: Any = None
        try:
            if runner is None:
                asyncio.run(self._serve(stdin, stdout, stop, first))
            else:
                runner.run(self._serve(stdin, stdout, stop, first))
        except SystemExit as exc:  # raised by pygls' `exit` handler
            exit_code = exc.code
        except KeyboardInterrupt:
            pass
        finally:
            self.shutdown()  # type: ignore[no-untyped-call]
        if exit_code:
            raise SystemExit(exit_code)

    async def _serve(
        self,
        stdin: BinaryIO,
        stdout: BinaryIO,
        stop: threading.Event,
        first: FirstMessage | None = None,
    ) -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(_quiet_cancellations)
        read: Callable[[int], Awaitable[bytes]]
        if is_stream(stdin):
            reader = asyncio.StreamReader()
            if first is not None and first.data:
                reader.feed_data(first.data)
            transport, _ = await loop.connect_read_pipe(
                lambda: asyncio.StreamReaderProtocol(reader), stdin
            )
            read = reader.read
            on_closed: Callable[[], None] = transport.close
        else:  # a regular file (a replayed session): read it in a worker thread

            def read(n: int) -> Awaitable[bytes]:
                return loop.run_in_executor(None, stdin.read, n)

            on_closed = stop.set
        writer = PipeWriter(stdout, on_closed)
        self.protocol.set_writer(writer if first is None else SkipReply(writer, first))
        frames = FrameReader(read)
        envelope = Envelope()
        shutdown: Future[Any] | None = None
        while not stop.is_set():
            item = await frames.next()
            if item is None:
                log.info("stdin closed")
                break
            if isinstance(item, Junk):
                answers, message = envelope.junk(item.reason), None
            else:
                answers, message = envelope.receive(item.body)
            for answer in answers:
                pygls_compat.send_raw(self.protocol, answer)
            if message is None:
                continue
            if message.method == types.EXIT:
                await _settle(shutdown)
            self._dispatch(message)
            if message.method == types.SHUTDOWN:
                shutdown = pygls_compat.pending_requests(self.protocol).get(message.id)
        await _settle(shutdown)

    def _dispatch(self, message: Dispatch) -> None:
        """Hand a well-formed message to pygls; a failure there is answered, never fatal."""
        try:
            self.protocol.handle_message(self.protocol.structure_message(message.data))
        except JsonRpcException as exc:
            log.warning("could not read %s: %s", message.method or "a response", exc)
            if message.method is not None and "id" in message.data:
                pygls_compat.send_response(self.protocol, message.id, error=exc.to_response_error())
        except Exception:
            log.exception("failed to handle %s", message.method or "a response")
            if message.method is not None and "id" in message.data:
                error = JsonRpcInternalError(f"failed to handle {message.method}")
                pygls_compat.send_response(
                    self.protocol, message.id, error=error.to_response_error()
                )

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Log protocol-level failures instead of popping a dialog per malformed message.

        What the editor got wrong (an unknown method, bad params) is answered and logged as
        a warning; ERROR is kept for the server's own failures.
        """
        if isinstance(error, JsonRpcMethodNotFound | JsonRpcInvalidParams | JsonRpcInvalidRequest):
            log.warning("%s (%s)", error, getattr(source, "__name__", source))
            return
        log.error("server error (%s): %s", getattr(source, "__name__", source), error)


def _quiet_cancellations(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """A handler cancelled because the editor left (`exit`, a closed pipe) is no error.

    pygls chains a built-in handler to ours through done-callbacks that re-raise a
    cancellation; asyncio would log each at ERROR. Everything else is reported as usual.
    """
    if isinstance(context.get("exception"), asyncio.CancelledError):
        log.debug("cancelled on the way out: %s", context.get("message"))
        return
    loop.default_exception_handler(context)


async def _settle(shutdown: Future[Any] | None) -> None:
    """Let a `shutdown` in progress finish (close connections, answer) before the loop ends,
    so that `exit` right behind it neither cancels it nor exits with 1."""
    if shutdown is None or shutdown.done():
        return
    try:
        await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(shutdown)), SHUTDOWN_GRACE_S)
    except TimeoutError:
        log.warning("shutdown did not finish within %.0f s; exiting anyway", SHUTDOWN_GRACE_S)
    except (asyncio.CancelledError, Exception):  # its outcome was already answered
        pass
