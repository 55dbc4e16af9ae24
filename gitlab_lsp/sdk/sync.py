"""`SyncCodeSuggestions`: the SDK for plain scripts, without asyncio in sight.

It runs one private event loop in a daemon thread, so the async client's pools, background
token refresh and single flight work exactly as they do for async callers.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Iterator
from concurrent.futures import Future
from types import TracebackType
from typing import Any, Self, TypeVar, Unpack

from gitlab_lsp.sdk.client import CodeSuggestions
from gitlab_lsp.sdk.events import EventCallback
from gitlab_lsp.sdk.models import Suggestion, TokenInfo
from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.sdk.request import SuggestionRequest

T = TypeVar("T")


class SyncCodeSuggestions:
    """Blocking twin of `CodeSuggestions`; use as `with SyncCodeSuggestions(...) as cs:`."""

    def __init__(
        self,
        base_url: str = "https://gitlab.com",
        token: str | None = None,
        *,
        options: ClientOptions = ClientOptions(),  # noqa: B008 - frozen, so safe to share
    ) -> None:
        # Built here so that a bad URL or CA bundle raises in the caller's thread.
        self._client = CodeSuggestions(base_url, token, options=options)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="gitlab-lsp sdk", daemon=True
        )
        self._thread.start()
        self._closed = False

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        future: Future[T] = asyncio.run_coroutine_threadsafe(coro, self._loop)
        try:
            return future.result()
        except KeyboardInterrupt:
            future.cancel()
            raise

    def suggest(self, **request: Unpack[SuggestionRequest]) -> Suggestion:
        """Same keyword arguments as `CodeSuggestions.suggest`."""
        return self._run(self._client.suggest(**request))

    def stream(self, **request: Unpack[SuggestionRequest]) -> Iterator[str]:
        """Same keyword arguments as `CodeSuggestions.stream`; closing the generator (or
        leaving the `for` loop early) closes the HTTP stream."""
        chunks = self._client.stream(**request)
        try:
            while True:
                try:
                    yield self._run(chunks.__anext__())
                except StopAsyncIteration:
                    return
        finally:
            if not self._closed:  # an abandoned generator may be collected after close()
                self._run(chunks.aclose())

    def warm_up(self) -> None:
        """Start fetching the user JWT on the SDK's thread and return at once; never raises."""
        self._run(self._client.warm_up())

    @property
    def user_jwt_ready(self) -> bool:
        return self._client.user_jwt_ready

    def check_token(self) -> TokenInfo:
        return self._run(self._client.check_token())

    def on_event(self, callback: EventCallback) -> None:
        """`callback` runs on the SDK's thread."""
        self._client.on_event(callback)

    @property
    def direct_access_requests(self) -> int:
        return self._client.direct_access_requests

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._run(self._client.aclose())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
            self._loop.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
