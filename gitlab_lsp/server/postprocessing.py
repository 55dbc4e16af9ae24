"""The server's use of the SDK's post-processing pipeline: choices in, fitted choices out.

The pipeline itself lives in `gitlab_lsp.sdk.postprocess` (scripts call it too); here it is
fed the request's context (the open document's incremental tree when the document has not
changed since the request began) and its replace range is turned into LSP positions.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from lsprotocol import types

from gitlab_lsp.sdk.postprocess import Processed, process
from intent.positions import utf16_units

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from gitlab_lsp.sdk.postprocess import CompletionScope
    from gitlab_lsp.server.suggestions import Context

log = logging.getLogger(__name__)


def fit(
    ctx: Context, choices: Iterable[str], *, scope: CompletionScope | None, allow_range: bool = True
) -> tuple[Processed, ...]:
    """Each choice through the pipeline; choices left empty are dropped, duplicates merged.

    `scope` None derives intent's completion scope from the cursor's line; generations pass
    "block" (a generation is never cut to one line).
    """
    document = ctx.opened.doc if ctx.opened.version == ctx.version else None
    seen: dict[tuple[str, int], Processed] = {}
    for choice in choices:
        try:
            done = process(
                choice,
                above=ctx.above,
                below=ctx.below,
                language_id=ctx.opened.language_id,
                filename=ctx.opened.file_name,
                scope=scope,
                document=document,
                allow_range=allow_range,
            )
        except Exception:  # the pipeline guards its steps; this guards the guard
            log.warning("post-processing failed; the suggestion is shown as it came", exc_info=True)
            done = Processed(choice)
        if done.failed:
            log.debug("post-processing steps skipped: %s", ", ".join(done.failed))
        if done.text.strip():
            seen.setdefault((done.text, done.replace_chars), done)
    return tuple(seen.values())


def raw(choices: Iterable[str]) -> tuple[Processed, ...]:
    """The choices as they came (the pipeline is turned off)."""
    return tuple(Processed(choice) for choice in choices)


def replaced_end(ctx: Context, replace_chars: int) -> types.Position:
    """The end of the text after the cursor that a choice replaces (the cursor if none)."""
    return types.Position(
        line=ctx.line, character=ctx.character + utf16_units(ctx.below[:replace_chars])
    )


def stream_finisher(ctx: Context) -> Callable[[str], str]:
    """What a streamed generation's text so far becomes before each notification (the
    stream message carries no range, so overlap is only ever trimmed)."""

    def finish(text: str) -> str:
        fitted = fit(ctx, [text], scope="block", allow_range=False)
        return fitted[0].text if fitted else ""

    return finish
