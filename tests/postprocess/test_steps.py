"""Each post-processing step on its own: what it fixes, and what it must leave alone."""

from __future__ import annotations

import pytest

from gitlab_lsp.sdk.postprocess import Draft
from gitlab_lsp.sdk.postprocess.balance import cut_block_overrun
from gitlab_lsp.sdk.postprocess.below import cut_duplicate_below
from gitlab_lsp.sdk.postprocess.fences import strip_fences
from gitlab_lsp.sdk.postprocess.indentation import indent_unit, reindent
from gitlab_lsp.sdk.postprocess.overlap import resolve_overlap
from gitlab_lsp.sdk.postprocess.repetition import cut_repetition
from gitlab_lsp.sdk.postprocess.scope import limit_to_line
from gitlab_lsp.sdk.postprocess.whitespace import strip_trailing_whitespace

from .helpers import accepted, site

# --- markdown fences and prose ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("```python\nreturn a + b\n```", "return a + b"),
        ("```\nreturn a + b\n```\nThis adds the numbers.", "return a + b"),
        ("Here is the code:\n```py\nreturn a + b\n```", "return a + b"),
        ("Here is the implementation:\nreturn a + b", "return a + b"),
        ("~~~\nx = 1\n~~~", "x = 1"),
    ],
)
def test_fences_and_prose_are_removed(raw: str, expected: str) -> None:
    assert strip_fences(Draft(raw), site("def f(a, b):\n    █\n")).text == expected


@pytest.mark.parametrize(
    "raw",
    [
        'return a + b\n"""Example:\n```\nf(1, 2)\n```"""',  # a fence inside code, not around it
        "here = compute()\nreturn here",  # code that starts with the word "here"
        "return a + b",
    ],
)
def test_fences_leave_plain_code_alone(raw: str) -> None:
    assert strip_fences(Draft(raw), site("def f(a, b):\n    █\n")).text == raw


def test_fences_are_content_in_markdown() -> None:
    raw = "```python\nx = 1\n```"
    assert strip_fences(Draft(raw), site("# Usage\n\n█\n", "markdown")).text == raw


# --- trailing whitespace ----------------------------------------------------------------------


def test_trailing_whitespace_and_blank_tail_go() -> None:
    raw = "x = 1   \n\ty = 2\t\n\n   \n"
    assert strip_trailing_whitespace(Draft(raw), site("█\nz = 3\n")).text == "x = 1\n\ty = 2"


def test_one_final_line_break_stays_at_the_end_of_the_document() -> None:
    raw = "x = 1   \n\n\n"
    assert strip_trailing_whitespace(Draft(raw), site("█")).text == "x = 1\n"


def test_one_space_after_a_word_stays() -> None:
    assert strip_trailing_whitespace(Draft("rn "), site("retu█\n")).text == "rn "
    assert strip_trailing_whitespace(Draft("x = 0   "), site("█\n")).text == "x = 0"


def test_trailing_whitespace_keeps_crlf_and_leading_indent() -> None:
    raw = "x = 1  \r\n    y = 2"
    assert strip_trailing_whitespace(Draft(raw), site("█")).text == "x = 1\r\n    y = 2"


def test_whitespace_only_suggestion_is_left() -> None:
    assert strip_trailing_whitespace(Draft("\n    "), site("█")).text == "\n    "


# --- scope ------------------------------------------------------------------------------------


def test_line_scope_keeps_the_first_line() -> None:
    s = site("total = compute(█)\n", scope="line")
    assert limit_to_line(Draft("a, b)\nprint(total)"), s).text == "a, b)"


def test_block_scope_keeps_everything() -> None:
    raw = "\n    return 1\n"
    assert limit_to_line(Draft(raw), site("def f():█\n")).text == raw


def test_line_scope_leaves_an_answer_that_starts_a_new_line() -> None:
    raw = "\nreturn 1"
    assert limit_to_line(Draft(raw), site("x = 1█\n", scope="line")).text == raw


# --- repetition -------------------------------------------------------------------------------


def test_a_looping_line_is_kept_once() -> None:
    raw = "x += 1\nx += 1\nx += 1\nx += 1\nx +="
    assert cut_repetition(Draft(raw), site("█")).text == "x += 1"


def test_a_looping_block_is_kept_once() -> None:
    raw = "a = f(1)\nb = g(a)\na = f(1)\nb = g(a)\na = f("
    assert cut_repetition(Draft(raw), site("█")).text == "a = f(1)\nb = g(a)"


@pytest.mark.parametrize(
    "raw",
    [
        "    }\n  }\n}",  # closers repeat legitimately
        "end\nend\nend",
        "x += 1\nx += 1",  # twice is not a loop
        "print(a)\nprint(b)\nprint(c)",
    ],
)
def test_legitimate_repeats_are_left(raw: str) -> None:
    assert cut_repetition(Draft(raw), site("█")).text == raw


# --- duplicates of the document below ---------------------------------------------------------


