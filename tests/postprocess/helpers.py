"""Building sites and drafts for the step tests: the cursor is `█` in a document."""

from __future__ import annotations

from gitlab_lsp.sdk.postprocess import Draft, Site
from gitlab_lsp.sdk.postprocess.model import CompletionScope

CURSOR = "█"


def site(
    document: str,
    language_id: str | None = "python",
    *,
    scope: CompletionScope = "block",
    allow_range: bool = True,
) -> Site:
    above, below = document.split(CURSOR)
    return Site(
        above=above, below=below, language_id=language_id, scope=scope, allow_range=allow_range
    )


def accepted(document: str, draft: Draft) -> str:
    above, below = document.split(CURSOR)
    return above + draft.text + below[draft.replace_chars :]
