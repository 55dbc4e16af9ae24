"""The one position codec: LSP positions (line, UTF-16 character) and string indices.

LSP counts `character` in UTF-16 code units and ends lines at LF, CRLF or a lone CR. Python
strings count code points. Everything that turns one into the other (the server's document
store, the SDK's detection step, the intent package's byte-level source view) uses these
functions, so the rules below hold in one place:

- a position past the end of a line means the end of that line, past the last line the end
  of the document (LSP asks clients and servers to clamp, not to fail);
- a column inside a surrogate pair (undefined in LSP) means the start of that character.
"""

from __future__ import annotations

import re

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def utf16_units(text: str) -> int:
    """Length of `text` in UTF-16 code units (what LSP `character` counts)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2


def index_in_line(line_text: str, character: int) -> int:
    """String index within one line of a UTF-16 column, clamped into the line."""
    if character <= 0:
        return 0
    if line_text.isascii():
        return min(character, len(line_text))
    units = 0
    for index, char in enumerate(line_text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > character:
            return index
    return len(line_text)


def _line_bounds(text: str, line: int, line_start: int | None = None) -> tuple[int, int] | None:
    """Start and end (before its line break) of `line`; None past the last line."""
    start = 0
    if line_start is not None:
        start = line_start
    elif line > 0:
        breaks = LINE_BREAK.finditer(text)
        for _ in range(line):
            found = next(breaks, None)
            if found is None:
                return None
            start = found.end()
    found = LINE_BREAK.search(text, start)
    return start, (len(text) if found is None else found.start())


def locate(
    text: str, line: int, character: int, *, line_start: int | None = None
) -> tuple[int, int, int]:
    """(line, character, string index) of an LSP position, clamped into `text` as LSP asks.

    `line_start`: the string index at which `line` begins, when the caller's line table
    knows it (an `intent.Document` does: `line_start_index`); otherwise one walk over the
    line breaks before the position, with a compiled regex (a millisecond or two at line
    2,000 of a big file).
    """
    if line < 0:
        return 0, 0, 0
    bounds = _line_bounds(text, line, line_start)
    if bounds is None:
        line = sum(1 for _ in LINE_BREAK.finditer(text))
        start, end = _line_bounds(text, line) or (0, 0)
        return line, utf16_units(text[start:end]), len(text)
    start, end = bounds
    index = index_in_line(text[start:end], character)
    return line, utf16_units(text[start : start + index]), start + index


def clamp(text: str, line: int, character: int) -> tuple[int, int]:
    """The position LSP means by (line, character) in `text`: clamped into the document."""
    found_line, column, _ = locate(text, line, character)
    return found_line, column


def offset_at(text: str, line: int, character: int) -> int:
    """String index of an LSP position, clamped into `text`."""
    return locate(text, line, character)[2]


def end_position(text: str) -> tuple[int, int]:
    """The LSP position just after `text` (the cursor, when `text` is all that is above it)."""
    breaks = [found.end() for found in LINE_BREAK.finditer(text)]
    start = breaks[-1] if breaks else 0
    return len(breaks), utf16_units(text[start:])
