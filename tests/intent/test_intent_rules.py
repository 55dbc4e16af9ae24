"""The rules of docs/intent.md, one family of languages at a time."""

from __future__ import annotations

import pytest

import intent
from intent import Intent

CODE5 = "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n"  # five code lines: never a small file


def at(text: str, language: str, filename: str | None = None) -> Intent:
    """Detect at the `█` marker (positions computed in UTF-16)."""
    before, after = text.split("█")
    lines = before.split("\n")
    character = len(lines[-1].encode("utf-16-le")) // 2
    return intent.detect(
        before + after, len(lines) - 1, character, language_id=language, filename=filename
    )


# -- rule 1: on a comment ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("python", CODE5 + "# sort the us█ers\n"),
        ("python", CODE5 + "x = 1  # trailing comme█nt\n"),
        ("python", CODE5 + "█# cursor at the start of a comment line\n"),
        ("javascript", CODE5.replace("\n", ";\n") + "/*\n * block comme█nt\n */\n"),
        ("javascript", CODE5.replace("\n", ";\n") + "/*\n█\n */\n"),
        ("rust", "fn a() {}\nfn b() {}\nfn c() {}\nfn d() {}\nfn e() {}\n/// doc█ comment\n"),
        ("ruby", CODE5 + "=begin\nsome text█\n=end\n"),
        ("html", "<p>\n<p>\n<p>\n<p>\n<p>\n<!-- a comm█ent -->\n"),
    ],
)
def test_rule1_cursor_on_a_comment_is_completion(language: str, text: str) -> None:
    result = at(text, language)
    assert result.intent == "completion"
    assert result.reason.startswith("rule 1")


def test_rule1_python_docstring_line_is_a_comment() -> None:
    text = 'def f():\n    """Sort the us█ers."""\n' + CODE5
    assert at(text, "python").reason.startswith("rule 1")


# -- rule 2: a comment block above ------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "text", "instruction"),
    [
        (
            "python",
            CODE5 + "# sort the users\n# by age, oldest first\n█",
            "sort the users\nby age, oldest first",
        ),
        ("python", CODE5 + "# sort the users\n\n\n█", "sort the users"),
        (
            "javascript",
            CODE5 + "/**\n * Compute the checksum.\n * @param {Buffer} buf\n */\n█",
            "Compute the checksum.\n@param {Buffer} buf",
        ),
        ("go", CODE5 + "// Fetch the user\n// and cache it\n█", "Fetch the user\nand cache it"),
        (
            "rust",
            CODE5 + "/// Parses the header\n//! module doc\n█",
            "Parses the header\nmodule doc",
        ),
        ("lua", CODE5 + "-- read the file\n█", "read the file"),
        ("haskell", CODE5 + "{- merge two sorted lists -}\n█", "merge two sorted lists"),
        ("ocaml", CODE5 + "(* merge two sorted lists *)\n█", "merge two sorted lists"),
        ("html", "<p>\n<p>\n<p>\n<p>\n<p>\n<!-- a list of users -->\n█", "a list of users"),
        ("ruby", CODE5 + "=begin\nparse the csv\n=end\n█", "parse the csv"),
        (
            "css",
            ".a{}\n.b{}\n.c{}\n.d{}\n.e{}\n/* a dark theme */\n/* with blue links */\n█",
            "a dark theme\nwith blue links",
        ),
        ("python", CODE5 + "# 按年龄排序用户\n█", "按年龄排序用户"),
        ("python", CODE5 + "# Отсортировать пользователей\n█", "Отсортировать пользователей"),
        ("python", CODE5 + "# Benutzer nach Alter sortieren\n█", "Benutzer nach Alter sortieren"),
        (
            "powershell",
            CODE5.replace("a =", "$a =") + "<#\n.SYNOPSIS\n  Copy the files\n#>\n█",
            ".SYNOPSIS\nCopy the files",
        ),
    ],
)
def test_rule2_comment_block_is_the_instruction(language: str, text: str, instruction: str) -> None:
    result = at(text, language)
    assert (result.intent, result.generation_type) == ("generation", "comment"), result
    assert result.user_instruction == instruction


