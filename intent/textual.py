"""Rule 5 for languages whose grammar cannot show an empty body while it is being typed.

A Haskell equation or OCaml `let` whose right-hand side is still empty, a Haskell
`class`/`instance ... where` or OCaml `struct`/`sig`/`object` with no members yet (empty
type definitions count for rule 5, a team decision), and a SQL routine whose
`BEGIN ... END` holds nothing, are parse errors (or, in SQL, a string the grammar
does not look into): there is no body node to inspect. These checks read the lines around
the cursor instead, and only ever answer "inside an empty function" or "no".
"""

from __future__ import annotations

import re

from intent.source import SourceView

_CLOSING_ONLY = re.compile(rb"^[\s)\]}]*(?:;+|\bin\b)?\s*$")
_HASKELL_HEADER = re.compile(
    rb"^\s*(?:[a-z_][\w']*(?:\s+[^\s=|][^=|]*)\s*=|[a-z_][\w']*\s*=\s*do|.*\\[^=]*->)\s*(?:do)?\s*$"
)
_OCAML_HEADER = re.compile(
    rb"^\s*(?:(?:let|and)\s+(?:rec\s+)?[a-z_][\w']*\s+[^=]+=|.*\b(?:fun|function)\b[^=]*->"
    rb"|.*=\s*fun\b.*->)\s*$"
)
_HASKELL_TYPE_HEADER = re.compile(rb"^\s*(?:class|instance)\b.*\bwhere\s*$")
_OCAML_TYPE_HEADER = re.compile(rb"^.*(?:=|:)\s*(?:struct|sig|object)\s*$")
_SQL_BEGIN = re.compile(rb"^\s*(?:AS\s+)?BEGIN(?:\s+ATOMIC)?\s*$", re.IGNORECASE)
_SQL_END = re.compile(rb"^\s*END\b", re.IGNORECASE)
_SQL_ROUTINE = re.compile(
    rb"\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:FUNCTION|PROCEDURE|TRIGGER)\b",
    re.IGNORECASE,
)
_SQL_HEADER_LINES = 15


def _cursor_line_is_open(view: SourceView, line: int, offset: int) -> bool:
    """Only whitespace before the cursor and only closing brackets after it."""
    start, end = view.line_range(line)
    before = view.data[start:offset]
    after = view.data[offset:end]
    return not before.strip() and bool(_CLOSING_ONLY.match(after))


def _prev_nonblank(view: SourceView, line: int) -> int:
    above = line - 1
    while above >= 0 and view.is_blank(above):
        above -= 1
    return above


def _next_nonblank(view: SourceView, line: int) -> int:
    below = line + 1
    while below < view.line_count and view.is_blank(below):
        below += 1
    return below


def empty_equation(view: SourceView, line: int, offset: int, language: str) -> str | None:
    """Haskell / OCaml: what the cursor sits under when its body is empty ("equation",
    "type class or instance", "module structure"), else None."""
    if not _cursor_line_is_open(view, line, offset):
        return None
    header = _prev_nonblank(view, line)
    if header < 0:
        return None
    text = view.line_bytes(header)
    if language == "haskell":
        kinds = ((_HASKELL_HEADER, "equation"), (_HASKELL_TYPE_HEADER, "type class or instance"))
    else:
        kinds = ((_OCAML_HEADER, "equation"), (_OCAML_TYPE_HEADER, "module structure"))
    kind = next((name for pattern, name in kinds if pattern.match(text)), None)
    if kind is None:
        return None
    depth = view.indent(header)
    if view.is_blank(line):
        if view.column(offset) <= depth and view.indent(line) <= depth:
            return None
        below = _next_nonblank(view, line)
        if below < view.line_count and view.indent(below) > depth:
            return None  # the body has already been written below the cursor
    return kind


def empty_sql_routine(view: SourceView, line: int, offset: int) -> bool:
    """SQL: the cursor is between `BEGIN` and `END` of a function or procedure with
    nothing else in between."""
    if not _cursor_line_is_open(view, line, offset):
        return False
    begin = _prev_nonblank(view, line) if view.is_blank(line) else line - 1
    while begin >= 0 and view.is_blank(begin):
        begin -= 1
    if begin < 0 or not _SQL_BEGIN.match(view.line_bytes(begin)):
        return False
    end = _next_nonblank(view, line)
    if end >= view.line_count or not _SQL_END.match(view.line_bytes(end)):
        return False
    for above in range(begin - 1, max(-1, begin - 1 - _SQL_HEADER_LINES), -1):
        text = view.line_bytes(above)
        if _SQL_ROUTINE.search(text):
            return True
        if text.rstrip().endswith(b";"):
            return False
    return False
