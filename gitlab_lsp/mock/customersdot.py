"""CustomersDot: exchanges a self-managed instance's license key for its instance JWT."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from gitlab_lsp.mock.apps import party_app
from gitlab_lsp.mock.instance_token import sign_instance_jwt
from gitlab_lsp.mock.keys import KeyRing
from gitlab_lsp.mock.oidc import oidc_routes
from gitlab_lsp.mock.state import MockState
from gitlab_lsp.mock.validation import strict_json_loads

INSTANCE_TOKEN_LIFETIME = 3 * 24 * 3600
INSTANCE_SCOPES = ["complete_code", "generate_code"]


def _graphql_error(message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message}]})


class CustomersDot:
    def __init__(
        self, *, url: str, keys: KeyRing, licenses: dict[str, str], state: MockState
    ) -> None:
        """`licenses` maps a license key to the instance id it was sold to."""
        self.state = state
        self.url = url
        self.keys = keys
        self.licenses = licenses

    def app(self) -> Starlette:
        return party_app(
            [
                *oidc_routes(self.url, self.keys),
                Route("/graphql", self.graphql, methods=["POST"]),
            ]
        )

    async def graphql(self, request: Request) -> Response:
        try:
            body: Any = strict_json_loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            return JSONResponse({"errors": [{"message": "Invalid JSON"}]}, status_code=400)
        if not isinstance(body, dict) or "cloudConnectorAccess" not in str(body.get("query", "")):
            return _graphql_error("Unsupported operation: expected cloudConnectorAccess")
        variables = body.get("variables")
        license_key = variables.get("licenseKey") if isinstance(variables, dict) else None
        instance_id = self.licenses.get(license_key) if isinstance(license_key, str) else None
        if instance_id is None:
            return _graphql_error("Invalid license key")
        token, expires_at = sign_instance_jwt(
            keys=self.keys,
            issuer=self.url,
            instance_id=instance_id,
            realm="self-managed",
            scopes=INSTANCE_SCOPES,
            lifetime=self.state.instance_token_lifetime or INSTANCE_TOKEN_LIFETIME,
        )
        return JSONResponse(
            {
                "data": {
                    "cloudConnectorAccess": {
                        "serviceToken": {"token": token, "expiresAt": expires_at},
                        "availableServices": [
                            {"name": "code_suggestions", "bundledWith": ["duo_pro"]},
                        ],
                    }
                }
            }
        )
