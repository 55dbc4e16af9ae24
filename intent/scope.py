"""Completion scope: does the cursor call for the rest of a line, or for a block?

`block` where a body is expected (the line before the cursor ends with `:`, `{`, `do`,
`=>`... and nothing after the cursor, or an empty brace body `{|}`) or where a
line is being started (nothing but indentation before the cursor); `line` where the cursor
is in the middle of a statement (code before it on the line, or code after it).
Post-processing cuts a multi-line answer to its first line where only the line is wanted.
"""

from __future__ import annotations

import re

from intent.model import CompletionScope

#: Line endings that open a block; the keywords only as whole words.
_OPENS_BLOCK = re.compile(
    r"(?:[:{]|=>|->|\b(?:do|then|else|begin|in|of|where|is|as)|\bdo\s*\|[^|]*\|)\s*\Z"
)
#: What may follow the cursor on its line for a block to still be wanted (`{|}`, `(|)`).
_ONLY_CLOSERS = re.compile(r"[\s)\]}\"'`;,]*\Z")
_LINE_END = re.compile(r"\r\n|\r|\n")


def completion_scope(above: str, below: str) -> CompletionScope:
    """The scope at a cursor between `above` and `below` (the document's text)."""
    cut = max(above.rfind("\n"), above.rfind("\r"))
    end = _LINE_END.search(below)
    return line_scope(above[cut + 1 :], below if end is None else below[: end.start()])


def line_scope(before: str, after: str) -> CompletionScope:
    """The scope from the cursor's line alone: its text `before` and `after` the cursor."""
    if not _ONLY_CLOSERS.match(after):
        return "line"
    if not before.strip():
        return "block"
    if not after.strip():
        return "block" if _OPENS_BLOCK.search(before) else "line"
    # Closers follow: only an empty brace body (`{|}`) still wants a block; `{'a': |}` or
    # `f(x =>|)` are inside an expression.
    return "block" if before.rstrip().endswith("{") else "line"