def test_suffix_re_emitted_is_cut() -> None:
    doc = "def f(x):\n    █\n    return y\n"
    s = site(doc)
    assert cut_duplicate_below(Draft("y = x * 2\nreturn y"), s).text == "y = x * 2"


def test_whole_suggestion_repeating_the_next_line_becomes_empty() -> None:
    doc = "def f(x):\n    y = x * 2\n    █\n    return y\n"
    assert cut_duplicate_below(Draft("return y"), site(doc)).text == ""


def test_a_lone_closer_matching_below_is_kept() -> None:
    doc = "int f() {\n    █\n}\n"
    raw = "if (x) {\n        return 1;\n    }"
    assert cut_duplicate_below(Draft(raw), site(doc, "c")).text == raw


def test_first_line_continuing_the_cursor_line_is_never_a_duplicate() -> None:
    doc = "x = █\nreturn y\n"
    assert cut_duplicate_below(Draft("return y"), site(doc)).text == "return y"


# --- indentation ------------------------------------------------------------------------------


def test_no_doubled_indent_after_whitespace() -> None:
    doc = "def f(a):\n    █\n"
    out = reindent(Draft("    x = a + 1\n    return x"), site(doc))
    assert accepted(doc, out) == "def f(a):\n    x = a + 1\n    return x\n"


def test_lines_relative_to_the_first_are_shifted_to_the_block() -> None:
    doc = "def f(a):\n    █\n"
    out = reindent(Draft("x = a + 1\nif x:\n    x -= 1\nreturn x"), site(doc))
    assert accepted(doc, out) == (
        "def f(a):\n    x = a + 1\n    if x:\n        x -= 1\n    return x\n"
    )


def test_a_block_body_relative_to_its_header_is_shifted() -> None:
    doc = "def f(a):\n    █\n    return a\n"
    out = reindent(Draft("if not a:\n    raise ValueError(a)"), site(doc))
    assert out.text == "if not a:\n        raise ValueError(a)"


def test_tabs_follow_the_document() -> None:
    doc = "func f() {\n\tif ok {\n\t\t█\n\t}\n}\n"
    out = reindent(Draft("x := 1\n        y := 2"), site(doc, "go"))
    assert out.text == "x := 1\n\t\ty := 2"


def test_spaces_follow_the_document() -> None:
    doc = "def f(a):\n  if a:\n    █\n"
    out = reindent(Draft("x = 1\n\tprint(x)"), site(doc))
    assert out.text == "x = 1\n  print(x)"


def test_absolute_dedent_with_a_closer_is_not_shifted() -> None:
    doc = "int f(int x) {\n    if (x) {\n        █\n    }\n}\n"
    raw = "return 1;\n    }\n    return 0;"
    assert reindent(Draft(raw), site(doc, "c")).text == raw


def test_indent_unit() -> None:
    assert indent_unit("a:\n  b\n    c\n", "") == "  "
    assert indent_unit("a\n\tb\n\t\tc\n", "") == "\t"
    assert indent_unit("x = 1\n", "") is None  # nothing to go by


# --- block balance (tree-sitter) --------------------------------------------------------------


def test_closing_what_the_suffix_closes_is_cut() -> None:
    doc = "int f(int x) {\n    if (x) {\n        █\n    }\n    return 2;\n}\n"
    raw = "return 1;\n    }\n    return 0;\n}"
    out = cut_block_overrun(Draft(raw), site(doc, "c"))
    assert out.text == "return 1;"


def test_closing_a_block_the_suffix_leaves_open_is_kept() -> None:
    doc = "int f(int x) {█\n"
    raw = "\n    return x;\n}"
    assert cut_block_overrun(Draft(raw), site(doc, "c")).text == raw


def test_running_past_the_block_is_cut_in_python() -> None:
    doc = "def f(x):\n    y = x\n    █\n    return y\n"
    raw = "y += 1\n\ndef g():\n    pass"
    assert cut_block_overrun(Draft(raw), site(doc)).text == "y += 1"


def test_a_brace_body_after_the_opener_closed_by_the_suffix() -> None:
    doc = "function f(a) {█\n}\n"
    raw = "\n  return a + 1;\n}"
    out = cut_block_overrun(Draft(raw), site(doc, "javascript"))
    assert accepted(doc, out) == "function f(a) {\n  return a + 1;\n}\n"


# --- overlap with the rest of the line --------------------------------------------------------


@pytest.mark.parametrize(
    ("doc", "raw", "expected"),
    [
        ("total = compute(█)\n", "1, 2)", "total = compute(1, 2)\n"),
        ('print("hello █")\n', 'world")', 'print("hello world")\n'),
        ("x = [█];\n", "1, 2];", "x = [1, 2];\n"),
        ("if (ok(█)) {\n", "a, b)) {", "if (ok(a, b)) {\n"),
        ("f(█)\n", "a) + g(b)", "f(a) + g(b)\n"),  # the `)` inside: a replace range
    ],
)
def test_the_rest_of_the_line_is_not_doubled(doc: str, raw: str, expected: str) -> None:
    lang = "javascript" if "{" in doc or ";" in doc else "python"
    assert accepted(doc, resolve_overlap(Draft(raw), site(doc, lang))) == expected


