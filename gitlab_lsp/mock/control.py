"""The control surface under `/-/mock/` on the instance: what tests and benchmarks change."""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route

from gitlab_lsp.mock.errors import UpstreamError
from gitlab_lsp.mock.faults import PARTIES, Fault, InvalidFault
from gitlab_lsp.mock.keys import KeyRing
from gitlab_lsp.mock.model_script import model_script_endpoint
from gitlab_lsp.mock.ratelimit import DEFAULT_LIMITS
from gitlab_lsp.mock.state import Latency, MockState
from gitlab_lsp.mock.usage import events_route
from gitlab_lsp.mock.validation import strict_json_loads

CONTROL_PREFIX = "/-/mock"
#: Shortest IJWT lifetime a test may ask for: JWT times are whole seconds, and the sync job
#: renews at two thirds of the lifetime.
MIN_INSTANCE_TOKEN_LIFETIME = 3
_FAULT_FIELDS: dict[str, type | tuple[type, ...]] = {
    "party": str,
    "path": str,
    "method": (str, type(None)),
    "status": (int, type(None)),
    "delay": (int, float, type(None)),
    "timeout": bool,
    "drop_mid_stream": bool,
    "malformed": bool,
    "clock_skew": (int, float, type(None)),
    "times": (int, type(None)),
}


class BadControlRequest(Exception):
    """The control request cannot be applied; answered with 422 and this message."""


