"""Indentation: multi-line suggestions fitted to the cursor's block and the document's style."""

from __future__ import annotations

import re
from collections import Counter
from math import gcd

from gitlab_lsp.sdk.postprocess.model import Draft, Site
from gitlab_lsp.sdk.postprocess.syntax import errors_with

TAB_WIDTH = 4
#: A line that opens a block (its body belongs one level deeper).
OPENS_BLOCK = re.compile(
    r"(?:[:{(\[]|=>|->|\bdo|\bdo[ \t]*\|[^|]*\||\bthen|\bbegin|\belse)[ \t]*\Z"
)
#: The same, without brackets: a flat answer is indented by these blocks only (a `[[` or
#: `(` may open a string or an argument list whose lines are not a body).
OPENS_BODY = re.compile(r"(?:[:{]|=>|->|\bdo|\bdo[ \t]*\|[^|]*\||\bthen|\bbegin|\belse)[ \t]*\Z")
#: Lines that close one block and open the next (`else`, `elif`, `} else {`, `when`).
_CONTINUES = re.compile(r"(?:else|elif|elsif|except|catch|finally|rescue|ensure|when)\b")
_CLOSER = re.compile(r"[)\]}]|(?:end|fi|done|esac)\b|</")
_SAMPLE_LINES = 200


def indent_unit(above: str, below: str) -> str | None:
    """A tab if most indented lines nearby start with one, else N spaces (their gcd); None
    when no line nearby is indented."""
    lines = above.splitlines()[-_SAMPLE_LINES:] + below.splitlines()[:_SAMPLE_LINES]
    tabs = 0
    widths: Counter[int] = Counter()
    for line in lines:
        if line.startswith("\t"):
            tabs += 1
        elif line.startswith(" ") and line.strip():
            widths[len(line) - len(line.lstrip(" "))] += 1
    if tabs > sum(widths.values()):
        return "\t"
    if not widths:
        return None
    unit = 0
    for width in widths:
        unit = gcd(unit, width)
    return " " * (unit if 2 <= unit <= 8 else 4)


def width(indent: str, tab: int = TAB_WIDTH) -> int:
    """Columns of a run of indentation."""
    return sum(tab if ch == "\t" else 1 for ch in indent)


