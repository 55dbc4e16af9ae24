"""`ClientOptions(post_processing=True)`: a `Suggestion` whose choices went through the pipeline."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from gitlab_lsp.sdk.postprocess.pipeline import process

if TYPE_CHECKING:
    from gitlab_lsp.sdk.models import Suggestion
    from gitlab_lsp.sdk.request import Request


def fitted(suggestion: Suggestion, request: Request) -> Suggestion:
    """The suggestion with each choice post-processed for the request's cursor; choices
    left empty are dropped. A comment or empty-function generation keeps its block."""
    wants_block = suggestion.generation_type in ("comment", "empty_function")
    texts: list[str] = []
    replace: list[int] = []
    for choice in suggestion.choices:
        done = process(
            choice,
            above=request.above,
            below=request.below,
            language_id=request.language_id,
            filename=request.file_name,
            scope="block" if wants_block else None,
        )
        if done.text.strip():
            texts.append(done.text)
            replace.append(done.replace_chars)
    return dataclasses.replace(
        suggestion, text=texts[0] if texts else "", choices=texts, replace=replace
    )
