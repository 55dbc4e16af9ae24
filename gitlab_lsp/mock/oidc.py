"""The two OIDC endpoints every issuer serves, so the gateway can discover its keys."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from gitlab_lsp.mock.keys import KeyRing

JWKS_PATH = "/oauth/discovery/keys"


def oidc_routes(issuer: str, keys: KeyRing) -> list[Route]:
    async def discovery(request: Request) -> Response:
        return JSONResponse(
            {
                "issuer": issuer,
                "jwks_uri": f"{issuer}{JWKS_PATH}",
                "id_token_signing_alg_values_supported": ["RS256"],
                "response_types_supported": ["id_token"],
                "subject_types_supported": ["public"],
            }
        )

    async def jwks(request: Request) -> Response:
        return JSONResponse(keys.jwks())

    return [
        Route("/.well-known/openid-configuration", discovery, methods=["GET"]),
        Route(JWKS_PATH, jwks, methods=["GET"]),
    ]