def _number(value: Any, name: str, *, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise BadControlRequest(f"{name} must be a number between {low} and {high}")
    return float(value)


async def _json_object(request: Request) -> dict[str, Any]:
    raw = await request.body()
    try:
        body = strict_json_loads(raw) if raw else {}
    except (ValueError, UnicodeDecodeError):
        raise BadControlRequest("body is not JSON") from None
    if not isinstance(body, dict):
        raise BadControlRequest("body must be a JSON object")
    return body


Handler = Callable[[Request], Awaitable[Response]]


def _from_this_machine(request: Request) -> bool:
    """A loopback client, or one connecting from the address it connected to (this machine
    calling its own non-loopback address, as the mock's own client does under `--host IP`)."""
    client = request.client.host if request.client else ""
    server = request.scope.get("server") or ("",)
    try:
        address = ipaddress.ip_address(client)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback or client == server[0]


def _guarded(handler: Handler, *, remote_control: bool = False) -> Handler:
    """Answer 422 for a bad control request; and 403 to a client on another machine unless
    the mock was started with `remote_control` (the request log holds every header the
    clients sent, credentials included)."""

    async def guarded(request: Request) -> Response:
        if not remote_control and not _from_this_machine(request):
            return JSONResponse(
                {
                    "detail": "the mock's control surface answers this machine only; "
                    "start the mock with --remote-control to allow other machines"
                },
                status_code=403,
            )
        try:
            return await handler(request)
        except BadControlRequest as exc:
            return JSONResponse({"detail": str(exc)}, status_code=422)

    return guarded


class ControlSurface:
    """The mock's control endpoints, one method each, over the state they change.

    `sync_instance_token` makes a self-managed instance sync its IJWT now (None on SaaS,
    whose instance signs its own).
    """

    def __init__(
        self,
        state: MockState,
        keyrings: dict[str, KeyRing],
        info: Callable[[], dict[str, Any]],
        sync_instance_token: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self.state = state
        self.keyrings = keyrings
        self.info = info
        self.sync_instance_token = sync_instance_token

    async def requests(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.state.requests.clear()
            return Response(status_code=204)
        party = request.query_params.get("party")
        if party is not None and party not in PARTIES:
            raise BadControlRequest(f"party must be one of {', '.join(PARTIES)}")
        return JSONResponse(self.state.requests.entries(party))

    async def faults(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.state.faults.clear()
            return Response(status_code=204)
        if request.method == "GET":
            return JSONResponse([f.as_dict() for f in self.state.faults.list()])
        body = await _json_object(request)
        unknown = set(body) - set(_FAULT_FIELDS) - {"body"}
        if unknown:
            raise BadControlRequest(f"unknown fault fields: {', '.join(sorted(unknown))}")
        for name, kinds in _FAULT_FIELDS.items():
            if name in body and (
                not isinstance(body[name], kinds)
                or (isinstance(body[name], bool) and kinds is not bool)
            ):
                raise BadControlRequest(f"{name} has the wrong type")
        if "party" not in body or "path" not in body:
            raise BadControlRequest("party and path are required")
        try:
            fault = self.state.faults.add(Fault(**body))
        except InvalidFault as exc:
            raise BadControlRequest(str(exc)) from None
        return JSONResponse(fault.as_dict(), status_code=201)

    async def latency(self, request: Request) -> Response:
        if request.method == "PUT":
            body = await _json_object(request)
            names = set(asdict(Latency()))
            if set(body) - names:
                raise BadControlRequest(f"latency hops are {', '.join(sorted(names))}")
            self.state.latency = Latency(
                **{k: _number(v, k, low=0, high=600) for k, v in body.items()}
            )
        return JSONResponse(asdict(self.state.latency))

    async def token_lifetime(self, request: Request) -> Response:
        body = await _json_object(request)
        seconds = body.get("seconds")
        if seconds is not None and (
            isinstance(seconds, bool)
            or not isinstance(seconds, int)
            or not 1 <= seconds <= 30 * 86400
        ):
            raise BadControlRequest("seconds must be an integer between 1 and 2592000, or null")
        self.state.token_lifetime = seconds
        return JSONResponse({"seconds": seconds})

    async def instance_token_lifetime(self, request: Request) -> Response:
        if self.sync_instance_token is None:
            raise BadControlRequest("only a self-managed instance syncs an IJWT")
        body = await _json_object(request)
        seconds = body.get("seconds")
        if seconds is not None and (
            isinstance(seconds, bool)
            or not isinstance(seconds, int)
            or not MIN_INSTANCE_TOKEN_LIFETIME <= seconds <= 30 * 86400
        ):
            raise BadControlRequest(
                f"seconds must be an integer between {MIN_INSTANCE_TOKEN_LIFETIME} and "
                "2592000, or null"
            )
        self.state.instance_token_lifetime = seconds
        # Like an admin's "synchronize subscription": the new lifetime applies at once.
        try:
            await self.sync_instance_token()
        except UpstreamError:
            synced = False  # the sync job keeps retrying
        else:
            synced = True
        return JSONResponse({"seconds": seconds, "synced": synced})

    async def rotate_keys(self, request: Request) -> Response:
        body = await _json_object(request)
        party = body.get("party", "gateway")
        if party not in self.keyrings:
            raise BadControlRequest(f"party must be one of {', '.join(self.keyrings)}")
        return JSONResponse({"party": party, "kid": self.keyrings[party].rotate()})

    async def direct_connections(self, request: Request) -> Response:
        body = await _json_object(request)
        if not isinstance(body.get("enabled"), bool):
            raise BadControlRequest("enabled must be true or false")
        self.state.direct_connections = body["enabled"]
        return JSONResponse({"enabled": self.state.direct_connections})

    async def model_details(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.state.model_details = None
        elif request.method == "PUT":
            body = await _json_object(request)
            if set(body) != {"model_provider", "model_name"} or not all(
                isinstance(v, str) and v for v in body.values()
            ):
                raise BadControlRequest("model_provider and model_name must be non-empty strings")
            self.state.model_details = {
                "model_provider": body["model_provider"],
                "model_name": body["model_name"],
            }
        return JSONResponse(self.state.model_details)

    async def model_script(self, request: Request) -> Response:
        return await model_script_endpoint(request, self.state.model_script)

    async def rate_limits(self, request: Request) -> Response:
        if request.method == "PUT":
            body = await _json_object(request)
            for rule, value in body.items():
                if rule not in DEFAULT_LIMITS:
                    raise BadControlRequest(f"rate limit rules are {', '.join(DEFAULT_LIMITS)}")
                if value is None:
                    self.state.rate_limits.configure(rule, None)
                    continue
                if not isinstance(value, list) or len(value) != 2:
                    raise BadControlRequest(f"{rule} must be [requests, window_seconds] or null")
                count = value[0]
                if isinstance(count, bool) or not isinstance(count, int) or count < 1:
                    raise BadControlRequest(f"{rule}: requests must be a positive integer")
                window = _number(value[1], f"{rule} window", low=0.001, high=86400)
                self.state.rate_limits.configure(rule, (count, window))
        return JSONResponse(self.state.snapshot()["rate_limits"])

    async def reset(self, request: Request) -> Response:
        self.state.reset()
        return Response(status_code=204)

    async def snapshot(self, request: Request) -> Response:
        return JSONResponse({**self.state.snapshot(), "info": self.info()})


def control_routes(
    state: MockState,
    keyrings: dict[str, KeyRing],
    info: Callable[[], dict[str, Any]],
    sync_instance_token: Callable[[], Awaitable[object]] | None = None,
    extra: list[Route] | None = None,
    *,
    remote_control: bool = False,
) -> list[Mount]:
    """The control surface's routes, every one guarded (422 for a bad request; 403 for
    another machine unless `remote_control`); `extra`: other modules' control routes."""
    surface = ControlSurface(state, keyrings, info, sync_instance_token)
    own = [
        ("/requests", surface.requests, ["GET", "DELETE"]),
        ("/faults", surface.faults, ["GET", "POST", "DELETE"]),
        ("/latency", surface.latency, ["GET", "PUT"]),
        ("/token_lifetime", surface.token_lifetime, ["PUT"]),
        ("/instance_token_lifetime", surface.instance_token_lifetime, ["PUT"]),
        ("/rotate_keys", surface.rotate_keys, ["POST"]),
        ("/direct_connections", surface.direct_connections, ["PUT"]),
        ("/model_details", surface.model_details, ["GET", "PUT", "DELETE"]),
        ("/model_script", surface.model_script, ["GET", "PUT", "DELETE"]),
        ("/rate_limits", surface.rate_limits, ["GET", "PUT"]),
        ("/reset", surface.reset, ["POST"]),
        ("/state", surface.snapshot, ["GET"]),
    ]
    others = [events_route(state.usage), *(extra or [])]
    routes = [
        *(Route(path, _guarded(h, remote_control=remote_control), methods=m) for path, h, m in own),
        *(
            Route(r.path, _guarded(r.endpoint, remote_control=remote_control), methods=r.methods)
            for r in others
        ),
    ]
    return [Mount(CONTROL_PREFIX, routes=routes)]
