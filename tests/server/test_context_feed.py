"""The server's context feed on its own: recency from the sync notifications, edits, names."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lsprotocol import types

from gitlab_lsp.server.context_feed import ContextFeed
from gitlab_lsp.server.documents import DocumentStore, OpenDocument
from gitlab_lsp.server.recency import Recency
from gitlab_lsp.server.settings import Settings

from .fake_workspace import FakeServer


def _edit(line: int, text: str) -> types.TextDocumentContentChangePartial:
    where = types.Position(line=line, character=0)
    return types.TextDocumentContentChangePartial(
        range=types.Range(start=where, end=where), text=text
    )


def test_recency_orders_documents_and_merges_nearby_edits() -> None:
    recency = Recency()
    for uri in ("a", "b", "c"):
        recency.touch(uri)
    recency.touch("a")
    assert recency.most_recent_first() == ["a", "c", "b"]
    recency.edited("b", 10, "x\n")
    recency.edited("b", 12, "y")  # next to the previous edit: one region
    recency.edited("c", 50, "z")
    assert [(e.uri, e.start_line, e.end_line) for e in recency.latest_edits()] == [
        ("c", 50, 50),
        ("b", 10, 12),
    ]
    recency.forget("b")
    assert [e.uri for e in recency.latest_edits()] == ["c"]


def test_the_feed_sends_recent_documents_first_and_their_edits(tmp_path: Path) -> None:
    store = DocumentStore()
    lines = "".join(f"value_{i} = {i}\n" for i in range(30))
    uris = {name: (tmp_path / name).as_uri() for name in ("a.py", "b.py", "c.py", "main.py")}
    for name in ("a.py", "b.py", "c.py"):
        store.open(uris[name], "python", 1, f"# {name}\n" + lines)
    store.change(uris["a.py"], 2, [_edit(20, "edited_here = 1\n")])
    main = store.open(uris["main.py"], "python", 1, "import os\n\nprint(value_1)\n")
    feed = ContextFeed(FakeServer(tmp_path), store)  # type: ignore[arg-type]
    settings = Settings()
    assert feed.file_name(main, settings) == "main.py"
    items = feed.items(main, len(main.text), settings)
    tabs = [i.name for i in items if i.type == "file"]
    assert tabs == ["a.py", "c.py", "b.py"]
    # A file sent whole carries its edit; with open tabs off the edited region goes alone.
    assert "edited_here = 1" in next(i.content for i in items if i.name == "a.py")
    no_tabs = dataclasses.replace(settings, open_tabs_context=False)
    edits = [
        i
        for i in feed.items(main, len(main.text), no_tabs)
        if i.resolution_strategy == "recent_edits"
    ]
    assert [i.name for i in edits] == ["a.py"] and "edited_here = 1" in edits[0].content
    store.close(uris["a.py"])
    assert "a.py" not in {i.name for i in feed.items(main, len(main.text), settings)}


def test_a_request_decodes_no_document_it_cannot_send(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every open document is handed to the context of each request; those outside the
    workspace are never sent, so their text is not decoded (with 50 big files open that was
    milliseconds per request, and a decoded copy of each kept in memory)."""
    workspace = tmp_path / "ws"
    workspace.mkdir()
    store = DocumentStore()
    outside = [(tmp_path / f"other{i}.py").as_uri() for i in range(3)]
    for uri in outside:
        store.open(uri, "python", 1, "value = 1\n" * 50)
    inside = store.open((workspace / "util.py").as_uri(), "python", 1, "def helper():\n    pass\n")
    main = store.open((workspace / "main.py").as_uri(), "python", 1, "import os\n\nhelper(")
    reads: list[str] = []
    real = OpenDocument.text

    def counted(self: OpenDocument) -> str:
        reads.append(self.uri)
        return real.fget(self)  # type: ignore[attr-defined, no-any-return]

    monkeypatch.setattr(OpenDocument, "text", property(counted))
    items = ContextFeed(FakeServer(workspace), store).items(main, 20, Settings())  # type: ignore[arg-type]
    assert inside.uri in reads and "util.py" in {i.name for i in items}
    assert not set(reads) & set(outside)
