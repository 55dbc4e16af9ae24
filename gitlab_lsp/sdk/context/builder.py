"""Choosing the context of one request, best first, within the byte budget.

Order of value per byte:
1. the definitions (signatures and docstrings) that the code near the cursor uses, found in
   the files the current file imports, then in the open documents (most recent first);
2. the regions of other documents the user changed last;
3. whole open documents, most recently used first, the current file's language family first
   (what the official client sends, by default, and nothing else).
Each source has its own switch; files outside the workspace, excluded by a glob or
`.gitignore`, in a disabled or unsupported language, binary or huge are never read or sent.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gitlab_lsp.sdk.context.budget import DEFAULT_BUDGET, fill, utf8_len
from gitlab_lsp.sdk.context.exclusions import Exclusions
from gitlab_lsp.sdk.context.index import Definition, FileIndex, IndexCache, build_index
from gitlab_lsp.sdk.context.items import ContextItem
from gitlab_lsp.sdk.context.queries import family
from gitlab_lsp.sdk.context.resolve import resolve_imports, siblings
from gitlab_lsp.sdk.context.usage import names_near
from gitlab_lsp.sdk.context.workspace import Workspace
from intent.languages import grammar, resolve
from intent.model import GrammarUnavailableError

if TYPE_CHECKING:
    from tree_sitter import Tree

log = logging.getLogger(__name__)

OPEN_TABS = "open_tabs"
IMPORTS = "imports"
RECENT_EDITS = "recent_edits"
#: Files larger than this are never read or sent (generated code, bundles, data).
MAX_FILE_BYTES = 500_000
#: The most files whose definitions are looked at per request.
MAX_CANDIDATES = 40
#: Bytes of definitions sent even when the open tabs are fewer (see `build`).
DEFINITIONS_FLOOR = 4_000
#: Levels of imports followed: the file's own, and the imports of those.
IMPORT_DEPTH = 2
#: Definitions sent per name (overloads, a declaration and its implementation).
DEFINITIONS_PER_NAME = 2
#: Lines around a recent edit.
EDIT_MARGIN = 3
MAX_EDIT_BYTES = 1_500

#: Seconds a file's resolved imports are reused before the file system is asked again.
RESOLVE_TTL = 10.0

LanguageCheck = Callable[[str | None, str], bool]


class SourceDocument:
    """A document the caller holds: an open editor buffer, or any text a script passes.

    `path` is absolute for files on disk (it decides the workspace folder and the relative
    name); `version` is anything that changes with the text (None: the text is the key);
    `tree` is this version's tree-sitter tree, when the caller already has one.

    `text` may be a function that returns it: the language server hands over every open
    document on each request, and most are never read (outside the workspace, or beyond
    the budget), so their text is not decoded unless a request needs it (then once per
    `SourceDocument`). `size` (UTF-8 bytes) and `binary` (a NUL near the start), when the
    caller knows them, answer whether a document may be sent without reading its text.

    `in_use` False: the caller keeps no per-document caches for this document (the language
    server's open documents beyond its memory budget), so it is not indexed: its definitions
    are not looked up (if it is imported, the file on disk is), its text may still go whole.
    """

    __slots__ = (
        "_read",
        "_text",
        "binary",
        "in_use",
        "language_id",
        "path",
        "size",
        "tree",
        "version",
    )

    def __init__(
        self,
        path: str,
        text: str | Callable[[], str],
        language_id: str | None = None,
        version: object = None,
        tree: Tree | None = None,
        *,
        size: int | None = None,
        binary: bool | None = None,
        in_use: bool = True,
    ) -> None:
        self.path = path
        self._text: str | None = text if isinstance(text, str) else None
        self._read: Callable[[], str] | None = None if isinstance(text, str) else text
        self.language_id = language_id
        self.version = version
        self.tree = tree
        self.size = size
        self.binary = binary
        self.in_use = in_use

    @property
    def text(self) -> str:
        if self._text is None:
            assert self._read is not None
            self._text = self._read()
        return self._text

    def __repr__(self) -> str:
        return f"SourceDocument({self.path!r}, version={self.version!r})"


@dataclass(frozen=True)
class EditRegion:
    """Lines `start_line` to `end_line` (0-based, inclusive) of `document` changed lately."""

    document: SourceDocument
    start_line: int
    end_line: int


@dataclass(frozen=True)
class ContextOptions:
    open_tabs: bool = True
    imports: bool = True
    recent_edits: bool = True
    #: Bytes for the current file plus all context.
    budget: int = DEFAULT_BUDGET
    exclusions: tuple[str, ...] = ()
    gitignore: bool = True
    max_recent_edits: int = 5

    @property
    def enabled(self) -> bool:
        return self.open_tabs or self.imports or self.recent_edits


@dataclass
class _Source:
    path: str
    name: str
    language: str | None
    index: FileIndex | None
    strategy: str


def _untrimmed(chosen: list[ContextItem], items: list[ContextItem]) -> set[str]:
    """Names of whole files sent in full (not cut by the budget)."""
    full = {(i.name, len(i.content)) for i in items if i.type == "file"}
    return {i.name for i in chosen if i.type == "file" and (i.name, len(i.content)) in full}


class _Deferred(Exception):
    """A file on disk that this build may not parse (its parse budget is spent)."""


class ContextBuilder:
    """Builds `ContextItem`s for one workspace; keeps file indexes across requests.

    Parsing is the one costly step (tens of milliseconds for a big module, holding the
    interpreter): imported files from disk, and open documents not indexed yet.
    `parses_per_build` bounds it per `build` (None: no bound, as a script wants; the current
    document is always indexed, from the tree its caller holds); what a build had to leave
    (`deferred`) is parsed by `warm`, one file per call, which the language server runs
    when the user opens or focuses a file, off the request path. Open documents not in use
    (`SourceDocument.in_use`) are never indexed.
    """

    def __init__(
        self,
        workspace: Workspace,
        options: ContextOptions | None = None,
        *,
        language_allowed: LanguageCheck | None = None,
        cache: IndexCache | None = None,
    ) -> None:
        self.workspace = workspace
        self.options = options or ContextOptions()
        self._allowed = language_allowed
        self._cache = cache or IndexCache()
        self._exclusions = Exclusions(
            workspace, self.options.exclusions, gitignore=self.options.gitignore
        )
        #: path -> (when, readable?) and path -> relative name, reused across requests
        #: (`.gitignore` files and the language settings are re-read after RESOLVE_TTL).
        self._readable_cache: dict[str, tuple[float, bool]] = {}
        self._names: dict[str, str] = {}
        self._languages: dict[tuple[str | None, str], str | None] = {}
        self._allowed_cache: dict[tuple[str | None, str], bool] = {}
        #: path -> (when, source): a file on disk is stat'ed again after RESOLVE_TTL.
        self._disk: dict[str, tuple[float, _Source | None]] = {}
        #: (file, its imports) -> (when, resolved paths): imports rarely change while typing,
        #: and resolving them stats files; re-checked after RESOLVE_TTL seconds.
        self._resolved: dict[tuple[str, tuple[str, ...]], tuple[float, list[str]]] = {}
        #: Files (on disk, or open and not indexed) one `build` may parse (None: any number).
        self.parses_per_build: int | None = None
        #: Whether the last `build` or `warm` left an imported file unparsed.
        self.deferred = False
        self._parses_left: int | None = None

    # --- public ----------------------------------------------------------------------------

    def name_of(self, path: str) -> str:
        name = self._names.get(path)
        if name is None:
            if len(self._names) > 4_096:
                self._names.clear()
            name = self._names[path] = self.workspace.relative_name(path)
        return name

    def build(
        self,
        current: SourceDocument,
        offset: int,
        open_documents: Sequence[SourceDocument] = (),
        recent_edits: Sequence[EditRegion] = (),
    ) -> list[ContextItem]:
        """Items for a request at `offset` (a string index) in `current`, best first, within
        the budget left by the current file."""
        options = self.options
        self._parses_left = self.parses_per_build
        self.deferred = False
        if not options.enabled:
            return []
        available = options.budget - utf8_len(current.text)
        if available <= 0:
            return []
        current_language = self._language(current.language_id, current.path)
        others = [d for d in open_documents if d.path != current.path and self._sendable_doc(d)]
        by_path = {d.path: d for d in others}
        items: list[ContextItem] = []
        candidates: list[_Source] = []
        if options.imports:
            candidates.extend(self._imported(current, current_language, by_path))
        if options.open_tabs:
            seen = {c.path for c in candidates}
            candidates.extend(
                self._open_source(d, OPEN_TABS)
                for d in self._by_family(others, current_language)
                if d.path not in seen
            )
        if candidates:
            items.extend(self._definitions(current.text, offset, candidates))
        if options.recent_edits:
            items.extend(self._edits(current, recent_edits))
        if options.open_tabs:
            tabs = 0
            for doc in self._by_family(others, current_language):
                if doc.text.strip():
                    items.append(ContextItem("file", self.name_of(doc.path), doc.text, OPEN_TABS))
                    tabs += utf8_len(doc.text)
                if tabs >= available:
                    # `fill` stops at the first item that does not fit, and these tabs alone
                    # fill the room: no later tab could be sent, so none is read.
                    break
            # What the official client would send (all open tabs) bounds what we send, so
            # that better context never costs more; with few or small tabs, a few kilobytes
            # of definitions still go.
            available = min(available, max(tabs, DEFINITIONS_FLOOR))
        chosen = fill(items, available)
        # A file that goes whole needs no excerpt of itself: drop those, refill the room.
        whole = {i.name for i in chosen if i.type == "file" and i.content is not None}
        whole &= {i.name for i in items if i.type == "file"} & _untrimmed(chosen, items)
        if any(i.type == "snippet" and i.name in whole for i in chosen):
            items = [i for i in items if not (i.type == "snippet" and i.name in whole)]
            chosen = fill(items, available)
        return chosen

    def warm(self, current: SourceDocument, open_documents: Sequence[SourceDocument] = ()) -> bool:
        """One step of indexing ahead of a request: parse one more file that `current`
        imports (as `build` would read it), else index one more open document, else prepare
        one more file's snippets; True while more may be left, so a caller can loop,
        yielding between calls."""
        if not (self.options.enabled and self.options.imports):
            return False
        self._parses_left = 1
        self.deferred = False
        others = {
            d.path: d for d in open_documents if d.path != current.path and self._sendable_doc(d)
        }
        language = self._language(current.language_id, current.path)
        imported = self._imported(current, language, others)
        if self.deferred:
            return True
        # Then the indexes of the open documents in use (the definitions a request looks
        # up), one each.
        in_use = [d for d in others.values() if d.in_use]
        for doc in [current, *in_use]:
            doc_language = self._language(doc.language_id, doc.path)
            key = ("open", doc.version if doc.version is not None else doc.text)
            if doc_language is not None and self._cache.get(doc.path, key) is None:
                self._index_of(doc, doc_language, current=doc is current)
                return True
        # Then the snippets a request may quote: from the tree an open document holds (the
        # index is of the same version), else one parse per file whose tree was dropped.
        opened = [(self._open_source(d, OPEN_TABS), d.tree) for d in in_use]
        for source, tree in [*((s, None) for s in imported), *opened]:
            if source.index is not None and not source.index.snippets_ready:
                source.index.fill_snippets(tree)
                return True
        return False

    # --- sources ---------------------------------------------------------------------------

    def _by_family(
        self, docs: Sequence[SourceDocument], language: str | None
    ) -> list[SourceDocument]:
        mine = family(language)
        same = [d for d in docs if family(self._language(d.language_id, d.path)) == mine]
        return same + [d for d in docs if family(self._language(d.language_id, d.path)) != mine]

    def _imported(
        self,
        current: SourceDocument,
        language: str | None,
        open_by_path: dict[str, SourceDocument],
    ) -> list[_Source]:
        if language is None or not os.path.isabs(current.path):
            return []
        index = self._index_of(current, language, current=True)
        if index is None:
            return []
        # Breadth first: the file's own imports, then theirs (a barrel that re-exports, a
        # header that includes the header that defines the type).
        sources: list[_Source] = []
        seen = {current.path}
        frontier: list[tuple[str, FileIndex]] = [(current.path, index)]
        for _depth in range(IMPORT_DEPTH):
            following: list[tuple[str, FileIndex]] = []
            for path_from, index_from in frontier:
                for path in self._resolve(index_from.language, index_from, path_from):
                    if path in seen or len(sources) >= MAX_CANDIDATES:
                        continue
                    seen.add(path)
                    source = self._import_source(path, open_by_path)
                    if source is not None and source.index is not None:
                        sources.append(source)
                        following.append((path, source.index))
            frontier = following
        return sources

    def _import_source(self, path: str, open_by_path: dict[str, SourceDocument]) -> _Source | None:
        if not self._readable(path):
            return None
        doc = open_by_path.get(path)
        if doc is not None and doc.in_use:
            return self._open_source(doc, IMPORTS)
        # Not open, or open but not indexed (not in use): the file as saved.
        if not self._language_ok(None, path):
            return None
        return self._disk_source(path)

    def _resolve(self, language: str, index: FileIndex, path: str) -> list[str]:
        key = (path, index.imports)
        now = time.monotonic()
        cached = self._resolved.get(key)
        if cached is not None and now - cached[0] < RESOLVE_TTL:
            return cached[1]
        paths = resolve_imports(
            language,
            index.imports,
            path,
            root=self.workspace.folder_of(path),
            roots=self.workspace.folders,
            package=index.package,
        )
        paths += [p for p in siblings(language, path) if p not in paths]
        if len(self._resolved) > 256:
            self._resolved.clear()
        self._resolved[key] = (now, paths)
        return paths

    def _definitions(self, text: str, offset: int, candidates: list[_Source]) -> list[ContextItem]:
        """One snippet item per file, holding the definitions of the names used near the
        cursor (at most DEFINITIONS_PER_NAME each, from the first files that define them);
        files ordered by their best-ranked name."""
        rank = {name: i for i, name in enumerate(names_near(text, offset))}
        hits: list[tuple[int, int, Definition]] = []
        for order, source in enumerate(candidates):
            if source.index is None:
                continue
            definitions = source.index.definitions
            for name in rank.keys() & definitions.keys():
                hits.extend((rank[name], order, d) for d in definitions[name])
        hits.sort(key=lambda hit: (hit[0], hit[1], hit[2].start))
        per_name: dict[int, int] = {}
        chosen: dict[int, list[tuple[int, str]]] = {}
        for name_rank, order, definition in hits:
            if per_name.get(name_rank, 0) >= DEFINITIONS_PER_NAME:
                continue
            per_name[name_rank] = per_name.get(name_rank, 0) + 1
            index = candidates[order].index
            assert index is not None
            entry = (definition.start, index.snippet(definition))
            snippets = chosen.setdefault(order, [])
            if entry not in snippets:
                snippets.append(entry)
        items = []
        for order, snippets in chosen.items():  # in the order of their best name
            source = candidates[order]
            content = "\n\n".join(s for _, s in sorted(snippets))
            items.append(ContextItem("snippet", source.name, content, source.strategy))
        return items

    def _edits(self, current: SourceDocument, edits: Sequence[EditRegion]) -> list[ContextItem]:
        items: list[ContextItem] = []
        for edit in edits:
            doc = edit.document
            if doc.path == current.path or not self._sendable_doc(doc):
                continue
            lines = doc.text.splitlines(keepends=True)
            first = max(0, edit.start_line - EDIT_MARGIN)
            last = min(len(lines), edit.end_line + EDIT_MARGIN + 1)
            region = "".join(lines[first:last])[:MAX_EDIT_BYTES]
            if region.strip():
                items.append(ContextItem("snippet", self.name_of(doc.path), region, RECENT_EDITS))
            if len(items) >= self.options.max_recent_edits:
                break
        return items

    # --- files -----------------------------------------------------------------------------

    def _language_ok(self, language_id: str | None, path: str) -> bool:
        """Supported and not disabled (the caller's check; remembered, as the builder is
        made again when the settings change)."""
        key = (language_id, path)
        verdict = self._allowed_cache.get(key)
        if verdict is None:
            if self._allowed is not None:
                verdict = self._allowed(language_id, path)
            else:
                verdict = self._language(language_id, path) is not None
            if len(self._allowed_cache) > 4_096:
                self._allowed_cache.clear()
            self._allowed_cache[key] = verdict
        return verdict

    def _sendable_doc(self, doc: SourceDocument) -> bool:
        """Supported, inside the workspace and not excluded, not huge, not binary; the
        checks on the path come first, so that a document outside reads no text."""
        if not self._language_ok(doc.language_id, doc.path):
            return False
        if os.path.isabs(doc.path):
            if not self._readable(doc.path):
                return False
        elif self._exclusions.name_excluded(self.name_of(doc.path)):
            return False
        size = doc.size if doc.size is not None else len(doc.text)
        if size > MAX_FILE_BYTES:
            return False
        return not (doc.binary if doc.binary is not None else "\x00" in doc.text[:8_000])

    def _readable(self, path: str) -> bool:
        now = time.monotonic()
        cached = self._readable_cache.get(path)
        if cached is not None and now - cached[0] < RESOLVE_TTL:
            return cached[1]
        verdict = self.workspace.contains(path) and not self._exclusions.excluded(path)
        if len(self._readable_cache) > 4_096:
            self._readable_cache.clear()
        self._readable_cache[path] = (now, verdict)
        return verdict

    def _open_source(self, doc: SourceDocument, strategy: str) -> _Source:
        language = self._language(doc.language_id, doc.path)
        index = None
        if language is not None:
            index = self._index_of(doc, language)
        return _Source(doc.path, self.name_of(doc.path), language, index, strategy)

    def _language(self, language_id: str | None, path: str) -> str | None:
        key = (language_id, path)
        if key not in self._languages:
            if len(self._languages) > 4_096:
                self._languages.clear()
            self._languages[key] = resolve(language_id, path)
        return self._languages[key]

    def _disk_source(self, path: str) -> _Source | None:
        now = time.monotonic()
        cached = self._disk.get(path)
        if cached is not None and now - cached[0] < RESOLVE_TTL:
            return cached[1]
        try:
            source = self._read_disk_source(path)
        except _Deferred:
            self.deferred = True
            return None  # not remembered: a later build or `warm` parses it
        if len(self._disk) > 4_096:
            self._disk.clear()
        self._disk[path] = (now, source)
        return source

    def _read_disk_source(self, path: str) -> _Source | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        if stat.st_size > MAX_FILE_BYTES:
            return None
        language = self._language(None, path)
        if language is None:
            return None
        key = ("disk", stat.st_mtime_ns, stat.st_size)
        index = self._cache.get(path, key)
        if index is None:
            if self._parses_left is not None:
                if self._parses_left <= 0:
                    raise _Deferred
                self._parses_left -= 1
            try:
                with open(path, "rb") as handle:
                    data = handle.read(MAX_FILE_BYTES + 1)
            except OSError:
                return None
            if b"\x00" in data[:8_000]:
                return None
            index = self._parse(language, data)
            if index is None:
                return None
            self._cache.put(path, key, index)
        return _Source(path, self.name_of(path), language, index, IMPORTS)

    def _index_of(
        self, doc: SourceDocument, language: str, *, current: bool = False
    ) -> FileIndex | None:
        """The index of this version of an open document (its text is read only to build
        one): None for a document not in use, and for one whose parse this build may not
        afford (`deferred`: `warm` builds it). The current document is always indexed: its
        imports lead to the rest, and its caller holds its tree."""
        key = ("open", doc.version if doc.version is not None else doc.text)
        index = self._cache.get(doc.path, key)
        if index is None:
            if not current:
                if not doc.in_use:
                    return None
                if self._parses_left is not None:
                    if self._parses_left <= 0:
                        self.deferred = True
                        return None
                    self._parses_left -= 1
            data = doc.text.encode("utf-8", errors="surrogatepass")
            index = self._parse(language, data, doc.tree)
            if index is None:
                return None
            self._cache.put(doc.path, key, index)
        return index

    @staticmethod
    def _parse(language: str, data: bytes, tree: Tree | None = None) -> FileIndex | None:
        try:
            parsed = grammar(language)
        except (GrammarUnavailableError, KeyError):
            return None
        if tree is None:
            from tree_sitter import Parser

            tree = Parser(parsed.language).parse(data)
        return build_index(language, tree, data)
