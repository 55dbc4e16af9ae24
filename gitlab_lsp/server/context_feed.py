"""The server's side of context: open documents, recency and workspace folders in, items out.

The choosing is the SDK's (`gitlab_lsp.sdk.context`); this module only hands it what the
server knows: the workspace folders (from `initialize` and later changes), the open documents
most recently used first, their trees, the latest edits, and the settings that switch each
source on or off. It also names the current file relative to its workspace folder.

The index of an open document (its imports, definitions and their snippets: about 1.3 bytes
per byte of source) is kept while the document is in use, by the same budget as its syntax
tree (`intent.tree_budget`): when the document store drops a document's tree, the feed drops
its index; a request indexes no open document (only `warm`, at focus, does).
"""

from __future__ import annotations

import asyncio
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
        #: The context indexes of files (open documents in use, and files on disk).
        self.indexes = IndexCache()
        documents.on_leave_use(lambda uri: self.indexes.drop_open(file_name_of(uri)))
        self._builder: ContextBuilder | None = None
        self._key: tuple[object, ...] | None = None
        #: Documents whose imports are being parsed in the background, and those tasks.
        self._warming: dict[str, asyncio.Task[None]] = {}

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
                cache=self.indexes,
            )
            # A request never parses imported files from disk, nor indexes open documents:
            # `warm` does, when the user opens or focuses a file (and after a request that
            # found some not indexed).
            self._builder.parses_per_build = 0
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
        current, sources, edits = self._sources(opened)
        items = builder.build(current, offset, sources, edits)
        if builder.deferred:
            self.warm_later(opened, settings)
        return items

    def warm_later(self, opened: OpenDocument, settings: Settings) -> None:
        """Parse the files `opened` imports in the background, one per event-loop turn, so
        that its first suggestion request finds them indexed."""
        builder = self.builder(settings)
        if not (builder.options.enabled and builder.options.imports):
            return
        if opened.uri in self._warming:
            return
        try:
            task = asyncio.get_running_loop().create_task(self._warm(opened.uri, settings))
        except RuntimeError:  # no loop (a script or a synchronous test): nothing to warm
            return
        self._warming[opened.uri] = task
        uri = opened.uri

        def forget(_task: asyncio.Task[None]) -> None:
            self._warming.pop(uri, None)

        task.add_done_callback(forget)

    async def _warm(self, uri: str, settings: Settings) -> None:
        try:
            while (opened := self._documents.get(uri)) is not None:
                current, sources, _ = self._sources(opened)
                if not self.builder(settings).warm(current, sources):
                    return
                await asyncio.sleep(0)  # a request that arrived meanwhile goes first
        except Exception:  # context is an extra: never let its warm-up fail loudly
            log.debug("warming the context of %s failed", uri, exc_info=True)

    def _sources(
        self, opened: OpenDocument
    ) -> tuple[SourceDocument, list[SourceDocument], list[EditRegion]]:
        """The current document, the open ones most recently used first, the latest edits."""
        store = self._documents
        recent = store.recency.most_recent_first()
        by_uri = {d.uri: d for d in store.all()}
        ordered = [by_uri[u] for u in recent if u in by_uri]
        seen = set(recent)
        ordered += [d for d in by_uri.values() if d.uri not in seen]
        sources = {d.uri: _source(d, store.in_use(d.uri)) for d in ordered}
        edits = [
            EditRegion(sources[e.uri], e.start_line, e.end_line)
            for e in store.recency.latest_edits()
            if e.uri in sources and e.uri != opened.uri
        ]
        current = sources.get(opened.uri) or _source(opened, True)
        return current, list(sources.values()), edits


def _path_of(uri: str) -> str:
    path = file_name_of(uri)
    return path if os.path.isabs(path) else ""


def _source(opened: OpenDocument, in_use: bool) -> SourceDocument:
    doc = opened.doc
    return SourceDocument(
        opened.file_name,
        # Read only if the request needs it: most open documents are never sent, and
        # decoding each on every request would cost time, and memory if it were kept.
        lambda: opened.text,
        opened.language_id,
        version=(id(doc), opened.version),
        # Only a tree the document holds: one released to keep memory flat
        # (`intent.tree_budget`) is not rebuilt for context on every request.
        tree=doc.syntax_tree() if doc.holds_tree else None,
        size=doc.size,
        binary=doc.has_nul_near_start(),
        in_use=in_use,
    )
