"""The six rules of docs/intent.md applied, in order, to one analysed document version."""

from __future__ import annotations

from intent import comments as text_rules
from intent.analysis import Analysis, CommentSpan, covered, docstring_owner
from intent.functions import empty_function_at
from intent.model import Intent
from intent.source import Bytes

#: Rule 4: a file with fewer code lines than this is a "small file".
SMALL_FILE_LINES = 5
_FIRST_CHUNK_LINES = 16


def decide(analysis: Analysis, line: int, offset: int) -> Intent:
    """The intent at a cursor given as its line and byte offset (already clamped)."""
    if analysis.comments_on_line(line):
        return Intent("completion", reason="rule 1: the cursor is on a comment")

    found = comment_instruction(analysis, line, offset)
    if found is not None:
        return Intent(
            "generation",
            "comment",
            found,
            reason="rule 2: a comment block above the cursor is an instruction",
        )

    if analysis.code_lines is None:
        analysis.code_lines = code_line_count(analysis, SMALL_FILE_LINES)
    if analysis.code_lines < SMALL_FILE_LINES:
        return Intent(
            "generation",
            "small_file",
            reason=f"rule 4: fewer than {SMALL_FILE_LINES} lines of code in the file",
        )

    inside = empty_function_at(analysis, offset, line)
    if inside is not None:
        return Intent(
            "generation",
            "empty_function",
            reason=f"rule 5: the cursor is inside an empty {inside}",
        )
    return Intent("completion", reason="rule 6: no comment, small file or empty function")


def comment_instruction(analysis: Analysis, line: int, offset: int) -> str | None:
    """Rule 2 (with rule 3 applied to the block): the instruction above the cursor."""
    view = analysis.view
    if not view.is_blank(line):
        return None
    above = line - 1
    while above >= 0 and view.is_blank(above):
        above -= 1
    if above < 0:
        return None
    on_line = analysis.comments_on_line(above)
    if not on_line or not analysis.is_comment_line(above, on_line):
        return None
    last = on_line[-1]
    run: list[CommentSpan]
    if last.block:
        if not _starts_own_line(analysis, last):
            return None
        python_docstring = last.docstring and last.node.type == "string"
        if python_docstring and docstring_owner(last) is None:
            return None
        run = [last]
    else:
        run = list(on_line)
        upper = above - 1
        while upper >= 0 and not view.is_blank(upper):
            spans = analysis.comments_on_line(upper)
            if not spans or any(s.block for s in spans):
                break
            if not analysis.is_comment_line(upper, spans):
                break
            run[0:0] = spans
            upper -= 1
    if analysis.grammar.spec.indentation_scoped and not _same_scope(analysis, run[0], line, offset):
        return None
    if _ends_in_empty_comment(analysis, last):
        # Team decision (docs/intent.md): a run that ends in an empty comment line has no
        # instruction directly above the cursor, as in the official client.
        return None
    blocks = [analysis.comment_text_lines(span) for span in run]
    return text_rules.instruction(blocks)


def _ends_in_empty_comment(analysis: Analysis, last: CommentSpan) -> bool:
    """Whether the comment line nearest the cursor is rule 3's empty comment (two or fewer
    letters/digits once the delimiters are off).

    That line is the last one-line comment of a run, or the last line of a node that is
    itself a run of line comments (the Haskell grammar makes one node of `--` lines). A
    multi-line block comment or docstring is judged whole, as one comment.
    """
    lines = analysis.comment_text_lines(last)
    if last.block:
        marker = analysis.grammar.spec.line_comment
        if not marker or not all(raw.lstrip().startswith(marker) for raw in lines):
            return False
        lines = lines[-1:]
    text = " ".join(
        text_rules.strip_delimiters(raw, continuation=index > 0) for index, raw in enumerate(lines)
    )
    return text_rules.alnum_count(text) <= 2


def _starts_own_line(analysis: Analysis, span: CommentSpan) -> bool:
    view = analysis.view
    first = view.line_of(span.start)
    start, _ = view.line_range(first)
    return not view.data[start : span.start].strip(b" \t\f\v")


def _same_scope(analysis: Analysis, first: CommentSpan, line: int, offset: int) -> bool:
    """Indentation languages: a blank cursor line dedented below the comment is outside
    the comment's block, unless code at the comment's depth follows it."""
    view = analysis.view
    comment_col = view.column(first.start)
    cursor_col = view.column(offset)
    if cursor_col >= comment_col:
        return True
    below = line + 1
    while below < view.line_count and view.is_blank(below):
        below += 1
    if below >= view.line_count:
        return False
    return view.indent(below) >= comment_col


def code_line_count(analysis: Analysis, enough: int) -> int:
    """Lines that are neither blank nor pure comment; counting stops at `enough`.

    Lines are read in chunks growing 4x (16, 64, 256... lines), so a typical file is
    decided from its first chunk and a file that is all comments still costs O(n).
    """
    view = analysis.view
    count = 0
    first = 0
    size = _FIRST_CHUNK_LINES
    while first < view.line_count:
        last = min(first + size, view.line_count) - 1
        spans = analysis.comments_in(view.line_range(first)[0], view.line_range(last)[1])
        index = 0
        for line in range(first, last + 1):
            content = view.content_range(line)
            if content is None:
                continue
            while index < len(spans) and spans[index].end < content[0]:
                index += 1
            if not _covered_from(spans, index, content, view.data):
                count += 1
                if count >= enough:
                    return count
        first, size = last + 1, size * 4
    return count


def _covered_from(
    spans: list[CommentSpan], index: int, content: tuple[int, int], data: Bytes
) -> bool:
    relevant = [s for s in spans[index : index + 8] if s.start <= content[1]]
    return bool(relevant) and covered(content, relevant, data)
