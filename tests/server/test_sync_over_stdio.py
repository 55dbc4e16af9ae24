"""Incremental sync through the real server: random `didChange` sequences over stdio.

The server's text is compared with the reference model of test_documents.py through
`gitlab-lsp/documentState` (version, length and SHA-256 of the text the server holds).
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from lsprotocol import types
from pytest_lsp import LanguageClient, make_test_lsp_client

from .session import SERVER_COMMAND, SERVER_ENV, inline_capabilities
from .test_documents import edits, reference_apply, texts

Edit = tuple[str, tuple[int, int], tuple[int, int], bool]


@pytest.fixture
def server() -> Iterator[tuple[asyncio.AbstractEventLoop, LanguageClient]]:
    """One server for all the examples, driven from a private event loop (hypothesis is sync)."""
    loop = asyncio.new_event_loop()
    client = make_test_lsp_client()
    loop.run_until_complete(client.start_io(*SERVER_COMMAND, env=SERVER_ENV))
    loop.run_until_complete(
        client.initialize_session(types.InitializeParams(capabilities=inline_capabilities()))
    )
    yield loop, client
    loop.run_until_complete(client.shutdown_session())
    loop.run_until_complete(client.stop())
    loop.close()


def test_server_text_over_stdio_equals_reference_model(
    server: tuple[asyncio.AbstractEventLoop, LanguageClient],
) -> None:
    loop, client = server
    uris = (f"file:///sync/doc{i}.py" for i in itertools.count())

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(initial=texts, changes=edits)
    def check(initial: str, changes: list[Edit]) -> None:
        uri = next(uris)
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="python", version=1, text=initial
                )
            )
        )
        model = initial
        for version, (new, start, end, full) in enumerate(changes, start=2):
            change: types.TextDocumentContentChangeEvent
            if full:
                change = types.TextDocumentContentChangeWholeDocument(text=new)
                model = new
            else:
                change = types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=start[0], character=start[1]),
                        end=types.Position(line=end[0], character=end[1]),
                    ),
                    text=new,
                )
                model = reference_apply(model, new, start, end)
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[change],
                )
            )
        state = loop.run_until_complete(
            asyncio.wait_for(
                client.protocol.send_request_async("gitlab-lsp/documentState", {"uri": uri}), 10
            )
        )
        data = model.encode("utf-8", errors="surrogatepass")
        assert state.version == len(changes) + 1
        assert state.length == len(data)
        assert state.sha256 == hashlib.sha256(data).hexdigest()
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )

    check()


def test_document_state_of_a_document_never_opened_is_null(
    server: tuple[asyncio.AbstractEventLoop, LanguageClient],
) -> None:
    loop, client = server
    state = loop.run_until_complete(
        client.protocol.send_request_async("gitlab-lsp/documentState", {"uri": "file:///none.py"})
    )
    assert state is None
