"""The LSP items a suggestion becomes: inline completion items and completion items.

One place decides their shape, because each client inserts a different part of an item:

- Inline items (`textDocument/inlineCompletion`): `insertText` is the suggestion, `range` is
  the cursor, or the cursor up to the end of the text after it that the suggestion replaces.
  The accept command carries the tracking id and the 1-based option index, as GitLab's own
  server does (its telemetry counts options from 1).
- Completion items (`textDocument/completion`): `insertText` holds the whole suggestion,
  preceded by the word already typed before the cursor (clients replace that word with the
  item: "retu" + "rn x" is offered as "return x"), and `data: {index, trackingId}` is what
  GitLab's Neovim plugin reads when an item is completed. The accept command carries the
  tracking id only, as GitLab's server sends it for completion items.
  A `textEdit` is added only where `insertText` cannot do the job: to replace text after the
  cursor, or to keep line breaks in Vim clients (vim-lsp re-applies a text edit after Vim's
  completion inserted the word, so the lines come out right, where a bare multi-line
  `insertText` leaves NUL bytes). Neovim never gets one: its omnifunc and
  `vim.lsp.completion` (0.11) insert only the first word of a plain-text edit, but all of
  `insertText` (GitLab's plugin turns the NUL bytes back into line breaks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lsprotocol import types

from gitlab_lsp.server.streaming import START_STREAMING_COMMAND
from gitlab_lsp.server.telemetry import ACCEPTED_COMMAND
from intent.positions import utf16_units

DETAIL = "GitLab Duo Code Suggestions"
LABEL_WIDTH = 60
#: The identifier the cursor is in (searched for in the last 200 characters only).
_WORD_BEFORE_CURSOR = re.compile(r"\w+\Z")
#: `clientInfo.name` of clients whose completion inserts only the first word of a text edit.
_FIRST_WORD_OF_EDITS = frozenset({"neovim", "nvim", "gitlab.vim"})


@dataclass(frozen=True)
class Choice:
    """One suggestion to show: its final text and, optionally, the range after the cursor
    (same line or later) whose text it replaces (e.g. a closing bracket it also writes)."""

    text: str
    replace: types.Range | None = None


@dataclass(frozen=True)
class Where:
    """Where the items go: the cursor and the text before it on its line."""

    position: types.Position
    line_before_cursor: str
    language_id: str


@dataclass(frozen=True)
class ClientTraits:
    """What the client does with completion items, from `initialize`."""

    edits_keep_first_word_only: bool = False
    insert_replace: bool = False

    @classmethod
    def of(cls, params: types.InitializeParams | None) -> ClientTraits:
        if params is None:
            return cls()
        name = (params.client_info.name if params.client_info else "") or ""
        text_document = params.capabilities.text_document
        completion = text_document.completion if text_document else None
        item = completion.completion_item if completion else None
        return cls(
            edits_keep_first_word_only=name.strip().lower() in _FIRST_WORD_OF_EDITS,
            insert_replace=bool(item and item.insert_replace_support),
        )


def as_choices(choices: Sequence[str | Choice]) -> list[Choice]:
    return [c if isinstance(c, Choice) else Choice(c) for c in choices]


def accept_command(tracking_id: str, option: int | None) -> types.Command:
    arguments: list[object] = [tracking_id] if option is None else [tracking_id, option]
    return types.Command(title="Accept suggestion", command=ACCEPTED_COMMAND, arguments=arguments)


def inline_items(
    choices: Sequence[str | Choice], where: Where, tracking_id: str, *, telemetry: bool
) -> types.InlineCompletionList:
    items = []
    for index, choice in enumerate(as_choices(choices)):
        end = choice.replace.end if choice.replace is not None else where.position
        items.append(
            types.InlineCompletionItem(
                insert_text=choice.text,
                range=types.Range(start=where.position, end=end),
                command=accept_command(tracking_id, index + 1) if telemetry else None,
            )
        )
    return types.InlineCompletionList(items=items)


def streaming_item(where: Where, stream_id: str, tracking_id: str) -> types.InlineCompletionList:
    """The empty item that tells GitLab's plugins to follow `streamingCompletionResponse`."""
    command = types.Command(
        title="Start streaming", command=START_STREAMING_COMMAND, arguments=[stream_id, tracking_id]
    )
    here = types.Range(start=where.position, end=where.position)
    return types.InlineCompletionList(
        items=[types.InlineCompletionItem(insert_text="", range=here, command=command)]
    )


def completion_items(
    choices: Sequence[str | Choice],
    where: Where,
    tracking_id: str,
    *,
    telemetry: bool,
    client: ClientTraits = ClientTraits(),
) -> types.CompletionList:
    word = _WORD_BEFORE_CURSOR.search(where.line_before_cursor[-200:])
    typed = word.group() if word else ""
    start = types.Position(
        line=where.position.line, character=where.position.character - utf16_units(typed)
    )
    items = []
    for index, choice in enumerate(as_choices(choices)):
        text = typed + choice.text
        items.append(
            types.CompletionItem(
                label=_label(text),
                kind=types.CompletionItemKind.Text,
                detail=DETAIL,
                documentation=types.MarkupContent(
                    kind=types.MarkupKind.Markdown,
                    value=f"```{where.language_id}\n{choice.text}\n```",
                ),
                sort_text=f"{index:02d}",
                filter_text=text,
                insert_text=text,
                insert_text_format=types.InsertTextFormat.PlainText,
                text_edit=_edit(text, start, where.position, choice, client),
                data={"index": index, "trackingId": tracking_id},
                command=accept_command(tracking_id, None) if telemetry else None,
            )
        )
    # Incomplete: the editor asks again as the user types, and the cache answers.
    return types.CompletionList(is_incomplete=True, items=items)


def _edit(
    text: str,
    start: types.Position,
    cursor: types.Position,
    choice: Choice,
    client: ClientTraits,
) -> types.TextEdit | types.InsertReplaceEdit | None:
    if client.edits_keep_first_word_only:
        return None
    if choice.replace is None:
        if "\n" not in text:
            return None
        return types.TextEdit(range=types.Range(start=start, end=cursor), new_text=text)
    if choice.replace.end.line != cursor.line:
        # A completion item's edit must stay on the cursor's line: insert, replace nothing.
        return None
    replaced = types.Range(start=start, end=choice.replace.end)
    if client.insert_replace:
        return types.InsertReplaceEdit(
            new_text=text, insert=types.Range(start=start, end=cursor), replace=replaced
        )
    return types.TextEdit(range=replaced, new_text=text)


def _label(choice: str) -> str:
    first = choice.strip().split("\n", 1)[0].strip()
    multi = "\n" in choice.strip()
    if len(first) > LABEL_WIDTH:
        return first[: LABEL_WIDTH - 1] + "…"
    return first + (" …" if multi else "")
