"""Plausibility checks for values caught by the keyword rules (`password = "..."`).

Provider tokens carry a prefix that makes them unmistakable; a value assigned to a key named
`password` or `token` does not, and ordinary code is full of such assignments whose values
are names, paths, format strings or placeholders. These checks keep those out so that what
leaves the machine is still useful code.
"""

from __future__ import annotations

import math
import re
from collections import Counter

#: Values that are obviously stand-ins, compared case-insensitively.
_PLACEHOLDER_WORDS = frozenset(
    {
        "password",
        "passwd",
        "pass",
        "pwd",
        "secret",
        "changeme",
        "change_me",
        "token",
        "example",
        "redacted",
        "undefined",
        "null",
        "none",
        "true",
        "false",
    }
)

# Template syntax, environment references, format directives and f-string fields, runs of
# one character, `#colour` values of style tables.
_TEMPLATE = re.compile(
    r"\$\{|\$\(|\{\{|\}\}|<[^>]*>|%\(?\w*\)?[sdr]|\{[^{}\s]*\}|^\$\w+$|(.)\1{5,}|^[*.x•-]+$|://|^your|example"
    r"|^(?:my|some|dummy|fake|test|sample)[_-]|^#",
    re.IGNORECASE,
)

# Only letters with separators: identifiers, dotted names, paths, kebab-case words.
_WORDS_ONLY = re.compile(r"[$._/:-]*[A-Za-z]+(?:[._/:-]+[A-Za-z]+)*[._/:-]*")

# `module.attribute` chains: an unquoted value that is code, not a secret.
_ATTRIBUTE_CHAIN = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")


def shannon_entropy(value: str) -> float:
    """Bits per character of `value`'s character distribution (0 for an empty string)."""
    if not value:
        return 0.0
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in Counter(value).values())


def is_placeholder(value: str) -> bool:
    """A stand-in for a secret: `password`, `${DB_PASSWORD}`, `<token>`, `{}`, `xxxxxx`..."""
    return value.lower() in _PLACEHOLDER_WORDS or _TEMPLATE.search(value) is not None


def plausible_secret(value: str, *, min_entropy: float) -> bool:
    """Whether a quoted value assigned to a secret-looking key is likely to be the real thing."""
    if is_placeholder(value):
        return False
    if value.isdigit() or _WORDS_ONLY.fullmatch(value):
        return False
    return shannon_entropy(value) >= min_entropy


def plausible_unquoted_secret(value: str, *, min_entropy: float) -> bool:
    """Stricter check for `KEY=value` lines, where the value may as well be an expression.

    An unquoted value needs both letters and digits: random tokens have them, while names,
    constants and numbers usually lack one or the other.
    """
    if _ATTRIBUTE_CHAIN.fullmatch(value):
        return False
    has_digit = any(c.isdigit() for c in value)
    has_alpha = any(c.isalpha() for c in value)
    return has_digit and has_alpha and plausible_secret(value, min_entropy=min_entropy)
