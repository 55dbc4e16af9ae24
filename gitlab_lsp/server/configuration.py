"""Settings in: `initializationOptions`, `didChangeConfiguration` (push) and
`workspace/configuration` (pull).

Editors differ: GitLab's plugins push the whole settings object, Neovim and Helix answer a
pull for the `gitlab` section, some send `didChangeConfiguration` with null settings as a
signal to pull. All three paths end in `SettingsStore.update`, so a bad value is handled the
same way wherever it comes from: reported, and the last good settings stay.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from lsprotocol import types

from gitlab_lsp.server.initialization_options import caller_options, settings_in
from gitlab_lsp.server.settings import InvalidSettings, names_settings, unwrap

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

    from gitlab_lsp.server.messages import Messages
    from gitlab_lsp.server.settings import SettingsStore
    from gitlab_lsp.server.upstream import Upstream

log = logging.getLogger(__name__)

SECTION = "gitlab"
#: Seconds to wait for a `workspace/configuration` answer (some editors never send one).
PULL_TIMEOUT = 5.0
#: Seconds to wait for settings after `initialized` brought none (a pull answered `[null]`:
#: many clients push their settings just after), before checking the token the server would
#: use on its own (GITLAB_TOKEN, the keyring, or none, which the user must hear about).
SETTINGS_GRACE = 2.0


class Configuration:
    def __init__(
        self,
        server: LanguageServer,
        store: SettingsStore,
        upstream: Upstream,
        messages: Messages,
        *,
        configured: bool = False,
    ) -> None:
        """`configured`: the starting settings are meant to be used as they are (`--mock`)."""
        self._server = server
        self._store = store
        self._upstream = upstream
        self._messages = messages
        #: Whether settings came from the editor (or the command line): until then the
        #: defaults are "no settings yet", not settings to check and complain about.
        self._configured = configured
        self._grace: asyncio.TimerHandle | None = None

    def apply(self, raw: object, source: str) -> bool:
        """Apply settings from `source`; report and keep the last good ones if they are bad."""
        settings = unwrap(raw)
        if settings is None:
            return False
        try:
            self._store.update(settings)
        except InvalidSettings as exc:
            log.error("%s rejected, keeping the previous settings: %s", source, exc.message)
            self._messages.show(
                f"GitLab: invalid settings, the previous ones stay in force: {exc.message}",
                error=True,
            )
            return False
        if names_settings(settings):
            self._configured = True
        return True

    def initialize(self, params: types.InitializeParams) -> None:
        options = params.initialization_options
        self._upstream.set_caller(caller_options(options))
        self.apply(settings_in(options), "initializationOptions")

    async def initialized(self, _params: types.InitializedParams) -> None:
        """Pull settings (editors that only answer pulls), then check the token.

        With no settings yet, the check waits `SETTINGS_GRACE` seconds for a push: checking
        the defaults at once would warn about https://gitlab.com to a user who never chose it,
        then check again when their settings arrive.
        """
        await self.pull()
        if self._configured:
            self._check_token()
        elif self._grace is None:
            loop = asyncio.get_running_loop()
            self._grace = loop.call_later(SETTINGS_GRACE, self._grace_over)

    async def did_change_configuration(self, params: types.DidChangeConfigurationParams) -> None:
        before = self._store.current
        was_configured = self._configured
        if unwrap(params.settings):
            self.apply(params.settings, "didChangeConfiguration")
        else:
            await self.pull()
        changed = self._store.current.connection_key() != before.connection_key()
        self._upstream.settings_changed()
        if self._configured and (changed or not was_configured):
            self._check_token()

    async def pull(self) -> None:
        """Ask the editor for the `gitlab` section, if it can answer."""
        workspace = self._server.client_capabilities.workspace
        if workspace is None or not workspace.configuration:
            return
        try:
            answers = await asyncio.wait_for(
                self._server.workspace_configuration_async(
                    types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])
                ),
                PULL_TIMEOUT,
            )
        except Exception as exc:
            log.warning("workspace/configuration failed: %s", exc)
            return
        for answer in answers or []:
            if unwrap(answer):
                self.apply(answer, "workspace/configuration")
                return

    def _check_token(self) -> None:
        # With no `token` setting the SDK looks in GITLAB_TOKEN and the keyring; the check
        # reports TokenMissing if neither has one.
        if self._grace is not None:
            self._grace.cancel()
        self._upstream.check_token(self._store.current)

    def _grace_over(self) -> None:
        """No settings came: check what the server has on its own, and say if it is nothing."""
        if not self._configured:
            log.info("no settings from the editor; using the defaults and GITLAB_TOKEN/keyring")
        self._upstream.check_token(self._store.current)

    def close(self) -> None:
        if self._grace is not None:
            self._grace.cancel()


def register(server: LanguageServer, configuration: Configuration) -> None:
    # pygls marks handlers with attributes, which bound methods cannot take: wrap them.
    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        configuration.initialize(params)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(params: types.DidChangeConfigurationParams) -> None:
        await configuration.did_change_configuration(params)
