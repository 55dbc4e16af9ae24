"""The context index of an open document lives as long as its syntax tree: only documents in
use (`intent.tree_budget`) keep one, and no request builds one."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest
from lsprotocol import types

import gitlab_lsp.sdk.context.builder as builder_module
from gitlab_lsp.server.context_feed import ContextFeed
from gitlab_lsp.server.documents import DocumentStore, OpenDocument
from gitlab_lsp.server.settings import Settings
from intent.tree_budget import TREE_BYTES_PER_BYTE

from .fake_workspace import FakeServer

SOURCE = "".join(f"def helper_{i}(value):\n    return value + {i}\n\n\n" for i in range(40))


async def _focus(store: DocumentStore, feed: ContextFeed, uri: str, settings: Settings) -> None:
    """What the server does when the editor shows a document: parse it, warm its context."""
    opened = store.focus(uri)
    assert opened is not None
    feed.warm_later(opened, settings)
    await _settled(feed)


async def _settled(feed: ContextFeed) -> None:
    for _ in range(1_000):
        await asyncio.sleep(0)
        if not feed._warming:
            return
    raise AssertionError("the warm-up did not finish")


def _open_four(tmp_path: Path) -> tuple[DocumentStore, ContextFeed, list[str]]:
    # Room for the trees of two of the four documents (and a few edits).
    store = DocumentStore(tree_budget_bytes=5 * len(SOURCE.encode()) * TREE_BYTES_PER_BYTE // 2)
    uris = []
    for i in range(4):
        path = tmp_path / f"m{i}.py"
        path.write_text(SOURCE)
        uris.append(path.as_uri())
        store.open(uris[-1], "python", 1, SOURCE)
    return store, ContextFeed(FakeServer(tmp_path), store), uris  # type: ignore[arg-type]


def _path(uri: str) -> str:
    return uri.removeprefix("file://")


async def test_only_the_documents_in_use_keep_a_context_index(tmp_path: Path) -> None:
    store, feed, uris = _open_four(tmp_path)
    settings = Settings()
    for uri in uris:  # the user looks at each in turn
        await _focus(store, feed, uri, settings)
    in_use = {_path(u) for u in uris if store.in_use(u)}
    assert in_use == {_path(uris[2]), _path(uris[3])}
    assert feed.indexes.open_paths() == in_use
    # Back to the first: it is indexed again at focus, the least recently used one dropped.
    await _focus(store, feed, uris[0], settings)
    assert feed.indexes.open_paths() == {_path(uris[3]), _path(uris[0])}
    store.close(uris[0])
    assert feed.indexes.open_paths() == {_path(uris[3])}


async def test_a_request_indexes_no_open_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An open document in use but not indexed yet (just edited) is left to the warm-up the
    request schedules; one not in use is never indexed; the current one always is."""
    store, feed, uris = _open_four(tmp_path)
    settings = Settings()
    for uri in uris:
        await _focus(store, feed, uri, settings)
    where = types.Position(line=0, character=0)
    edit = types.TextDocumentContentChangePartial(
        range=types.Range(start=where, end=where), text="# edited\n"
    )
    store.change(uris[2], 2, [edit])  # in use; its index is for the old version now
    indexed: list[int] = []
    real = builder_module.build_index

    def counted(language: str, tree: object, data: bytes) -> object:
        indexed.append(len(data))
        return real(language, tree, data)  # type: ignore[arg-type]

    monkeypatch.setattr(builder_module, "build_index", counted)
    current = store.get(uris[3])
    assert isinstance(current, OpenDocument)
    items = feed.items(current, len(SOURCE) - 1, settings)
    assert indexed == []  # the current document's index was built at focus
    assert items
    assert feed.builder(settings).deferred  # it left one to the warm-up
    await _settled(feed)  # the request scheduled the edited document's index
    assert indexed == [len(SOURCE) + len("# edited\n")]
    assert feed.indexes.open_paths() == {_path(uris[2]), _path(uris[3])}


async def test_snippets_are_cut_from_the_documents_tree_not_a_second_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index keeps no tree of its own beyond a small budget; an open document in use holds
    its tree anyway, and the warm-up quotes its definitions from that tree (parsing the file
    again cost the time of a parse, and its memory, for each document in use)."""
    import gitlab_lsp.sdk.context.index as index_module

    parsed: list[str] = []
    real = index_module._parse_again

    def counted(index: index_module.FileIndex) -> object:
        parsed.append(index.language)
        return real(index)

    monkeypatch.setattr(index_module, "_parse_again", counted)
    store, feed, uris = _open_four(tmp_path)
    feed.indexes.tree_budget_bytes = 0  # indexes other than the newest drop their trees
    # Room for the definitions, not for whole files (a file sent whole needs no excerpt).
    completion = dataclasses.replace(
        Settings().code_completion, context_budget_bytes=len(SOURCE) + 600
    )
    settings = dataclasses.replace(Settings(), code_completion=completion)
    for uri in uris[2:]:
        await _focus(store, feed, uri, settings)
    end = types.Position(line=SOURCE.count("\n"), character=0)
    typed = types.TextDocumentContentChangePartial(
        range=types.Range(start=end, end=end), text="helper_7("
    )
    current = store.change(uris[3], 2, [typed])
    assert current is not None
    items = feed.items(current, len(current.text), settings)
    assert any(i.type == "snippet" and "def helper_7(" in i.content for i in items)
    assert parsed == []
