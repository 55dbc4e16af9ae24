"""The one position codec: string indices, UTF-16 columns, and the byte view agree."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from intent.positions import clamp, end_position, index_in_line, offset_at, utf16_units
from intent.source import SourceView, line_starts

# ASCII, a 2-byte and a 3-byte character, an astral one (a surrogate pair in UTF-16), and
# every kind of line end
pieces = st.sampled_from([*"ab \t", "é", "€", "😀", "\n", "\r\n", "\r"])
texts = st.lists(pieces, max_size=40).map("".join)


def test_utf16_units_counts_surrogate_pairs_twice() -> None:
    assert utf16_units("a😀é") == 4
    assert utf16_units("") == 0


def test_a_column_inside_a_surrogate_pair_means_the_start_of_the_character() -> None:
    assert index_in_line("a😀b", 2) == 1
    assert index_in_line("a😀b", 3) == 2
    assert index_in_line("a😀b", 99) == 3
    assert index_in_line("a😀b", -1) == 0


def test_end_position_counts_every_lsp_line_end() -> None:
    assert end_position("") == (0, 0)
    assert end_position("x = 1\r\ny = 2\rz😀") == (2, 3)
    assert end_position("a\n") == (1, 0)


@settings(max_examples=300, deadline=None)
@given(text=texts, cut=st.integers(0, 40))
def test_end_position_is_where_offset_at_finds_the_cut(text: str, cut: int) -> None:
    cut = min(cut, len(text))
    if text[cut - 1 : cut + 1] == "\r\n":
        cut -= 1  # a position cannot sit inside a CRLF
    line, character = end_position(text[:cut])
    assert offset_at(text, line, character) == cut


@settings(max_examples=300, deadline=None)
@given(text=texts, line=st.integers(0, 8), character=st.integers(0, 12))
def test_the_byte_view_agrees_with_the_string_codec(text: str, line: int, character: int) -> None:
    """intent's tree-sitter view (UTF-8 bytes) and the server's text (code points) must
    put the cursor at the same place, or detection reads a different position."""
    data = text.encode("utf-8")
    view = SourceView(data)
    _, byte_offset = view.clamp(*clamp(text, line, character))
    assert byte_offset == len(text[: offset_at(text, line, character)].encode("utf-8"))
    starts = line_starts(data)
    assert starts == [
        len(text[: offset_at(text, n, 0)].encode("utf-8")) for n in range(1, len(starts) + 1)
    ]


@given(
    text=texts,
    edit=st.tuples(st.integers(0, 6), st.integers(0, 6), texts),
    line=st.integers(-1, 8),
    character=st.integers(0, 12),
)
@settings(max_examples=300)
def test_a_documents_line_table_locates_as_the_walk_does(
    text: str, edit: tuple[int, int, str], line: int, character: int
) -> None:
    """The server locates a request's position from the document's line table instead of
    walking every line break before it: same answer, edited or not, ASCII or not."""
    from intent.document import Document
    from intent.positions import locate

    for parse in (True, False):  # in use (text kept decoded) or resting
        doc = Document(text, language_id="python", filename="a.py", parse=parse)
        doc.apply_change(edit[2], start=(edit[0], 0), end=(edit[1], 3))
        current = doc.text
        start = doc.line_start_index(line)
        assert locate(current, line, character, line_start=start) == locate(
            current, line, character
        )
