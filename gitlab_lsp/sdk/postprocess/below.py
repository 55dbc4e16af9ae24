"""Lines that duplicate the document below: the model re-emitting the code after the cursor."""

from __future__ import annotations

import re

from gitlab_lsp.sdk.postprocess.model import Draft, Site

_WORD = re.compile(r"\w")


def cut_duplicate_below(draft: Draft, site: Site) -> Draft:
    """Cut the suggestion where its lines start repeating the lines after the cursor's line.

    A match must start at the first non-blank line below and run to the end of the
    suggestion (or over at least two lines); a lone `}` or `end` is never enough, since a
    suggestion may rightly close its own block. The first line counts only when it is a
    whole line (the cursor's line is blank), since otherwise it continues that line.
    """
    below = [line.strip() for line in site.lines_below if line.strip()]
    if not below:
        return draft
    lines = draft.text.split("\n")
    whole_first = not site.line_before.strip() and not site.rest_of_line.strip()
    for index in range(0 if whole_first else 1, len(lines)):
        key = lines[index].strip()
        if key != below[0]:
            continue
        rest = [line.strip() for line in lines[index:] if line.strip()]
        matched = 0
        while matched < min(len(rest), len(below)) and rest[matched] == below[matched]:
            matched += 1
        to_end = matched == len(rest)
        if not (to_end or matched >= 2):
            continue
        if not any(len(line) >= 4 and _WORD.search(line) for line in rest[:matched]):
            continue
        kept = "\n".join(lines[:index]).rstrip()
        return Draft(kept, draft.replace_chars)
    return draft
