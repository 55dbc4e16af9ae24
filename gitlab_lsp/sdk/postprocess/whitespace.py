"""Trailing whitespace: spaces at line ends and blank lines after the last line of code."""

from __future__ import annotations

import re

from gitlab_lsp.sdk.postprocess.model import Draft, Site

_LINE_TRAILING = re.compile(r"[ \t]+(?=\r?\n)")
_BLANK_TAIL = re.compile(r"(?:\r?\n[ \t]*)+\Z")
_TAIL = re.compile(r"(?:\r?\n[ \t]*)+\Z|[ \t]+\Z")


def strip_trailing_whitespace(draft: Draft, site: Site) -> Draft:
    """Remove whitespace at the end of every line and blank lines at the end (the last
    line's spaces only when nothing follows the cursor on its line).

    A suggestion that is only whitespace is left as it is (there is nothing else to keep).
    """
    text = draft.text
    if not text.strip():
        return draft
    text = _LINE_TRAILING.sub("", text)
    # Text after the cursor on its line: the last line's spaces sit before it (`"Name: |"`).
    tail = _BLANK_TAIL if site.rest_of_line.strip() else _TAIL
    text = tail.sub("", text)
    return Draft(text, draft.replace_chars)