def test_rule2_blank_line_ends_the_run() -> None:
    text = CODE5 + "# first block\n\n# second block\n█"
    assert at(text, "python").user_instruction == "second block"


def test_rule2_cursor_line_must_be_blank() -> None:
    assert at(CODE5 + "# sort the users\nx = █\n", "python").intent == "completion"


def test_rule2_python_docstring_only_statement_of_a_function() -> None:
    text = CODE5 + 'def by_age(users):\n    """Sort the users by age."""\n    █\n'
    result = at(text, "python")
    assert result.generation_type == "comment"
    assert result.user_instruction == "Sort the users by age."


def test_rule2_class_and_module_docstrings_are_not_instructions() -> None:
    text = '"""Helpers."""\n' + CODE5 + 'class A:\n    """A thing."""\n    x = 1\n    █\n'
    assert at(text, "python").generation_type is None
    # a class holding only its docstring is an empty definition (rule 5), not a comment
    empty = '"""Helpers."""\n' + CODE5 + 'class A:\n    """A thing."""\n    █\n'
    assert at(empty, "python").generation_type == "empty_function"


def test_rule2_python_dedented_cursor_is_another_scope() -> None:
    text = CODE5 + "def f():\n    x = 1\n    # add the totals\n█"
    assert at(text, "python").generation_type != "comment"


def test_rule2_comment_in_closed_body_does_not_instruct_after_the_brace() -> None:
    text = CODE5.replace("\n", ";\n") + "function f() {\n  // build the index\n}\n█"
    assert at(text, "javascript").generation_type != "comment"


# -- rule 3: never instructions ---------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "comment"),
    [
        ("python", "# noqa: E501"),
        ("python", "# type: ignore[attr-defined]"),
        ("python", "# pylint: disable=too-many-locals"),
        ("python", "# -*- coding: utf-8 -*-"),
        ("python", "# vim: set ts=4 sw=4:"),
        ("javascript", "// eslint-disable-next-line no-console"),
        ("typescript", "// @ts-ignore"),
        ("typescript", "// @ts-expect-error"),
        ("typescript", "// prettier-ignore"),
        ("go", "//go:generate stringer -type=Kind"),
        ("go", "//go:build linux"),
        ("go", "// +build linux"),
        ("go", "// nolint"),
        ("ruby", "# frozen_string_literal: true"),
        ("ruby", "# rubocop:disable Metrics/MethodLength"),
        ("shellscript", "# shellcheck disable=SC2086"),
        ("cpp", "// clang-format off"),
        ("swift", "// swiftlint:disable force_cast"),
        ("lua", "-- luacheck: ignore 212"),
        ("csharp", "// #region helpers"),
        ("python", "# ---------------------------------"),
        ("javascript", "// ====================="),
        ("python", "# ok"),
        ("python", "# x = compute(a, b)"),
        ("javascript", "// console.log(value);"),
        ("java", "// return x;"),
        ("python", "# import os"),
        ("javascript", "// }"),
        ("python", "# Copyright (c) 2024 Acme Corp"),
        ("python", "# SPDX-License-Identifier: MIT"),
        ("shellscript", "#!/usr/bin/env bash"),
    ],
)
def test_rule3_never_an_instruction(language: str, comment: str) -> None:
    code = (
        CODE5
        if language in ("python", "ruby", "shellscript", "lua")
        else CODE5.replace("\n", ";\n")
    )
    result = at(code + comment + "\n█", language)
    assert result.generation_type != "comment", result


def test_rule3_excluded_lines_are_dropped_from_the_block() -> None:
    text = CODE5 + "# noqa\n# -----\n# parse the header row\n# x = parse(row)\n█"
    assert at(text, "python").user_instruction == "parse the header row"


