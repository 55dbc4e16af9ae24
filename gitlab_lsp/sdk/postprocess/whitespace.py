"""Trailing whitespace: spaces at line ends and blank lines after the last line of code."""

from __future__ import annotations

import re

from gitlab_lsp.sdk.postprocess.model import Draft, Site

_LINE_TRAILING = re.compile(r"[ \t]+(?=\r?\n)")
_TAIL = re.compile(r"(?:\r?\n[ \t]*)+\Z|[ \t]+\Z")


def strip_trailing_whitespace(draft: Draft, site: Site) -> Draft:
    """Remove whitespace at the end of every line and blank lines at the end.

    A suggestion that is only whitespace is left as it is (there is nothing else to keep).
    """
    text = draft.text
    if not text.strip():
        return draft
    text = _LINE_TRAILING.sub("", text)
    text = _TAIL.sub("", text)
    return Draft(text, draft.replace_chars)
