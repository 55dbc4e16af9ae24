"""The SDK client the server talks through: one per connection settings, replaced on change.

A change of `baseUrl`, `token` or HTTP settings builds a new `CodeSuggestions` and closes the
old one, starts fetching the user JWT (so the first completion does not wait for it), and
checks the token in the background so that the user hears about a bad token when they set
it, not at their next keystroke. Route health events from the SDK become
`$/gitlab/api/error` / `$/gitlab/api/recovered`.

How long a refused token or a rate limit pauses suggestions is the SDK's availability policy
(`gitlab_lsp.sdk.availability`); this module only asks it, and shows the pause to the user as
the `code-suggestions-api-error` check while it lasts.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.server import messages as msg
from gitlab_lsp.server.account_checks import AccountChecks

if TYPE_CHECKING:
    from gitlab_lsp.errors import TokenError
    from gitlab_lsp.sdk.client import CodeSuggestions
    from gitlab_lsp.sdk.events import ApiEvent
    from gitlab_lsp.sdk.telemetry import UsageTelemetry
    from gitlab_lsp.server.early_start import EarlyClient
    from gitlab_lsp.server.messages import Messages
    from gitlab_lsp.server.settings import Settings

log = logging.getLogger(__name__)


def client_options(settings: Settings, caller: ClientOptions) -> ClientOptions:
    """The SDK's options: who is calling (`caller`, from `initialize`) and the settings'
    connection options, in the one options type the SDK defines."""
    http = settings.http_agent_options
    return dataclasses.replace(
        caller,
        direct_connection=settings.code_completion.direct_connection,
        ca_bundle=http.ca,
        client_cert=http.cert,
        client_key=http.cert_key,
        ignore_certificate_errors=settings.ignore_certificate_errors,
        redact_secrets=settings.code_completion.enable_secret_redaction,
        project_path=settings.project_path,
        telemetry_enabled=settings.telemetry.enabled,
        tracking_url=settings.telemetry.tracking_url,
        context_budget=settings.code_completion.context_budget_bytes,
    )


class Upstream:
    """Owns the current `CodeSuggestions` and reports on its health."""

    def __init__(self, messages: Messages) -> None:
        self._messages = messages
        self._client: CodeSuggestions | None = None
        self._key: tuple[object, ...] | None = None
        self._caller = ClientOptions()
        self._failing: set[str] = set()
        #: The kind of the last token problem reported for the current client (its error type):
        #: the same condition found by another path does not raise a second popup.
        self._token_problem: str | None = None
        #: The pause (rate limit) shown as the API error check, if any.
        self._pause_shown: str | None = None
        self._background: set[asyncio.Task[None]] = set()
        #: The client whose token was last checked: one check per client is enough.
        self._checked: CodeSuggestions | None = None
        self._account = AccountChecks(messages, self.report_token_error)

    @property
    def caller(self) -> ClientOptions:
        return self._caller

    def set_caller(self, caller: ClientOptions) -> None:
        """Who is calling (IDE and extension names for the User-Agent), from `initialize`,
        before the first client is built."""
        self._caller = caller  # part of the client's key: another caller, another client

    def client(self, settings: Settings) -> CodeSuggestions:
        """The client for `settings`, built on first use after a connection change."""
        key = self._key_for(settings)
        if self._client is None or key != self._key:
            self._replace(settings, key)
        assert self._client is not None
        return self._client

    def usage(self, settings: Settings) -> UsageTelemetry | None:
        """The current client's usage telemetry (None when no client can be built)."""
        from gitlab_lsp.errors import GitLabLspError

        try:
            return self.client(settings).telemetry
        except GitLabLspError as exc:
            log.debug("no usage telemetry: %s", exc)
            return None

    def adopt(self, early: EarlyClient) -> None:
        """Take over the client `early_start` built from `initialize`'s settings (its warm-up
        is already running); settings that turn out different replace it as usual."""
        self._caller = early.caller
        self._install(early.client, self._key_for(early.settings))

    def _key_for(self, settings: Settings) -> tuple[object, ...]:
        return (*settings.connection_key(), settings.telemetry, self._caller)

    def _replace(self, settings: Settings, key: tuple[object, ...]) -> None:
        from gitlab_lsp.sdk.client import CodeSuggestions

        client = CodeSuggestions(
            settings.base_url, settings.token, options=client_options(settings, self._caller)
        )
        self._install(client, key)
        # Fetch the user JWT now, so the first completion does not wait for direct_access.
        self._spawn(client.warm_up())

    def _install(self, client: CodeSuggestions, key: tuple[object, ...]) -> None:
        old = self._client
        self._client = client
        self._key = key
        self._client.on_event(self._on_event)
        self._failing.clear()
        self._token_problem = None
        self._pause_shown = None
        self._checked = None
        self._messages.set_check(msg.API_ERROR_CHECK, False)
        if old is not None:
            self._spawn(old.aclose())
        log.info("connection settings in force: %s", client.instance_url)

    def check_token(self, settings: Settings) -> None:
        """Check the token in the background, once per client; the outcome goes to the editor."""
        client = self.client(settings)
        if client is self._checked:
            return
        self._checked = client
        self._spawn(self._check(client))

    async def _check(self, client: CodeSuggestions) -> None:
        from gitlab_lsp.errors import GitLabLspError, TokenError

        try:
            info = await client.check_token()
            if client is not self._client:
                return  # settings changed meanwhile (gitlab.vim pushes twice, the token last)
        except TokenError as exc:
            if client is self._client:
                self.report_token_error(exc)
        except GitLabLspError as exc:
            log.warning("could not check the token: %s", exc.message)
            self._messages.state_known()
        else:
            self.token_works()
            await self._account.after_token_check(client, info, lambda: client is self._client)

    def report_token_error(self, exc: TokenError) -> None:
        """Tell the user once per problem (one popup, one wording), not once per keystroke.

        The same condition (a revoked token, say) may be found by the background check and
        by a suggestion, with messages worded by different endpoints: the error type is the
        condition, and the first message found is the one shown.
        """
        if self._client is not None:
            self._client.availability.token_refused(exc.message)
        kind = type(exc).__name__
        if self._token_problem == kind:
            return
        self._token_problem = kind
        message = exc.message
        log.warning("token problem: %s", message)
        self._messages.token_check(message)
        self._messages.set_check(msg.AUTHENTICATION_REQUIRED, True, message)
        self._messages.show(f"GitLab Duo Code Suggestions: {message}")

    def paused(self) -> str | None:
        """Why no suggestion should be asked for now (refused token, rate limit), if any.

        The SDK's availability policy decides; a rate-limit pause is shown to the user as the
        API error check while it lasts and released when it ends.
        """
        pause = self._client.availability.paused() if self._client is not None else None
        shown = pause.reason if pause is not None and pause.kind == "rate_limited" else None
        if shown != self._pause_shown:
            self._pause_shown = shown
            self._publish_api_check()
        return pause.reason if pause is not None else None

    def token_works(self) -> None:
        """A suggestion came back, so whatever token problem was reported is over."""
        self._token_problem = None
        if self._client is not None:
            self._client.availability.token_accepted()
        self._messages.set_check(msg.AUTHENTICATION_REQUIRED, False)

    def settings_changed(self) -> None:
        """The user changed settings: every pause (rate limit, refused token) is lifted."""
        if self._client is not None:
            self._client.availability.reset()
        self.paused()

    def _on_event(self, event: ApiEvent) -> None:
        from gitlab_lsp.sdk.events import ApiError

        if isinstance(event, ApiError):
            self._failing.add(event.route)
            self._messages.api_error(event.route, event.status, event.message)
        else:
            self._failing.discard(event.route)
            self._messages.api_recovered(event.route)
        self._publish_api_check()

    def _publish_api_check(self) -> None:
        # Suggestions still work while the instance answers; only its failure (or a rate
        # limit that pauses every request) stops them.
        if "instance" in self._failing:
            self._messages.set_check(msg.API_ERROR_CHECK, True, "the GitLab instance is failing")
        elif self._pause_shown is not None:
            self._messages.set_check(msg.API_ERROR_CHECK, True, self._pause_shown)
        else:
            self._messages.set_check(msg.API_ERROR_CHECK, False)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def aclose(self) -> None:
        self._account.cancel()
        if self._client is not None:
            await self._client.aclose()
            self._client = None
