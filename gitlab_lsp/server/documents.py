"""Open documents, each kept as one incremental `intent.Document`.

Edits from `didChange` go straight into the intent document, so tree-sitter re-parses only
what changed and a suggestion request never parses the file from scratch (the official server
does, twice for generations). Only the documents in use keep their syntax trees
(`intent.tree_budget`: the most recently opened, edited, focused or asked about, within a
budget in bytes); the others keep their text and are parsed again when focused or edited. Ranges are LSP UTF-16 positions; the server only ever
negotiates UTF-16. A range outside the document is clamped as the LSP spec asks (a character
past the end of a line means the end of that line), never an error.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from gitlab_lsp.server.recency import Recency

if TYPE_CHECKING:
    from collections.abc import Callable

    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    import intent

log = logging.getLogger(__name__)

#: Ours, for diagnostics and tests: `{uri}` -> version, UTF-8 length and SHA-256 of the text.
DOCUMENT_STATE_REQUEST = "gitlab-lsp/documentState"


@dataclass
class OpenDocument:
    uri: str
    language_id: str
    file_name: str
    version: int
    doc: intent.Document

    @property
    def text(self) -> str:
        text: str = self.doc.text
        return text

    def state(self) -> dict[str, Any]:
        """What the server holds, without the text: to check an editor's sync against it."""
        data = self.text.encode("utf-8", errors="surrogatepass")
        return {
            "uri": self.uri,
            "languageId": self.language_id,
            "version": self.version,
            "length": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }


def file_name_of(uri: str) -> str:
    """The path the gateway sees as `file_name`: the URI's path, without the scheme."""
    parts = urlsplit(uri)
    path = unquote(parts.path) or uri
    if parts.scheme not in ("", "file"):
        return posixpath.basename(path) or path
    return path.lstrip("/") if len(path) > 2 and path[2] == ":" else path


def _parse_soon(opened: OpenDocument) -> None:
    """Parse once the messages already queued are handled (at once without an event loop)."""
    try:
        asyncio.get_running_loop().call_soon(opened.doc.refresh)
    except RuntimeError:  # no loop: a script or a test calling the store directly
        opened.doc.refresh()


#: Environment variable: the syntax-tree budget in MiB (a tuning knob; see docs/server.md).
TREE_BUDGET_ENV = "GITLAB_LSP_TREE_BUDGET_MB"


def _budget_from_environment(default: int) -> int:
    raw = os.environ.get(TREE_BUDGET_ENV)
    if raw is None:
        return default
    try:
        mib = float(raw)
    except ValueError:
        mib = -1.0
    if not 0 <= mib < 1 << 30:
        log.warning("%s=%r is not a size in MiB: using the default", TREE_BUDGET_ENV, raw)
        return default
    return int(mib * 1024 * 1024)


class DocumentStore:
    """uri -> OpenDocument, fed by the text synchronisation notifications."""

    def __init__(self, tree_budget_bytes: int | None = None) -> None:
        from intent.tree_budget import DEFAULT_BUDGET_BYTES, TreeBudget

        self._docs: dict[str, OpenDocument] = {}
        if tree_budget_bytes is None:
            tree_budget_bytes = _budget_from_environment(DEFAULT_BUDGET_BYTES)
        self.trees = TreeBudget(tree_budget_bytes, on_release=self._left_use)
        #: Most recently used documents and latest edits, for the context of a suggestion.
        self.recency = Recency()
        #: Called with a document's URI when it leaves use (the tree budget dropped it) or is
        #: closed: the owners of per-document caches (the context index) drop theirs.
        self._on_leave: list[Callable[[str], None]] = []

    def on_leave_use(self, callback: Callable[[str], None]) -> None:
        self._on_leave.append(callback)

    def _left_use(self, uri: str) -> None:
        for callback in self._on_leave:
            callback(uri)

    def in_use(self, uri: str) -> bool:
        """Whether the document is in use (recently opened, edited, focused or asked about,
        within the tree budget): only those keep per-document caches."""
        return uri in self.trees

    def get(self, uri: str) -> OpenDocument | None:
        return self._docs.get(uri)

    def use(self, uri: str) -> OpenDocument | None:
        """The document a request is about: its tree is kept (or rebuilt on the next parse)."""
        opened = self._docs.get(uri)
        if opened is not None:
            self.trees.use(uri, opened.doc)
        return opened

    def focus(self, uri: str) -> OpenDocument | None:
        """The editor shows this document: parse it now if its tree was released, so that
        the user's first request in it does not wait for the parse."""
        opened = self.use(uri)
        if opened is not None and not opened.doc.holds_tree:
            _parse_soon(opened)
        return opened

    def __contains__(self, uri: str) -> bool:
        return uri in self._docs

    def __len__(self) -> int:
        return len(self._docs)

    def open(self, uri: str, language_id: str, version: int, text: str) -> OpenDocument:
        import intent

        name = file_name_of(uri)
        opened = OpenDocument(
            uri=uri,
            language_id=language_id,
            file_name=name,
            version=version,
            doc=intent.Document(text, language_id=language_id, filename=name, parse=False),
        )
        self._docs[uri] = opened
        # Editors open every tab of a session at start-up: an opened document is parsed now
        # only if that releases no other tree; otherwise at focus, first edit or request.
        if self.trees.has_room_for(opened.doc):
            self.trees.use(uri, opened.doc)
            _parse_soon(opened)
        self.recency.touch(uri)
        return opened

    def close(self, uri: str) -> None:
        if self._docs.pop(uri, None) is not None:
            self._left_use(uri)
        self.trees.forget(uri)
        self.recency.forget(uri)

    def all(self) -> list[OpenDocument]:
        return list(self._docs.values())

    def change(
        self,
        uri: str,
        version: int,
        changes: list[types.TextDocumentContentChangeEvent],
    ) -> OpenDocument | None:
        """Apply `didChange` content changes in order; None if the document is not open."""
        from lsprotocol import types

        opened = self._docs.get(uri)
        if opened is None:
            log.warning("didChange for a document that was never opened: %s", uri)
            return None
        for change in changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                # Out-of-range positions are clamped by the intent document, as LSP asks
                # (checked against a reference model in tests/server/test_documents.py).
                opened.doc.apply_change(
                    change.text,
                    start=(change.range.start.line, change.range.start.character),
                    end=(change.range.end.line, change.range.end.character),
                )
                self.recency.edited(uri, change.range.start.line, change.text)
            else:
                opened.doc.apply_change(change.text)
                self.recency.touch(uri)
        opened.version = version
        self.trees.use(uri, opened.doc)
        return opened


def register(server: LanguageServer, store: DocumentStore, on_close: Callable[[str], None]) -> None:
    from lsprotocol import types

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        store.open(item.uri, item.language_id, item.version, item.text)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        doc = params.text_document
        opened = store.change(doc.uri, doc.version, list(params.content_changes))
        if opened is not None:
            # Parse while the user types and the debounce runs, not when a suggestion is
            # asked for; changes already queued are applied first, so a burst parses once.
            asyncio.get_running_loop().call_soon(opened.doc.refresh)

    @server.feature(DOCUMENT_STATE_REQUEST)
    def document_state(params: Any) -> dict[str, Any] | None:
        uri = params.get("uri") if isinstance(params, dict) else getattr(params, "uri", None)
        opened = store.get(uri) if isinstance(uri, str) else None
        return None if opened is None else opened.state()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        store.close(params.text_document.uri)
        on_close(params.text_document.uri)
