"""Repetition: a model that loops emits the same line or block until the token limit."""

from __future__ import annotations

import re

from gitlab_lsp.sdk.postprocess.model import Draft, Site

#: Only this many lines are searched (a looping answer shows it early).
MAX_LINES = 200
MAX_PERIOD = 20
_WORD = re.compile(r"\w")


def cut_repetition(draft: Draft, site: Site) -> Draft:
    """Cut after the first copy of a line repeated 3+ times in a row, or of a block of
    2+ lines repeated 2+ times in a row.

    Lines compare without surrounding whitespace, and only substantial content counts
    (closing brackets, `end` or blank lines legitimately repeat).
    """
    lines = draft.text.split("\n")
    if len(lines) < 3:
        return draft
    keys = [line.strip() for line in lines[:MAX_LINES]]
    for start in range(len(keys)):
        for period in range(1, min(MAX_PERIOD, (len(keys) - start) // 2) + 1):
            block = keys[start : start + period]
            if not _substantial(block):
                continue
            repeats = 1
            while keys[start + repeats * period : start + (repeats + 1) * period] == block:
                repeats += 1
            needed = 3 if period == 1 else 2
            if repeats >= needed:
                kept = "\n".join(lines[: start + period]).rstrip()
                return Draft(kept, draft.replace_chars)
    return draft


def _substantial(block: list[str]) -> bool:
    if not all(block):
        return False
    joined = "".join(block)
    return len(joined) >= 4 and _WORD.search(joined) is not None
