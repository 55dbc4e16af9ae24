"""Comment text: delimiters, rule 3 filters, and rule 2 in every supported language."""

from __future__ import annotations

import pytest

import intent
from intent.comments import instruction, is_code, is_directive, is_license, strip_delimiters
from intent.languages import SPECS


@pytest.mark.parametrize(
    ("line", "continuation", "expected"),
    [
        ("// sort users", False, "sort users"),
        ("/// sort users", False, "sort users"),
        ("//! crate doc", False, "crate doc"),
        ("# sort users", False, "sort users"),
        ("-- sort users", False, "sort users"),
        ("-- | haddock", False, "haddock"),
        ("/* sort users */", False, "sort users"),
        ("/** sort users", False, "sort users"),
        (" * sort users", True, "sort users"),
        (" */", True, ""),
        ("<!-- sort users -->", False, "sort users"),
        ("(* sort users *)", False, "sort users"),
        ("{- sort users -}", False, "sort users"),
        ('"""Sort users."""', False, "Sort users."),
        ("r'''Sort users.'''", False, "Sort users."),
        ('@doc """', False, ""),
        ("=begin", False, ""),
        ("=end", True, ""),
        ("<#", False, ""),
        ("#>", True, ""),
    ],
)
def test_strip_delimiters(line: str, continuation: bool, expected: str) -> None:
    assert strip_delimiters(line, continuation=continuation) == expected


@pytest.mark.parametrize(
    "text",
    [
        "noqa: E501",
        "eslint-disable-next-line no-console",
        "@ts-ignore",
        "go:generate stringer",
        "rubocop:disable Style/Foo",
        "ktlint-disable",
        "scalastyle:off",
        "zig fmt: off",
        "-*- coding: utf-8 -*-",
        "MARK: - Helpers",
        "prettier-ignore",
    ],
)
def test_directives(text: str) -> None:
    assert is_directive(text)


@pytest.mark.parametrize(
    "text",
    [
        "x = compute(a, b)",
        "console.log(value);",
        "return x;",
        "import os",
        "from a import b",
        "#include <stdio.h>",
        "}",
        "if (a) {",
        '<div class="x">',
        "DROP TABLE users;",
        "rm -rf node_modules",
        'Write-Host "done"',
        "let () = f x in",
        "puts data.inspect",
        "self.name = name",
    ],
)
def test_commented_out_code(text: str) -> None:
    assert is_code(text)


@pytest.mark.parametrize(
    "text",
    [
        "sort the users by age",
        "Return the sum of both numbers.",
        "按年龄排序用户",
        "When the count is above the limit, respond with an error and halt the request;",
        "function to greet the user",
        "Compute the checksum of a buffer",
    ],
)
def test_prose_is_not_code(text: str) -> None:
    assert not is_code(text)
    assert not is_directive(text)


def test_license_headers() -> None:
    assert is_license("Copyright 2024 Acme")
    assert is_license("SPDX-License-Identifier: Apache-2.0")
    assert is_license("Licensed under the MIT License")
    assert not is_license("validate the license key the user typed")


def test_instruction_needs_three_letters_or_digits() -> None:
    assert instruction([["// ok"]]) is None
    assert instruction([["// 中文字"]]) == "中文字"
    assert instruction([["// abc"]]) == "abc"


# rule 2 in every language: (comment line, code line used five times to avoid rule 4)
PER_LANGUAGE = {
    "c": ("// parse the header", "int a = 1;"),
    "cpp": ("// parse the header", "int a = 1;"),
    "csharp": ("// parse the header", "int a = 1;"),
    "css": ("/* a dark theme for the header */", ".a { color: red; }"),
    "go": ("// parse the header", "var a = 1"),
    "java": ("// parse the header", "int a = 1;"),
    "javascript": ("// parse the header", "let a = 1;"),
    "javascriptreact": ("// parse the header", "let a = 1;"),
    "typescript": ("// parse the header", "let a = 1;"),
    "typescriptreact": ("// parse the header", "let a = 1;"),
    "kotlin": ("// parse the header", "val a = 1"),
    "powershell": ("# parse the header", "$a = 1"),
    "python": ("# parse the header", "a = 1"),
    "ruby": ("# parse the header", "a = 1"),
    "rust": ("// parse the header", "const A: i32 = 1;"),
    "scala": ("// parse the header", "val a = 1"),
    "shellscript": ("# parse the header", "a=1"),
    "yaml": ("# the list of mirrors", "a: 1"),
    "html": ("<!-- a list of mirrors -->", "<p>a</p>"),
    "json": ("// the list of mirrors", '"a",'),
    "php": ("// parse the header", "$a = 1;"),
    "swift": ("// parse the header", "let a = 1"),
    "lua": ("-- parse the header", "local a = 1"),
    "sql": ("-- the orders of last week", "SELECT 1;"),
    "elixir": ("# parse the header", "a = 1"),
    "haskell": ("-- parse the header", "a = 1"),
    "terraform": ("# the bucket for the logs", 'a = "b"'),
    "dart": ("// parse the header", "var a = 1;"),
    "zig": ("// parse the header", "const a = 1;"),
    "ocaml": ("(* parse the header *)", "let a = 1"),
    "perl": ("# parse the header", "my $a = 1;"),
    "scss": ("// a dark theme for the header", ".a { color: red; }"),
    "toml": ("# the list of mirrors", "a = 1"),
}


def test_every_language_has_a_rule2_case() -> None:
    assert set(PER_LANGUAGE) == {s.name for s in SPECS}


@pytest.mark.parametrize("language", sorted(PER_LANGUAGE))
def test_rule2_in_every_language(language: str) -> None:
    comment, code = PER_LANGUAGE[language]
    if language == "php":
        text = "<?php\n" + (code + "\n") * 5 + comment + "\n\n"
        line = 7
    elif language == "json":
        text = "[\n" + (code + "\n") * 5 + comment + "\n\n" + '"z"\n]\n'
        line = 7
    else:
        text = (code + "\n") * 5 + comment + "\n\n"
        line = 6
    result = intent.detect(text, line, 0, language_id=language)
    assert result.generation_type == "comment", result
    on_comment = intent.detect(text, line - 1, 3, language_id=language)
    assert on_comment.reason.startswith("rule 1"), on_comment
