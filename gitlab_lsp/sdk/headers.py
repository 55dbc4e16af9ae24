"""The client headers of the wire protocol ("Client headers" in docs/protocol.md)."""

from __future__ import annotations

from collections.abc import Mapping

from gitlab_lsp import __version__
from gitlab_lsp.sdk.options import ClientOptions

#: The release of GitLab's own language server whose wire protocol this client speaks. The AI
#: gateway turns features on by `X-Gitlab-Language-Server-Version` (it reads `context` only
#: from 6.3.0 on), so that header names the protocol level; this project's own version goes
#: in the User-Agent, as a second product token.
PROTOCOL_VERSION = "7.9.0"


def user_agent(options: ClientOptions) -> str:
    ide = f"{options.ide_name or 'unknown'}:{options.ide_version or 'unknown'}"
    return f"gitlab-language-server:{PROTOCOL_VERSION} ({ide}) gitlab-lsp/{__version__}"


def client_headers(options: ClientOptions) -> dict[str, str]:
    """Headers that identify this client on every request, to either party.

    Exactly the list in docs/protocol.md: IDE vendor and extension are known to the options but are not
    wire headers, so they stay out of requests.
    """
    return {
        "User-Agent": user_agent(options),
        "X-Gitlab-Language-Server-Version": PROTOCOL_VERSION,
        "Content-Type": "application/json",
    }


def direct_headers(
    options: ClientOptions, access_headers: Mapping[str, str], user_jwt: str
) -> dict[str, str]:
    """Headers of a direct completion: direct_access's `headers` verbatim, then ours on top."""
    headers = dict(access_headers)
    headers.update(client_headers(options))
    headers["Authorization"] = f"Bearer {user_jwt}"
    headers["X-Gitlab-Authentication-Type"] = "oidc"
    return headers


def instance_headers(options: ClientOptions, token: str) -> dict[str, str]:
    headers = client_headers(options)
    headers["Authorization"] = f"Bearer {token}"
    return headers
