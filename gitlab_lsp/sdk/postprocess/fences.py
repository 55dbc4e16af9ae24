"""Markdown fences and prose around the code: chat-tuned models wrap answers in both."""

from __future__ import annotations

import re

from gitlab_lsp.sdk.postprocess.model import Draft, Site

_FENCE = re.compile(r"^[ \t]*(```+|~~~+)[\w+#.-]*[ \t]*$")
#: A first line that introduces code instead of being code ("Here is the function:").
_PROSE_INTRO = re.compile(
    r"^[ \t]*(here(?:'s| is| are)|sure\b|certainly\b|of course\b|below is|the following)"
    r"[^\n]*[:.!]?[ \t]*$",
    re.IGNORECASE,
)
#: A sentence (words, ending in `:` `.` or `!`, no code punctuation) before a fence.
_PROSE = re.compile(r"^[ \t]*[A-Za-z][\w'’,.!?]*(?: [\w'’,.!?/-]+){2,}[:.!][ \t]*$")
#: Documents in which a fence is content, never a wrapper.
_FENCED_LANGUAGES = frozenset({"markdown", "mdx", "rmarkdown", "quarto", "restructuredtext"})


def strip_fences(draft: Draft, site: Site) -> Draft:
    """Keep only the code inside the first fenced block, and drop a prose intro line.

    A fence counts only on a line of its own, and only if no code precedes it: a suggestion
    that merely contains a fence further down (a docstring example) is left alone.
    """
    if (site.language_id or "").lower() in _FENCED_LANGUAGES:
        return draft
    lines = draft.text.split("\n")
    first = _first_content(lines)
    if first is None:
        return draft
    if not _FENCE.match(lines[first]):
        after = _first_content(lines, first + 1)
        if after is None:
            return draft
        if _FENCE.match(lines[after]) and _PROSE.match(lines[first]):
            first = after  # "You can do it like this:" then the fenced code
        elif _PROSE_INTRO.match(lines[first]) and lines[first].rstrip().endswith(":"):
            return Draft("\n".join(lines[after:]), draft.replace_chars)
        else:
            return draft
    if not _FENCE.match(lines[first]):
        return draft
    body: list[str] = []
    for line in lines[first + 1 :]:
        if _FENCE.match(line):
            break
        body.append(line)
    return Draft("\n".join(body), draft.replace_chars)


def _first_content(lines: list[str], start: int = 0) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index
    return None
