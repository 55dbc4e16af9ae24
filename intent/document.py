"""`Document`: one open file, its tree-sitter tree kept up to date incrementally.

The language server holds one per open file and feeds it LSP content changes. A change
splices the bytes in place, patches the line table around the edit and edits the old tree
(`tree.edit`); nothing is parsed until the next `detect`, which re-parses once with the
edited tree however many changes came in between (a burst of keystrokes costs one
incremental parse). `intent.detect(text, ...)` is a throw-away Document, which is what
makes the two answer identically by construction.
"""

from __future__ import annotations

from dataclasses import replace

from tree_sitter import Node, Parser, Point, Tree

from intent import vue
from intent.analysis import Analysis
from intent.languages import VUE, Grammar, grammar, resolve
from intent.model import GrammarUnavailableError, Intent
from intent.rules import decide
from intent.scope import line_scope
from intent.source import Bytes, SourceView, parser_bytes

#: Above this size the whole file is not parsed: a window of lines around the cursor is.
HUGE_BYTES = 1_000_000
#: Lines kept on each side of the cursor in a huge file (and at most this many bytes).
WINDOW_LINES = 1_000
WINDOW_BYTES = 100_000
#: The syntax check of a would-be edit parses at most about this many bytes around it.
CHECK_WINDOW_BYTES = 2_500
CHECK_WINDOW_LINES = 25

Position = tuple[int, int]


