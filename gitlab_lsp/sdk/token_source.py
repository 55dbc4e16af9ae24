"""Where the user's PAT or OAuth token comes from: argument, `GITLAB_TOKEN`, system keyring."""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Literal

from gitlab_lsp.errors import NoKeyringBackend, TokenMissing

log = logging.getLogger("gitlab_lsp.sdk.token_source")

ENV_VAR = "GITLAB_TOKEN"
TokenOrigin = Literal["argument", "environment", "keyring"]


def resolve_sync(instance_url: str, token: str | None) -> tuple[str, TokenOrigin]:
    """The token and where it came from; raises TokenMissing naming every place looked at."""
    if token:
        return token, "argument"
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return env, "environment"
    keyring_note = ""
    try:
        from gitlab_lsp.credentials import get_token

        stored = get_token(instance_url)
    except NoKeyringBackend as exc:  # its message names the alternatives
        stored = None
        keyring_note = f" {exc.message}"
    if stored:
        return stored, "keyring"
    raise TokenMissing(
        f"No GitLab token for {instance_url}: none was given, {ENV_VAR} is not set and the "
        f"keyring holds none (store one with `gitlab-lsp auth login --base-url {instance_url}`)."
        f"{keyring_note}"
    )


class TokenSource:
    """Resolves the token once, on first need, off the event loop (keyrings may block)."""

    def __init__(self, instance_url: str, token: str | None) -> None:
        self._instance_url = instance_url
        self._given = token
        self._resolved: tuple[str, TokenOrigin] | None = None
        self._lock = asyncio.Lock()

    async def token(self) -> str:
        return (await self.resolve())[0]

    async def resolve(self) -> tuple[str, TokenOrigin]:
        resolved = self._resolved
        if resolved is None:
            async with self._lock:
                resolved = self._resolved
                if resolved is None:
                    found: tuple[str, TokenOrigin]
                    if self._given:
                        found = (self._given, "argument")
                    else:
                        found = await asyncio.to_thread(resolve_sync, self._instance_url, None)
                    log.debug("using the token from the %s", found[1])
                    self._resolved = resolved = found
        return resolved
