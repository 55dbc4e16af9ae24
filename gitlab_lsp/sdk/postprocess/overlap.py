"""Overlap with the text after the cursor: accepting must not double `)`, `"`, `;`...

Two ways out, both leaving the same document: the suggestion's tail that repeats the start
of the rest of the line is trimmed (every client gets that right), or, when the repeated
characters sit inside the suggestion (`x) + y` before an existing `)`), a replace range
covers the rest of the line so the suggestion replaces it.
"""

from __future__ import annotations

from gitlab_lsp.sdk.postprocess.model import Draft, Site
from gitlab_lsp.sdk.postprocess.syntax import no_worse

_PAIRS = {")": "(", "]": "[", "}": "{"}
_OPENERS = frozenset("([{")
_QUOTES = frozenset("\"'`")
#: Characters that, repeated, are the suffix's own punctuation rather than code.
_CLOSING = frozenset(")]}\"'`;,: \t")


def resolve_overlap(draft: Draft, site: Site) -> Draft:
    rest = site.rest_of_line
    stripped = rest.lstrip(" \t")
    if not stripped.strip() or draft.replace_chars:
        return draft
    text = draft.text
    unmatched = _unmatched(text, site.line_before)
    for size in range(len(stripped.rstrip()), 0, -1):
        piece = stripped[:size]
        if not text.endswith(piece):
            continue
        offset = len(text) - size
        if not _repeats_suffix(piece, offset, unmatched, whole=size >= len(stripped.rstrip())):
            continue
        kept = text[:offset]
        if len(rest) > len(stripped):  # the rest of the line starts with whitespace
            kept = kept.rstrip(" \t")
        trimmed = Draft(kept, draft.replace_chars)
        if no_worse(site, draft, trimmed):
            return trimmed
        return draft
    if not site.allow_range or not all(ch in _CLOSING for ch in stripped):
        return draft
    needed = [ch for ch in stripped if ch not in " \t;,:"]
    closers = [text[i] for i in sorted(unmatched)]
    if needed and _subsequence(needed, closers):
        replaced = Draft(text, len(rest.rstrip()))
        if no_worse(site, draft, replaced):
            return replaced
    return draft


def _repeats_suffix(piece: str, offset: int, unmatched: set[int], *, whole: bool) -> bool:
    """Whether the suggestion's last `len(piece)` characters are the suffix's own.

    Brackets and quotes in them must be unmatched within the suggestion (they close what
    the prefix opened, as the suffix does); other characters count only when the whole
    rest of the line is repeated.
    """
    own = _unmatched(piece, "") if whole else set()
    for index, ch in enumerate(piece):
        position = offset + index
        if ch in _PAIRS or ch in _QUOTES:
            # a closer the suggestion does not close itself, or (the whole rest of the line
            # repeated) one that the repeated text opens and closes on its own
            if position not in unmatched and not (whole and index not in own):
                return False
        elif ch in _OPENERS:
            if not whole:
                return False
        elif ch not in _CLOSING and not whole:
            return False
    return True


def leaves_open(text: str, line_before: str) -> bool:
    """Whether `text` opens a bracket or string it does not close (or ends in `{`)."""
    stack, quote = _scan(text, line_before)[1:]
    return bool(stack) or quote is not None


def _unmatched(text: str, line_before: str) -> set[int]:
    return _scan(text, line_before)[0]


def _scan(text: str, line_before: str) -> tuple[set[int], list[str], str | None]:
    """Positions in `text` of closing brackets and quotes that close something opened
    before the suggestion (a rough lexical scan: strings are skipped, escapes honoured),
    the brackets left open and the string left open at its end."""
    stack: list[str] = []
    found: set[int] = set()
    quote = _open_quote(line_before)
    inside = False  # the open string started in the suggestion (not before the cursor)
    escaped = False
    for index, ch in enumerate(text):
        if quote is not None:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == quote:
                quote = None
                if not inside:
                    found.add(index)
            continue
        if ch in _QUOTES:
            quote, inside = ch, True
        elif ch in _OPENERS:
            stack.append(ch)
        elif ch in _PAIRS:
            if stack and stack[-1] == _PAIRS[ch]:
                stack.pop()
            else:
                found.add(index)
    return found, stack, quote if inside else None


def _open_quote(line_before: str) -> str | None:
    """The quote left open on the cursor's line before the cursor, if any.

    A cursor inside an interpolation (`${`, `#{`, `{` in `$"..."` or `f"..."`) is in code,
    not in the string: None.
    """
    stack: list[tuple[str, bool]] = []  # open strings: quote, interpolating
    depth: list[int] = []  # brace depth inside each string's current interpolation
    escaped = False
    previous = ""
    for index, ch in enumerate(line_before):
        if stack and not depth[-1]:  # inside a string's text
            quote, interpolating = stack[-1]
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == quote:
                stack.pop()
                depth.pop()
            elif ch == "{" and (interpolating or previous in ("$", "#")):
                depth[-1] = 1
        elif ch in _QUOTES:
            prefix = line_before[index - 1 : index].lower() if index else ""
            stack.append((ch, prefix in ("$", "f") or ch == "`"))
            depth.append(0)
        elif stack and ch == "{":
            depth[-1] += 1
        elif stack and ch == "}":
            depth[-1] -= 1
        previous = ch
    if stack and not depth[-1]:
        return stack[-1][0]
    return None


def _subsequence(needed: list[str], have: list[str]) -> bool:
    it = iter(have)
    return all(any(ch == got for got in it) for ch in needed)
