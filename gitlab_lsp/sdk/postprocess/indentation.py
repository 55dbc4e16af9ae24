"""Indentation: multi-line suggestions fitted to the cursor's block and the document's style."""

from __future__ import annotations

import re
from collections import Counter
from math import gcd

from gitlab_lsp.sdk.postprocess.model import Draft, Site
from gitlab_lsp.sdk.postprocess.syntax import errors_with

TAB_WIDTH = 4
#: A line that opens a block (its body belongs one level deeper).
OPENS_BLOCK = re.compile(r"(?:[:{(\[]|=>|->|\bdo|\bthen|\bbegin|\belse)[ \t]*\Z")
_CLOSER = re.compile(r"[)\]}]|(?:end|fi|done|esac)\b|</")
_SAMPLE_LINES = 200


def indent_unit(above: str, below: str) -> str:
    """A tab if most indented lines nearby start with one, else N spaces (their gcd)."""
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
    - The model wrote the following lines relative to its first line (at the cursor's
      column) instead of to the document (a dedent below the cursor's block that mirrors
      the first line's own indentation, or a shift that the would-be document's syntax
      tree prefers): they are shifted to the cursor's block.
    - Tabs vs spaces: the following lines use the document's style.
    """
    lines = draft.text.split("\n")
    first = lines[0]
    own = _lead(first)
    if site.cursor_after_whitespace_only and own:
        lines[0] = first[len(own) :]
    if len(lines) == 1:
        return Draft(lines[0], draft.replace_chars)
    unit = site.indent_unit
    tab = len(unit) if unit != "\t" else TAB_WIDTH
    rest = lines[1:]
    cursor = width(site.indent, tab)
    columns = [width(_lead(line), tab) if line.strip() else 0 for line in rest]
    content = [c for c, line in zip(columns, rest, strict=True) if line.strip()]
    fitted = Draft(_join(lines[0], rest, columns, 0, unit), draft.replace_chars)
    if not (content and site.cursor_after_whitespace_only and lines[0].strip()):
        return fitted
    base = width(own, tab)
    if base >= cursor:
        return fitted
    shifted = Draft(_join(lines[0], rest, columns, cursor - base, unit), draft.replace_chars)
    lowest = min(content)
    if lowest < cursor and lowest <= base and _relative(rest, columns, cursor):
        return shifted
    following = next(c for c, line in zip(columns, rest, strict=True) if line.strip())
    if OPENS_BLOCK.search(lines[0]) and base < following <= cursor:
        return shifted  # the body of the first line's block sits no deeper than that line
    # Otherwise the lines may be relative or not (`if x:` then a line at the cursor's
    # column): the would-be document decides, and only a strict improvement shifts.
    before = errors_with(site, fitted)
    if before:
        after = errors_with(site, shifted)
        if after is not None and after < before:
            return shifted
    return fitted


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
