"""Line table over UTF-8 bytes: LSP positions (UTF-16 columns) to byte offsets and back.

The parser sees the document as UTF-8 bytes in which every lone `\\r` is replaced by `\\n`
and every NUL by a space (same length), so tree-sitter rows always equal LSP lines whatever
the line endings are, and byte offsets are the same in the text we keep and in the bytes
we parse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from intent.positions import index_in_line, utf16_units

#: The document's bytes: a bytearray edited in place, or bytes for throw-away views.
Bytes = bytes | bytearray

_LONE_CR = re.compile(rb"\r(?!\n)")
_WS = b" \t\f\v"


def parser_bytes(data: Bytes) -> Bytes:
    """The bytes handed to tree-sitter: lone CRs become LFs and NULs become spaces (the
    lexers stop tokens at NUL, which would cut a comment short); nothing moves."""
    if b"\r" in data:
        data = _LONE_CR.sub(b"\n", data)
    if b"\x00" in data:
        data = data.replace(b"\x00", b" ")
    return data


def line_starts(data: Bytes, base: int = 0) -> list[int]:
    """Byte offsets (plus `base`) at which each line after the first begins.

    `bytes.splitlines` breaks at exactly LSP's line ends (`\\r\\n`, `\\r`, `\\n`), and
    summing the piece lengths in C is several times faster than a regex walk on big files.
    """
    pieces = data.splitlines(keepends=True)
    if pieces and pieces[-1][-1:] not in (b"\n", b"\r"):
        pieces.pop()  # the last line has no terminator: no line starts after it
    return list(accumulate(map(len, pieces), initial=base))[1:]


class LineStarts:
    """The byte offset at which each line starts, patched in place on every edit.

    An edit rescans only the lines it touches; the lines after it all move by the same
    number of bytes, and that shift is kept pending (one index and one delta) instead of
    rewriting every later entry. Typing on one line adds to the same pending shift, so a
    keystroke costs O(line) rather than O(file); the shift is written out only when an
    edit lands elsewhere.
    """

    __slots__ = ("_delta", "_from", "_starts")

    def __init__(self, starts: list[int]) -> None:
        self._starts = starts
        self._from = len(starts)  # entries from this index on are stored minus `_delta`
        self._delta = 0

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index: int) -> int:
        value = self._starts[index]
        return value + self._delta if index >= self._from else value

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineStarts):
            return self.tolist() == other.tolist()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def tolist(self) -> list[int]:
        self._settle()
        return list(self._starts)

    def line_of(self, offset: int) -> int:
        """The line holding a byte offset (the last line starting at or before it)."""
        starts, pending = self._starts, self._from
        if pending < len(starts) and offset >= starts[pending] + self._delta:
            return bisect_right(starts, offset - self._delta, pending) - 1
        return bisect_right(starts, offset, 0, pending) - 1

    def replace(self, data: Bytes, start: int, old_end: int, delta: int) -> None:
        """Update the table after bytes [start, old_end) of the old text were replaced, the
        text growing by `delta` bytes; `data` is the new text.

        Lines from the one before the edit to the one after it are rescanned (a `\r` and
        a `\n` may merge or split at either edge); the rest only move.
        """
        first = max(self.line_of(start) - 1, 0)
        last = self.line_of(old_end) + 2
        count = len(self._starts)
        seg_start = self[first]
        old_seg_end = self[last] if last < count else len(data) - delta
        new_seg_end = old_seg_end + delta
        rescanned = line_starts(data[seg_start:new_seg_end], base=seg_start)
        if rescanned and rescanned[-1] == new_seg_end and last < count:
            rescanned.pop()
        if self._from != last:
            self._settle()
        self._starts[first + 1 : last] = rescanned
        self._from = first + 1 + len(rescanned)
        self._delta += delta
        if self._from >= len(self._starts):
            self._delta = 0

    def _settle(self) -> None:
        """Write the pending shift into the entries (O(lines after it))."""
        start, delta = self._from, self._delta
        if delta and start < len(self._starts):
            self._starts[start:] = [value + delta for value in self._starts[start:]]
        self._from, self._delta = len(self._starts), 0


class SourceView:
    """A document's bytes with their line table.

    Every question the rules ask about lines (blank? indentation? byte range?) is answered
    from here in O(1) or O(log n). `replace` edits the bytes (a bytearray, spliced in
    place) and patches the table around the edit, so an edit costs O(edit), not O(file).
    """

    __slots__ = ("data", "starts")

    def __init__(self, data: Bytes, starts: LineStarts | None = None) -> None:
        self.data = data
        self.starts = LineStarts([0, *line_starts(data)]) if starts is None else starts

    def replace(self, start: int, end: int, inserted: bytes) -> None:
        """Replace bytes [start, end) by `inserted` (the data must be a bytearray)."""
        if not isinstance(self.data, bytearray):
            self.data = bytearray(self.data)
        self.data[start:end] = inserted
        self.starts.replace(self.data, start, end, len(inserted) - (end - start))

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_range(self, line: int) -> tuple[int, int]:
        """Byte range of a line's content, without its line terminator."""
        start = self.starts[line]
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            if end > start and self.data[end - 1] == 0x0A:
                end -= 1
                if end > start and self.data[end - 1] == 0x0D:
                    end -= 1
            elif end > start and self.data[end - 1] == 0x0D:
                end -= 1
        else:
            end = len(self.data)
        return start, end

    def line_bytes(self, line: int) -> Bytes:
        start, end = self.line_range(line)
        return self.data[start:end]

    def is_blank(self, line: int) -> bool:
        return not self.line_bytes(line).strip(_WS)

    def indent(self, line: int) -> int:
        raw = self.line_bytes(line)
        return len(raw) - len(raw.lstrip(_WS))

    def content_range(self, line: int) -> tuple[int, int] | None:
        """Byte range from the first to past the last non-whitespace byte, None if blank."""
        start, end = self.line_range(line)
        raw = self.data[start:end]
        stripped = raw.strip(_WS)
        if not stripped:
            return None
        lead = len(raw) - len(raw.lstrip(_WS))
        return start + lead, start + lead + len(stripped)

    def line_of(self, offset: int) -> int:
        return self.starts.line_of(offset)

    def clamp(self, line: int, character: int) -> tuple[int, int]:
        """Clamp an LSP position into the document; returns (line, byte offset)."""
        if line < 0:
            return 0, 0
        if line >= len(self.starts):
            last = len(self.starts) - 1
            return last, self.line_range(last)[1]
        return line, self.offset_in_line(line, character)

    def offset_in_line(self, line: int, character: int) -> int:
        """Byte offset of a UTF-16 column; past the end clamps to the end, a column
        inside a surrogate pair clamps to the start of that character."""
        start, end = self.line_range(line)
        if character <= 0:
            return start
        raw = self.data[start:end]
        if raw.isascii():
            return start + min(character, len(raw))
        # Bytes that are not UTF-8 survive the round trip as one lone surrogate each.
        text = raw.decode("utf-8", errors="surrogateescape")
        prefix = text[: index_in_line(text, character)]
        return start + len(prefix.encode("utf-8", errors="surrogateescape"))

    def point(self, offset: int) -> tuple[int, int]:
        """tree-sitter point (row, byte column) of a byte offset."""
        line = self.line_of(offset)
        return line, offset - self.starts[line]

    def column(self, offset: int) -> int:
        """UTF-16 column of a byte offset (for indentation comparisons across lines)."""
        line = self.line_of(offset)
        start = self.starts[line]
        return utf16_units(self.data[start:offset].decode("utf-8", errors="replace"))
