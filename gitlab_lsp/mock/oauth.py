"""`GET /oauth/token/info` and the control routes for the instance's account side.

The endpoint is Doorkeeper's, as GitLab serves it: the OAuth access token in the
Authorization header, answered with its scopes and the seconds it has left; 401
`invalid_token` for a token that is not an OAuth token, or has expired.

Control (under `/-/mock/`): `PUT /oauth_token {"expires_in": seconds}` moves the OAuth token's
expiry (0 or less: expired now), `PUT /version {"version": "17.1.0-ee"}` sets what the
instance reports (older than 17.2: no `direct_access`; older than 16.8: no code
suggestions), `PUT /feature_flags {name: bool}` sets GraphQL's `featureFlagEnabled`.
"""

from __future__ import annotations

import re
import time

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from gitlab_lsp.mock.control import BadControlRequest, _json_object
from gitlab_lsp.mock.state import MockState
from gitlab_lsp.mock.users import Directory, OAuthToken

_INVALID = {"error": "invalid_token", "error_description": "The access token is invalid"}
_EXPIRED = {"error": "invalid_token", "error_description": "The access token expired"}
_VERSION_PATTERN = r"\d+\.\d+\.\d+(-[a-z]+)?"


def token_info(request: Request, directory: Directory) -> Response:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    credential = directory.find(value.strip()) if scheme.lower() == "bearer" else None
    if not isinstance(credential, OAuthToken):
        return JSONResponse(_INVALID, status_code=401)
    if credential.expired:
        return JSONResponse(_EXPIRED, status_code=401)
    return JSONResponse(credential.as_token_info())


def control_routes(state: MockState, directory: Directory) -> list[Route]:
    """Routes for the control Mount (`control_routes(..., extra=...)`)."""

    async def oauth_token(request: Request) -> Response:
        body = await _json_object(request)
        seconds = body.get("expires_in")
        if isinstance(seconds, bool) or not isinstance(seconds, int):
            raise BadControlRequest("expires_in must be an integer (seconds from now)")
        if not -86400 <= seconds <= 30 * 86400:
            raise BadControlRequest("expires_in must be between -86400 and 2592000")
        directory.oauth.expires_at = time.time() + seconds
        return JSONResponse({"expires_in": directory.oauth.expires_in()})

    async def version(request: Request) -> Response:
        if request.method == "PUT":
            body = await _json_object(request)
            value = body.get("version")
            if not isinstance(value, str) or re.fullmatch(_VERSION_PATTERN, value) is None:
                raise BadControlRequest("version must look like 17.1.0 or 17.1.0-ee")
            state.gitlab_version = value
        return JSONResponse({"version": state.gitlab_version})

    async def feature_flags(request: Request) -> Response:
        if request.method == "PUT":
            body = await _json_object(request)
            if not all(isinstance(v, bool) for v in body.values()):
                raise BadControlRequest("feature flags are {name: true|false}")
            state.feature_flags.update(body)
        return JSONResponse(state.feature_flags)

    return [
        Route("/oauth_token", oauth_token, methods=["PUT"]),
        Route("/version", version, methods=["GET", "PUT"]),
        Route("/feature_flags", feature_flags, methods=["GET", "PUT"]),
    ]
