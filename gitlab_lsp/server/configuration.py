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
from collections.abc import Mapping
from typing import TYPE_CHECKING

from lsprotocol import types

from gitlab_lsp.server.settings import InvalidSettings, unwrap
from gitlab_lsp.server.upstream import ClientInfo

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

    from gitlab_lsp.server.messages import Messages
    from gitlab_lsp.server.settings import Settings, SettingsStore
    from gitlab_lsp.server.upstream import Upstream

log = logging.getLogger(__name__)

SECTION = "gitlab"
#: Seconds to wait for a `workspace/configuration` answer (some editors never send one).
PULL_TIMEOUT = 5.0


def client_info(options: object) -> ClientInfo:
    """`initializationOptions.ide` / `.extension`, tolerating anything else being there."""
    if not isinstance(options, Mapping):
        return ClientInfo()
    ide, ext = options.get("ide"), options.get("extension")

    def text(section: object, key: str) -> str | None:
        value = section.get(key) if isinstance(section, Mapping) else None
        return value if isinstance(value, str) and value else None

    return ClientInfo(
        ide_name=text(ide, "name"),
        ide_version=text(ide, "version"),
        ide_vendor=text(ide, "vendor"),
        extension_name=text(ext, "name"),
        extension_version=text(ext, "version"),
    )


class Configuration:
    def __init__(
        self,
        server: LanguageServer,
        store: SettingsStore,
        upstream: Upstream,
        messages: Messages,
    ) -> None:
        self._server = server
        self._store = store
        self._upstream = upstream
        self._messages = messages

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
        return True

    def initialize(self, params: types.InitializeParams) -> None:
        options = params.initialization_options
        self._upstream.set_info(client_info(options))
        if isinstance(options, Mapping):
            # Settings may come with initializationOptions, bare or under `settings`.
            self.apply(options.get("settings", options), "initializationOptions")

    async def initialized(self, _params: types.InitializedParams) -> None:
        """Pull settings (editors that only answer pulls), then check the token."""
        await self.pull()
        self._after_change(self._store.current)

    async def did_change_configuration(self, params: types.DidChangeConfigurationParams) -> None:
        before = self._store.current
        if unwrap(params.settings):
            self.apply(params.settings, "didChangeConfiguration")
        else:
            await self.pull()
        if self._store.current.connection_key() != before.connection_key():
            self._after_change(self._store.current)

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

    def _after_change(self, settings: Settings) -> None:
        # With no `token` setting the SDK looks in GITLAB_TOKEN and the keyring; the check
        # reports TokenMissing if neither has one.
        self._upstream.check_token(settings)


def register(server: LanguageServer, configuration: Configuration) -> None:
    # pygls marks handlers with attributes, which bound methods cannot take: wrap them.
    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        configuration.initialize(params)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(params: types.DidChangeConfigurationParams) -> None:
        await configuration.did_change_configuration(params)
