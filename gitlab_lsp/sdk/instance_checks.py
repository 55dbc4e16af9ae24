"""What the instance can do for this user: its version, and whether the user has a Duo seat.

- `GET /api/v4/version` -> `{"version": "17.6.0-ee", ...}`. `direct_access` exists from
  GitLab 17.2, so an older instance gets every completion through itself without a failed
  `direct_access` call first; below 16.8 code suggestions are not supported at all (the
  check GitLab's own server reports as `code-suggestions-unsupported-gitlab-version`).
- `POST /api/graphql` `{ currentUser { duoCodeSuggestionsAvailable } }`: false means the user
  has no seat (`code-suggestions-no-license`).

Each answer is only a hint: an instance that does not answer, or answers garbage, is treated
as able (the requests themselves then say what is wrong), never as broken.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import httpx

from gitlab_lsp.sdk.headers import instance_headers
from gitlab_lsp.sdk.options import ClientOptions

log = logging.getLogger("gitlab_lsp.sdk.instance_checks")

DIRECT_ACCESS_SINCE = (17, 2)
CODE_SUGGESTIONS_SINCE = (16, 8)
DUO_SEAT_QUERY = "query suggestionsAvailable { currentUser { duoCodeSuggestionsAvailable } }"
_VERSION = re.compile(r"(\d+)\.(\d+)(?:\.(\d+))?")
_TIMEOUT = 10.0


def parse_version(text: object) -> tuple[int, int, int] | None:
    """`"17.6.0-ee"` -> (17, 6, 0); None for anything that is not a version."""
    if not isinstance(text, str):
        return None
    match = _VERSION.match(text.strip())
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)


@dataclass(frozen=True)
class InstanceStatus:
    """What the checks found; None where the instance did not say."""

    version: str | None
    duo_seat: bool | None

    @property
    def parsed_version(self) -> tuple[int, int, int] | None:
        return parse_version(self.version)

    @property
    def direct_access_available(self) -> bool:
        parsed = self.parsed_version
        return parsed is None or parsed[:2] >= DIRECT_ACCESS_SINCE

    @property
    def code_suggestions_supported(self) -> bool:
        parsed = self.parsed_version
        return parsed is None or parsed[:2] >= CODE_SUGGESTIONS_SINCE


async def instance_version(
    client: httpx.AsyncClient, instance_url: str, token: str, options: ClientOptions
) -> str | None:
    """The instance's version string, or None when it cannot be read."""
    try:
        response = await client.get(
            f"{instance_url}/api/v4/version",
            headers=instance_headers(options, token),
            timeout=max(options.timeout, _TIMEOUT),
        )
        body: Any = response.json() if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError) as exc:
        log.info("could not read the instance version: %s", type(exc).__name__)
        return None
    version = body.get("version") if isinstance(body, dict) else None
    if parse_version(version) is None:
        log.info("the instance version is unknown (HTTP %d)", response.status_code)
        return None
    return str(version)


async def duo_seat(
    client: httpx.AsyncClient, instance_url: str, token: str, options: ClientOptions
) -> bool | None:
    """Whether the user may use code suggestions (their Duo seat); None when unknown."""
    try:
        response = await client.post(
            f"{instance_url}/api/graphql",
            json={"query": DUO_SEAT_QUERY, "variables": {}},
            headers=instance_headers(options, token),
            timeout=max(options.timeout, _TIMEOUT),
        )
        body: Any = response.json() if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError) as exc:
        log.info("could not ask for the Duo seat: %s", type(exc).__name__)
        return None
    data = body.get("data") if isinstance(body, dict) else None
    user = data.get("currentUser") if isinstance(data, dict) else None
    available = user.get("duoCodeSuggestionsAvailable") if isinstance(user, dict) else None
    return available if isinstance(available, bool) else None
