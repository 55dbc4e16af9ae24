"""`Document`: one open file, its tree-sitter tree kept up to date incrementally.

The language server holds one per open file and feeds it LSP content changes; each change
edits the old tree (`tree.edit`) and re-parses with it, so a keystroke costs a partial
parse, and `detect` itself never parses. `intent.detect(text, ...)` is a throw-away
Document, which is what makes the two answer identically by construction.
"""

from __future__ import annotations

from bisect import bisect_right

from tree_sitter import Parser, Point, Tree

from intent import vue
from intent.analysis import Analysis
from intent.languages import VUE, Grammar, grammar, resolve
from intent.model import GrammarUnavailableError, Intent
from intent.rules import decide
from intent.source import SourceView, line_starts, parser_bytes

#: Above this size the whole file is not parsed: a window of lines around the cursor is.
HUGE_BYTES = 1_000_000
#: Lines kept on each side of the cursor in a huge file (and at most this many bytes).
WINDOW_LINES = 1_000
WINDOW_BYTES = 100_000

Position = tuple[int, int]


def _encode(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


class Document:
    """An open text document with an incrementally maintained syntax tree."""

    def __init__(
        self, text: str, *, language_id: str | None = None, filename: str | None = None
    ) -> None:
        self.language_id = language_id
        self.filename = filename
        self.language = resolve(language_id, filename)
        self._data = _encode(text)
        self._text: str | None = text
        self._view = SourceView(self._data)
        self._grammar: Grammar | None = None
        self._parser: Parser | None = None
        self._tree: Tree | None = None
        self._scripts: vue.ScriptBlocks | None = None
        self._analysis: Analysis | None = None
        self._window_cache: dict[int, Analysis] = {}
        self._unavailable: str | None = None
        self._full_parse()

    # -- public ---------------------------------------------------------------------------
    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self._data.decode("utf-8", errors="surrogatepass")
        return self._text

    @property
    def huge(self) -> bool:
        return len(self._data) > HUGE_BYTES

    def apply_change(
        self, text: str, start: Position | None = None, end: Position | None = None
    ) -> None:
        """Apply one LSP content change; `start`/`end` are (line, UTF-16 character)."""
        if start is None or end is None:
            self._data = _encode(text)
            self._text = text
            self._view = SourceView(self._data)
            self._full_parse()
            return
        old_view = self._view
        s_line, s_byte = old_view.clamp(*start)
        e_line, e_byte = old_view.clamp(*end)
        if e_byte < s_byte:
            s_byte, e_byte = e_byte, s_byte
            s_line, e_line = e_line, s_line
        inserted = _encode(text)
        old = self._data
        self._data = old[:s_byte] + inserted + old[e_byte:]
        self._text = None
        self._view = SourceView(
            self._data, _patch_starts(old_view.starts, old, self._data, s_byte, e_byte, inserted)
        )
        self._incremental_parse(old_view, s_byte, e_byte, s_byte + len(inserted))

    def detect(self, line: int, character: int) -> Intent:
        """The intent at an LSP position (0-based line, UTF-16 character)."""
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

    # -- parsing --------------------------------------------------------------------------
    def _parse_input(self) -> bytes:
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

    def _analysis_view(self, source: bytes) -> SourceView:
        if source is self._data or self.language != VUE:
            return self._view
        return SourceView(source, self._view.starts)

    def _incremental_parse(
        self, old_view: SourceView, start: int, old_end: int, new_end: int
    ) -> None:
        if self.language is None or self._unavailable is not None:
            return
        reparse_all = self._tree is None or self._parser is None or self.huge
        if self.language == VUE and not reparse_all:
            before = self._scripts
            assert before is not None
            after = vue.find_scripts(self._data)
            delta = new_end - old_end
            shifted = tuple(
                (a if a <= start else a + delta, b if b < start else b + delta)
                for a, b in before.ranges
            )
            # incremental only if the blanked bytes changed exactly where the text did
            reparse_all = (
                not before.inside(start, old_end)
                or after.language != before.language
                or after.ranges != shifted
            )
        if reparse_all:
            self._full_parse()
            return
        assert self._tree is not None and self._parser is not None and self._grammar is not None
        self._tree.edit(
            start_byte=start,
            old_end_byte=old_end,
            new_end_byte=new_end,
            start_point=Point(*old_view.point(start)),
            old_end_point=Point(*old_view.point(old_end)),
            new_end_point=Point(*self._view.point(new_end)),
        )
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


def _patch_starts(
    starts: list[int], old: bytes, new: bytes, start: int, old_end: int, inserted: bytes
) -> list[int]:
    """The line table after replacing old[start:old_end] by `inserted`, re-scanning only
    the edited lines (and one on each side, for `\\r` + `\\n` merging at the edges)."""
    delta = len(inserted) - (old_end - start)
    first = max(bisect_right(starts, start) - 2, 0)
    last = bisect_right(starts, old_end) + 1
    seg_start = starts[first]
    old_seg_end = starts[last] if last < len(starts) else len(old)
    new_seg_end = old_seg_end + delta
    rescanned = line_starts(new[seg_start:new_seg_end], base=seg_start)
    if rescanned and rescanned[-1] == new_seg_end and last < len(starts):
        rescanned.pop()
    tail = [s + delta for s in starts[last:]] if last < len(starts) else []
    return [*starts[: first + 1], *rescanned, *tail]
