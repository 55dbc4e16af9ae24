"""Language resolution, lazy grammars, Vue cursor mapping, unknown languages."""

from __future__ import annotations

import pytest

import intent
from intent.languages import SPECS, grammar, resolve

OFFICIAL = [
    "c",
    "cpp",
    "csharp",
    "css",
    "go",
    "java",
    "javascript",
    "javascriptreact",
    "typescript",
    "typescriptreact",
    "kotlin",
    "powershell",
    "python",
    "ruby",
    "rust",
    "scala",
    "shellscript",
    "yaml",
    "html",
    "json",
]
OURS = [
    "php",
    "swift",
    "lua",
    "sql",
    "elixir",
    "haskell",
    "terraform",
    "hcl",
    "dart",
    "zig",
    "ocaml",
    "perl",
    "scss",
    "toml",
]


@pytest.mark.parametrize("language_id", [*OFFICIAL, "vue", *OURS])
def test_supported_language_ids(language_id: str) -> None:
    assert intent.supports(language_id=language_id)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_grammar_loads_and_its_query_compiles(spec: object) -> None:
    loaded = grammar(spec.name)  # type: ignore[attr-defined]
    assert loaded.comments.pattern_count >= 1


def test_grammars_and_queries_are_built_once() -> None:
    assert grammar("python") is grammar("python")


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("a.py", "python"),
        ("A.TSX", "typescriptreact"),
        ("x.vue", "vue"),
        ("main.tf", "terraform"),
        ("s.sh", "shellscript"),
        ("c.h", "c"),
        ("x.unknown", None),
        ("Makefile", None),
    ],
)
def test_language_falls_back_to_the_extension(filename: str, expected: str | None) -> None:
    assert resolve(None, filename) == expected


def test_language_id_wins_over_the_extension() -> None:
    assert resolve("ruby", "a.py") == "ruby"


def test_unknown_language_id_falls_back_to_the_extension() -> None:
    assert resolve("plaintext", "a.go") == "go"


@pytest.mark.parametrize("language_id", ["r", "plaintext", "markdown", "", None])
def test_unknown_language_is_completion_with_a_reason(language_id: str | None) -> None:
    result = intent.detect("# sort\n\n", 1, 0, language_id=language_id, filename="notes.txt")
    assert result.intent == "completion"
    assert "unknown language" in result.reason
    assert not intent.supports(language_id=language_id, filename="notes.txt")


VUE = """<template>
  <!-- a template comment, not analysed -->

  <div>{{ msg }}</div>
</template>

<script lang="ts">
const a: number = 1; const s = "😀"; // emoji before the cursor
// load the messages
</script>
"""


def test_vue_positions_are_whole_file_positions() -> None:
    result = intent.detect(
        VUE.replace("// load the messages\n", "// load the messages\n\n"), 9, 0, language_id="vue"
    )
    assert result.generation_type == "comment"
    assert result.user_instruction == "load the messages"


def test_vue_cursor_outside_the_script_is_completion() -> None:
    result = intent.detect(VUE, 2, 0, language_id="vue")
    assert result.intent == "completion"
    assert "outside the <script>" in result.reason


def test_vue_columns_on_a_line_with_an_emoji() -> None:
    line = VUE.split("\n")[7]
    comment_col = len(line[: line.index("//")].encode("utf-16-le")) // 2
    assert intent.detect(VUE, 7, comment_col + 3, language_id="vue").reason.startswith("rule 1")


def test_vue_script_setup_and_tsx() -> None:
    text = '<script setup lang="tsx">\nconst a = 1\nconst b = 2\nconst c = 3\nconst d = 4\nconst e = 5\nconst f = () => {}\n</script>\n'
    assert intent.detect(text, 6, 17, language_id="vue").generation_type == "empty_function"