@pytest.mark.parametrize(
    ("language", "block"),
    [
        ("python", "# build the report\n#"),
        ("python", "# build the report\n# ----------"),
        ("javascript", "// build the report\n// "),
        ("css", "/* build the report */\n/* */"),
        ("haskell", "-- build the report\n--"),
    ],
)
def test_rule2_a_block_ending_in_an_empty_comment_is_no_instruction(
    language: str, block: str
) -> None:
    """Team decision (docs/intent.md): the comment line nearest the cursor decides."""
    code = CODE5 if language in ("python", "haskell") else CODE5.replace("\n", ";\n")
    if language == "css":
        code = "a { b: c; }\n" * 5
    result = at(code + block + "\n█", language)
    assert result.generation_type != "comment", result


def test_rule2_an_empty_comment_inside_the_block_is_only_dropped() -> None:
    text = CODE5 + "# build the report\n#\n# then mail it\n█"
    assert at(text, "python").user_instruction == "build the report\nthen mail it"


def test_rule2_a_block_comment_closing_line_is_not_an_empty_comment() -> None:
    text = CODE5.replace("\n", ";\n") + "/*\n * build the report\n *\n */\n█"
    assert at(text, "javascript").user_instruction == "build the report"


def test_rule3_license_header_block() -> None:
    text = "# Licensed under the Apache License, Version 2.0\n# see LICENSE\n\n█\n" + CODE5
    assert at(text, "python").generation_type != "comment"


def test_rule3_prose_that_ends_with_a_semicolon_is_kept() -> None:
    text = CODE5 + "# when the count is above the limit, respond with an error and stop here;\n█"
    assert at(text, "python").generation_type == "comment"


# -- rule 4: small file -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("python", "import os\n\nx = 1█\n"),
        ("python", '"""Module doc."""\n# a comment\nimport os\n█\n'),
        ("json", '{\n  "a": █1\n}\n'),
        ("yaml", "a: 1\nb: █2\n"),
        ("toml", "[a]\nb = █1\n"),
        ("css", ".a {\n  color: red;█\n}\n"),
        ("html", "<p>hi█</p>\n"),
        ("javascript", "/*\n line\n line\n line\n*/\nconst a = 1;█\n"),
    ],
)
def test_rule4_small_file(language: str, text: str) -> None:
    result = at(text, language)
    assert (result.intent, result.generation_type) == ("generation", "small_file"), result


def test_rule4_five_code_lines_is_not_small() -> None:
    assert at(CODE5 + "█", "python").intent == "completion"


