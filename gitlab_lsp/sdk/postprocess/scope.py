"""Scope: where the position calls for the rest of a line, a multi-line answer is cut."""

from __future__ import annotations

from gitlab_lsp.sdk.postprocess.model import Draft, Site


def limit_to_line(draft: Draft, site: Site) -> Draft:
    """Keep only the first line when intent said `completion_scope == "line"`.

    A suggestion whose first line is empty is a new line the model wants to start; it is
    left alone rather than cut to nothing.
    """
    if site.scope != "line":
        return draft
    first, sep, _ = draft.text.partition("\n")
    if not sep or not first.strip():
        return draft
    return Draft(first.rstrip("\r"), draft.replace_chars)
