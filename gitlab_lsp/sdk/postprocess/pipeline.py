"""The post-processing pipeline: one ordered list of steps, and `process()` to run it.

Each step takes the draft and the cursor's site and returns a new draft. A step that
raises, or takes longer than `STEP_BUDGET_S`, is skipped: the suggestion stays as the
previous step left it (never blanked, never an error for the request).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from gitlab_lsp.sdk.postprocess.balance import cut_block_overrun
from gitlab_lsp.sdk.postprocess.below import cut_duplicate_below
from gitlab_lsp.sdk.postprocess.fences import strip_fences
from gitlab_lsp.sdk.postprocess.indentation import reindent
from gitlab_lsp.sdk.postprocess.model import CompletionScope, Draft, Processed, Site
from gitlab_lsp.sdk.postprocess.overlap import resolve_overlap
from gitlab_lsp.sdk.postprocess.repetition import cut_repetition
from gitlab_lsp.sdk.postprocess.scope import limit_to_line
from gitlab_lsp.sdk.postprocess.whitespace import strip_trailing_whitespace

if TYPE_CHECKING:
    from intent import Document

log = logging.getLogger(__name__)

Step = Callable[[Draft, Site], Draft]

#: The steps, in order. Wrappers go first (everything else looks at code), then the cuts
#: that shorten the answer, then the fixes of what is left; the overlap with the rest of the
#: line is settled last, on the final text.
PIPELINE: tuple[Step, ...] = (
    strip_fences,  # markdown fences and a prose intro around the code
    limit_to_line,  # intent's completion_scope "line": the first line only
    cut_repetition,  # the same line or block repeated
    cut_duplicate_below,  # lines re-emitting the document below the cursor
    reindent,  # the cursor's block, tabs vs spaces, no doubled indent
    cut_block_overrun,  # closes what the suffix closes / runs past the block (tree-sitter)
    strip_trailing_whitespace,  # spaces at line ends, blank lines at the end
    resolve_overlap,  # the tail repeating the rest of the line: trimmed or replaced
)

#: A step that costs more than this (seconds of the thread's CPU time, so that a busy
#: machine does not change the answer) is treated as failed and its change dropped.
STEP_BUDGET_S = 0.010


def process(
    text: str,
    *,
    above: str,
    below: str,
    language_id: str | None = None,
    filename: str | None = None,
    scope: CompletionScope | None = None,
    document: Document | None = None,
    allow_range: bool = True,
    steps: tuple[Step, ...] = PIPELINE,
    clock: Callable[[], float] = time.thread_time,
    budget_s: float = STEP_BUDGET_S,
) -> Processed:
    """Post-process one raw suggestion for insertion between `above` and `below`.

    - `above`/`below`: the document's text before/after the cursor (what the SDK sends).
    - `scope`: intent's `completion_scope` at the cursor; None asks `intent` (from the
      text around the cursor), "block" leaves multi-line answers multi-line.
    - `document`: the open `intent.Document` holding `above + below`, tree current; the
      syntax checks then parse incrementally. Without it they parse a throw-away copy.
    - `allow_range`: False for streamed text, which cannot carry a replace range.

    Returns the text to insert and how many characters after the cursor it replaces.
    """
    if scope is None:
        from intent.scope import completion_scope

        scope = completion_scope(above, below)
    if document is None:
        document = _throwaway(text, above, below, language_id, filename)
    site = Site(
        above=above,
        below=below,
        language_id=language_id,
        filename=filename,
        scope=scope,
        document=document,
        allow_range=allow_range,
    )
    return run(Draft(text), site, steps, clock=clock, budget_s=budget_s)


def _throwaway(
    text: str, above: str, below: str, language_id: str | None, filename: str | None
) -> Document | None:
    """A parsed copy of the document for the syntax checks, made before the steps run so
    that loading a grammar or a first full parse is not charged to a step's budget; only
    where a syntax check can apply (a multi-line answer, or text after the cursor)."""
    import intent

    if "\n" not in text and not below.split("\n", 1)[0].strip():
        return None
    if not intent.supports(language_id, filename):
        return None
    try:
        return intent.Document(above + below, language_id=language_id, filename=filename)
    except Exception:
        log.debug("no syntax tree for post-processing", exc_info=True)
        return None


def run(
    draft: Draft,
    site: Site,
    steps: tuple[Step, ...] = PIPELINE,
    *,
    clock: Callable[[], float] = time.thread_time,
    budget_s: float = STEP_BUDGET_S,
) -> Processed:
    """Apply `steps` in order; a step that fails or overruns its budget changes nothing."""
    changed: list[str] = []
    failed: list[str] = []
    for step in steps:
        name = step.__name__
        started = clock()
        try:
            result = step(draft, site)
        except Exception:
            log.debug("post-processing step %s failed; skipped", name, exc_info=True)
            failed.append(name)
            continue
        if clock() - started > budget_s:
            log.debug("post-processing step %s ran out of time; skipped", name)
            failed.append(name)
            continue
        if result != draft:
            changed.append(name)
            draft = result
    return Processed(draft.text, draft.replace_chars, tuple(changed), tuple(failed))
