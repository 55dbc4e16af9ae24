"""Model text made safe to put in an editor buffer.

A model (or anything between it and us) can emit terminal control characters: ESC starts
escape sequences that repaint a terminal editor, BEL rings, and bidirectional overrides such
as RLO make code read differently from what it does ("Trojan Source"). None belongs in a code
suggestion, so they are removed before the text leaves the SDK; tab, newline and carriage
return stay.
"""

from __future__ import annotations

import re

#: C0 controls but \\t \\n \\r, DEL, C1 controls, and the Unicode bidi embeddings, overrides
#: and isolates (U+202A-U+202E, U+2066-U+2069).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """`text` without terminal control characters and bidi overrides."""
    return _UNSAFE.sub("", text)
