"""What the token check leaves open, told to the editor the way GitLab's plugins expect.

After a token passes its check, the SDK reads the instance's version and the user's Duo seat
(`CodeSuggestions.instance_status`); this module turns them into the feature-state checks
`code-suggestions-unsupported-gitlab-version` (older than 16.8) and
`code-suggestions-no-license` (no seat). An OAuth access token says how long it has left: when
that runs out, the editor hears `$/gitlab/token/check` at once rather than at the next failed
request, and the replacement it pushes (`didChangeConfiguration` with a new `token`) builds a
new client whose token is checked again, with no restart.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from gitlab_lsp.errors import GitLabLspError, TokenError, TokenExpired
from gitlab_lsp.server import messages as msg

if TYPE_CHECKING:
    from gitlab_lsp.sdk.client import CodeSuggestions
    from gitlab_lsp.sdk.models import TokenInfo
    from gitlab_lsp.server.messages import Messages

log = logging.getLogger(__name__)

EXPIRED_MESSAGE = (
    "the OAuth token for {url} has expired: sign in again, or have the editor send a new "
    "token (workspace/didChangeConfiguration)"
)


class AccountChecks:
    def __init__(self, messages: Messages, report: Callable[[TokenError], None]) -> None:
        self._messages = messages
        self._report = report
        self._expiry: asyncio.TimerHandle | None = None

    async def after_token_check(
        self, client: CodeSuggestions, info: TokenInfo, is_current: Callable[[], bool]
    ) -> None:
        self._schedule_expiry(client, info, is_current)
        try:
            status = await client.instance_status()
        except GitLabLspError as exc:
            log.info("could not read the instance's version or the Duo seat: %s", exc.message)
            return
        if not is_current():
            return
        log.info("GitLab %s, Duo seat: %s", status.version or "(version unknown)", status.duo_seat)
        self._messages.set_check(
            msg.UNSUPPORTED_VERSION,
            not status.code_suggestions_supported,
            f"GitLab {status.version} is too old for Code Suggestions (16.8 or later)",
        )
        self._messages.set_check(
            msg.NO_LICENSE,
            status.duo_seat is False,
            "Code Suggestions need a GitLab Duo seat; ask your GitLab administrator",
        )

    def _schedule_expiry(
        self, client: CodeSuggestions, info: TokenInfo, is_current: Callable[[], bool]
    ) -> None:
        self.cancel()
        if info.expires_in is None:
            return

        def expired() -> None:
            self._expiry = None
            if is_current():
                self._report(TokenExpired(EXPIRED_MESSAGE.format(url=client.instance_url)))

        self._expiry = asyncio.get_running_loop().call_later(info.expires_in, expired)

    def cancel(self) -> None:
        if self._expiry is not None:
            self._expiry.cancel()
            self._expiry = None
