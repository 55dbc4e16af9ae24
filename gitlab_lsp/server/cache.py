"""Serve the rest of a shown suggestion while the user types into it, without a request.

An entry remembers the text before the cursor when a suggestion was shown (as a length and a
hash, not a copy: documents can be megabytes) and the choices. A later request in the same
document whose text before the cursor extends that text by a prefix of a choice gets the rest
of that choice. Entries expire after `ttl` seconds; the oldest go first beyond `max_size`.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class _Entry:
    above_len: int
    above_hash: int
    below: str
    choices: tuple[str, ...]
    created: float
    tracking_id: str


@dataclass(frozen=True)
class CacheHit:
    choices: tuple[str, ...]
    tracking_id: str


class SuggestionCache:
    def __init__(
        self, max_size: int = 100, ttl: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._clock = clock
        self._entries: OrderedDict[str, list[_Entry]] = OrderedDict()
        self.max_size = max_size
        self.ttl = ttl
        self._count = 0

    def clear(self) -> None:
        self._entries.clear()
        self._count = 0

    def forget(self, uri: str) -> None:
        self._count -= len(self._entries.pop(uri, []))

    def put(self, uri: str, above: str, below: str, choices: list[str], tracking_id: str) -> None:
        kept = tuple(c for c in choices if c)
        if not kept:
            return
        entry = _Entry(len(above), hash(above), _line_rest(below), kept, self._clock(), tracking_id)
        entries = self._entries.setdefault(uri, [])
        entries.append(entry)
        self._entries.move_to_end(uri)
        self._count += 1
        while self._count > self.max_size and self._entries:
            oldest_uri, oldest = next(iter(self._entries.items()))
            oldest.pop(0)
            self._count -= 1
            if not oldest:
                del self._entries[oldest_uri]

    def get(self, uri: str, above: str, below: str) -> CacheHit | None:
        """The remaining text of each cached choice the user has typed into, if any."""
        entries = self._entries.get(uri)
        if not entries:
            return None
        now = self._clock()
        rest_of_line = _line_rest(below)
        for entry in reversed(entries):
            if now - entry.created > self.ttl:
                continue
            if len(above) < entry.above_len or entry.below != rest_of_line:
                continue
            typed = above[entry.above_len :]
            if len(typed) > max(len(c) for c in entry.choices):
                continue
            if hash(above[: entry.above_len]) != entry.above_hash:
                continue
            rests = tuple(
                c[len(typed) :]
                for c in entry.choices
                if c.startswith(typed) and len(c) > len(typed)
            )
            if rests:
                return CacheHit(rests, entry.tracking_id)
        return None


def _line_rest(below: str) -> str:
    """What follows the cursor on its line: the part of `below` a suggestion is shown before."""
    end = below.find("\n")
    return below if end < 0 else below[:end]
