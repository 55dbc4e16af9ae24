"""What one file offers: its imports (as written) and its named definitions.

Built once per file version from a tree-sitter tree (the caller's, when it already has one,
as the language server does for open documents) and cached: a request only looks names up.
A definition is sent as its signature: leading comments, the header up to the body, and the
docstring, so that what the code near the cursor calls costs tens of bytes, not the file.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gitlab_lsp.sdk.context.queries import definitions_query, imports_query

if TYPE_CHECKING:
    from tree_sitter import Node, Tree

#: A definition this small is sent whole; a larger one as its signature.
SMALL_DEFINITION = 400
#: The most one definition's snippet may take.
MAX_SNIPPET = 1_500
_MAX_DOCSTRING = 600
_MAX_LEADING_COMMENT = 400
_CLASS_TYPES = frozenset(
    {
        "class_definition",
        "class_declaration",
        "abstract_class_declaration",
        "interface_declaration",
        "class",
        "module",
        "trait_item",
        "class_specifier",
        "struct_specifier",
        "enum_declaration",
        "record_declaration",
    }
)
_BODY_FIELDS = ("body",)
_WRAPPERS = frozenset({"decorated_definition", "export_statement", "ambient_declaration"})


@dataclass(frozen=True, slots=True)
class Definition:
    name: str
    start: int  # byte offsets in the file
    end: int
    line: int


@dataclass
class FileIndex:
    """Imports and definitions of one version of one file."""

    language: str
    data: bytes
    imports: tuple[str, ...]
    package: str | None
    _tree: Tree | None = None
    _definitions: dict[str, list[Definition]] | None = None
    _snippets: dict[tuple[int, int], str] = field(default_factory=dict)
    _snippets_complete: bool = False

    @property
    def definitions(self) -> dict[str, list[Definition]]:
        """Computed on first use: the current file's own definitions are never needed."""
        if self._definitions is None:
            self._definitions = (
                _definitions(self.language, self._tree, self.data) if self._tree else {}
            )
        return self._definitions

    def compact(self) -> None:
        """Drop the syntax tree (some 30 bytes per byte of source), keeping what was read off
        it; a snippet asked for later parses the text again for that moment."""
        if self._tree is not None:
            _ = self.definitions
            self._tree = None
        if self._snippets_complete:
            self.data = b""  # nothing is cut from it any more

    def snippet(self, definition: Definition) -> str:
        key = (definition.start, definition.end)
        cached = self._snippets.get(key)
        if cached is None:
            if self._tree is None:
                # Compacted: one parse gives every snippet of the file, not one parse each.
                self.fill_snippets()
                cached = self._snippets.get(key)
            if cached is None:
                cached = _snippet_text(self, definition, self._tree)
                self._snippets[key] = cached
        return cached

    @property
    def snippets_ready(self) -> bool:
        return self._snippets_complete

    def fill_snippets(self, tree: Tree | None = None) -> None:
        """Every definition's snippet, from the tree held, else `tree` (the caller's tree of
        this version of the file: an open document's), else one parse of the text."""
        if self._snippets_complete:
            return
        if self._tree is not None:
            tree = self._tree
        elif tree is None:
            tree = _parse_again(self)
        for found in self.definitions.values():
            for definition in found:
                key = (definition.start, definition.end)
                if key not in self._snippets:
                    self._snippets[key] = _snippet_text(self, definition, tree)
        self._snippets_complete = True
        if self._tree is None:
            # Every snippet is cut and no tree is held: the copy of the file's bytes would
            # never be read again (each open document's index would double its text).
            self.data = b""


def _text(data: bytes, start: int, end: int) -> str:
    return data[start:end].decode("utf-8", errors="replace")


def _captures(query: object, node: Node) -> dict[str, list[Node]]:
    from tree_sitter import QueryCursor

    cursor = QueryCursor(query)  # type: ignore[arg-type]
    return cursor.captures(node)


_QUOTES = "\"'`<>"


