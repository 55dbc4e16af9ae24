"""Post-processing in the server: what the editor is offered inserts cleanly.

The mock's model answers `total_price(` with its arguments and the closing `)`: with the
cursor before an existing `))` that is the doubled-bracket case of every code assistant.
"""

from __future__ import annotations

import pytest
from lsprotocol import types

from .session import PY_TEXT, PY_URI, Session, end_of, upstream_calls

pytestmark = pytest.mark.asyncio

DOUBLED = PY_TEXT + "))\n"


def accept(text: str, position: types.Position, item: types.InlineCompletionItem) -> str:
    """The document after a client inserts `item` over its range (as VS Code does)."""
    lines = text.split("\n")
    assert item.range is not None
    start, end = item.range.start, item.range.end
    assert start == position and end.line == position.line
    line = lines[position.line]
    insert = item.insert_text if isinstance(item.insert_text, str) else item.insert_text.value
    lines[position.line] = line[: start.character] + insert + line[end.character :]
    return "\n".join(lines)


async def test_the_doubled_bracket_is_not_offered(session: Session) -> None:
    await session.start()
    session.open(text=DOUBLED)
    here = end_of(PY_TEXT)
    result = await session.inline(here)
    assert result is not None and result.items
    item = result.items[0]
    document = accept(DOUBLED, here, item)
    last = document.split("\n")[-2]
    assert last.startswith("print(total_price(") and last.count("(") == last.count(")"), last


async def test_raw_answers_with_post_processing_off(session: Session) -> None:
    await session.start(codeCompletion={"postProcessing": False})
    session.open(text=DOUBLED)
    here = end_of(PY_TEXT)
    result = await session.inline(here)
    assert result is not None and result.items
    document = accept(DOUBLED, here, result.items[0])
    last = document.split("\n")[-2]
    assert last.count(")") == last.count("(") + 1, last  # the raw answer doubles the `)`


async def test_completion_items_insert_cleanly_too(session: Session) -> None:
    from pytest_lsp import client_capabilities

    await session.start(capabilities=client_capabilities("neovim@v0.10.0"))
    session.open(text=DOUBLED)
    here = end_of(PY_TEXT)
    result = await session.client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=PY_URI),
            position=here,
            context=types.CompletionContext(trigger_kind=types.CompletionTriggerKind.Invoked),
        )
    )
    assert isinstance(result, types.CompletionList) and result.items
    item = result.items[0]
    line = DOUBLED.split("\n")[here.line]
    if isinstance(item.text_edit, types.TextEdit):  # the edit covers what it replaces
        edit = item.text_edit
        after = (
            line[: edit.range.start.character] + edit.new_text + line[edit.range.end.character :]
        )
    else:  # no edit: insertText goes in at the cursor (no word is typed before it here)
        assert item.insert_text is not None
        after = line[: here.character] + item.insert_text + line[here.character :]
    assert after.count("(") == after.count(")"), after


MID_LINE = PY_TEXT + "[9]) + 1\n"


async def test_mid_line_request_before_punctuation(session: Session) -> None:
    await session.start()
    session.open(text=MID_LINE)
    session.mock.control.clear_requests()
    await session.inline(end_of(PY_TEXT))
    assert len(upstream_calls(session.mock)) == 1  # before `[`: the overlap is handled


async def test_no_mid_line_request_with_post_processing_off(session: Session) -> None:
    await session.start(codeCompletion={"postProcessing": False})
    session.open(text=MID_LINE)
    session.mock.control.clear_requests()
    assert not await session.inline(end_of(PY_TEXT))
    assert upstream_calls(session.mock) == []


async def test_the_cache_serves_the_fitted_rest_while_typing(session: Session) -> None:
    await session.start()
    session.open(text=DOUBLED)
    here = end_of(PY_TEXT)
    first = await session.inline(here)
    assert first is not None and first.items
    shown = first.items[0].insert_text
    assert isinstance(shown, str) and len(shown) > 1
    # The user types the suggestion's first character: the rest comes from the cache.
    session.type_at(PY_URI, here, shown[0], version=2)
    after = types.Position(line=here.line, character=here.character + 1)
    typed = DOUBLED.split("\n")
    typed[here.line] = (
        typed[here.line][: here.character] + shown[0] + typed[here.line][here.character :]
    )
    result = await session.inline(after)
    assert result is not None and result.items
    stats = await session.client.protocol.send_request_async("gitlab-lsp/stats", None)
    assert getattr(stats, "cacheHits", None) == 1
    document = accept("\n".join(typed), after, result.items[0])
    last = document.split("\n")[-2]
    assert last.count("(") == last.count(")"), last
