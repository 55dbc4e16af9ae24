"""`FrameReader` on its own: the same frames whatever the chunking, junk skipped and reported
once, oversized bodies skipped without being held."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gitlab_lsp.server.framing import Frame, FrameReader, Junk

BODIES = [b'{"a": 1}', b"{}", b'{"text": "' + b"y" * 300 + b'"}']


def stream(*parts: bytes) -> bytes:
    return b"".join(parts)


def framed(body: bytes, name: bytes = b"Content-Length") -> bytes:
    return (
        name
        + b": %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" % (len(body))
        + body
    )


async def read_all(data: bytes, cuts: list[int], **limits: int) -> list[Frame | Junk]:
    chunks = []
    start = 0
    for cut in sorted(c % (len(data) + 1) for c in cuts):
        chunks.append(data[start:cut])
        start = cut
    chunks.append(data[start:])
    chunks = [c for c in chunks if c]

    async def read(_n: int) -> bytes:
        return chunks.pop(0) if chunks else b""

    reader = FrameReader(read, **limits)
    items: list[Frame | Junk] = []
    while (item := await reader.next()) is not None:
        items.append(item)
    return items


@given(st.lists(st.integers(min_value=0), max_size=12))
async def test_any_chunking_yields_the_same_frames(cuts: list[int]) -> None:
    data = stream(framed(BODIES[0], b"content-length"), framed(BODIES[1]), framed(BODIES[2]))
    assert await read_all(data, cuts) == [Frame(b) for b in BODIES]


@given(st.lists(st.integers(min_value=0), max_size=12))
async def test_junk_is_reported_once_per_run_and_skipped(cuts: list[int]) -> None:
    data = stream(
        b"Z" * 5000 + b"\r\n", b"junk\r\n\r\n", framed(BODIES[0]), b"\r\n\r\n", framed(BODIES[1])
    )
    items = await read_all(data, cuts, max_header=1024)
    frames = [item for item in items if isinstance(item, Frame)]
    assert frames == [Frame(BODIES[0]), Frame(BODIES[1])]
    assert isinstance(items[0], Junk)
    assert sum(isinstance(item, Junk) for item in items) == 2  # one before each good frame


async def test_an_oversized_body_is_skipped_and_the_next_one_read() -> None:
    data = stream(framed(b"[" + b"1," * 5000 + b"1]"), framed(BODIES[0]))
    items = await read_all(data, [100, 7000], max_body=1000)
    assert isinstance(items[0], Junk) and "larger than 1000" in items[0].reason
    assert items[1:] == [Frame(BODIES[0])]


async def test_a_truncated_message_at_the_end_is_reported() -> None:
    items = await read_all(framed(BODIES[0]) + b"Content-Length: 50\r\n\r\n{", [])
    assert items[0] == Frame(BODIES[0])
    assert isinstance(items[1], Junk) and "middle of a message" in items[1].reason


async def test_junk_running_into_the_end_of_the_stream_is_reported_once() -> None:
    items = await read_all(b"X" * 100_000 + b"\r\n", [70_000], max_header=1024)
    assert len(items) == 1 and isinstance(items[0], Junk)
