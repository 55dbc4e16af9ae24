"""Trailing whitespace: spaces at line ends and blank lines after the last line of code."""

from __future__ import annotations

import re

from gitlab_lsp.sdk.postprocess.model import Draft, Site

_LINE_TRAILING = re.compile(r"[ \t]+(?=\r?\n)")
_BLANK_TAIL = re.compile(r"(?:\r?\n[ \t]*)+\Z")
_SPACES_TAIL = re.compile(r"[ \t]+\Z")
#: One space after a word: the line goes on (`retu` + `rn `, `const `), kept.
_GOES_ON = re.compile(r"\w \Z")
_LINE_BREAK = re.compile(r"\r?\n")


def strip_trailing_whitespace(draft: Draft, site: Site) -> Draft:
    """Remove whitespace at the end of every line and blank lines at the end.

    Kept: the last line's spaces when text follows the cursor on its line (`"Name: |"`) or
    when they are one space after a word (the user goes on typing there); one final line
    break when the cursor is at the end of the document (files end with one). A suggestion
    that is only whitespace is left as it is.
    """
    text = draft.text
    if not text.strip():
        return draft
    text = _LINE_TRAILING.sub("", text)
    tail = _BLANK_TAIL.search(text)
    final_break = _LINE_BREAK.search(tail.group()) if tail else None
    text = _BLANK_TAIL.sub("", text)
    if not site.rest_of_line.strip() and not _GOES_ON.search(text):
        text = _SPACES_TAIL.sub("", text)
    if final_break is not None and not site.below:
        text += final_break.group()
    return Draft(text, draft.replace_chars)
