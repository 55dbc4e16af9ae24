"""HTTP connection pools, one per host, with the user's proxy and TLS settings on every route.

Keep-alive matters more than anything else for completion latency: a TLS handshake to the
gateway costs more than the model call saves. So each host gets one long-lived
`httpx.AsyncClient`, and both routes (direct and instance) get the same proxy, CA bundle and
client certificate (the official client's direct route ignores them).
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from gitlab_lsp.errors import ConfigurationError
from gitlab_lsp.sdk.options import ClientOptions

log = logging.getLogger("gitlab_lsp.sdk.transport")

#: Connections kept open per host. Sequential requests reuse one; a burst of concurrent
#: requests may open a few more, which are then kept for the next burst.
_KEEPALIVE = 8
_KEEPALIVE_EXPIRY = 120.0
#: The largest answer body read from either route. A suggestion is a few KiB; a server that
#: sends megabytes is broken or hostile, and reading it all would only fill memory.
MAX_ANSWER_BYTES = 1024 * 1024


class AnswerTooLarge(Exception):
    """A server's answer body went past `MAX_ANSWER_BYTES`; it was not read further."""


def build_verify(options: ClientOptions) -> ssl.SSLContext | bool:
    """The `verify` argument for httpx, with the CA bundle and client certificate loaded."""
    if options.ignore_certificate_errors:
        log.warning(
            "ignoreCertificateErrors is on: TLS certificates of the GitLab instance and the "
            "AI gateway are NOT verified; anyone on the network path can read your code"
        )
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    else:
        try:
            ctx = ssl.create_default_context(cafile=options.ca_bundle)
        except (OSError, ssl.SSLError) as exc:
            raise ConfigurationError(
                f"cannot load the CA bundle {options.ca_bundle!r}: {exc}"
            ) from exc
    if options.client_cert:
        try:
            ctx.load_cert_chain(options.client_cert, options.client_key)
        except (OSError, ssl.SSLError) as exc:
            raise ConfigurationError(
                f"cannot load the client certificate {options.client_cert!r}: {exc}"
            ) from exc
    elif options.client_key:
        raise ConfigurationError("a client key was given without a client certificate")
    return ctx


@dataclass
class RequestTrace:
    """Connection and first-byte times of one request, filled in by httpcore's trace hook."""

    on_connect: Callable[[], None] | None = None
    started: float = field(default_factory=time.perf_counter)
    connect_ms: float = 0.0
    first_byte_ms: float = 0.0
    _connect_started: float | None = None
    _sent: float | None = None

    async def __call__(self, event: str, info: dict[str, Any]) -> None:
        now = time.perf_counter()
        if event in ("connection.connect_tcp.started", "connection.connect_unix_socket.started"):
            self._connect_started = now
        elif event == "connection.connect_tcp.complete" and self.on_connect is not None:
            self.on_connect()
            if self._connect_started is not None:
                self.connect_ms = (now - self._connect_started) * 1000
        elif event.endswith(".complete") and event.startswith(
            ("connection.connect_tcp", "connection.start_tls", "http11.send_connection_request")
        ):
            if self._connect_started is not None:
                self.connect_ms = (now - self._connect_started) * 1000
        elif event.endswith("send_request_headers.started") and self._sent is None:
            self._sent = now
        elif event.endswith("receive_response_headers.complete") and self._sent is not None:
            self.first_byte_ms = (now - self._sent) * 1000

    def extensions(self) -> dict[str, Any]:
        return {"trace": self}


class ConnectionPools:
    """One pooled `httpx.AsyncClient` per (scheme, host, port), created on first use."""

    def __init__(self, options: ClientOptions, verify: ssl.SSLContext | bool | None = None) -> None:
        """`verify`: TLS settings already built from the same `options` (another set of pools
        of the same client), shared rather than built again: loading the CA bundle is tens of
        milliseconds of start-up."""
        self._options = options
        self.verify = build_verify(options) if verify is None else verify
        self._clients: dict[tuple[str, str, int | None], httpx.AsyncClient] = {}
        #: TCP connections opened per host (host:port), to check that keep-alive works.
        self.connections_opened: Counter[str] = Counter()
        if options.proxy is not None:
            try:
                httpx.URL(options.proxy)
            except httpx.InvalidURL as exc:
                raise ConfigurationError(f"invalid proxy URL: {exc}") from exc

    def for_url(self, url: str) -> httpx.AsyncClient:
        parsed = httpx.URL(url)
        key = (parsed.scheme, parsed.host, parsed.port)
        client = self._clients.get(key)
        if client is None or client.is_closed:
            client = httpx.AsyncClient(
                verify=self.verify,
                proxy=self._options.proxy,
                trust_env=True,
                follow_redirects=False,
                limits=httpx.Limits(
                    max_connections=None,
                    max_keepalive_connections=_KEEPALIVE,
                    keepalive_expiry=_KEEPALIVE_EXPIRY,
                ),
            )
            self._clients[key] = client
            log.debug("new connection pool for %s://%s:%s", key[0], key[1], key[2] or "")
        return client

    def trace(self, url: str) -> RequestTrace:
        """A fresh trace for one request to `url` that counts its new connections."""
        parsed = httpx.URL(url)
        host = f"{parsed.host}:{parsed.port or (443 if parsed.scheme == 'https' else 80)}"

        def count() -> None:
            self.connections_opened[host] += 1

        return RequestTrace(on_connect=count)

    async def post_json(
        self, url: str, body: Any, headers: Mapping[str, str], timeout: float
    ) -> tuple[httpx.Response, RequestTrace]:
        """POST `body` as JSON to `url` on its pool, traced, within `timeout` seconds in all.

        httpx's own timeout is per phase (connect, write, each read), so a server that
        trickles its answer could hold a completion far longer; the deadline here covers the
        whole exchange. Raises TimeoutError or httpx.TimeoutException when late and
        httpx.HTTPError when the exchange fails: each route classifies those its own way.
        """
        trace = self.trace(url)
        client = self.for_url(url)
        async with asyncio.timeout(timeout):
            request = client.build_request(
                "POST",
                url,
                json=body,
                headers=headers,
                timeout=timeout,
                extensions=trace.extensions(),
            )
            response = await client.send(request, stream=True)
            try:
                content = await _read_capped(response)
            finally:
                await response.aclose()
        # The body is decoded already: drop the headers that describe the encoded form.
        kept = [
            (k, v)
            for k, v in response.headers.multi_items()
            if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(
            response.status_code, headers=kept, content=content, request=request
        ), trace

    async def aclose(self) -> None:
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()


async def _read_capped(response: httpx.Response) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_ANSWER_BYTES:
        raise AnswerTooLarge(f"the answer declares {declared} bytes")
    parts: list[bytes] = []
    size = 0
    async for part in response.aiter_bytes():
        size += len(part)
        if size > MAX_ANSWER_BYTES:
            raise AnswerTooLarge(f"the answer exceeds {MAX_ANSWER_BYTES} bytes")
        parts.append(part)
    return b"".join(parts)