# -- rule 5: empty function -------------------------------------------------------------
EMPTY_FUNCTIONS = [
    ("python", CODE5 + "def f(x):\n    █\n"),
    ("python", CODE5 + "def f(x):\n    pass█\n"),
    ("python", CODE5 + "def f(x):\n    ...\n    █\n"),
    ("python", CODE5 + "def f(x):\n█"),
    ("python", CODE5 + "class A:\n    def m(self):\n        █\n    def n(self):\n        pass\n"),
    ("javascript", CODE5 + "function f() {█}\n"),
    ("javascript", CODE5 + "const f = () => {\n  █\n};\n"),
    ("typescript", CODE5 + "class A {\n  m(): void {█}\n}\n"),
    ("typescriptreact", CODE5 + "const C = () => {█};\n"),
    ("go", CODE5 + "func f() {\n\t█\n}\n"),
    ("java", "class A {\n int a;\n int b;\n int c;\n int d;\n int e;\n void m() {█}\n}\n"),
    ("kotlin", "val a = 1\nval b = 2\nval c = 3\nval d = 4\nval e = 5\nfun f() {█}\n"),
    ("csharp", "class A {\n int a;\n int b;\n int c;\n int d;\n int e;\n void M() {█}\n}\n"),
    ("c", CODE5.replace("\n", ";\n") + "void f(void) {\n█\n}\n"),
    ("cpp", CODE5.replace("\n", ";\n") + "auto f = []() {█};\n"),
    ("rust", "fn a() {}\nfn b() {}\nfn c() {}\nfn d() {}\nfn e() {}\nfn f() {\n    █\n}\n"),
    ("scala", "val a = 1\nval b = 2\nval c = 3\nval d = 4\nval e = 5\ndef f(): Unit = {\n  █\n}\n"),
    ("ruby", CODE5 + "def f(x)\n  █\nend\n"),
    ("ruby", CODE5 + "g = lambda { |x| █}\n"),
    ("shellscript", CODE5.replace(" = ", "=") + "f() {\n  █\n}\n"),
    ("php", "<?php\n$a = 1;\n$b = 2;\n$c = 3;\n$d = 4;\n$e = 5;\nfunction f() {█}\n"),
    ("swift", "let a = 1\nlet b = 2\nlet c = 3\nlet d = 4\nlet e = 5\nfunc f() {█}\n"),
    ("lua", CODE5 + "function f()\n  █\nend\n"),
    ("dart", "int a = 1;\nint b = 2;\nint c = 3;\nint d = 4;\nint e = 5;\nvoid f() {█}\n"),
    (
        "zig",
        "const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\nconst e = 5;\nfn f() void {█}\n",
    ),
    ("perl", "my $a = 1;\nmy $b = 2;\nmy $c = 3;\nmy $d = 4;\nmy $e = 5;\nsub f {█}\n"),
    (
        "elixir",
        "defmodule A do\n  @a 1\n  @b 2\n  @c 3\n  @d 4\n  def f(x) do\n    █\n  end\nend\n",
    ),
    ("haskell", "module A where\nimport B\na = 1\nb = 2\nc = 3\nf x =\n  █\n"),
    ("ocaml", "let a = 1\nlet b = 2\nlet c = 3\nlet d = 4\nlet e = 5\nlet f x =\n  █\n"),
    (
        "sql",
        "SELECT 1;\nSELECT 2;\nSELECT 3;\nSELECT 4;\nSELECT 5;\nCREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  █\nEND;\n$$ LANGUAGE plpgsql;\n",
    ),
    (
        "vue",
        "<template><p/></template>\n<script>\nconst a = 1\nconst b = 2\nconst c = 3\nconst d = 4\nconst e = 5\nfunction f() {█}\n</script>\n",
    ),
]


# Team decision (docs/intent.md): empty type bodies are empty definitions too.
EMPTY_TYPE_BODIES = [
    ("python", CODE5 + "class A:\n    █\n"),
    ("python", CODE5 + "class A:\n    █\n    pass\n"),
    ("javascript", CODE5 + "class A {█}\n"),
    ("typescript", CODE5 + "interface I {\n  █\n}\n"),
    ("ruby", CODE5 + "class A\n  █\nend\n"),
    ("ruby", CODE5 + "module M\n  █\nend\n"),
    ("java", CODE5.replace("\n", ";\n") + "interface I {\n    █\n}\n"),
    ("kotlin", "val a = 1\nval b = 2\nval c = 3\nval d = 4\nval e = 5\nobject O {█}\n"),
    ("scala", "val a = 1\nval b = 2\nval c = 3\nval d = 4\nval e = 5\ntrait T {\n  █\n}\n"),
    ("rust", "fn a() {}\nfn b() {}\nfn c() {}\nfn d() {}\nfn e() {}\nimpl A {\n    █\n}\n"),
    ("rust", "fn a() {}\nfn b() {}\nfn c() {}\nfn d() {}\nmacro_rules! m {\n    () => {█};\n}\n"),
    ("cpp", CODE5.replace("\n", ";\n") + "class A {\npublic:\n    █\n};\n"),
    ("go", CODE5 + "type T struct {\n\t█\n}\n"),
    ("swift", "let a = 1\nlet b = 2\nlet c = 3\nlet d = 4\nlet e = 5\nprotocol P {█}\n"),
    ("haskell", "module A where\nimport B\na = 1\nb = 2\nc = 3\ninstance Show T where\n  █\n"),
    (
        "ocaml",
        "let a = 1\nlet b = 2\nlet c = 3\nlet d = 4\nlet e = 5\nmodule M = struct\n  █\nend\n",
    ),
]


