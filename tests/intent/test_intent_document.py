"""Document: incremental edits give the same answers as a fresh `detect` on the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import intent
from intent.document import Document

PY_SOURCE = '''import os

# read the config file and return a dict
def load(path):
    """Load it."""

def empty():
    pass

class Config:
    def get(self, key):
        return self.values[key]

# 按年龄排序用户
x = load("a")  # trailing
'''

TS_SOURCE = """// compute the checksum of a buffer
function checksum(buf: Buffer): number {
}

/**
 * Greets a user. 😀
 */
const greet = (name: string) => {};

class A { m() {} }
let a = 1;
let b = 2;
"""

VUE_SOURCE = """<template>
  <div>{{ msg }}</div>
</template>

<script setup lang="ts">
// fetch the messages from the api
const msg = ref("")
function load() {}
const a = 1
const b = 2
const c = 3
</script>
"""

SOURCES = [("python", PY_SOURCE), ("typescript", TS_SOURCE), ("vue", VUE_SOURCE)]
FRAGMENTS = [
    "",
    "x",
    "\n",
    "\r\n",
    "\r",
    " ",
    "    ",
    "# do it\n",
    "// sort them\n",
    "{",
    "}",
    "def f():\n",
    "😀",
    "中文",
    '"""',
    "/*",
    "*/",
    "<script>",
    "</script>",
    "\x00",
]


def _positions(text: str) -> list[tuple[int, int]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = []
    for number, line in enumerate(lines):
        width = len(line.encode("utf-16-le")) // 2
        out.extend([(number, 0), (number, width), (number, width + 3)])
    return out


def _utf16_position(text: str, index: int) -> tuple[int, int]:
    before = text[:index].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return len(before) - 1, len(before[-1].encode("utf-16-le")) // 2


@st.composite
def edits(draw: st.DrawFn, text_len: int) -> tuple[int, int, str]:
    start = draw(st.integers(0, text_len))
    end = draw(st.integers(start, min(text_len, start + 40)))
    return start, end, draw(st.sampled_from(FRAGMENTS))


@pytest.mark.parametrize(("language", "source"), SOURCES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_incremental_equals_full_detect(language: str, source: str, data: st.DataObject) -> None:
    doc = Document(source, language_id=language)
    text = source
    for _ in range(data.draw(st.integers(1, 6))):
        start, end, fragment = data.draw(edits(len(text)))
        # never split a \r\n pair: LSP positions cannot point between them either
        if 0 < start < len(text) and text[start - 1 : start + 1] == "\r\n":
            start -= 1
        if 0 < end < len(text) and text[end - 1 : end + 1] == "\r\n":
            end += 1
        doc.apply_change(fragment, _utf16_position(text, start), _utf16_position(text, end))
        text = text[:start] + fragment + text[end:]
        assert doc.text == text
        if data.draw(st.booleans()):
            doc.detect(0, 0)  # parse now; otherwise the edits pile up for one parse
    for line, character in _positions(text):
        assert doc.detect(line, character) == intent.detect(
            text, line, character, language_id=language
        ), (line, character, text)


def test_full_replacement_resets_everything() -> None:
    doc = Document("x = 1\n", language_id="python")
    doc.apply_change("# sort the list\n\n")
    assert doc.text == "# sort the list\n\n"
    assert doc.detect(1, 0).generation_type == "comment"


def test_range_edit_is_applied_at_utf16_columns() -> None:
    doc = Document("s = '😀'\n", language_id="python")
    # the emoji is two UTF-16 code units: column 7 is after it
    doc.apply_change("!", (0, 7), (0, 7))
    assert doc.text == "s = '😀!'\n"


def test_reversed_range_is_normalised() -> None:
    doc = Document("abcdef\n", language_id="python")
    doc.apply_change("X", (0, 4), (0, 1))
    assert doc.text == "aXef\n"


def test_edit_beyond_the_end_is_clamped() -> None:
    doc = Document("a = 1\n", language_id="python")
    doc.apply_change("\nb = 2", (40, 0), (41, 9))
    assert doc.text == "a = 1\n\nb = 2"


def test_typing_a_comment_then_a_newline() -> None:
    doc = Document("import os\n\n", language_id="python")
    text = "import os\n\n"
    typed = "# list the files in the home directory"
    for index, char in enumerate(typed):
        doc.apply_change(char, (2, index), (2, index))
        text = text[: 11 + index] + char + text[11 + index :]
    assert doc.detect(2, len(typed)).intent == "completion"  # still writing the comment
    doc.apply_change("\n", (2, len(typed)), (2, len(typed)))
    result = doc.detect(3, 0)
    assert result.generation_type == "comment"
    assert result.user_instruction == "list the files in the home directory"


def test_vue_edit_inside_and_outside_the_script() -> None:
    doc = Document(VUE_SOURCE, language_id="vue")
    doc.apply_change("  <p>hi</p>\n", (2, 0), (2, 0))  # template grows by one line
    text = doc.text
    assert doc.detect(6, 3) == intent.detect(text, 6, 3, language_id="vue")
    assert doc.detect(6, 3).intent == "completion"  # on the comment
    doc.apply_change("\n", (6, 34), (6, 34))
    text = doc.text
    assert doc.detect(7, 0).user_instruction == "fetch the messages from the api"
    assert doc.detect(7, 0) == intent.detect(text, 7, 0, language_id="vue")
    assert doc.detect(1, 4).reason.startswith("vue: the cursor is outside")


def test_vue_typing_a_closing_script_tag_moves_the_block() -> None:
    source = "<template><p/></template>\n<script>\nconst a = 1\n// x\nfunction f() {}\n</script>\n"
    doc = Document(source, language_id="vue")
    doc.apply_change("</script>", (3, 0), (3, 0))
    text = doc.text
    for line in range(text.count("\n") + 1):
        for character in (0, 3, 20):
            assert doc.detect(line, character) == intent.detect(
                text, line, character, language_id="vue"
            )
    assert doc.detect(4, 14).reason.startswith("vue: the cursor is outside")


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(["a", "\n", "\r", "\r\n", "😀"]), max_size=30),
    edits_=st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(FRAGMENTS)),
        max_size=5,
    ),
)
def test_patched_line_table_equals_a_fresh_one(
    pieces: list[str], edits_: list[tuple[int, int, str]]
) -> None:
    from intent.source import SourceView

    text = "".join(pieces)
    doc = Document(text, language_id="python")
    for a, b, fragment in edits_:
        start, end = sorted((min(a, len(text)), min(b, len(text))))
        doc.apply_change(fragment, _utf16_position(text, start), _utf16_position(text, end))
        text = doc.text
        fresh = SourceView(text.encode("utf-8", errors="surrogatepass"))
        assert doc._view.starts == fresh.starts


