"""Bad input gets an error answer or an empty result, never a crash or a hang."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from gitlab_lsp.server.pygls_compat import pending_requests

from .session import PY_TEXT, PY_URI, Session, end_of

pytestmark = pytest.mark.asyncio


def send_raw(session: Session, body: bytes) -> None:
    """Write one framed message as it is, bypassing the client's serialisation."""
    writer = session.client.protocol.writer
    assert writer is not None
    writer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)  # type: ignore[union-attr]


def expect_answer(session: Session, msg_id: int) -> asyncio.Future[object]:
    """A future for the answer to a request written with `send_raw`."""
    future: concurrent.futures.Future[object] = concurrent.futures.Future()
    pending_requests(session.client.protocol)[msg_id] = future
    return asyncio.wrap_future(future)


async def still_answers(session: Session) -> None:
    """The server is alive and answering in order after whatever came before."""
    result = await asyncio.wait_for(session.inline(end_of(PY_TEXT)), 10)
    assert result is not None and result.items


async def test_malformed_json_is_answered_with_a_parse_error(session: Session) -> None:
    await session.start()
    session.open()
    send_raw(session, b'{"jsonrpc": "2.0", "id": 99, "method": ')
    send_raw(session, b"\xff\xfe not even utf-8")
    await still_answers(session)


async def test_invalid_params_are_answered_not_dropped(session: Session) -> None:
    await session.start()
    session.open()
    answer = expect_answer(session, 77)
    body = {
        "jsonrpc": "2.0",
        "id": 77,
        "method": types.TEXT_DOCUMENT_INLINE_COMPLETION,
        "params": {"textDocument": 3, "position": "here"},
    }
    send_raw(session, json.dumps(body).encode())
    with pytest.raises(JsonRpcException) as info:
        await asyncio.wait_for(answer, 10)
    assert info.value.code == -32602  # InvalidParams
    await still_answers(session)


async def test_unknown_methods(session: Session) -> None:
    await session.start()
    session.open()
    with pytest.raises(JsonRpcException) as info:
        await asyncio.wait_for(
            session.client.protocol.send_request_async("gitlab/noSuchThing", {"a": 1}), 10
        )
    assert info.value.code == -32601  # MethodNotFound
    session.client.protocol.notify("$/gitlab/noSuchNotification", {"a": 1})
    await still_answers(session)


async def test_documents_never_opened_get_an_empty_result(session: Session) -> None:
    await session.start()
    result = await session.inline(types.Position(line=0, character=0), uri="file:///nowhere.py")
    assert result is None or not result.items
    completion = await session.client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri="file:///nowhere.py"),
            position=types.Position(line=0, character=0),
        )
    )
    assert completion is None or not getattr(completion, "items", completion)
    session.client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(
                uri="file:///nowhere.py", version=2
            ),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="x")],
        )
    )
    session.client.text_document_did_close(
        types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri="file:///nowhere.py")
        )
    )
    session.open()
    await still_answers(session)


async def test_out_of_range_positions_are_clamped(session: Session) -> None:
    await session.start()
    session.open()
    # Far past the last line: the end of the document, where a suggestion makes sense.
    result = await session.inline(types.Position(line=10_000, character=10_000))
    assert result is not None and result.items
    assert result.items[0].range is not None
    assert result.items[0].range.start == end_of(PY_TEXT)
    # An edit with an out-of-range range appends at the end, as LSP clamps it.
    session.type_at(PY_URI, types.Position(line=500, character=3), "[4", version=2)
    result = await session.inline(end_of(PY_TEXT + "[4"))
    assert result is None or isinstance(result, types.InlineCompletionList)


async def test_a_5mb_document(session: Session) -> None:
    await session.start()
    body = "def f{0}(x):\n    return x + {0}\n\n"
    text = "".join(body.format(i) for i in range(170_000))[:5_000_000] + "\ndef total(items):\n    "
    assert len(text) >= 5_000_000
    session.open(uri="file:///work/big.py", text=text)
    session.type_at("file:///work/big.py", end_of(text), "return ", version=2)
    result = await asyncio.wait_for(
        session.inline(end_of(text + "return "), uri="file:///work/big.py"), 30
    )
    assert result is None or isinstance(result, types.InlineCompletionList)
    session.open()
    await still_answers(session)


async def test_requests_before_initialize_do_not_hang(session: Session) -> None:
    answer = expect_answer(session, 31337)
    body = json.dumps({"jsonrpc": "2.0", "id": 31337, "method": "gitlab/unknown", "params": {}})
    send_raw(session, body.encode())
    with pytest.raises(JsonRpcException):
        await asyncio.wait_for(answer, 10)
    await session.start()
    session.open()
    await still_answers(session)
