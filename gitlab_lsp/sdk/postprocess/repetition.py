"""Repetition: a model that loops emits the same line or block until the token limit."""

from __future__ import annotations

import re

from gitlab_lsp.sdk.postprocess.model import Draft, Site

#: Only this many lines are searched (a looping answer shows it early).
MAX_LINES = 200
MAX_PERIOD = 20
_WORD = re.compile(r"\w")
_CLOSERS_ONLY = re.compile(r"^(?:end|fi|done|esac|[)\]}]+)[;,)\]}]*$")


def cut_repetition(draft: Draft, site: Site) -> Draft:
    """Cut after the first copy of a line repeated 3+ times, or of a block of 2+ lines
    repeated 2+ times, when the repetition runs to the end of the answer (a model looping
    until the token limit; the last copy may be cut short).

    Lines compare without surrounding whitespace; a block needs some substantial content
    (closing brackets, `end` or blank lines legitimately repeat), and repeats followed by
    something else (rows of a table, then its closing `};`) are data, not a loop.
    """
    lines = draft.text.split("\n")
    if len(lines) < 3 or len(lines) > MAX_LINES:
        return draft
    keys = [line.strip() for line in lines]
    for start in range(len(keys)):
        for period in range(1, min(MAX_PERIOD, (len(keys) - start + 1) // 2) + 1):
            block = keys[start : start + period]
            if not block[0] or not _substantial(block):
                continue
            copies, tail = _copies_to_end(keys, start, period)
            if copies is None:
                continue
            needed = 3 if period == 1 else 2
            if copies + (1 if tail else 0) >= needed and copies >= needed - 1:
                kept = "\n".join(lines[: start + period]).rstrip()
                return Draft(kept, draft.replace_chars)
    return draft


def _copies_to_end(keys: list[str], start: int, period: int) -> tuple[int | None, int]:
    """Full copies of keys[start:start+period] in a row from `start` and the substantial
    lines of a last copy cut short, if they reach the end; else (None, 0). The very last
    line may be a prefix of the line it copies (the answer stopped mid-line)."""
    block = keys[start : start + period]
    copies = 0
    at = start
    while keys[at : at + period] == block:
        copies += 1
        at += period
    rest = keys[at:]
    if not rest:
        return copies, 0
    if len(rest) > period:
        return None, 0
    equal = 0
    for index, key in enumerate(rest):
        expected = block[index]
        if key == expected:
            equal += _substantial([key])
        elif not (index == len(rest) - 1 and expected.startswith(key)):
            return None, 0
    return copies, equal


def _substantial(block: list[str]) -> bool:
    """Some line of real content: not blank, not only closers (`}`, `end`, `);`)."""
    return any(
        len(line) >= 4 and _WORD.search(line) and not _CLOSERS_ONLY.match(line) for line in block
    )
