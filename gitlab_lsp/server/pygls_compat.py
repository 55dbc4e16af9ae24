"""Every pygls internal the server (and its tests) relies on, in one place.

pygls' public API does not cover what this server needs: answering a request outside a
handler (a refused or unreadable one), writing a raw JSON-RPC object (a null id, a batch
answer), finding a user handler behind a built-in one, stopping the serve loop, and tests
registering an answer they wait for. Those reach into private names, which a minor pygls
release may move. They are reached only through this module; `INTERNALS` lists them and
`missing_internals()` (run by `tests/server/test_pygls_compat.py`) fails loudly, naming each
one, when an upgrade moves any of them. pyproject.toml pins pygls to the minor range these
were checked against.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable, MutableMapping
from concurrent.futures import Future
from typing import Any

from pygls.protocol import JsonRPCProtocol, LanguageServerProtocol
from pygls.server import JsonRPCServer

#: (owner, attribute, what we use it for). Attributes set in __init__ are checked on an
#: instance, the rest on the class.
INTERNALS: tuple[tuple[str, str, str], ...] = (
    ("JsonRPCProtocol", "_send_response", "answer a request from outside its handler"),
    ("JsonRPCProtocol", "_send_data", "write a raw JSON-RPC object (null id, batch answer)"),
    ("JsonRPCProtocol", "_request_futures", "in-flight requests: shutdown's, tests' answers"),
    ("JsonRPCProtocol", "_converter", "structure a request ourselves (no ERROR traceback)"),
    ("JsonRPCProtocol", "fm", "the feature manager holding user handlers"),
    ("FeatureManager", "features", "user handlers by method, behind built-in ones"),
    ("JsonRPCServer", "_stop_event", "stop the serve loop when the server shuts down"),
    ("LanguageServerProtocol", "lsp_initialize", "a generator we extend with `yield from`"),
    ("language_server", "lsp_method", "override a built-in handler (didOpen & co.)"),
)


def send_response(protocol: JsonRPCProtocol, msg_id: Any, *, error: Any) -> None:
    """Answer request `msg_id` with `error` (a `ResponseError`)."""
    protocol._send_response(msg_id, error=error)


def send_raw(protocol: JsonRPCProtocol, data: Any) -> None:
    """Write `data` (a JSON-serialisable object or list) as one message."""
    protocol._send_data(data)


def structure(protocol: JsonRPCProtocol, data: Any, message_type: Any) -> Any:
    """`data` as a `message_type` with pygls' converter, raising what the converter raises
    (pygls' own path logs a traceback at ERROR first)."""
    return protocol._converter.structure(data, message_type)


def user_handler(protocol: JsonRPCProtocol, method: str) -> Callable[..., Any] | None:
    """The handler the server registered for `method`, even where pygls has a built-in one."""
    handler: Callable[..., Any] | None = protocol.fm.features.get(method)
    return handler


def pending_requests(protocol: JsonRPCProtocol) -> MutableMapping[Any, Future[Any]]:
    """Requests in flight, by id (on a server: ours being handled; on a client: awaited)."""
    futures: MutableMapping[Any, Future[Any]] = protocol._request_futures
    return futures


def set_stop_event(server: JsonRPCServer, event: threading.Event) -> None:
    """Give pygls' `shutdown()` the event our own serve loop watches."""
    server._stop_event = event


def missing_internals() -> list[str]:
    """`owner.attribute` for each entry of INTERNALS this pygls no longer has."""
    from pygls.feature_manager import FeatureManager
    from pygls.lsp.server import LanguageServer
    from pygls.protocol import language_server

    server = LanguageServer("pygls-compat-check", "0")
    owners: dict[str, tuple[object, ...]] = {
        "JsonRPCProtocol": (JsonRPCProtocol, server.protocol),
        "LanguageServerProtocol": (LanguageServerProtocol,),
        "FeatureManager": (FeatureManager, server.protocol.fm),
        "JsonRPCServer": (JsonRPCServer, server),
        "language_server": (language_server,),
    }
    missing = []
    for owner, attribute, _why in INTERNALS:
        if not any(hasattr(candidate, attribute) for candidate in owners[owner]):
            missing.append(f"{owner}.{attribute}")
    if not inspect.isgeneratorfunction(getattr(LanguageServerProtocol, "lsp_initialize", None)):
        missing.append("LanguageServerProtocol.lsp_initialize (no longer a generator)")
    return missing
