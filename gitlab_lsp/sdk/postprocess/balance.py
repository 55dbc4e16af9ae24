"""Block balance: a suggestion must not close what the document after it already closes."""

from __future__ import annotations

from gitlab_lsp.sdk.postprocess.indentation import OPENS_BLOCK, TAB_WIDTH, width
from gitlab_lsp.sdk.postprocess.model import Draft, Site
from gitlab_lsp.sdk.postprocess.syntax import no_worse


def cut_block_overrun(draft: Draft, site: Site) -> Draft:
    """Cut a multi-line suggestion before its first line that leaves the cursor's block.

    That line is the first non-blank one indented less than the block the cursor is in
    (the cursor line's indentation; deeper than it when that line opens a block): a `}`
    or `end` closing the block, or code after it. The cut stands only if the would-be
    document (prefix + suggestion + suffix, parsed from the incremental tree) has no more
    syntax errors than with the whole suggestion: a suggestion that rightly closes a block
    the suffix leaves open is kept whole.
    """
    lines = draft.text.split("\n")
    if len(lines) < 2:
        return draft
    unit = site.indent_unit
    tab = len(unit) if unit and unit != "\t" else TAB_WIDTH
    block = width(site.indent, tab)
    if OPENS_BLOCK.search(site.line_before) and not site.rest_of_line.strip():
        block += 1  # the body is anything deeper than the cursor's line
    if block == 0:
        return draft
    for index in range(1, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        if width(line[: len(line) - len(line.lstrip(" \t"))], tab) < block:
            cut = Draft("\n".join(lines[:index]).rstrip(), draft.replace_chars)
            if not cut.text.strip():
                return draft
            return cut if no_worse(site, draft, cut) else draft
    return draft
