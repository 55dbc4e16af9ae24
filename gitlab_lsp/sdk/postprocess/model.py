"""The values the post-processing steps pass along: the draft, the cursor's site, the result."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from intent import Document

CompletionScope = Literal["line", "block"]

#: Lines after the cursor's line that steps look at (duplicates of the document below).
LINES_BELOW = 40
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Draft:
    """A suggestion on its way through the pipeline.

    `replace_chars`: how many characters of the text after the cursor (all on the cursor's
    line) accepting the suggestion replaces; 0 is a plain insertion.
    """

    text: str
    replace_chars: int = 0


@dataclass(frozen=True, slots=True)
class Processed:
    """What the pipeline made of one suggestion.

    `text` goes in at the cursor, replacing the `replace_chars` characters that follow it
    (never past the end of the cursor's line). `changed_by` names the steps that changed
    the text and `failed` those that raised or ran out of time (their change was dropped).
    """

    text: str
    replace_chars: int = 0
    changed_by: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()

    def apply(self, above: str, below: str) -> str:
        """The document after accepting: what a client that honours the range ends up with."""
        return above + self.text + below[self.replace_chars :]


@dataclass(frozen=True)
class Site:
    """Where the suggestion goes: the text around the cursor and what is known about it.

    `document`, when given, is the open `intent.Document` whose text is exactly
    `above + below` with its tree current; the syntax checks reuse its tree (an
    incremental parse of the would-be document). Without it they parse a throw-away copy.
    """

    above: str
    below: str
    language_id: str | None = None
    filename: str | None = None
    scope: CompletionScope = "block"
    document: Document | None = None
    #: Whether the result may carry a replace range (a streamed text cannot).
    allow_range: bool = True
    #: Per-site memo of the steps (the throw-away document, syntax-error counts).
    _scratch: dict[object, object] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def line_before(self) -> str:
        """The cursor's line up to the cursor."""
        cut = max(self.above.rfind("\n"), self.above.rfind("\r"))
        return self.above[cut + 1 :]

    @cached_property
    def rest_of_line(self) -> str:
        """The cursor's line after the cursor, without its line break."""
        match = _LINE_END.search(self.below)
        return self.below if match is None else self.below[: match.start()]

    @cached_property
    def indent(self) -> str:
        """The cursor line's leading whitespace."""
        line = self.line_before
        return line[: len(line) - len(line.lstrip(" \t"))]

    @cached_property
    def cursor_after_whitespace_only(self) -> bool:
        return not self.line_before.strip(" \t") and bool(self.line_before)

    @cached_property
    def lines_below(self) -> list[str]:
        """Up to LINES_BELOW lines after the cursor's line."""
        match = _LINE_END.search(self.below)
        if match is None:
            return []
        # A bounded slice: the document below can be megabytes.
        rest = self.below[match.end() : match.end() + LINES_BELOW * 200]
        lines = _LINE_END.split(rest, maxsplit=LINES_BELOW)
        return lines[:LINES_BELOW]

    @cached_property
    def indent_unit(self) -> str | None:
        """The document's indentation unit near the cursor: a tab, or N spaces; None when
        no line nearby is indented."""
        from gitlab_lsp.sdk.postprocess.indentation import indent_unit

        found = indent_unit(self.above[-8000:], self.below[:8000])
        if found is None and self.indent:  # the cursor's own line is the only evidence
            if self.indent.startswith("\t"):
                return "\t"
            return self.indent if 2 <= len(self.indent) <= 8 else None
        return found
