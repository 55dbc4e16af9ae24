"""Which documents the user touched last, and which regions they changed last.

Fed by didOpen, didChange and the active-editor notification; read by the context feed,
which sends the most recently used documents first and the latest edits of other documents.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass

#: Changed regions remembered across all documents.
MAX_EDITS = 20


@dataclass(frozen=True)
class Edit:
    uri: str
    start_line: int
    end_line: int


class Recency:
    def __init__(self) -> None:
        self._order: OrderedDict[str, None] = OrderedDict()
        self._edits: deque[Edit] = deque(maxlen=MAX_EDITS)

    def touch(self, uri: str) -> None:
        """`uri` is now the most recently used document."""
        self._order[uri] = None
        self._order.move_to_end(uri, last=False)

    def edited(self, uri: str, start_line: int, new_text: str) -> None:
        """A change replaced text from `start_line` with `new_text`; an edit next to the
        previous one of the same document extends it instead of adding one."""
        end_line = start_line + new_text.count("\n")
        self.touch(uri)
        if self._edits:
            last = self._edits[-1]
            if last.uri == uri and last.start_line - 3 <= start_line <= last.end_line + 3:
                self._edits[-1] = Edit(
                    uri, min(last.start_line, start_line), max(last.end_line, end_line)
                )
                return
        self._edits.append(Edit(uri, start_line, end_line))

    def forget(self, uri: str) -> None:
        self._order.pop(uri, None)
        kept = [e for e in self._edits if e.uri != uri]
        self._edits.clear()
        self._edits.extend(kept)

    def most_recent_first(self) -> list[str]:
        return list(self._order)

    def latest_edits(self) -> list[Edit]:
        """Newest first."""
        return list(reversed(self._edits))
