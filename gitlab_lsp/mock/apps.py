"""The Starlette application every party is built on."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute

MOCK_FAILURE_DETAIL = "The mock failed; see its log"


async def _mock_failure(request: Request, exc: Exception) -> Response:
    """A bug in the mock is answered 503, never 500: clients must not mistake it for a
    server error that their own input caused. PartyMiddleware logs the traceback."""
    return JSONResponse({"detail": MOCK_FAILURE_DETAIL}, status_code=503)


def party_app(routes: Sequence[BaseRoute]) -> Starlette:
    return Starlette(routes=list(routes), exception_handlers={Exception: _mock_failure})
