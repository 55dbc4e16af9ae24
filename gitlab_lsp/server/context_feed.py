"""The server's side of context: open documents, recency and workspace folders in, items out.

The choosing is the SDK's (`gitlab_lsp.sdk.context`); this module only hands it what the
server knows: the workspace folders (from `initialize` and later changes), the open documents
most recently used first, their trees, the latest edits, and the settings that switch each
source on or off. It also names the current file relative to its workspace folder.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from gitlab_lsp.sdk.context import (
    ContextBuilder,
    ContextItem,
    ContextOptions,
    EditRegion,
    SourceDocument,
    Workspace,
)
from gitlab_lsp.sdk.context.index import IndexCache
from gitlab_lsp.server.documents import file_name_of

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

    from gitlab_lsp.sdk.context.builder import LanguageCheck
    from gitlab_lsp.server.documents import DocumentStore, OpenDocument
    from gitlab_lsp.server.settings import Settings

log = logging.getLogger(__name__)


def options_of(settings: Settings) -> ContextOptions:
    completion = settings.code_completion
    return ContextOptions(
        open_tabs=settings.open_tabs_context,
        imports=completion.context_imports,
        recent_edits=completion.context_recent_edits,
        budget=completion.context_budget_bytes,
        exclusions=completion.context_exclusions,
    )


def language_check(settings: Settings) -> LanguageCheck:
    """Whether a file's language may be sent: supported (or added) and not disabled."""
    from intent.languages import resolve

    completion = settings.code_completion
    disabled = set(completion.disabled_supported_languages)
    added = set(completion.additional_languages)

    def allowed(language_id: str | None, path: str) -> bool:
        canonical = resolve(language_id, path)
        if language_id in disabled or canonical in disabled:
            return False
        return canonical is not None or (language_id is not None and language_id in added)

    return allowed


class ContextFeed:
    def __init__(self, lsp: LanguageServer | None, documents: DocumentStore) -> None:
        self._lsp = lsp
        self._documents = documents
        self._cache = IndexCache()
        self._builder: ContextBuilder | None = None
        self._key: tuple[object, ...] | None = None

    # --- workspace -------------------------------------------------------------------------

    def workspace(self) -> Workspace:
        folders: list[str] = []
        if self._lsp is not None:
            try:
                workspace = self._lsp.workspace
            except Exception:  # before initialize there is none
                return Workspace()
            folders = [_path_of(uri) for uri in workspace.folders]
            root = workspace.root_path
            if not folders and root:
                folders = [root]
        return Workspace.of(f for f in folders if f)

    def builder(self, settings: Settings) -> ContextBuilder:
        workspace = self.workspace()
        key = (workspace, options_of(settings), settings.code_completion)
        if self._builder is None or key != self._key:
            self._builder = ContextBuilder(
                workspace,
                options_of(settings),
                language_allowed=language_check(settings),
                cache=self._cache,
            )
            self._key = key
        return self._builder

    # --- per request -----------------------------------------------------------------------

    def file_name(self, opened: OpenDocument, settings: Settings) -> str:
        """The name the request gives the current file: relative to its workspace folder,
        its base name outside any (never an absolute path)."""
        return self.builder(settings).name_of(opened.file_name)

    def items(self, opened: OpenDocument, offset: int, settings: Settings) -> list[ContextItem]:
        """Context for a request at `offset` in `opened`; [] when every source is off."""
        builder = self.builder(settings)
        if not builder.options.enabled:
            return []
        store = self._documents
        recent = store.recency.most_recent_first()
        by_uri = {d.uri: d for d in store.all()}
        ordered = [by_uri[u] for u in recent if u in by_uri]
        seen = set(recent)
        ordered += [d for d in by_uri.values() if d.uri not in seen]
        sources = {d.uri: _source(d) for d in ordered}
        edits = [
            EditRegion(sources[e.uri], e.start_line, e.end_line)
            for e in store.recency.latest_edits()
            if e.uri in sources and e.uri != opened.uri
        ]
        current = sources.get(opened.uri) or _source(opened)
        return builder.build(current, offset, list(sources.values()), edits)


def _path_of(uri: str) -> str:
    path = file_name_of(uri)
    return path if os.path.isabs(path) else ""


def _source(opened: OpenDocument) -> SourceDocument:
    return SourceDocument(
        path=opened.file_name,
        text=opened.text,
        language_id=opened.language_id,
        version=(id(opened.doc), opened.version),
        tree=opened.doc.syntax_tree(),
    )