@pytest.mark.parametrize(
    ("doc", "raw"),
    [
        ("print(█)\n", "foo(a)"),  # the `)` closes the suggestion's own `(`
        ("print(foo(█)\n", "1, 2)"),  # the suffix closes foo, the suggestion print
        ('x = "█"\n', 'a" + "b'),  # quotes the suggestion opens and closes itself
        ("f(█)\n", "x"),
    ],
)
def test_overlap_leaves_good_suggestions(doc: str, raw: str) -> None:
    out = resolve_overlap(Draft(raw), site(doc))
    assert out == Draft(raw)


def test_streams_get_no_range() -> None:
    doc = "f(█)\n"
    out = resolve_overlap(Draft("a) + g(b)"), site(doc, allow_range=False))
    assert out == Draft("a) + g(b)")


# --- cases found by replaying the labelled corpus ---------------------------------------------


def test_rows_of_data_followed_by_their_closer_are_not_a_loop() -> None:
    raw = "[0, 0, 0],\n    [0, 0, 0],\n    [0, 0, 0],\n]"
    assert cut_repetition(Draft(raw), site("GRID = [\n    █")).text == raw


def test_a_looping_block_separated_by_blank_lines_is_kept_once() -> None:
    raw = "def a(self):\n    return 1\n\ndef a(self):\n    return 1\n\ndef a(se"
    assert cut_repetition(Draft(raw), site("class C:\n    █\n")).text == (
        "def a(self):\n    return 1"
    )


def test_if_else_closers_are_not_a_loop() -> None:
    raw = "if n < 0 {\n        -n\n    } else {\n        n\n    }"
    assert cut_repetition(Draft(raw), site("fn f() {\n    █\n}\n", "rust")).text == raw


@pytest.mark.parametrize(
    ("doc", "raw", "expected", "lang"),
    [
        ("s = `Hello ${█}`;\n", "name}`;", "s = `Hello ${name}`;\n", "javascript"),
        ('puts "Hi #{█}"\n', 'name}"', 'puts "Hi #{name}"\n', "ruby"),
        ('x = paid ? █ : "due"\n', '"paid" : "due"', 'x = paid ? "paid" : "due"\n', "ruby"),
    ],
)
def test_overlap_in_interpolations_and_whole_rest(
    doc: str, raw: str, expected: str, lang: str
) -> None:
    assert accepted(doc, resolve_overlap(Draft(raw), site(doc, lang))) == expected


def test_flat_body_is_indented_by_depth() -> None:
    doc = "function M.dump(t)\n  █\nend\n"
    out = reindent(Draft("for k, v in pairs(t) do\nprint(k, v)\nend"), site(doc, "lua"))
    assert out.text == "for k, v in pairs(t) do\n    print(k, v)\n  end"


def test_a_four_space_body_in_a_two_space_file_is_rescaled() -> None:
    doc = "class Cart\n  def clear\n    █\n  end\nend\n"
    out = reindent(Draft("items.each do |i|\n        i.destroy\n    end"), site(doc, "ruby"))
    assert out.text == "items.each do |i|\n      i.destroy\n    end"


def test_a_case_label_at_the_switch_level_is_not_shifted() -> None:
    doc = "const char *name(int kind) {\n    █\n}\n"
    raw = 'switch (kind) {\n    case 0:\n        return "zero";\n    }'
    assert reindent(Draft(raw), site(doc, "c")).text == raw


def test_prose_sentence_before_a_fence() -> None:
    raw = "You can do it like this:\n\n```ruby\ndef f\n  1\nend\n```"
    assert strip_fences(Draft(raw), site("█\n", "ruby")).text == "def f\n  1\nend"


def test_spaces_before_text_after_the_cursor_are_kept() -> None:
    assert strip_trailing_whitespace(Draft("Name: "), site('p = "█"\n')).text == "Name: "


def test_line_scope_keeps_a_first_line_that_opens_a_string() -> None:
    raw = '"""\n    SELECT 1\n    """'
    s = site("QUERY = █\n", scope="line")
    assert limit_to_line(Draft(raw), s).text == raw


@pytest.mark.parametrize("first", ["<<<TXT", "<<~SQL", "<<-EOF", "<<'EOF'"])
def test_line_scope_keeps_a_first_line_that_opens_a_heredoc(first: str) -> None:
    raw = f"{first}\nsome text\nEND"
    assert limit_to_line(Draft(raw), site("x = █\n", scope="line")).text == raw


def test_line_scope_still_cuts_a_shift_expression() -> None:
    raw = "<< 2\nprint(x)"
    assert limit_to_line(Draft(raw), site("y = x █\n", scope="line")).text == "<< 2"
