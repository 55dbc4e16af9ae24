"""server/items.py with a replace range (text after the cursor the suggestion rewrites), fed
to each client's insertion model: what ends up in the buffer."""

from __future__ import annotations

from typing import Any

import pytest
from lsprotocol import types
from pygls.protocol import default_converter

from gitlab_lsp.server import items

from . import client_models as insert

LINE = "    print(greet())"
CURSOR = len("    print(greet(")
#: The suggestion writes the closing bracket itself: it replaces the one after the cursor.
CHOICE = items.Choice(
    '"world")',
    replace=types.Range(
        start=types.Position(line=0, character=CURSOR),
        end=types.Position(line=0, character=CURSOR + 1),
    ),
)
WANTED = '    print(greet("world"))'
WHERE = items.Where(types.Position(line=0, character=CURSOR), LINE[:CURSOR], "python")


def as_json(value: Any) -> dict[str, Any]:
    result: dict[str, Any] = default_converter().unstructure(value)
    return {"result": result}


@pytest.mark.parametrize(
    ("traits", "model"),
    [
        (items.ClientTraits(), insert.emacs),
        (items.ClientTraits(insert_replace=True), insert.emacs),
        (items.ClientTraits(), insert.vim_lsp),
        (
            items.ClientTraits(insert_replace=True),
            lambda t, c, r: insert.yegappan(t, c, r, fix_nul=True),
        ),
    ],
)
def test_a_replace_range_is_applied_by_clients_that_take_edits(traits: Any, model: Any) -> None:
    built = items.completion_items([CHOICE], WHERE, "t1", telemetry=True, client=traits)
    assert model(LINE, CURSOR, as_json(built)) == WANTED


def test_inline_items_cover_the_replaced_text() -> None:
    built = items.inline_items([CHOICE], WHERE, "t1", telemetry=True)
    assert insert.inline_over_range(LINE, CURSOR, as_json(built)) == WANTED
    assert built.items[0].command is not None
    assert built.items[0].command.arguments == ["t1", 1]


def test_neovim_gets_no_edit_and_inserts_the_whole_text() -> None:
    """Neovim would keep the first word of an edit; without one it inserts all the text
    before the bracket it cannot remove (a known limit of its menu)."""
    traits = items.ClientTraits(edits_keep_first_word_only=True)
    built = items.completion_items([CHOICE], WHERE, "t1", telemetry=False, client=traits)
    item = built.items[0]
    assert item.text_edit is None and item.command is None
    assert item.data == {"index": 0, "trackingId": "t1"}
    assert insert.neovim_011(LINE, CURSOR, as_json(built)) == '    print(greet("world")))'


def test_client_traits_from_initialize() -> None:
    caps = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            completion=types.CompletionClientCapabilities(
                completion_item=types.ClientCompletionItemOptions(insert_replace_support=True)
            )
        )
    )
    params = types.InitializeParams(
        capabilities=caps, client_info=types.ClientInfo(name="gitlab.vim", version="1.1.0")
    )
    assert items.ClientTraits.of(params) == items.ClientTraits(True, True)
    assert items.ClientTraits.of(None) == items.ClientTraits()
