"""MockStack: the four parties on their own ports, in a background thread with its own loop.

Sockets are bound in the caller's thread first, so every party knows every URL before any
app is built and a port clash surfaces as an exception right where `start()` was called.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import secrets
import socket
import threading
import uuid
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any

import uvicorn
from starlette.types import ASGIApp

from gitlab_lsp.mock import oauth
from gitlab_lsp.mock.calls import party_client
from gitlab_lsp.mock.client import MockControl
from gitlab_lsp.mock.cloud import cloud_route
from gitlab_lsp.mock.control import CONTROL_PREFIX, control_routes
from gitlab_lsp.mock.customersdot import CustomersDot
from gitlab_lsp.mock.errors import MockStartupError
from gitlab_lsp.mock.fault_effects import install_log_filter
from gitlab_lsp.mock.gateway import Gateway
from gitlab_lsp.mock.gateway_auth import GatewayAuthenticator
from gitlab_lsp.mock.instance import Instance
from gitlab_lsp.mock.instance_token import InstanceCredential
from gitlab_lsp.mock.jwks import JwksCache
from gitlab_lsp.mock.keys import KeyRing
from gitlab_lsp.mock.model_app import create_model_app
from gitlab_lsp.mock.party_middleware import PartyMiddleware
from gitlab_lsp.mock.state import MockState
from gitlab_lsp.mock.users import Directory

REALMS = ("saas", "self-managed")
PARTY_ORDER = ("instance", "customersdot", "gateway", "model")
START_TIMEOUT = 20.0
STOP_TIMEOUT = 10.0


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must be IPPROTO_TCP: asyncio only sets TCP_NODELAY on accepted sockets of that
    # proto, and without it every response waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise MockStartupError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    sock.listen(128)
    sock.setblocking(False)
    return sock


def listens_everywhere(host: str) -> bool:
    """True for the wildcard addresses (0.0.0.0, ::, or empty): every interface."""
    if not host:
        return True
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:  # a host name
        return False


def connectable_host(host: str) -> str:
    """The address to put in URLs: a wildcard address accepts connections but is not one a
    client can connect to, so URLs name the loopback address of the same family instead."""
    if not listens_everywhere(host):
        return host
    return "::1" if ":" in host else "127.0.0.1"


def _url(host: str, sock: socket.socket) -> str:
    port = sock.getsockname()[1]
    host = connectable_host(host)
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class MockStack:
    """The whole mock: `with MockStack() as stack:` or `start()` / `stop()`.

    `port=0` picks free ports; a fixed `port` N puts the instance on N, CustomersDot on N+1,
    the Cloud Connector (AI gateway) on N+2 and the model on N+3.
    """

    def __init__(
        self,
        realm: str = "saas",
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        remote_control: bool = False,
    ) -> None:
        if realm not in REALMS:
            raise ValueError(f"realm must be one of {', '.join(REALMS)}")
        self.realm = realm
        self.host = host
        self.port = port
        #: Whether other machines may use the control surface (it shows every header sent).
        self.remote_control = remote_control
        self.instance_id = str(uuid.uuid4())
        self.state = MockState()
        self.keyrings = {party: KeyRing(party) for party in ("instance", "customersdot", "gateway")}
        self.directory = Directory(self.instance_id)
        self.tokens: dict[str, str] = self.directory.tokens()
        self._license_key = secrets.token_hex(16)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_event: asyncio.Event | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._control: MockControl | None = None
        #: Background jobs of the parties (the self-managed IJWT sync), ended on stop.
        self._jobs: list[asyncio.Task[None]] = []
        self.urls: dict[str, str] = {}

    # --- public surface ---------------------------------------------------------------
    @property
    def instance_url(self) -> str:
        return self.urls["instance"]

    @property
    def cloud_url(self) -> str:
        return self.urls["gateway"]

    @property
    def customersdot_url(self) -> str:
        return self.urls["customersdot"]

    @property
    def model_url(self) -> str:
        return self.urls["model"]

    @property
    def info(self) -> dict[str, Any]:
        """What `gitlab-lsp mock-gateway --json` prints."""
        return {
            "instance_url": self.instance_url,
            "cloud_url": self.cloud_url,
            "customersdot_url": self.customersdot_url,
            "model_url": self.model_url,
            "control_url": f"{self.instance_url}{CONTROL_PREFIX}",
            "listen_host": self.host,
            "realm": self.realm,
            "instance_id": self.instance_id,
            "tokens": dict(self.tokens),
        }

    @property
    def control(self) -> MockControl:
        if self._control is None:
            raise MockStartupError("the mock is not running")
        return self._control

    def __enter__(self) -> MockStack:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> MockStack:
        if self._thread is not None:
            raise MockStartupError("this MockStack is already started")
        sockets: dict[str, socket.socket] = {}
        try:
            for offset, party in enumerate(PARTY_ORDER):
                sockets[party] = _bind(self.host, self.port + offset if self.port else 0)
        except MockStartupError:
            for sock in sockets.values():
                sock.close()
            raise
        self.urls = {party: _url(self.host, sock) for party, sock in sockets.items()}
        self._ready.clear()
        self._failure = None
        install_log_filter()
        self._thread = threading.Thread(
            target=self._run, args=(sockets,), name="gitlab-lsp-mock", daemon=True
        )
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT) or self._failure is not None:
            self.stop()
            raise MockStartupError(f"the mock did not start: {self._failure!r}")
        self._control = MockControl(self.instance_url)
        return self

    def stop(self) -> None:
        if self._control is not None:
            self._control.close()
            self._control = None
        loop, event, thread = self._loop, self._stop_event, self._thread
        if loop is not None and event is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop may have finished on its own
                loop.call_soon_threadsafe(event.set)
        if thread is not None and thread is not threading.current_thread():
            thread.join(STOP_TIMEOUT)
        self._thread = None

    # --- the background thread ------------------------------------------------------------
    def _run(self, sockets: dict[str, socket.socket]) -> None:
        try:
            asyncio.run(self._serve(sockets))
        except BaseException as exc:  # reported to start(); the thread must not die silently
            self._failure = exc
            self._ready.set()

    async def _serve(self, sockets: dict[str, socket.socket]) -> None:
        self._loop = asyncio.get_running_loop()
        self.state.stopping = asyncio.Event()  # bound to this run's loop (stacks can restart)
        self._stop_event = asyncio.Event()
        clients = {party: party_client(party) for party in ("instance", "gateway")}
        apps, after_start = self._build(clients)
        servers = [
            uvicorn.Server(
                uvicorn.Config(
                    apps[party],
                    log_config=None,
                    access_log=False,
                    lifespan="off",
                    proxy_headers=False,
                    http="h11",
                    timeout_graceful_shutdown=1,
                )
            )
            for party in PARTY_ORDER
        ]
        tasks = [
            asyncio.create_task(server.serve(sockets=[sockets[party]]))
            for server, party in zip(servers, PARTY_ORDER, strict=True)
        ]
        try:
            while not all(server.started for server in servers):
                if any(task.done() for task in tasks):
                    raise MockStartupError("a party failed to start")
                await asyncio.sleep(0.005)
            await after_start()
            self._ready.set()
            await self._stop_event.wait()
        finally:
            self.state.stopping.set()
            for job in self._jobs:
                job.cancel()
            await asyncio.gather(*self._jobs, return_exceptions=True)
            self._jobs.clear()
            for client in clients.values():
                await client.aclose()
            for server in servers:
                server.should_exit = True
            await asyncio.gather(*tasks, return_exceptions=True)

    def _build(
        self, clients: dict[str, Any]
    ) -> tuple[dict[str, ASGIApp], Callable[[], Awaitable[None]]]:
        state = self.state
        credential = InstanceCredential(
            realm=self.realm,
            keys=self.keyrings["instance"],
            issuer=self.instance_url,
            instance_id=self.instance_id,
            client=clients["instance"],
            customersdot_url=self.customersdot_url,
            license_key=self._license_key,
        )
        trusted = (
            [self.customersdot_url]
            if self.realm == "self-managed"
            else [self.instance_url, self.customersdot_url]
        )
        jwks = JwksCache(clients["gateway"], trusted)
        state.on_reset(jwks.clear)
        state.on_reset(self.directory.reset)
        gateway = Gateway(
            state=state,
            keys=self.keyrings["gateway"],
            authenticator=GatewayAuthenticator(self.keyrings["gateway"], jwks),
            client=clients["gateway"],
            model_url=self.model_url,
        )
        instance = Instance(
            url=self.instance_url,
            realm=self.realm,
            instance_id=self.instance_id,
            state=state,
            keys=self.keyrings["instance"],
            directory=self.directory,
            credential=credential,
            client=clients["instance"],
            cloud_url=self.cloud_url,
            control_routes=list(
                control_routes(
                    state,
                    self.keyrings,
                    lambda: self.info,
                    credential.sync if self.realm == "self-managed" else None,
                    extra=oauth.control_routes(state, self.directory),
                    remote_control=self.remote_control,
                )
            ),
        )
        customersdot = CustomersDot(
            url=self.customersdot_url,
            keys=self.keyrings["customersdot"],
            licenses={self._license_key: self.instance_id},
            state=state,
        )
        apps: dict[str, ASGIApp] = {
            "instance": PartyMiddleware(
                instance.app(), party="instance", state=state, exempt_prefix=CONTROL_PREFIX
            ),
            "customersdot": PartyMiddleware(customersdot.app(), party="customersdot", state=state),
            "gateway": PartyMiddleware(
                gateway.app(), party="gateway", state=state, route_path=cloud_route
            ),
            "model": PartyMiddleware(create_model_app(state), party="model", state=state),
        }

        async def after_start() -> None:
            if self.realm == "self-managed":
                await credential.sync()  # the instance syncs its IJWT when it starts
                self._jobs.append(asyncio.create_task(credential.keep_fresh(state.stopping)))

        return apps, after_start
