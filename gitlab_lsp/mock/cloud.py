"""Cloud Connector routing (cloud.gitlab.com): `/ai/*` goes to the AI gateway and `/auth/*`
to its token authority; nothing else is served."""

from __future__ import annotations

TOKEN_AUTHORITY_PATHS = ("/v1/code/user_access_token",)


def cloud_route(path: str) -> str | None:
    """The gateway path for a Cloud Connector path, or None when the load balancer has no route."""
    if path.startswith("/ai/"):
        return path[len("/ai") :]
    if path.startswith("/auth/"):
        stripped = path[len("/auth") :]
        return stripped if stripped in TOKEN_AUTHORITY_PATHS else None
    return None
