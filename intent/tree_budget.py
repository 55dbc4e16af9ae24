"""Keep syntax trees only for the documents in use, within a budget in bytes.

An editor session opens hundreds of files and edits a few. A tree-sitter tree costs about
`TREE_BYTES_PER_BYTE` bytes per byte of source (measured on Python files: 50 open 77 KB
files held 112 MiB of trees), so holding a tree for every open document makes memory grow
with the number of tabs. `TreeBudget` is an LRU over documents: using one (an edit, a
focus, a suggestion request) makes it the most recent; when the estimated size of the
trees held passes the budget, the least recently used documents `release()` theirs. Their
text stays exact, and the next `refresh()` (which the server runs at focus and after an
edit, before any request) parses them again.

The same LRU bounds what is derived from a document besides its tree (the language server's
context index of it): `on_release` tells the owner of such caches which document left, and
`key in budget` says whether a document is in use, so that nothing is built for the rest.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

#: Estimated bytes of tree (plus analysis) per byte of source, measured with `intent.Document`.
TREE_BYTES_PER_BYTE = 30
#: Default budget: the trees of the 5 files of 77 KB (2,000 lines) one works in at a time,
#: or many more small ones; with it, 50 such files open stay under 80 MiB of resident memory.
DEFAULT_BUDGET_BYTES = 12 * 1024 * 1024


class Releasable(Protocol):
    @property
    def size(self) -> int: ...

    @property
    def holds_tree(self) -> bool: ...

    def release(self) -> None: ...


class TreeBudget:
    """An LRU of documents whose trees are kept, bounded by their estimated size in bytes."""

    def __init__(
        self,
        budget_bytes: int = DEFAULT_BUDGET_BYTES,
        on_release: Callable[[str], None] | None = None,
    ) -> None:
        self.budget_bytes = budget_bytes
        self._used: OrderedDict[str, Releasable] = OrderedDict()
        self.releases = 0
        #: Called with a document's key when the budget drops it (and its tree).
        self._on_release = on_release

    def __len__(self) -> int:
        return len(self._used)

    def __contains__(self, key: object) -> bool:
        """Whether the document is in use: its tree is kept, or about to be parsed."""
        return key in self._used

    def estimate(self, doc: Releasable) -> int:
        return doc.size * TREE_BYTES_PER_BYTE

    def held_bytes(self) -> int:
        """Estimated bytes of the trees held by the documents this budget tracks."""
        return sum(self.estimate(d) for d in self._used.values() if d.holds_tree)

    def use(self, key: str, doc: Releasable) -> None:
        """`doc` is in use: keep its tree, and release the least recently used beyond the
        budget (never `doc` itself, however large: the active document is always parsed)."""
        self._used[key] = doc
        self._used.move_to_end(key)
        # `doc` counts even if released: it is about to be parsed again.
        total = self.estimate(doc) + sum(
            self.estimate(d) for k, d in self._used.items() if k != key and d.holds_tree
        )
        if total <= self.budget_bytes:
            return
        for other_key, other in list(self._used.items()):
            if total <= self.budget_bytes or other_key == key:
                break
            if other.holds_tree:
                total -= self.estimate(other)
                other.release()
                self.releases += 1
            del self._used[other_key]
            if self._on_release is not None:
                self._on_release(other_key)

    def has_room_for(self, doc: Releasable) -> bool:
        """Whether `doc`'s tree fits without releasing any other."""
        return self.held_bytes() + self.estimate(doc) <= self.budget_bytes

    def forget(self, key: str) -> None:
        """The document was closed."""
        self._used.pop(key, None)
