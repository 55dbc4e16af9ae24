"""What one context item is, on the wire and in the SDK, and how items are checked.

Items reach the SDK from the language server's builder or from a script that passes its own;
either way they are checked here once, so that a bad item is a clear error before any network
work and the gateway never sees one it would reject.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

ItemType = Literal["file", "snippet"]
ITEM_TYPES: tuple[ItemType, ...] = ("file", "snippet")
#: The gateway's limits (at most 100 items; names up to 1024, contents up to 500,000 chars).
MAX_ITEMS = 100
MAX_NAME = 1024
MAX_CONTENT = 500_000


@dataclass(frozen=True, slots=True)
class ContextItem:
    """One piece of the workspace sent next to the current file.

    `name` is a path relative to the workspace folder (never absolute: that would leak the
    user's home directory); `resolution_strategy` says which source found it (`open_tabs`,
    `imports`, `recent_edits`), as the official client does.
    """

    type: ItemType
    name: str
    content: str
    resolution_strategy: str | None = None

    def as_json(self) -> dict[str, str]:
        data = {"type": self.type, "name": self.name, "content": self.content}
        if self.resolution_strategy:
            data["resolution_strategy"] = self.resolution_strategy
        return data

    def with_content(self, content: str) -> ContextItem:
        return ContextItem(self.type, self.name, content, self.resolution_strategy)


def safe_name(name: str) -> str:
    """A name that is never absolute: an absolute path (POSIX, Windows or URI-like) keeps
    only its last component."""
    if posixpath.isabs(name) or name.startswith("\\") or (len(name) > 1 and name[1] == ":"):
        tail = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return tail or "untitled"
    return name


def coerce_items(raw: Iterable[ContextItem | Mapping[str, Any]]) -> tuple[ContextItem, ...]:
    """Check items given to `suggest(context=...)`; raises ValueError naming the bad one."""
    if isinstance(raw, str | bytes | Mapping):
        raise ValueError("context must be a list of items")
    items: list[ContextItem] = []
    for index, entry in enumerate(raw):
        if isinstance(entry, ContextItem):
            item = entry
        elif isinstance(entry, Mapping):
            kind, name = entry.get("type", "file"), entry.get("name")
            content, strategy = entry.get("content"), entry.get("resolution_strategy")
            if kind not in ITEM_TYPES:
                raise ValueError(f"context[{index}].type must be 'file' or 'snippet'")
            if not isinstance(name, str) or not isinstance(content, str):
                raise ValueError(f"context[{index}] needs string `name` and `content`")
            if strategy is not None and not isinstance(strategy, str):
                raise ValueError(f"context[{index}].resolution_strategy must be a string")
            item = ContextItem(kind, name, content, strategy)
        else:
            raise ValueError(f"context[{index}] must be a ContextItem or a mapping")
        if not item.name:
            raise ValueError(f"context[{index}].name must not be empty")
        items.append(
            ContextItem(
                item.type, safe_name(item.name)[-MAX_NAME:], item.content, item.resolution_strategy
            )
        )
    return tuple(items)
