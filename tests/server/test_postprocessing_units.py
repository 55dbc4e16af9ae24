"""Post-processing at the server's seams, without a subprocess: streams and contexts."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

import intent
from gitlab_lsp.server import postprocessing
from gitlab_lsp.server.documents import OpenDocument
from gitlab_lsp.server.streaming import StreamManager
from gitlab_lsp.server.suggestions import Context

TEXT = "import os\n\n\ndef load(path):\n    data = open(path).read()\n    \n    return data\n"


class FakeProtocol:
    def __init__(self) -> None:
        self.writer = object()
        self.sent: list[dict[str, Any]] = []

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.sent.append(params)


class FakeServer:
    def __init__(self) -> None:
        self.protocol = FakeProtocol()


def context(line: int = 5, character: int = 4) -> Context:
    opened = OpenDocument(
        uri="file:///a.py",
        language_id="python",
        file_name="a.py",
        version=1,
        doc=intent.Document(TEXT, language_id="python", filename="a.py"),
    )
    return Context.of(opened, line, character)


async def run_stream(chunks: list[str], finish: Any) -> list[dict[str, Any]]:
    server = FakeServer()
    streams = StreamManager(server)  # type: ignore[arg-type]

    async def source() -> AsyncIterator[str]:
        for chunk in chunks:
            yield chunk

    streams.start("s1", "file:///a.py", source, finish)
    sent = server.protocol.sent
    while not (sent and sent[-1]["done"]):  # every stream ends with exactly one done: true
        await asyncio.sleep(0)
    return server.protocol.sent


@pytest.mark.asyncio
async def test_every_streamed_text_so_far_is_post_processed() -> None:
    chunks = ["```python\n", "if not data:\n", "    raise ValueError(path)\n", "```\n"]
    sent = await run_stream(chunks, postprocessing.stream_finisher(context()))
    texts = [s["completion"] for s in sent]
    assert all("```" not in t for t in texts), texts
    assert sent[-1]["done"] is True
    assert texts[-1] == "if not data:\n        raise ValueError(path)"


@pytest.mark.asyncio
async def test_a_stream_without_post_processing_is_sent_raw() -> None:
    sent = await run_stream(["```\n", "x = 1\n"], None)
    assert sent[-1]["completion"] == "```\nx = 1\n"


@pytest.mark.asyncio
async def test_a_failing_finisher_sends_the_raw_text() -> None:
    def broken(text: str) -> str:
        raise RuntimeError("boom")

    sent = await run_stream(["x = 1"], broken)
    assert [s["completion"] for s in sent] == ["x = 1", "x = 1"]


def test_fit_drops_empty_choices_and_merges_duplicates() -> None:
    ctx = context()
    fitted = postprocessing.fit(ctx, ["return data", "x = 1  ", "x = 1"], scope="block")
    # `return data` only repeats the next line: nothing is left of it
    assert [f.text for f in fitted] == ["x = 1"]


def test_fit_uses_the_document_only_while_it_is_current() -> None:
    ctx = context()
    ctx.opened.version = 2  # the user typed since the request began
    fitted = postprocessing.fit(ctx, ["y = 2"], scope="block")
    assert [f.text for f in fitted] == ["y = 2"]


def test_a_replace_range_reaches_the_items() -> None:
    from lsprotocol import types

    from gitlab_lsp.server import items
    from gitlab_lsp.server.suggestions import Outcome

    text = "import os\n\n\ndef load(path):\n    return f()\n"
    opened = OpenDocument(
        uri="file:///a.py",
        language_id="python",
        file_name="a.py",
        version=1,
        doc=intent.Document(text, language_id="python", filename="a.py"),
    )
    ctx = Context.of(opened, 4, 13)  # between `f(` and `)`
    fitted = postprocessing.fit(ctx, ["path) + 1"], scope=None)
    assert [(f.text, f.replace_chars) for f in fitted] == [("path) + 1", 1)]
    outcome = Outcome(("path) + 1",), "t", replace=(1,))
    where = items.Where(ctx.position, "    return f(", "python")
    [item] = items.inline_items(outcome.fitted(ctx), where, "t", telemetry=False).items
    assert item.range == types.Range(
        start=types.Position(line=4, character=13), end=types.Position(line=4, character=14)
    )
