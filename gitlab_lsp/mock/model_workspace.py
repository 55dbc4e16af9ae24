"""What the model takes from the request's `context`: names and call signatures defined in
other files of the workspace, so that a completion can call what the user's code defines
elsewhere (and a demo shows what context changes)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SIGNATURE = re.compile(
    r"^\s*(?:export\s+)?(?:pub\s+)?(?:async\s+)?(?:def|function|func|fn)\s+"
    r"(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*(?:<[^>]*>)?\(([^)]*)\)",
    re.MULTILINE,
)
_TYPE = re.compile(
    r"^\s*(?:export\s+)?(?:pub\s+)?(?:class|interface|struct|type|enum|trait|module)\s+([A-Za-z_]\w*)",
    re.MULTILINE,
)
_WORD_AT_END = re.compile(r"([A-Za-z_]\w*)$")
_CALL_AT_END = re.compile(r"([A-Za-z_]\w*)\($")


_C_TYPES = frozenset(
    [
        "int",
        "char",
        "long",
        "short",
        "double",
        "float",
        "void",
        "unsigned",
        "signed",
        "const",
        "struct",
        "bool",
        "size_t",
    ]
)
_C_SIGNATURE = re.compile(
    r"^(?:static\s+|extern\s+|inline\s+|const\s+)*[A-Za-z_][\w\s*]*?[\s*]([A-Za-z_]\w*)\s*"
    r"\(([^)]*)\)\s*[;{]?\s*$",
    re.MULTILINE,
)
_NOT_FUNCTIONS = frozenset({"if", "while", "for", "switch", "return", "sizeof", "else"})


def _argument(part: str) -> str | None:
    """The parameter's name in `name: T = 1`, `name=1`, `T name`, `T *name`, `name T`."""
    head = re.split(r"[:=]", part)[0]
    words: list[str] = re.findall(r"[A-Za-z_]\w*", head)
    if not words:
        return None
    if ":" in part or "=" in part or len(words) == 1:
        return words[-1]
    first = words[0]
    return words[-1] if first in _C_TYPES or first[0].isupper() else first


def _arguments(params: str) -> str:
    names = []
    for part in params.split(","):
        name = _argument(part.strip())
        if name and name not in ("self", "cls", "this", "mut", "void"):
            names.append(name)
    return ", ".join(names)


def definitions(texts: Iterable[str]) -> dict[str, str | None]:
    """Name -> argument list for functions (None for types), in the order they appear."""
    found: dict[str, str | None] = {}
    for text in texts:
        for match in _SIGNATURE.finditer(text):
            found.setdefault(match.group(1), _arguments(match.group(2)))
        for match in _C_SIGNATURE.finditer(text):
            if match.group(1) not in _NOT_FUNCTIONS:
                found.setdefault(match.group(1), _arguments(match.group(2)))
        for match in _TYPE.finditer(text):
            found.setdefault(match.group(1), None)
    return found


def complete_from_context(contents: Iterable[str], line: str) -> str | None:
    """A completion that finishes a call or a name defined in the context, else None."""
    defined = definitions(contents)
    if not defined:
        return None
    call = _CALL_AT_END.search(line)
    if call is not None:
        arguments = defined.get(call.group(1))
        return None if arguments is None else arguments + ")"
    word = _WORD_AT_END.search(line)
    if word is None or len(word.group(1)) < 2:
        return None
    typed = word.group(1)
    for name, arguments in defined.items():
        if name.startswith(typed) and name != typed:
            rest = name[len(typed) :]
            return rest if arguments is None else f"{rest}({arguments})"
    return None