def _lead(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def reindent(draft: Draft, site: Site) -> Draft:
    """Fit the suggestion's indentation to the document.

    - The cursor already sits after the line's indentation: the first line's own leading
      whitespace would double it, so it goes.
    - No indentation at all below the first line, though blocks open: the lines are indented
      by their block depth.
    - The model wrote the following lines relative to its first line (at the cursor's
      column) instead of to the document (a dedent below the cursor's block that mirrors
      the first line's own indentation, a block body no deeper than its header, or a shift
      that the would-be document's syntax tree prefers): they are shifted to the block.
    - A block body one model unit deep where the document's unit differs (4 spaces in a
      2-space file): the depth is rescaled.
    - Tabs vs spaces: the following lines use the document's style (the suggestion's own
      when the document shows none).
    """
    lines = draft.text.split("\n")
    first = lines[0]
    own = _lead(first)
    if site.cursor_after_whitespace_only and own:
        lines[0] = first[len(own) :]
    if len(lines) == 1:
        return Draft(lines[0], draft.replace_chars)
    rest = lines[1:]
    unit = site.indent_unit or _own_unit(rest)
    tab = len(unit) if unit != "\t" else TAB_WIDTH
    cursor = width(site.indent, tab)
    columns = [width(_lead(line), tab) if line.strip() else 0 for line in rest]
    content = [c for c, line in zip(columns, rest, strict=True) if line.strip()]
    if not content:
        return Draft(_join(lines[0], rest, columns, 0, unit), draft.replace_chars)
    base = width(own, tab) if site.cursor_after_whitespace_only else 0
    if max(content) == 0 and _opens_any(site.line_before + lines[0], rest):
        columns = _by_depth(site.line_before + lines[0], rest, cursor, tab)
        return Draft(_join(lines[0], rest, columns, 0, unit), draft.replace_chars)
    shift = _shift(site, lines[0], rest, columns, cursor, base, unit)
    columns = [c + shift if line.strip() else 0 for c, line in zip(columns, rest, strict=True)]
    if site.indent_unit is not None and unit != "\t":
        columns = _rescale(lines[0], rest, columns, cursor, tab)
    return Draft(_join(lines[0], rest, columns, 0, unit), draft.replace_chars)


def _shift(
    site: Site, first: str, rest: list[str], columns: list[int], cursor: int, base: int, unit: str
) -> int:
    """Columns to add to the following lines: they were written relative to the first line."""
    if not (site.cursor_after_whitespace_only and first.strip()) or base >= cursor:
        return 0
    content = [(c, line.strip()) for c, line in zip(columns, rest, strict=True) if line.strip()]
    lowest = min(c for c, _ in content)
    shift = cursor - base
    if lowest < cursor and lowest <= base and _relative(rest, columns, cursor):
        return shift
    following = content[0][0]
    closes_at_cursor = any(c == cursor and _CLOSER.match(body) for c, body in content)
    if OPENS_BLOCK.search(first) and base < following <= cursor and not closes_at_cursor:
        return shift  # the body of the first line's block sits no deeper than that line
    # Otherwise the lines may be relative or not: the would-be document decides, and only
    # a strict improvement shifts.
    fitted = Draft(_join(first, rest, columns, 0, unit))
    before = errors_with(site, fitted)
    if before:
        after = errors_with(site, Draft(_join(first, rest, columns, shift, unit)))
        if after is not None and after < before:
            return shift
    return 0


def _opens_any(first: str, rest: list[str]) -> bool:
    return any(OPENS_BODY.search(line.rstrip()) for line in [first, *rest])


def _by_depth(first: str, rest: list[str], cursor: int, tab: int) -> list[int]:
    """Columns for lines that came without indentation: their block depth below the first
    line (openers at line ends, closers at line starts)."""
    depth = 1 if OPENS_BODY.search(first.rstrip()) else 0
    columns: list[int] = []
    for line in rest:
        body = line.strip()
        if not body:
            columns.append(0)
            continue
        closes = _CLOSER.match(body) is not None or _CONTINUES.match(body) is not None
        level = max(0, depth - 1) if closes else depth
        columns.append(cursor + level * tab)
        if closes:
            depth = max(0, depth - 1)
        if OPENS_BODY.search(body):
            depth += 1
    return columns


def _rescale(first: str, rest: list[str], columns: list[int], cursor: int, tab: int) -> list[int]:
    """A body indented by another unit than the document's (4 spaces in a 2-space file):
    depths below the cursor's column are rescaled to the document's unit."""
    steps: set[int] = set()
    previous_line, previous_column = first, cursor
    for column, line in zip(columns, rest, strict=True):
        if not line.strip():
            continue
        if OPENS_BLOCK.search(previous_line.rstrip()) and column > previous_column:
            steps.add(column - previous_column)
        previous_line, previous_column = line, column
    if len(steps) != 1:
        return columns
    step = steps.pop()
    if step == tab or step not in (tab * 2, tab // 2) or step == 0:
        return columns
    return [
        cursor + (c - cursor) * tab // step if line.strip() and c > cursor else c
        for c, line in zip(columns, rest, strict=True)
    ]


def _own_unit(rest: list[str]) -> str:
    """The suggestion's own indentation style, for a document that shows none."""
    if any(line.startswith("\t") for line in rest):
        return "\t"
    return " " * TAB_WIDTH


def _join(first: str, rest: list[str], columns: list[int], shift: int, unit: str) -> str:
    out = [first]
    for column, line in zip(columns, rest, strict=True):
        body = line.lstrip(" \t")
        out.append(_indent(column + shift, unit) + body if body else "")
    return "\n".join(out)


def _relative(rest: list[str], columns: list[int], cursor: int) -> bool:
    """Whether the first line dedented below the cursor looks written relative to the
    suggestion's first line rather than leaving the block: it follows without a blank line
    and does not close a block (a `}` or `end` there is the model closing the block)."""
    previous_blank = False
    for column, line in zip(columns, rest, strict=True):
        body = line.strip()
        if not body:
            previous_blank = True
            continue
        if column < cursor:
            return not previous_blank and not _CLOSER.match(body)
        previous_blank = False
    return False


def _indent(columns: int, unit: str) -> str:
    if unit == "\t":
        return "\t" * (columns // TAB_WIDTH) + " " * (columns % TAB_WIDTH)
    return " " * columns
