"""Scope: where the position calls for the rest of a line, a multi-line answer is cut."""

from __future__ import annotations

import re

from gitlab_lsp.sdk.postprocess.model import Draft, Site
from gitlab_lsp.sdk.postprocess.overlap import leaves_open

#: A heredoc opened at the end of the line (PHP `<<<ID`, Ruby `<<~ID`, shell `<<-ID`).
_HEREDOC = re.compile(r"<<(?:<|[-~])?[ \t]*(['\"]?)[A-Za-z_]\w*\1[ \t]*[;)]*[ \t]*\Z")


def limit_to_line(draft: Draft, site: Site) -> Draft:
    """Keep only the first line when intent said `completion_scope == "line"`.

    A suggestion whose first line is empty is a new line the model wants to start, and one
    whose first line opens a bracket, block or string it does not close (`nil {`, a text
    block's opening quotes, Lua's `[[`) needs its next lines: both are left alone.
    """
    if site.scope != "line":
        return draft
    first, sep, _ = draft.text.partition("\n")
    if not sep or not first.strip() or leaves_open(first, site.line_before):
        return draft
    if _HEREDOC.search(first):  # `<<<TXT`, `<<~SQL`: a string that ends lines below
        return draft
    return Draft(first.rstrip("\r"), draft.replace_chars)