def _imports(language: str, tree: Tree, data: bytes) -> tuple[tuple[str, ...], str | None]:
    query = imports_query(language)
    if query is None:
        return (), None
    found = _captures(query, tree.root_node)
    specs: list[str] = []
    package = None
    if language == "ruby":
        from tree_sitter import QueryCursor

        for _pattern, captures in QueryCursor(query).matches(tree.root_node):
            fn, source = captures.get("fn"), captures.get("source")
            if fn and source:
                method = _text(data, fn[0].start_byte, fn[0].end_byte)
                specs.append(f"{method} {_text(data, source[0].start_byte, source[0].end_byte)}")
        return tuple(dict.fromkeys(specs)), None
    for node in found.get("source", []):
        text = _text(data, node.start_byte, node.end_byte)
        # C's <x.h> keeps its brackets, so that resolution knows a system include.
        specs.append(text if text.startswith("<") else text.strip(_QUOTES))
    for node in found.get("statement", []):
        specs.append(" ".join(_text(data, node.start_byte, node.end_byte).split()))
    for node in found.get("use", []):
        specs.append("use " + "".join(_text(data, node.start_byte, node.end_byte).split()))
    for node in found.get("mod", []):
        specs.append("mod " + _text(data, node.start_byte, node.end_byte))
    for node in found.get("package", []):
        match = re.search(r"package\s+([\w.]+)", _text(data, node.start_byte, node.end_byte))
        package = match.group(1) if match else None
    # Statement order, so that the first import is tried first.
    return tuple(dict.fromkeys(specs)), package


def _definitions(language: str, tree: Tree, data: bytes) -> dict[str, list[Definition]]:
    query = definitions_query(language)
    if query is None:
        return {}
    from tree_sitter import QueryCursor

    definitions: dict[str, list[Definition]] = {}
    cursor = QueryCursor(query)
    for _pattern, captures in cursor.matches(tree.root_node):
        names, defs = captures.get("name"), captures.get("def")
        if not names or not defs:
            continue
        node = defs[0]
        # `export`, `declare` and decorators belong to the definition's text.
        while node.parent is not None and node.parent.type in _WRAPPERS:
            node = node.parent
        if node.type == "type_spec" and node.parent is not None:
            node = node.parent if node.parent.named_child_count == 1 else node
        name = _text(data, names[0].start_byte, names[0].end_byte)
        definitions.setdefault(name, []).append(
            Definition(name, node.start_byte, node.end_byte, node.start_point[0])
        )
    return definitions


def build_index(language: str, tree: Tree, data: bytes) -> FileIndex:
    imports, package = _imports(language, tree, data)
    return FileIndex(language, data, imports, package, _tree=tree)


# --- snippets --------------------------------------------------------------------------


def _parse_again(index: FileIndex) -> Tree | None:
    """The tree of a compacted index, parsed again for the moment (not kept)."""
    from tree_sitter import Parser

    from intent.languages import grammar

    try:
        return Parser(grammar(index.language).language).parse(index.data)
    except Exception:
        return None


def _node_at(tree: Tree | None, definition: Definition) -> Node | None:
    if tree is None:
        return None
    node = tree.root_node.descendant_for_byte_range(definition.start, definition.end)
    while node is not None and (node.start_byte, node.end_byte) != (
        definition.start,
        definition.end,
    ):
        node = node.parent
    return node


def _leading_comments(node: Node, data: bytes) -> str:
    comments: list[Node] = []
    sibling = node.prev_named_sibling
    row = node.start_point[0]
    while sibling is not None and "comment" in sibling.type and sibling.end_point[0] >= row - 1:
        comments.append(sibling)
        row = sibling.start_point[0]
        sibling = sibling.prev_named_sibling
    if not comments:
        return ""
    start = comments[-1].start_byte
    return _text(data, start, node.start_byte)[-_MAX_LEADING_COMMENT:]


def _unwrapped(node: Node) -> Node:
    """The definition inside `export`, `declare` or decorators."""
    while node.type in _WRAPPERS:
        inner = node.child_by_field_name("definition") or node.child_by_field_name("declaration")
        if inner is None:
            inner = next((c for c in reversed(node.named_children) if c.type != "comment"), None)
        if inner is None or inner == node:
            return node
        node = inner
    return node


def _body_of(node: Node) -> Node | None:
    target = _unwrapped(node)
    for name in _BODY_FIELDS:
        body = target.child_by_field_name(name)
        if body is not None:
            return body
    if target.type in ("method", "singleton_method", "class", "module"):  # Ruby
        for child in target.named_children:
            if child.type in ("body_statement",):
                return child
    return None


def _docstring(body: Node, data: bytes) -> str:
    first = body.named_children[0] if body.named_children else None
    if first is not None and first.type == "expression_statement":
        inner = first.named_children[0] if first.named_children else None
        if inner is not None and inner.type == "string":
            return _text(data, first.start_byte, first.end_byte)[:_MAX_DOCSTRING]
    return ""


