"""The names the code near the cursor uses, nearest first: what the context should define."""

from __future__ import annotations

import re

#: Characters read on each side of the cursor.
BEFORE = 2_500
AFTER = 400
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
#: Words that are never worth a definition: keywords and the commonest built-ins.
_COMMON = frozenset(
    [
        "and",
        "as",
        "assert",
        "async",
        "await",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "def",
        "default",
        "defer",
        "del",
        "do",
        "elif",
        "else",
        "end",
        "enum",
        "except",
        "export",
        "extends",
        "false",
        "final",
        "finally",
        "fn",
        "for",
        "from",
        "func",
        "function",
        "go",
        "if",
        "impl",
        "implements",
        "import",
        "in",
        "interface",
        "is",
        "lambda",
        "let",
        "match",
        "mod",
        "module",
        "mut",
        "new",
        "nil",
        "none",
        "null",
        "not",
        "of",
        "or",
        "package",
        "pass",
        "private",
        "protected",
        "pub",
        "public",
        "raise",
        "require",
        "return",
        "self",
        "static",
        "struct",
        "super",
        "switch",
        "this",
        "throw",
        "throws",
        "true",
        "try",
        "type",
        "typeof",
        "undefined",
        "use",
        "var",
        "void",
        "while",
        "with",
        "yield",
        "None",
        "True",
        "False",
        "int",
        "str",
        "float",
        "bool",
        "list",
        "dict",
        "set",
        "tuple",
        "len",
        "print",
        "range",
        "isinstance",
        "console",
        "char",
        "long",
        "short",
        "unsigned",
        "signed",
        "sizeof",
        "include",
        "define",
        "ifdef",
        "ifndef",
        "endif",
        "typedef",
        "extern",
    ]
)


def names_near(text: str, offset: int, *, limit: int = 120) -> list[str]:
    """Identifiers around `offset`, the nearest to the cursor first (the line being typed
    and the lines above it before the lines below)."""
    start = max(0, offset - BEFORE)
    before = text[start:offset]
    after = text[offset : offset + AFTER]
    ranked: dict[str, float] = {}
    for match in _IDENTIFIER.finditer(before):
        word = match.group()
        if len(word) < 2 or word in _COMMON:
            continue
        distance = float(len(before) - match.start())
        if word not in ranked or distance < ranked[word]:
            ranked[word] = distance
    for match in _IDENTIFIER.finditer(after):
        word = match.group()
        if len(word) < 2 or word in _COMMON:
            continue
        distance = 2.0 * match.start() + 200  # code below the cursor matters less
        if word not in ranked or distance < ranked[word]:
            ranked[word] = distance
    return sorted(ranked, key=ranked.__getitem__)[:limit]
