"""The byte budget: the current file plus every context item fit in one number of bytes.

Items come best first; they are taken in order while they fit, and the first that does not is
trimmed to what is left (the official client's rule), after which nothing more is sent.
"""

from __future__ import annotations

from collections.abc import Iterable

from gitlab_lsp.sdk.context.items import MAX_CONTENT, MAX_ITEMS, ContextItem

#: The official client's cap on the document plus its context, in bytes.
DEFAULT_BUDGET = 50_000
#: A trimmed item shorter than this is noise: it is dropped instead.
MIN_TRIMMED = 64


def utf8_len(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text.encode("utf-8", errors="surrogatepass"))


def _cut(text: str, size: int) -> str:
    """The longest prefix of `text` of at most `size` UTF-8 bytes, ending at a line break
    when there is one in its second half (a half line confuses a model more than no line)."""
    if text.isascii():
        head = text[:size]
    else:
        head = text.encode("utf-8", errors="surrogatepass")[:size].decode("utf-8", errors="ignore")
    newline = head.rfind("\n")
    return head[: newline + 1] if newline >= len(head) // 2 else head


def fill(items: Iterable[ContextItem], available: int) -> list[ContextItem]:
    """Take items while they fit in `available` bytes (of content); trim the first that does
    not and stop. Also enforces the gateway's item count and content size."""
    chosen: list[ContextItem] = []
    for item in items:
        if len(chosen) >= MAX_ITEMS or available <= 0:
            break
        content = item.content[:MAX_CONTENT]
        size = utf8_len(content)
        if size <= available:
            chosen.append(item if content is item.content else item.with_content(content))
            available -= size
            continue
        trimmed = _cut(content, available)
        if utf8_len(trimmed) >= MIN_TRIMMED:
            chosen.append(item.with_content(trimmed))
        break
    return chosen


def total_bytes(items: Iterable[ContextItem]) -> int:
    return sum(utf8_len(item.content) for item in items)
