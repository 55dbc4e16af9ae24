"""Incremental sync: after any sequence of edits, the server's text equals a reference model's.

The reference model is deliberately naive (a list of lines, rebuilt on every edit) and follows
the LSP rules on its own: UTF-16 columns, LF / CRLF / CR line breaks, and positions past the
end of a line or of the document clamped to that end. A column inside a surrogate pair, which
LSP leaves undefined, means the start of that character.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types

from gitlab_lsp.server.documents import DocumentStore, file_name_of
from intent.positions import clamp, offset_at

URI = "file:///work/project/module.py"
_BREAK = re.compile(r"\r\n|\r|\n")


def reference_index(text: str, line: int, character: int) -> int:
    """Index in `text` of an LSP position, computed from a plain list of lines."""
    pieces = _BREAK.split(text)
    breaks = [m.group() for m in _BREAK.finditer(text)]
    if line >= len(pieces):
        return len(text)
    index = sum(len(p) + len(b) for p, b in zip(pieces[:line], breaks, strict=False))
    units = 0
    for char in pieces[line]:
        units += 2 if ord(char) > 0xFFFF else 1
        if units > character:  # inside a surrogate pair: the character's start
            return index
        index += 1
    return index


def reference_apply(text: str, new: str, start: tuple[int, int], end: tuple[int, int]) -> str:
    a, b = reference_index(text, *start), reference_index(text, *end)
    a, b = min(a, b), max(a, b)
    return text[:a] + new + text[b:]


alphabet = st.sampled_from(["a", "b", " ", "\n", "\r\n", "\r", "\t", "é", "😀", "(", ")", "#"])
texts = st.lists(alphabet, max_size=40).map("".join)
positions = st.tuples(st.integers(0, 8), st.integers(0, 12))
edits = st.lists(st.tuples(texts, positions, positions, st.booleans()), max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(initial=texts, changes=edits)
def test_server_text_equals_reference_model(
    initial: str, changes: list[tuple[str, tuple[int, int], tuple[int, int], bool]]
) -> None:
    store = DocumentStore()
    store.open(URI, "python", 1, initial)
    model = initial
    for version, (new, start, end, full) in enumerate(changes, start=2):
        if full:
            change: types.TextDocumentContentChangeEvent = (
                types.TextDocumentContentChangeWholeDocument(text=new)
            )
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
        opened = store.change(URI, version, [change])
        assert opened is not None
        assert opened.text == model
        assert opened.version == version


@settings(max_examples=200, deadline=None)
@given(text=texts, line=st.integers(0, 8), character=st.integers(0, 12))
def test_offsets_agree_with_reference(text: str, line: int, character: int) -> None:
    assert offset_at(text, line, character) == reference_index(text, line, character)
    at_line, at_char = clamp(text, line, character)
    assert offset_at(text, at_line, at_char) == reference_index(text, line, character)


def test_changes_to_a_document_never_opened_are_ignored() -> None:
    store = DocumentStore()
    change = types.TextDocumentContentChangeWholeDocument(text="x")
    assert store.change("file:///nowhere.py", 2, [change]) is None
    assert len(store) == 0


def test_several_changes_in_one_notification_apply_in_order() -> None:
    store = DocumentStore()
    store.open(URI, "python", 1, "print(1)\n")
    first = types.TextDocumentContentChangePartial(
        range=types.Range(
            start=types.Position(line=1, character=0), end=types.Position(line=1, character=0)
        ),
        text="x = 2\n",
    )
    second = types.TextDocumentContentChangePartial(
        range=types.Range(
            start=types.Position(line=1, character=0), end=types.Position(line=1, character=1)
        ),
        text="y",
    )
    opened = store.change(URI, 2, [first, second])
    assert opened is not None and opened.text == "print(1)\ny = 2\n"


@pytest.mark.parametrize(
    ("uri", "name"),
    [
        ("file:///home/me/src/app.py", "/home/me/src/app.py"),
        ("file:///c%3A/src/app.py", "c:/src/app.py"),
        ("untitled:Untitled-1", "Untitled-1"),
        ("file:///home/me/my%20file.go", "/home/me/my file.go"),
    ],
)
def test_file_names_from_uris(uri: str, name: str) -> None:
    assert file_name_of(uri) == name
