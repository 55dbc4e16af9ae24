"""Vue single-file components: only the `<script>` blocks are analysed, as JS or TS.

Everything outside the script contents is replaced by spaces, byte for byte, keeping the
line breaks. The result parses as a script whose byte offsets and lines are the file's
own, so whole-file LSP positions need no mapping at all (the official client maps them
through the script's first line and gets columns wrong on that line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intent.source import Bytes

_OPEN = re.compile(rb"<script\b([^>]*)>", re.IGNORECASE)
_CLOSE = re.compile(rb"</script\s*>", re.IGNORECASE)
_LANG = re.compile(rb"""\blang\s*=\s*["']?([A-Za-z]+)""", re.IGNORECASE)
_NOT_BREAK = re.compile(rb"[^\r\n]")


@dataclass(frozen=True, slots=True)
class ScriptBlocks:
    """Byte ranges of the script contents and the language they are written in."""

    ranges: tuple[tuple[int, int], ...]
    language: str

    def contains(self, offset: int) -> bool:
        return any(start <= offset <= end for start, end in self.ranges)

    def inside(self, start: int, end: int) -> bool:
        """True if the byte range [start, end] lies within one script content."""
        return any(s <= start and end <= e for s, e in self.ranges)


def find_scripts(data: Bytes) -> ScriptBlocks:
    ranges: list[tuple[int, int]] = []
    language = "javascript"
    pos = 0
    while True:
        opening = _OPEN.search(data, pos)
        if opening is None:
            break
        closing = _CLOSE.search(data, opening.end())
        end = closing.start() if closing else len(data)
        ranges.append((opening.end(), end))
        lang = _LANG.search(opening.group(1))
        if lang:
            value = lang.group(1).lower()
            if value in ("ts", "typescript"):
                language = "typescript"
            elif value == "tsx":
                language = "typescriptreact"
            elif value == "jsx":
                language = "javascriptreact"
        pos = closing.end() if closing else len(data)
    return ScriptBlocks(tuple(ranges), language)


def blank_outside(data: Bytes, scripts: ScriptBlocks) -> bytes:
    """The file with every byte outside the script contents turned into a space."""
    out = bytearray()
    pos = 0
    for start, end in scripts.ranges:
        out += _NOT_BREAK.sub(b" ", data[pos:start])
        out += data[start:end]
        pos = end
    out += _NOT_BREAK.sub(b" ", data[pos:])
    return bytes(out)