@pytest.mark.parametrize(("language", "text"), EMPTY_FUNCTIONS + EMPTY_TYPE_BODIES)
def test_rule5_empty_function(language: str, text: str) -> None:
    result = at(text, language)
    assert (result.intent, result.generation_type) == ("generation", "empty_function"), result


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("python", CODE5 + "def f(x):\n    return x\n    █\n"),
        ("python", CODE5 + "def f(x):\n    pass\n█\n"),
        ("javascript", CODE5 + "if (a) {█}\n"),
        ("javascript", CODE5 + "const o = {█};\n"),
        ("javascript", CODE5 + "function f() {}█\n"),
        ("javascript", CODE5 + "function f(█) {}\n"),
        (
            "java",
            "class A {\n int a;\n int b;\n int c;\n int d;\n int e;\n void m() { if (a) {█} }\n}\n",
        ),
        ("go", CODE5 + "func f() {\n\tfor {█}\n}\n"),
        ("javascript", CODE5 + "class A {\n  m() {}\n  █\n}\n"),
        ("typescript", CODE5 + "enum E {█}\n"),
        ("typescript", CODE5 + "namespace N {█}\n"),
        ("cpp", CODE5.replace("\n", ";\n") + "namespace n {█}\n"),
        ("kotlin", "val a = 1\nval b = 2\nval c = 3\nval d = 4\nval e = 5\nenum class E {█}\n"),
        ("swift", "let a = 1\nlet b = 2\nlet c = 3\nlet d = 4\nlet e = 5\nenum E {█}\n"),
        ("rust", "fn a() {}\nfn b() {}\nfn c() {}\nfn d() {}\nfn e() {}\nenum E {█}\n"),
        ("python", CODE5 + "class A:\n    def m(self):\n        if x:\n            █\n"),
        (
            "rust",
            "fn a() {}\nfn b() {}\nfn c() {}\nfn d() {}\nmacro_rules! m {\n    () => { 1 █};\n}\n",
        ),
        ("lua", CODE5 + "function f()\n  if a then\n    █\n  end\n  return a\nend\n"),
    ],
)
def test_rule5_not_an_empty_function(language: str, text: str) -> None:
    result = at(text, language)
    assert result.intent == "completion", result


# -- precedence -------------------------------------------------------------------------
def test_rule2_wins_over_rule5() -> None:
    text = CODE5 + "def f():\n    # return the answer\n    █\n"
    result = at(text, "python")
    assert result.generation_type == "comment"
    assert result.user_instruction == "return the answer"


def test_rule1_wins_over_rule4() -> None:
    assert at("# tin█y file\n", "python").intent == "completion"


def test_intent_is_a_frozen_dataclass() -> None:
    result = at(CODE5 + "█", "python")
    with pytest.raises(AttributeError):
        result.intent = "generation"  # type: ignore[misc]


def test_rule2_jsx_comment_container() -> None:
    text = (
        'import a from "a";\nconst x = 1;\nconst y = 2;\nexport function L() {\n'
        "  return (\n    <ul>\n      {/* render each todo with a checkbox */}\n      █\n"
        "    </ul>\n  );\n}\n"
    )
    result = at(text, "javascriptreact")
    assert result.user_instruction == "render each todo with a checkbox"


@pytest.mark.parametrize(
    "before", ["", "#!/usr/bin/env python\n", "# -*- coding: utf-8 -*-\n", "# hello\n"]
)
def test_a_module_docstring_is_comment_whatever_comments_come_first(before: str) -> None:
    """Rule 4 counts code lines; a module docstring is documentation, not code, and a
    shebang or coding cookie above it must not turn its lines into code."""
    from intent.rules import SMALL_FILE_LINES

    docstring = '"""Tools.\n\n' + "".join(f"Line {n}.\n" for n in range(8)) + '"""\n'
    code = "".join(f"x{n} = {n}\n" for n in range(SMALL_FILE_LINES - 1))
    text = before + docstring + code + "\n"
    result = intent.detect(text, text.count("\n"), 0, language_id="python")
    assert result.generation_type == "small_file", result.reason
