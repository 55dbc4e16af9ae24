"""The top-level scalar members of a JSON object too deeply nested for `json.loads`.

Python's decoder gives up with RecursionError past about a thousand levels. Such a message
may still be a request whose `id` sits, readable, beside the deep `params`; JSON-RPC wants
it answered with that id. This reads the outer object member by member, decodes each scalar
value with the standard decoder and steps over each nested value by counting brackets
(strings are skipped whole, so a bracket inside one does not count), so its own depth is one.
"""

from __future__ import annotations

import json
from typing import Any

_DECODER = json.JSONDecoder()
_WHITESPACE = " \t\n\r"


class NotAnObject(ValueError):
    """The text is not one JSON object (or is broken before its members could be read)."""


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WHITESPACE:
        pos += 1
    return pos


def _skip_string(text: str, pos: int) -> int:
    """Index just past the string that starts at `pos` (a `"`)."""
    pos += 1
    while pos < len(text):
        char = text[pos]
        if char == "\\":
            pos += 2
            continue
        if char == '"':
            return pos + 1
        pos += 1
    raise NotAnObject("unterminated string")


def _skip_nested(text: str, pos: int) -> int:
    """Index just past the array or object that starts at `pos`."""
    depth = 0
    while pos < len(text):
        char = text[pos]
        if char == '"':
            pos = _skip_string(text, pos)
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    raise NotAnObject("unterminated array or object")


def top_level_scalars(text: str) -> dict[str, Any]:
    """`{name: value}` for the outer object's members whose values are not arrays or objects."""
    pos = _skip_ws(text, 0)
    if not text.startswith("{", pos):
        raise NotAnObject("not an object")
    members: dict[str, Any] = {}
    pos = _skip_ws(text, pos + 1)
    while pos < len(text) and text[pos] != "}":
        if text[pos] != '"':
            raise NotAnObject("a member name must be a string")
        end = _skip_string(text, pos)
        name = json.loads(text[pos:end])
        pos = _skip_ws(text, end)
        if not text.startswith(":", pos):
            raise NotAnObject("':' expected")
        pos = _skip_ws(text, pos + 1)
        if pos < len(text) and text[pos] in "[{":
            pos = _skip_nested(text, pos)
        else:
            try:
                value, pos = _DECODER.raw_decode(text, pos)
            except ValueError as exc:
                raise NotAnObject(str(exc)) from None
            members[name] = value
        pos = _skip_ws(text, pos)
        if text.startswith(",", pos):
            pos = _skip_ws(text, pos + 1)
    return members
