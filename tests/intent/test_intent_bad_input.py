"""Bad input never raises: positions are clamped, odd text is read as the editor sees it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import intent
from intent.document import HUGE_BYTES, Document
from intent.languages import SPECS

CODE5 = "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n"


@pytest.mark.parametrize(
    ("line", "character"),
    [(10_000, 0), (0, 10_000), (-1, 0), (0, -5), (10_000, 10_000), (5, 999)],
)
def test_positions_beyond_the_document_are_clamped(line: int, character: int) -> None:
    result = intent.detect(CODE5, line, character, language_id="python")
    assert result.intent in ("completion", "generation")


def test_position_inside_a_surrogate_pair_is_clamped() -> None:
    text = CODE5 + "s = '😀'  # a comment\n"
    # column 6 is between the two UTF-16 code units of the emoji
    assert intent.detect(text, 5, 6, language_id="python").reason.startswith("rule 1")
    doc = Document(text, language_id="python")
    doc.apply_change("X", (5, 6), (5, 6))
    assert doc.text == CODE5 + "s = 'X😀'  # a comment\n"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings(newline: str) -> None:
    text = newline.join(["a = 1", "b = 2", "c = 3", "d = 4", "e = 5", "# sort the users", "", ""])
    result = intent.detect(text, 6, 0, language_id="python")
    assert result.user_instruction == "sort the users"
    assert intent.detect(text, 5, 3, language_id="python").reason.startswith("rule 1")


def test_mixed_line_endings_in_one_file() -> None:
    text = "a = 1\r\nb = 2\rc = 3\nd = 4\r\ne = 5\r# sort them\r\n\n"
    assert intent.detect(text, 6, 0, language_id="python").user_instruction == "sort them"


def test_emoji_and_cjk_before_the_cursor_use_utf16_columns() -> None:
    text = CODE5 + "s = '😀中文😀'  # 注释\n"
    line = text.split("\n")[5]
    before_comment = len(line[: line.index("#")].encode("utf-16-le")) // 2
    assert intent.detect(text, 5, before_comment - 1, language_id="python").reason.startswith(
        "rule 1"
    )  # the line has a trailing comment wherever the cursor is
    assert (
        intent.detect(CODE5 + "# 😀 按年龄排序\n\n", 6, 0, language_id="python").user_instruction
        == "😀 按年龄排序"
    )


def test_nul_bytes() -> None:
    text = CODE5 + "x = '\x00'\n# strip the NUL \x00 bytes\n\n"
    assert intent.detect(text, 7, 0, language_id="python").generation_type == "comment"


def test_lone_surrogates_in_the_text() -> None:
    text = CODE5 + "s = '\ud800'\n"
    assert intent.detect(text, 5, 3, language_id="python").intent == "completion"


def test_empty_text() -> None:
    assert intent.detect("", 0, 0, language_id="javascript").generation_type == "small_file"


def test_huge_file_parses_a_window_around_the_cursor() -> None:
    body = "def f(x):\n    return x + 1\n\n" * (HUGE_BYTES // 25 + 10)
    text = body + "# add the two numbers\n\n"
    lines = text.count("\n")
    doc = Document(text, language_id="python")
    assert doc.huge
    result = doc.detect(lines - 1, 0)
    assert result.user_instruction == "add the two numbers"
    assert doc.detect(1, 4).intent == "completion"
    doc.apply_change("    pass\n", (lines, 0), (lines, 0))
    assert doc.detect(lines - 1, 0).user_instruction == "add the two numbers"


def test_binary_garbage_does_not_raise() -> None:
    garbage = bytes(range(256)).decode("latin-1") * 20
    for language in ("python", "javascript", "rust", "vue", "html", "sql"):
        assert intent.detect(garbage, 3, 7, language_id=language).intent in (
            "completion",
            "generation",
        )


FRAGMENTS = [
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "{",
    "}",
    "(",
    ")",
    "#",
    "//",
    "/*",
    "*/",
    "--",
    '"""',
    "'",
    '"',
    "def f():",
    "function f() {",
    "end",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "😀",
    "中",
    "\x00",
    "\ud800",
    "pass",
    "x = 1",
    "=begin",
    "=end",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    language=st.sampled_from(sorted({s.name for s in SPECS} | {"vue"})),
    pieces=st.lists(st.sampled_from(FRAGMENTS), max_size=40),
    line=st.integers(-2, 30),
    character=st.integers(-2, 80),
)
def test_detect_never_raises(language: str, pieces: list[str], line: int, character: int) -> None:
    result = intent.detect("".join(pieces), line, character, language_id=language)
    assert result.intent in ("completion", "generation")
    assert (result.user_instruction is not None) == (result.generation_type == "comment")