def test_typing_on_one_line_then_elsewhere_keeps_the_line_table_exact() -> None:
    """Typing on one line keeps the later lines' shift pending; an edit elsewhere writes it
    out. Either way every lookup must equal a table built from scratch."""
    from intent.source import SourceView

    doc = Document(PY_SOURCE, language_id="python")
    script = [((2, 2), "s"), ((2, 3), "o"), ((2, 4), "r"), ((2, 5), "t"), ((2, 6), "\n")]
    script += [((12, 0), "y = 1\n"), ((3, 0), "z"), ((3, 1), "\r\n"), ((0, 0), "")]
    for (line, character), fragment in script:
        doc.apply_change(fragment, (line, character), (line, character))
        fresh = SourceView(doc.text.encode("utf-8", errors="surrogatepass"))
        assert doc._view.starts == fresh.starts
        for offset in range(0, len(fresh.data) + 1, 7):
            assert doc._view.line_of(offset) == fresh.line_of(offset)
        assert doc.detect(line, character + 1) == intent.detect(
            doc.text, line, character + 1, language_id="python"
        )


def test_a_burst_of_changes_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(TS_SOURCE, language_id="typescript")
    parses: list[None] = []
    reparse = Document._reparse

    def counting(self: Document) -> None:
        parses.append(None)
        reparse(self)

    monkeypatch.setattr(Document, "_reparse", counting)
    for column, char in enumerate("return 42;"):
        doc.apply_change(char, (2, column), (2, column))
    assert parses == []
    result = doc.detect(2, 10)
    assert result == intent.detect(doc.text, 2, 10, language_id="typescript")
    doc.detect(2, 0)
    assert len(parses) == 1


def test_refresh_takes_the_parse_off_detect_and_changes_no_answer() -> None:
    text = "import os\nimport re\nimport sys\nimport json\nimport time\n\n\n"
    doc = intent.Document(text, language_id="python")
    doc.apply_change("# list the files in a directory, newest first\n", (6, 0), (6, 0))
    doc.refresh()
    parsed = doc._tree
    answer = doc.detect(7, 0)
    assert doc._tree is parsed  # detect did not parse again
    assert answer == intent.detect(doc.text, 7, 0, language_id="python")
    assert answer.generation_type == "comment"
    assert answer.user_instruction == "list the files in a directory, newest first"