def _encode(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


class Document:
    """An open text document with an incrementally maintained syntax tree."""

    def __init__(
        self,
        text: str,
        *,
        language_id: str | None = None,
        filename: str | None = None,
        parse: bool = True,
    ) -> None:
        self.language_id = language_id
        self.filename = filename
        self.language = resolve(language_id, filename)
        self._view = SourceView(bytearray(_encode(text)))
        # A document parsed later is one not in use: its text is decoded again when asked for.
        self._text: str | None = text if parse else None
        #: Not in use (never parsed yet, or released): its text is decoded when asked for but
        #: not kept, so that reading every open document (for context) keeps memory flat.
        self._resting = not parse
        self._grammar: Grammar | None = None
        self._parser: Parser | None = None
        #: A second parser for `errors_if_replaced` (fresh parses of a window).
        self._check_parser: Parser | None = None
        self._tree: Tree | None = None
        self._scripts: vue.ScriptBlocks | None = None
        self._analysis: Analysis | None = None
        self._window_cache: dict[int, Analysis] = {}
        self._unavailable: str | None = None
        #: The tree has been edited (or must be rebuilt) since the last parse.
        self._stale = not parse  # if not parsed now, then on the first `refresh` or `detect`
        if parse:
            self._full_parse()

    # -- public ---------------------------------------------------------------------------
    @property
    def _data(self) -> Bytes:
        return self._view.data

    @property
    def text(self) -> str:
        """The exact text; kept decoded while the document is in use (parsed since it was
        opened or last released), decoded anew each time otherwise."""
        if self._text is not None:
            return self._text
        text = self._data.decode("utf-8", errors="surrogatepass")
        if not self._resting:
            self._text = text
        return text

    def line_start_index(self, line: int) -> int | None:
        """The string index (code points) at which `line` begins, from the line table, for
        `intent.positions.locate`; None past the last line (or before the first)."""
        if not 0 <= line < self._view.line_count:
            return None
        start = self._view.starts[line]
        text = self._text
        if text is not None and len(text) == len(self._data):  # ASCII: bytes are characters
            return start
        return len(self._data[:start].decode("utf-8", errors="surrogatepass"))

    def has_nul_near_start(self, limit: int = 8_000) -> bool:
        """Whether a NUL is among the first `limit` bytes (a binary file), without decoding."""
        return self._data.find(b"\x00", 0, limit) >= 0

    @property
    def huge(self) -> bool:
        return len(self._data) > HUGE_BYTES

    @property
    def size(self) -> int:
        """The document's length in UTF-8 bytes."""
        return len(self._data)

    @property
    def holds_tree(self) -> bool:
        """Whether a syntax tree (or an analysis built from one) is held in memory."""
        return self._tree is not None or self._analysis is not None or bool(self._window_cache)

    def release(self) -> None:
        """Drop the syntax tree and everything derived from it; keep the text.

        A parsed tree costs some 30 bytes per byte of source, so an editor session with
        many open files keeps trees only for those in use (`intent.tree_budget`). The next
        `refresh` or `detect` parses the whole text again, with the same answers.
        """
        self._tree = None
        self._parser = None
        self._check_parser = None  # a parser keeps its buffers from its last parse
        self._analysis = None
        self._window_cache.clear()
        self._text = None  # decoded again from the bytes when asked for
        self._resting = True
        self._stale = True

    def apply_change(
        self, text: str, start: Position | None = None, end: Position | None = None
    ) -> None:
        """Apply one LSP content change; `start`/`end` are (line, UTF-16 character)."""
        if start is None or end is None:
            self._view = SourceView(bytearray(_encode(text)))
            self._text = text
            self._invalidate(full=True)
            return
        view = self._view
        s_byte = view.clamp(*start)[1]
        e_byte = view.clamp(*end)[1]
        if e_byte < s_byte:
            s_byte, e_byte = e_byte, s_byte
        inserted = _encode(text)
        start_point = Point(*view.point(s_byte))
        old_end_point = Point(*view.point(e_byte))
        old_scripts = self._scripts
        view.replace(s_byte, e_byte, inserted)
        self._text = None
        new_end = s_byte + len(inserted)
        if (
            self._tree is None
            or self.huge
            or not self._vue_edit_is_local(old_scripts, s_byte, e_byte, new_end)
        ):
            self._invalidate(full=True)
            return
        self._tree.edit(
            start_byte=s_byte,
            old_end_byte=e_byte,
            new_end_byte=new_end,
            start_point=start_point,
            old_end_point=old_end_point,
            new_end_point=Point(*view.point(new_end)),
        )
        self._invalidate(full=False)

    def refresh(self) -> None:
        """Bring the syntax tree up to date now, so that the next `detect` does not parse.

        `apply_change` only records edits, so that a burst of changes costs one parse. A caller
        that has just applied a batch of changes and is about to wait (the language server
        after a didChange, before the debounce ends) calls this to take the incremental parse
        off the request path.
        """
        if self._stale:
            self._reparse()

    def syntax_tree(self) -> Tree | None:
        """This version's tree, brought up to date (None for huge files, unknown languages
        and Vue, whose tree covers only the script block), for callers that read the file's
        structure (the context of a suggestion) without parsing it again."""
        if self.language is None or self.language == VUE or self.huge:
            return None
        self.refresh()
        return self._tree

    def detect(self, line: int, character: int) -> Intent:
        """The intent at an LSP position (0-based line, UTF-16 character); a completion
        carries its `completion_scope`."""
        found = self._detect(line, character)
        if found.intent != "completion":
            return found
        line, offset = self._view.clamp(line, character)
        start, end = self._view.line_range(line)
        data = self._data
        scope = line_scope(
            data[start:offset].decode("utf-8", errors="replace"),
            data[offset:end].decode("utf-8", errors="replace"),
        )
        return replace(found, completion_scope=scope)

    def _detect(self, line: int, character: int) -> Intent:
        self.refresh()
        if self.language is None:
            return Intent("completion", reason="unknown language: intents are not detected")
        if self._unavailable is not None:
            return Intent("completion", reason=self._unavailable)
        line, offset = self._view.clamp(line, character)
        if self._scripts is not None and not self._scripts.contains(offset):
            return Intent("completion", reason="vue: the cursor is outside the <script> block")
        if not self.huge:
            assert self._analysis is not None
            return decide(self._analysis, line, offset)
        return self._detect_in_window(line, offset)

    def errors_if_replaced(self, start: int, end: int, text: str) -> int | None:
        """Syntax errors (ERROR and MISSING nodes) around an edit, in the document as it
        would be with bytes [start, end) replaced by `text`; None when there is no tree to
        ask (unknown language, huge file, Vue). The document itself is unchanged.

        Only a window is parsed: the largest syntax node around the edit that is at most
        `CHECK_WINDOW_BYTES` long (a function, a class body...), taken from the current
        tree, so the cost follows the size of that node and not of the file (an unbalanced
        bracket would otherwise send tree-sitter's error recovery through the rest of the
        file). Post-processing compares the counts of a suggestion's variants, which see
        the same window.
        """
        self.refresh()
        if self._tree is None or self._grammar is None or self.language == VUE:
            return None
        data = self._data
        start = max(0, min(start, len(data)))
        end = max(start, min(end, len(data)))
        low, high = self._check_window(start, end)
        source = parser_bytes(bytes(data[low:start]) + _encode(text) + bytes(data[end:high]))
        if self._check_parser is None:
            self._check_parser = Parser(self._grammar.language)
        return count_errors(self._check_parser.parse(source).root_node)

    def _check_window(self, start: int, end: int) -> tuple[int, int]:
        """Byte range of the largest node around [start, end) within the window size."""
        assert self._tree is not None
        root = self._tree.root_node
        if root.end_byte - root.start_byte <= CHECK_WINDOW_BYTES:
            return 0, len(self._data)
        node = root.descendant_for_byte_range(start, end)
        best: tuple[int, int] | None = None
        while node is not None and node != root:
            if node.end_byte - node.start_byte > CHECK_WINDOW_BYTES:
                break
            if node.start_byte <= start and node.end_byte >= end:
                best = (node.start_byte, node.end_byte)
            node = node.parent
        if best is not None:
            return best
        # No node that small holds the edit: whole lines around it.
        view = self._view
        first = max(0, view.line_of(start) - CHECK_WINDOW_LINES)
        last = min(view.line_count - 1, view.line_of(end) + CHECK_WINDOW_LINES)
        return view.starts[first], view.line_range(last)[1]

    # -- parsing --------------------------------------------------------------------------
    def _parse_input(self) -> Bytes:
        if self.language == VUE:
            self._scripts = vue.find_scripts(self._data)
            return parser_bytes(vue.blank_outside(self._data, self._scripts))
        return parser_bytes(self._data)

    def _grammar_name(self) -> str | None:
        if self.language == VUE:
            return self._scripts.language if self._scripts else "javascript"
        return self.language

    def _full_parse(self) -> None:
        self._analysis = None
        self._tree = None
        self._window_cache.clear()
        if self.language is None:
            return
        source = self._parse_input()
        name = self._grammar_name()
        assert name is not None
        try:
            self._grammar = grammar(name)
        except GrammarUnavailableError as exc:
            self._unavailable = str(exc)
            return
        self._unavailable = None
        self._parser = Parser(self._grammar.language)
        if self.huge:
            return
        self._tree = self._parser.parse(source)
        self._analysis = Analysis(self._grammar, self._tree, self._analysis_view(source))

    def _analysis_view(self, source: Bytes) -> SourceView:
        if source is self._data or self.language != VUE:
            return self._view
        return SourceView(source, self._view.starts)

    def _invalidate(self, *, full: bool) -> None:
        """Forget the analysis of the previous version; `detect` re-parses on demand."""
        self._analysis = None
        self._window_cache.clear()
        if full:
            self._tree = None
        self._stale = True

    def _vue_edit_is_local(
        self, before: vue.ScriptBlocks | None, start: int, old_end: int, new_end: int
    ) -> bool:
        """Vue: an edit can be parsed incrementally only if the blanked bytes changed
        exactly where the text did (inside a script block, the blocks otherwise only
        shifted). Other languages: always."""
        if self.language != VUE:
            return True
        if before is None:
            return False
        after = vue.find_scripts(self._data)
        delta = new_end - old_end
        shifted = tuple(
            (a if a <= start else a + delta, b if b < start else b + delta)
            for a, b in before.ranges
        )
        local = (
            before.inside(start, old_end)
            and after.language == before.language
            and after.ranges == shifted
        )
        self._scripts = after
        return local

    def _reparse(self) -> None:
        """Bring the tree up to date: one incremental parse for every edit since the last
        one, or a full parse when an edit could not be applied to the old tree."""
        self._stale = False
        self._resting = False
        if self._tree is None or self._parser is None or self._grammar is None:
            self._full_parse()
            return
        source = self._parse_input()
        self._tree = self._parser.parse(source, self._tree)
        self._analysis = Analysis(self._grammar, self._tree, self._analysis_view(source))

    # -- huge files -----------------------------------------------------------------------
    def _detect_in_window(self, line: int, offset: int) -> Intent:
        view = self._view
        first = max(0, line - WINDOW_LINES)
        last = min(view.line_count - 1, line + WINDOW_LINES)
        while first < line and view.starts[line] - view.starts[first] > WINDOW_BYTES:
            first += max(1, (line - first) // 2)
        while last > line and view.line_range(last)[1] - view.starts[line] > WINDOW_BYTES:
            last -= max(1, (last - line) // 2)
        analysis = self._window_cache.get(first * 1_000_003 + last)
        base = view.starts[first]
        if analysis is None:
            assert self._grammar is not None and self._parser is not None
            source = self._parse_input()[base : view.line_range(last)[1]]
            window_view = SourceView(source)
            analysis = Analysis(self._grammar, self._parser.parse(source), window_view)
            self._window_cache.clear()
            self._window_cache[first * 1_000_003 + last] = analysis
        return decide(analysis, line - first, offset - base)


def count_errors(root: Node) -> int:
    """ERROR and MISSING nodes under `root`, visiting only subtrees that contain one."""
    count = 0
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            count += 1
            continue
        stack.extend(child for child in node.children if child.has_error or child.is_missing)
    return count
