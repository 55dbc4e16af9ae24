"""What each client puts in the buffer when the user accepts the first item it got.

Each function follows the client's own source (facts read from it, not its code): which field
it takes, where it starts replacing, what its completion-done hook does afterwards. Buffers
are (lines, cursor line, cursor column) with ASCII text, so UTF-16 columns are characters.
Vim's `complete()` (Vim 9.0, checked) cannot put a line break inside a line: a "\\n" in the
inserted word becomes a NUL byte, shown here as "\\x00", until a hook turns it back. Neovim
0.11's inserts real line breaks (checked the same way, and by tests/editors with the binary).
"""

from __future__ import annotations

import re
from typing import Any

NUL = "\x00"


def _offset(text: str, line: int, character: int) -> int:
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[:line]) + character


def _keyword_start(text: str, cursor: int) -> int:
    """Vim's `\\k*$` before the cursor (`iskeyword` for Python: letters, digits, _)."""
    match = re.search(r"[A-Za-z0-9_]*\Z", text[:cursor])
    assert match is not None
    return match.start()


def _items(response: dict[str, Any]) -> list[dict[str, Any]]:
    result = response["result"]
    return result if isinstance(result, list) else result["items"]


def _edit_range(item: dict[str, Any]) -> dict[str, Any] | None:
    edit = item.get("textEdit")
    if not isinstance(edit, dict):
        return None
    return edit.get("range") or edit.get("insert")


def inline_at_cursor(text: str, cursor: int, response: dict[str, Any]) -> str:
    """GitLab's Neovim plugin (ghost_text.lua): `items[1].insertText` at the cursor."""
    item = _items(response)[0]
    return text[:cursor] + item["insertText"] + text[cursor:]


def inline_over_range(text: str, cursor: int, response: dict[str, Any]) -> str:
    """VS Code and LSP 3.18 clients: `insertText` replaces `range` (the cursor if absent)."""
    item = _items(response)[0]
    rng = item.get("range")
    start = end = cursor
    if rng:
        start = _offset(text, rng["start"]["line"], rng["start"]["character"])
        end = _offset(text, rng["end"]["line"], rng["end"]["character"])
    return text[:start] + item["insertText"] + text[end:]


def neovim_011(text: str, cursor: int, response: dict[str, Any]) -> str:
    """Neovim 0.11's omnifunc / vim.lsp.completion (runtime/lua/vim/lsp/completion.lua).

    Start: the items' common textEdit start, else the keyword before the cursor. Word: for a
    plain-text textEdit, its newText up to the first whitespace; else insertText; else label.
    (GitLab's plugin also turns NUL bytes into line breaks after a completion, `fix_newlines`,
    which matters on older Neovim only.)
    """
    items = _items(response)
    starts = {r["start"]["character"] for r in map(_edit_range, items) if r is not None}
    line_start = text.rfind("\n", 0, cursor) + 1
    start = line_start + starts.pop() if len(starts) == 1 else _keyword_start(text, cursor)
    item = items[0]
    if item.get("insertTextFormat") == 2:
        raise AssertionError("snippets are not expected")
    if item.get("textEdit"):
        match = re.match(r"\S*", item["textEdit"]["newText"])
        word = match.group() if match else ""
    elif item.get("insertText"):
        word = item["insertText"]
    else:
        word = item["label"]
    return text[:start] + word + text[cursor:]


def vim_lsp(text: str, cursor: int, response: dict[str, Any]) -> str:
    """vim-lsp (autoload/lsp/omni.vim, lsp/ui/vim/completion.vim).

    The word is textEdit.newText or insertText, from the edit's start or the keyword start.
    After CompleteDone, when the line is not what the edit would give (a NUL where the edit has
    a line break), it removes the word and applies the edit itself, line breaks included.
    """
    item = _items(response)[0]
    rng = _edit_range(item)
    line_start = text.rfind("\n", 0, cursor) + 1
    if rng is not None:
        start = line_start + rng["start"]["character"]
        end = line_start + rng["end"]["character"]
        word = item["textEdit"]["newText"]
        done = text[:start] + word.replace("\n", NUL) + text[cursor:]
        wanted = text[:start] + word + text[end:]
        return wanted if done != wanted else done
    start = _keyword_start(text, cursor)
    word = item.get("insertText") or item["label"]
    return text[:start] + word.replace("\n", NUL) + text[cursor:]


def yegappan(text: str, cursor: int, response: dict[str, Any], *, fix_nul: bool) -> str:
    """yegappan/lsp (autoload/lsp/completion.vim): insertText (or the edit's newText) as the
    word from the keyword start; an InsertReplaceEdit's replace-only tail is deleted after.
    `fix_nul`: the CompleteDone hook of editors/vim turns NUL bytes into line breaks."""
    item = _items(response)[0]
    edit = item.get("textEdit") or {}
    word = item.get("insertText") or edit.get("newText") or item["label"]
    start = _keyword_start(text, cursor)
    tail = 0
    if "replace" in edit and "insert" in edit:
        tail = edit["replace"]["end"]["character"] - edit["insert"]["end"]["character"]
    inserted = word.replace("\n", NUL)
    if fix_nul:
        inserted = inserted.replace(NUL, "\n")
    return text[:start] + inserted + text[cursor + tail :]


def emacs(text: str, cursor: int, response: dict[str, Any]) -> str:
    """Eglot and lsp-mode: the candidate (insertText, else label) replaces the symbol at
    point; on exit a textEdit, when there is one, replaces its own range instead."""
    item = _items(response)[0]
    rng = _edit_range(item)
    if rng is not None:
        line_start = text.rfind("\n", 0, cursor) + 1
        start = line_start + rng["start"]["character"]
        replace = item["textEdit"].get("replace") or rng
        end = line_start + replace["end"]["character"]
        return text[:start] + item["textEdit"]["newText"] + text[end:]
    start = _keyword_start(text, cursor)
    return text[:start] + (item.get("insertText") or item["label"]) + text[cursor:]
