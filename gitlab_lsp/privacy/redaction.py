"""Finding secrets in text and masking them without moving anything.

The editor computes cursor offsets before redaction, and the AI gateway answers relative to
those offsets, so a masked secret keeps its exact length and line breaks: every character of
it becomes `*` except `\\r` and `\\n`. Offsets in code points, UTF-16 units (secrets are ASCII)
and line/column positions all stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from gitlab_lsp.privacy.rules import RULES, Rule

MASK = "*"


class SecretMatch(NamedTuple):
    """Where a secret is and which rule found it; never the secret itself."""

    rule_id: str
    start: int
    end: int


def _candidates(rule: Rule, text: str, lowered: str) -> Iterator[SecretMatch]:
    if rule.keywords and not any(k in lowered for k in rule.keywords):
        return
    if not rule.fold_case:
        matches = rule.pattern.finditer(text)
    elif len(lowered) == len(text):  # lower() never shortens a character, so all aligned
        matches = rule.pattern.finditer(lowered)
    else:  # lowercasing moved characters: positions in `lowered` would be wrong
        matches = rule.folded_pattern.finditer(text)
    for match in matches:
        start, end = rule.secret_span(match)
        if end <= start:
            continue
        context: re.Match[str] | None = None
        if rule.context is not None:
            # The window ends at the candidate and starts at its line's start, at most
            # `context_window` back (a minified line must not cost a scan to its beginning).
            floor = max(0, match.start() - rule.context_window)
            window_start = text.rfind("\n", floor, match.start()) + 1 or floor
            context = rule.context.search(text, window_start, match.start())
            if context is None:
                continue
        if rule.check is not None and not rule.check(text[start:end], context):
            continue
        yield SecretMatch(rule.rule_id_for(match), start, end)


def find_secrets(text: str, rules: tuple[Rule, ...] = RULES) -> list[SecretMatch]:
    """Every secret in `text`, in order; a match lying inside another one is left out."""
    lowered = text.lower()
    found = [m for rule in rules for m in _candidates(rule, text, lowered)]
    # Stable sort: of two matches with the same span, the earlier rule names it, and RULES
    # lists provider formats before the generic keyword rules.
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[SecretMatch] = []
    reach = -1
    for m in found:
        if m.end <= reach:
            continue  # inside an earlier, longer match
        kept.append(m)
        reach = m.end
    return kept


def _mask(secret: str) -> str:
    if "\n" not in secret and "\r" not in secret:
        return MASK * len(secret)
    return "".join(c if c in "\r\n" else MASK for c in secret)


def replace_secrets(text: str, replacement: Callable[[str, SecretMatch], str]) -> str:
    """`text` with each secret replaced by `replacement(secret_text, match)`.

    Where two matches partly overlap, the second one is handed only its part past the first,
    so no character is replaced twice. `redact` and `scrub` differ only in the replacement.
    """
    matches = find_secrets(text)
    if not matches:
        return text
    pieces: list[str] = []
    pos = 0
    for m in matches:
        if m.end <= pos:
            continue
        start = max(m.start, pos)
        pieces.append(text[pos:start])
        pieces.append(replacement(text[start : m.end], m))
        pos = m.end
    pieces.append(text[pos:])
    return "".join(pieces)


def redact(text: str) -> str:
    """`text` with every secret masked character for character (same length, same lines)."""
    return replace_secrets(text, lambda secret, _match: _mask(secret))


def redact_around_cursor(above: str, below: str) -> tuple[str, str]:
    """Redact the text on both sides of the cursor as the one text it is.

    Redacting each side alone misses a secret the cursor sits inside (a pasted token being
    edited): neither half matches a full token format. Masking keeps lengths, so the joined
    text splits back at the same offset.
    """
    joined = redact(above + below)
    return joined[: len(above)], joined[len(above) :]
