"""One parsed version of a document: the questions the rules ask about comments and lines.

Comment lookups run the language's compiled query restricted to a byte range, so the cost
of a question is proportional to the lines it is about, not to the size of the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node, QueryCursor, Tree

from intent.languages import Grammar
from intent.source import Bytes, SourceView

_PY_DEF_TYPES = ("function_definition", "class_definition")


_JSX_LANGUAGES = frozenset({"javascript", "javascriptreact", "typescriptreact"})


@dataclass(frozen=True, slots=True)
class CommentSpan:
    """A comment (or docstring) with its end trimmed of trailing line breaks.

    `block` marks a comment spanning several lines (or a docstring): rule 2 takes it as a
    run of its own. One-line comments of any syntax (`// a`, `/* a */`) chain into runs.
    """

    start: int
    end: int
    node: Node
    docstring: bool
    block: bool


class Analysis:
    """A tree plus its source view; everything the rules need for one document version."""

    __slots__ = ("code_lines", "grammar", "tree", "view")

    def __init__(self, grammar: Grammar, tree: Tree, view: SourceView) -> None:
        self.grammar = grammar
        self.tree = tree
        self.view = view
        #: Rule 4's count for this version of the document, once someone has asked.
        self.code_lines: int | None = None

    @property
    def root(self) -> Node:
        return self.tree.root_node

    # -- comments -------------------------------------------------------------------------
    def comments_in(self, start: int, end: int) -> list[CommentSpan]:
        """Comments intersecting the byte range [start, end], sorted by start."""
        cursor = QueryCursor(self.grammar.comments)
        cursor.set_byte_range(max(0, start - 1), end + 1)
        found: dict[int, CommentSpan] = {}
        for name, nodes in cursor.captures(self.root).items():
            if name.startswith("_"):
                continue
            for node in nodes:
                if name == "docstring" and not _is_docstring(node):
                    continue
                span = self._span(node, docstring=name in ("docstring", "doc"))
                if (span.start <= end and span.end > start) or span.start == start:
                    found[node.id] = span
        spans = sorted(found.values(), key=lambda s: s.start)
        if self.root.has_error and self.grammar.spec.line_comment:
            spans = self._add_swallowed_comments(spans, start, end)
        return spans

    def _add_swallowed_comments(
        self, spans: list[CommentSpan], start: int, end: int
    ) -> list[CommentSpan]:
        """Line comments inside an ERROR node are often not comment nodes at all: the
        parser skipped them while recovering. Recognise them by their marker there."""
        view = self.view
        marker = self.grammar.spec.line_comment.encode()
        added = False
        for line in range(view.line_of(start), view.line_of(end) + 1):
            content = view.content_range(line)
            if content is None or not view.data.startswith(marker, content[0]):
                continue
            if any(s.start <= content[0] < max(s.end, s.start + 1) for s in spans):
                continue
            error = _error_ancestor(self.root.descendant_for_byte_range(content[0], content[0]))
            if error is None:
                continue
            spans.append(CommentSpan(content[0], content[1], error, False, False))
            added = True
        return sorted(spans, key=lambda s: s.start) if added else spans

    def _span(self, node: Node, *, docstring: bool) -> CommentSpan:
        data = self.view.data
        start, end = node.start_byte, node.end_byte
        while end > start and data[end - 1] in (0x0A, 0x0D):
            end -= 1
        multi_line = b"\n" in data[start:end] or b"\r" in data[start:end]
        return CommentSpan(start, end, node, docstring, docstring or multi_line)

    def comments_on_line(self, line: int) -> list[CommentSpan]:
        start, end = self.view.line_range(line)
        return [c for c in self.comments_in(start, end) if c.start <= end and c.end >= start]

    def is_comment_line(self, line: int, comments: list[CommentSpan] | None = None) -> bool:
        """True when every non-blank byte of the line belongs to a comment."""
        content = self.view.content_range(line)
        if content is None:
            return False
        if comments is None:
            comments = self.comments_on_line(line)
        data = self.view.data
        if covered(content, comments, data):
            return True
        # JSX writes comments as `{/* ... */}`: the braces only hold the comment
        start, end = content
        return (
            self.grammar.spec.name in _JSX_LANGUAGES
            and data[start : start + 1] == b"{"
            and data[end - 1 : end] == b"}"
            and end - start > 2
            and covered((start + 1, end - 1), comments, data)
        )

    def comment_text_lines(self, span: CommentSpan) -> list[str]:
        """The source lines of a comment, from its start (not from the line start)."""
        text = self.view.data[span.start : span.end].decode("utf-8", errors="replace")
        return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def covered(content: tuple[int, int], comments: list[CommentSpan], data: Bytes) -> bool:
    pos, end = content
    for c in comments:
        if c.end <= pos:
            continue
        if c.start > pos and data[pos : c.start].strip(b" \t\f\v"):
            return False
        pos = max(pos, c.end)
        if pos >= end:
            return True
    return pos >= end or not data[pos:end].strip(b" \t\f\v")


def _error_ancestor(node: Node | None) -> Node | None:
    while node is not None:
        if node.is_error:
            return node
        node = node.parent
    return None


def _is_docstring(string_node: Node) -> bool:
    """A string that is the first statement of a module or of a def/class body, whatever
    comments (a shebang, a coding cookie) come before it: one rule for every file."""
    statement = string_node.parent
    if statement is None or statement.named_child_count != 1:
        return False
    container = statement.parent
    if container is None:
        return False
    first = next((n for n in container.named_children if n.type != "comment"), None)
    if first is None or first.id != statement.id:
        return False
    if container.type == "module":
        return True
    return container.parent is not None and container.parent.type in _PY_DEF_TYPES


def docstring_owner(span: CommentSpan) -> Node | None:
    """The function a docstring documents, if it is the only statement of its body."""
    statement = span.node.parent
    body = statement.parent if statement is not None else None
    owner = body.parent if body is not None else None
    if owner is None or owner.type != "function_definition" or body is None:
        return None
    statements = [n for n in body.named_children if n.type != "comment"]
    return owner if len(statements) == 1 else None
