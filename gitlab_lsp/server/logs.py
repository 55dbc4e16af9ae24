"""Where the server's logs go: stderr, a file, and the editor (`window/logMessage`).

Stdout carries the protocol and nothing else, so no handler here ever writes to it. Every
handler gets the log-redaction filter, so a token that slips into a message is masked before
it reaches a file or the editor. pygls logs every message body it sends at INFO (settings
included) and warns about routine events, so its logger stays at ERROR whatever the
configured level.
"""

from __future__ import annotations

import asyncio
import io
import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Loggers whose records are ours to show; the in-process mock logs under gitlab_lsp.mock and
#: would otherwise echo its own request log into the editor.
OUR_LOGGERS = ("gitlab_lsp", "intent")
_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}


def default_log_file() -> Path:
    """The platform's per-user log directory (e.g. ~/.local/state/gitlab-lsp/log on Linux)."""
    import platformdirs

    return Path(platformdirs.user_log_dir("gitlab-lsp", appauthor=False)) / "gitlab-lsp.log"


class PrivateLogFile(logging.handlers.RotatingFileHandler):
    """The log file, readable by its owner alone, and never losing a record to encoding.

    It names the files being edited and the instance used (0600 in a 0700 directory: not
    for other users of the machine). Text the editor sent can hold lone surrogates (a file
    name that is not valid UTF-8); they are written as backslash escapes instead of making
    the handler drop the record with a UnicodeEncodeError.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, maxBytes=5_000_000, backupCount=2, encoding="utf-8", errors="backslashreplace"
        )

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)  # a file left by an older version may be world-readable
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def _private_directory(path: Path, *, ours: bool) -> None:
    """Create `path` (and missing parents) as 0700; a directory that is the server's own (the
    default log directory) is made 0700 even if it already exists."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(parents=True, exist_ok=True)
    for directory in [path, *missing] if ours else missing:
        os.chmod(directory, 0o700)


class _ScrubFilter(logging.Filter):
    """Fallback redaction when the privacy package cannot be imported: tokens and JWTs only."""

    def filter(self, record: logging.LogRecord) -> bool:
        from gitlab_lsp.errors import scrub

        record.msg = scrub(record.getMessage())
        record.args = None
        return True


def _install_redaction(handler: logging.Handler) -> None:
    try:
        from gitlab_lsp.privacy.logs import install_log_redaction
    except Exception as exc:  # never start without redaction, never fail to start
        print(f"gitlab-lsp: log redaction falls back to token patterns: {exc!r}", file=sys.stderr)
        handler.addFilter(_ScrubFilter())
        return
    install_log_redaction(handler)


def set_level(level: str) -> None:
    """Apply a `logLevel` setting to our loggers (handlers pass everything they are given)."""
    for name in OUR_LOGGERS:
        logging.getLogger(name).setLevel(_LEVELS.get(level, logging.INFO))


def configure(level: str, log_file: str | None) -> Path | None:
    """Send logs to stderr and to a rotating file; returns the file, None if unwritable.

    The handlers sit on the root logger, so that what other libraries log (pygls' warnings
    quote the messages they could not read, settings included) is redacted too. Ours log at
    the configured level, everyone else at WARNING.
    """
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    path: Path | None = Path(log_file).expanduser() if log_file else default_log_file()
    try:
        assert path is not None
        _private_directory(path.parent, ours=not log_file)
        handlers.append(PrivateLogFile(path))
    except OSError as exc:
        print(f"gitlab-lsp: cannot write the log file {path}: {exc}", file=sys.stderr)
        path = None
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    for handler in handlers:
        handler.setFormatter(formatter)
        _install_redaction(handler)
        root.addHandler(handler)
    # pygls warns about routine events (a `$/cancelRequest` for an answered request, the
    # notifications of other servers' plugins); its errors are what matter.
    logging.getLogger("pygls").setLevel(logging.ERROR)
    set_level(level)
    return path


class LspLogHandler(logging.Handler):
    """Forward records to the editor with `window/logMessage`.

    Records may come from other threads (the in-process mock, HTTP pools); they are handed
    to the event loop so that writes to stdout never interleave. A record logged while
    sending one is dropped rather than recursing.
    """

    _TYPES = (
        (logging.ERROR, 1),  # MessageType.Error
        (logging.WARNING, 2),  # MessageType.Warning
        (logging.INFO, 3),  # MessageType.Info
    )

    def __init__(self, server: LanguageServer, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._server = server
        self._loop = loop
        self._local = threading.local()
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        _install_redaction(self)

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("gitlab_lsp.mock"):
            return
        try:
            message = self.format(record)
        except Exception:
            self.handleError(record)
            return
        kind = next((t for lvl, t in self._TYPES if record.levelno >= lvl), 4)  # 4: Log
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self._loop:
            self._send(kind, message)
        elif not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._send, kind, message)

    def _send(self, kind: int, message: str) -> None:
        if getattr(self._local, "busy", False) or self._server.protocol.writer is None:
            return
        self._local.busy = True
        try:
            from lsprotocol import types

            self._server.window_log_message(
                types.LogMessageParams(type=types.MessageType(kind), message=message)
            )
        except Exception:  # the editor went away: nothing left to tell it
            pass
        finally:
            self._local.busy = False


def attach_to_editor(server: LanguageServer, loop: asyncio.AbstractEventLoop) -> LspLogHandler:
    handler = LspLogHandler(server, loop)
    for name in OUR_LOGGERS:
        logging.getLogger(name).addHandler(handler)
    return handler
