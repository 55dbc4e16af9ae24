"""Text cleared to leave the machine.

Every request body the SDK sends is built from `Outbound` values only, and the only ways to
get one are the functions below, which run redaction (unless the user turned it off for the
whole client). A field added later (an instruction, a context item, a file name) therefore
cannot reach GitLab or the AI gateway in clear by oversight: the body builders do not accept
a plain `str`, mypy says so, and `Outbound`'s constructor refuses callers without the key.

`Outbound` is a `str`, so it serialises to JSON and compares like one. Slicing or
concatenating it gives a plain `str` again (Python's `str` methods return `str`), which is
what makes the type hold: a trimmed piece is cleared again through `Outbound.trimmed`.
"""

from __future__ import annotations

from typing import Self

from gitlab_lsp.privacy.redaction import redact, redact_around_cursor

_KEY = object()


class Outbound(str):
    """A piece of user text that redaction has seen (or that the user chose to send as is)."""

    __slots__ = ()

    def __new__(cls, text: str, key: object) -> Self:
        if key is not _KEY:
            raise TypeError(
                "Outbound text is made by gitlab_lsp.privacy.outbound() or "
                "outbound_around_cursor(), which redact it first"
            )
        return super().__new__(cls, text)

    def trimmed(self, start: int | None, stop: int | None) -> Outbound:
        """A slice of cleared text: masking is per character, so a slice stays cleared."""
        return Outbound(str.__getitem__(self, slice(start, stop)), _KEY)


def outbound(text: str, *, redact_secrets: bool = True) -> Outbound:
    """`text` with its secrets masked (same length), ready to be sent."""
    return Outbound(redact(text) if redact_secrets else text, _KEY)


def outbound_around_cursor(
    above: str, below: str, *, redact_secrets: bool = True
) -> tuple[Outbound, Outbound]:
    """Both sides of the cursor, redacted as the one text they are (see
    `redact_around_cursor`), ready to be sent."""
    if redact_secrets:
        above, below = redact_around_cursor(above, below)
    return Outbound(above, _KEY), Outbound(below, _KEY)
