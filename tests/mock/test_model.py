"""The deterministic model: same input, same output; plausible code in the file's language."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gitlab_lsp.mock.languages import language_of
from gitlab_lsp.mock.model import ModelRequest, run, stream_chunks


def complete(language: str, prefix: str, suffix: str = "", choices: int = 1) -> list[str]:
    return run(ModelRequest("completion", language, prefix, suffix, None, choices))


def generate(language: str, prefix: str, instruction: str | None = None) -> str:
    return run(ModelRequest("generation", language, prefix, "", instruction, 1))[0]


@pytest.mark.parametrize(
    ("language", "prefix", "expected"),
    [
        ("python", "def add(", "a, b):\n    return a + b"),
        ("python", "def reverse(s):", "\n    return s[::-1]"),
        ("python", "def add(a, b):\n    return a + b\n\n", "print(add(2, 3))"),
        ("python", "pri", "nt("),
        ("python", "names = ", "[]"),
        ("javascript", "function isPrime(", "n) {\n  if (n < 2) return false;"),
        ("typescript", "export function greet(", "name) {\n  return `Hello, ${name}!`;\n}"),
        ("go", "func sum(", "items []int) int {\n\ttotal := 0"),
        ("ruby", "def factorial(", "n)\n  (1..n).reduce(1, :*)\nend"),
        ("rust", "fn fibonacci(", "n: u32) -> u64 {"),
        ("java", "    public static int max(", "int[] items) {"),
    ],
)
def test_completions_continue_the_prefix(language: str, prefix: str, expected: str) -> None:
    assert complete(language, prefix)[0].startswith(expected)


def test_brace_languages_close_the_block_unless_the_suffix_does() -> None:
    assert complete("javascript", "function sum(items) {")[0].endswith("\n}")
    assert not complete("javascript", "function sum(items) {", "\n}")[0].endswith("}")


def test_a_comment_becomes_a_function() -> None:
    text = complete("python", "# check whether a number is prime")[0]
    assert text.startswith("\ndef is_prime(n):") and "return True" in text


def test_deterministic_and_distinct_choices() -> None:
    first = complete("python", "def fibonacci(", choices=4)
    assert first == complete("python", "def fibonacci(", choices=4)
    assert len(first) == len(set(first)) >= 2


def test_nothing_to_suggest_is_an_empty_list() -> None:
    assert complete("python", "x = compute_everything") == []


def test_generation_reflects_the_instruction() -> None:
    text = generate("python", "", "sort a list of numbers")
    assert text.startswith("def sort(items):") and "sorted(items)" in text
    go = generate("go", "package main\n\n", "reverse a string")
    assert "func reverseString(s string) string {" in go and go.count("\n") >= 4


def test_generation_fills_an_empty_function() -> None:
    text = generate("python", "def is_prime(n):\n    ")
    assert text.startswith("\n    if n < 2:") or text.startswith("    if n < 2:")


def test_generation_uses_the_comment_above_without_an_instruction() -> None:
    text = generate("javascript", "// greet the user by name\n")
    assert text.startswith("function greetUserName(name) {")


def test_language_from_file_name() -> None:
    assert language_of(None, "src/app.tsx") == "typescriptreact"
    assert language_of("Python", "x.rb") == "python"
    assert language_of(None, "README") == "plaintext"


def test_streams_come_in_several_pieces() -> None:
    text = generate("python", "", "compute the factorial of n")
    pieces = stream_chunks(text)
    assert len(pieces) >= 3 and "".join(pieces) == text
    short = "a, b)"
    assert len(stream_chunks(short)) == 3 and "".join(stream_chunks(short)) == short
    assert stream_chunks("") == []


@settings(max_examples=200, deadline=None)
@given(
    kind=st.sampled_from(["completion", "generation"]),
    language=st.sampled_from(
        ["python", "javascript", "go", "ruby", "rust", "java", "c", "plaintext", "haskell"]
    ),
    prefix=st.text(max_size=200),
    suffix=st.text(max_size=50),
    instruction=st.none() | st.text(max_size=80),
    choices=st.integers(min_value=1, max_value=4),
)
def test_never_fails_and_is_deterministic(
    kind: str, language: str, prefix: str, suffix: str, instruction: str | None, choices: int
) -> None:
    request = ModelRequest(kind, language, prefix, suffix, instruction, choices)
    answers = run(request)
    assert answers == run(request)
    assert len(answers) <= choices and all(isinstance(a, str) and a for a in answers)


def test_return_combines_the_function_inputs() -> None:
    method = (
        "@dataclasses.dataclass\nclass Invoice:\n    number: str\n    amount_cents: int\n\n"
        "    def total_with_tax(self, rate: float) -> int:\n        return "
    )
    assert complete("python", method) == ["round(self.amount_cents * (1 + rate))"]
    assert complete("javascript", "function area(width, height) {\n  return ") == [
        "width * height;"
    ]


def test_loop_body_feeds_the_accumulator() -> None:
    prefix = "def total(items):\n    result = 0\n    for item in items:\n        "
    assert complete("python", prefix, "\n") == ["result += item"]
    js = "const names = [];\nfor (const user of users) {\n  "
    assert complete("javascript", js) == ["names.push(user);"]


def test_csv_instruction_aggregates_the_named_columns() -> None:
    text = generate(
        "python",
        "import csv\n\n",
        "Read invoices.csv and return the total amount per customer, largest first",
    )
    assert text.startswith('def total_amount_per_customer(path="invoices.csv"):')
    assert 'row["customer"]' in text and 'float(row["amount"])' in text and "reverse=True" in text


def test_main_functions() -> None:
    assert complete("go", 'package main\n\nimport "fmt"\n\nfunc main() {') == [
        '\n\tfmt.Println("Hello, world!")\n}'
    ]
    assert complete("python", 'def main():\n    print("hi")\n\n\n') == [
        'if __name__ == "__main__":\n    main()'
    ]