def _indent_before(data: bytes, offset: int) -> str:
    line_start = data.rfind(b"\n", 0, offset) + 1
    prefix = data[line_start:offset]
    return prefix.decode("utf-8", errors="replace") if not prefix.strip() else ""


def _signature(node: Node, data: bytes, *, depth: int = 0) -> str:
    """Header up to the body, plus docstring, plus (for classes) member signatures."""
    if node.end_byte - node.start_byte <= SMALL_DEFINITION:
        return _text(data, node.start_byte, node.end_byte)
    body = _body_of(node)
    if body is None:
        return _text(data, node.start_byte, node.end_byte)[:MAX_SNIPPET]
    header = _text(data, node.start_byte, body.start_byte).rstrip()
    parts = [header]
    doc = _docstring(body, data)
    inner_indent = (
        _indent_before(data, body.named_children[0].start_byte) if body.named_children else ""
    )
    if doc:
        parts.append(inner_indent + doc)
    target = _unwrapped(node)
    if target.type in _CLASS_TYPES and depth == 0:
        for member in body.named_children:
            if _body_of(member) is not None or member.type in (
                "decorated_definition",
                "method_signature",
                "function_signature_item",
            ):
                parts.append(inner_indent + _signature_line(member, data))
            if sum(len(p) for p in parts) > MAX_SNIPPET:
                break
    elif not doc:
        parts.append(inner_indent + "...")
    return "\n".join(parts)


def _signature_line(member: Node, data: bytes) -> str:
    body = _body_of(member)
    end = body.start_byte if body is not None else member.end_byte
    return " ".join(_text(data, member.start_byte, end).split())[:300]


def _snippet_text(index: FileIndex, definition: Definition, tree: Tree | None) -> str:
    node = _node_at(tree, definition)
    if node is None:
        return _text(index.data, definition.start, definition.end)[:MAX_SNIPPET]
    text = _leading_comments(node, index.data) + _signature(node, index.data)
    return text[:MAX_SNIPPET]


#: Default estimated bytes of trees held by an `IndexCache`: the current file keeps its tree
#: whatever its size (and the documents in use share theirs); others beyond this drop theirs.
INDEX_TREE_BUDGET = 2 * 1024 * 1024


def _is_open_key(key: object) -> bool:
    return isinstance(key, tuple) and key[:1] == ("open",)


class IndexCache:
    """Indexes by (path, version key), least recently used dropped first."""

    def __init__(self, size: int = 256, tree_budget_bytes: int | None = None) -> None:
        self._size = size
        #: Estimated bytes of syntax trees the indexes may hold: the current file's, mostly
        #: (the documents in use keep theirs in `intent.tree_budget`, often the same trees).
        self.tree_budget_bytes = (
            INDEX_TREE_BUDGET if tree_budget_bytes is None else tree_budget_bytes
        )
        self._entries: OrderedDict[tuple[str, object], FileIndex] = OrderedDict()

    def get(self, path: str, key: object) -> FileIndex | None:
        entry = self._entries.get((path, key))
        if entry is not None:
            self._entries.move_to_end((path, key))
        return entry

    def open_paths(self) -> set[str]:
        """The open documents that have an index here (for diagnostics and tests)."""
        return {path for path, key in self._entries if _is_open_key(key)}

    def drop_open(self, path: str) -> None:
        """The open document at `path` left use (or was closed): drop its index, which a
        request does not rebuild (`ContextBuilder.warm` does, once it is in use again)."""
        for old in [k for k in self._entries if k[0] == path and _is_open_key(k[1])]:
            del self._entries[old]

    def put(self, path: str, key: object, index: FileIndex) -> None:
        if _is_open_key(key):
            # An open document has one version: the indexes of its earlier ones (each with
            # a copy of the file's bytes) would only wait for the LRU while the user types.
            self.drop_open(path)
        self._entries[(path, key)] = index
        self._entries.move_to_end((path, key))
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)
        self._keep_trees_within_budget()

    def _keep_trees_within_budget(self) -> None:
        """Indexes of files not used lately drop their trees (`compact`), so that memory does
        not grow with the number of open files (`intent.tree_budget` does the same for the
        documents' own trees); the newest index keeps its tree whatever its size."""
        from intent.tree_budget import TREE_BYTES_PER_BYTE

        held = sum(len(i.data) for i in self._entries.values() if i._tree is not None)
        limit = self.tree_budget_bytes // TREE_BYTES_PER_BYTE
        for index in list(self._entries.values())[:-1]:
            if held <= limit:
                break
            if index._tree is not None:
                held -= len(index.data)
                index.compact()
