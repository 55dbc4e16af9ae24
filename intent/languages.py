"""The language table: LSP languageId or file extension -> grammar, comment and function nodes.

Grammars are imported on first use and each language's query is compiled once per process
(`grammar()` is cached), so a server that only ever sees Python never loads Kotlin.
"""

from __future__ import annotations

import importlib
import warnings
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from intent.model import GrammarUnavailableError

if TYPE_CHECKING:
    from tree_sitter import Language, Query

#: How a language delimits function bodies, which decides how rule 5 finds "inside the body".
BodyStyle = Literal["braces", "python", "keyword_end", "equations", "sql", "none"]


@dataclass(frozen=True, slots=True)
class LanguageSpec:
    name: str
    module: str
    factory: str = "language"
    comment_types: tuple[str, ...] = ("comment",)
    function_types: tuple[str, ...] = ()
    body_style: BodyStyle = "braces"
    extensions: tuple[str, ...] = ()
    docstrings: bool = False
    indentation_scoped: bool = False
    #: Node types that sit inside a function's braces but belong to its header
    #: (Ruby `|x|`, Kotlin `x ->`, Swift `(x) in`): they are not statements.
    header_types: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=())
    #: Extra query capturing documentation that is not a comment node (`@doc """..."""`).
    doc_query: str = ""
    #: The line-comment marker, used to still see comments inside a region the parser
    #: could not make sense of (an ERROR node swallows them). Empty: the language has none.
    line_comment: str = "//"
    #: Type definitions whose empty body counts as an empty definition for rule 5 (class,
    #: struct, interface, trait, impl, object, module...). Enums, namespaces, object
    #: literals and control-flow blocks are never listed: their bodies are not definitions.
    type_types: tuple[str, ...] = ()


_C_FAMILY_FUNCS = ("function_definition", "lambda_expression")
_JS_FUNCS = (
    "function_declaration",
    "function_expression",
    "function",
    "arrow_function",
    "method_definition",
    "generator_function_declaration",
    "generator_function",
)

SPECS: tuple[LanguageSpec, ...] = (
    LanguageSpec(
        "c",
        "tree_sitter_c",
        type_types=("struct_specifier", "union_specifier"),
        function_types=_C_FAMILY_FUNCS,
        extensions=(".c", ".h"),
    ),
    LanguageSpec(
        "cpp",
        "tree_sitter_cpp",
        type_types=("class_specifier", "struct_specifier", "union_specifier"),
        function_types=_C_FAMILY_FUNCS,
        extensions=(".cpp", ".cc", ".cxx", ".c++", ".hpp", ".hh", ".hxx", ".h++", ".ino"),
    ),
    LanguageSpec(
        "csharp",
        "tree_sitter_c_sharp",
        type_types=(
            "class_declaration",
            "struct_declaration",
            "interface_declaration",
            "record_declaration",
        ),
        function_types=(
            "method_declaration",
            "constructor_declaration",
            "destructor_declaration",
            "local_function_statement",
            "lambda_expression",
            "anonymous_method_expression",
            "operator_declaration",
            "conversion_operator_declaration",
            "accessor_declaration",
        ),
        extensions=(".cs",),
    ),
    LanguageSpec(
        "css", "tree_sitter_css", line_comment="", body_style="none", extensions=(".css",)
    ),
    LanguageSpec(
        "go",
        "tree_sitter_go",
        type_types=("struct_type", "interface_type"),
        function_types=("function_declaration", "method_declaration", "func_literal"),
        extensions=(".go",),
    ),
    LanguageSpec(
        "java",
        "tree_sitter_java",
        type_types=("class_declaration", "interface_declaration", "record_declaration"),
        comment_types=("line_comment", "block_comment"),
        function_types=(
            "method_declaration",
            "constructor_declaration",
            "compact_constructor_declaration",
            "lambda_expression",
        ),
        extensions=(".java",),
    ),
    LanguageSpec(
        "javascript",
        "tree_sitter_javascript",
        type_types=("class_declaration", "class"),
        function_types=_JS_FUNCS,
        extensions=(".js", ".mjs", ".cjs"),
    ),
    LanguageSpec(
        "javascriptreact",
        "tree_sitter_javascript",
        type_types=("class_declaration", "class"),
        function_types=_JS_FUNCS,
        extensions=(".jsx",),
    ),
    LanguageSpec(
        "typescript",
        "tree_sitter_typescript",
        type_types=(
            "class_declaration",
            "abstract_class_declaration",
            "class",
            "interface_declaration",
        ),
        factory="language_typescript",
        function_types=_JS_FUNCS,
        extensions=(".ts", ".mts", ".cts"),
    ),
    LanguageSpec(
        "typescriptreact",
        "tree_sitter_typescript",
        type_types=(
            "class_declaration",
            "abstract_class_declaration",
            "class",
            "interface_declaration",
        ),
        factory="language_tsx",
        function_types=_JS_FUNCS,
        extensions=(".tsx",),
    ),
    LanguageSpec(
        "kotlin",
        "tree_sitter_kotlin",
        type_types=("class_declaration", "object_declaration", "companion_object"),
        comment_types=("line_comment", "block_comment"),
        function_types=(
            "function_declaration",
            "secondary_constructor",
            "anonymous_function",
            "lambda_literal",
            "getter",
            "setter",
        ),
        header_types=("lambda_parameters",),
        extensions=(".kt", ".kts"),
    ),
    LanguageSpec(
        "powershell",
        "tree_sitter_powershell",
        type_types=("class_statement",),
        line_comment="#",
        function_types=(
            "function_statement",
            "script_block_expression",
            "class_method_definition",
        ),
        extensions=(".ps1", ".psm1", ".psd1"),
    ),
    LanguageSpec(
        "python",
        "tree_sitter_python",
        type_types=("class_definition",),
        line_comment="#",
        function_types=("function_definition",),
        body_style="python",
        docstrings=True,
        indentation_scoped=True,
        extensions=(".py", ".pyw", ".pyi"),
    ),
    LanguageSpec(
        "ruby",
        "tree_sitter_ruby",
        type_types=("class", "module", "singleton_class"),
        line_comment="#",
        function_types=("method", "singleton_method", "lambda", "block", "do_block"),
        body_style="keyword_end",
        header_types=("block_parameters", "lambda_parameters"),
        extensions=(".rb", ".rake", ".gemspec", ".ru"),
    ),
    LanguageSpec(
        "rust",
        "tree_sitter_rust",
        type_types=("impl_item", "trait_item", "struct_item", "union_item"),
        comment_types=("line_comment", "block_comment"),
        function_types=("function_item", "closure_expression"),
        extensions=(".rs",),
    ),
    LanguageSpec(
        "scala",
        "tree_sitter_scala",
        type_types=("class_definition", "object_definition", "trait_definition"),
        comment_types=("comment", "block_comment"),
        function_types=("function_definition", "lambda_expression"),
        extensions=(".scala", ".sc"),
    ),
    LanguageSpec(
        "shellscript",
        "tree_sitter_bash",
        line_comment="#",
        function_types=("function_definition",),
        extensions=(".sh", ".bash", ".zsh", ".ksh"),
        aliases=("sh", "bash", "zsh", "shell"),
    ),
    LanguageSpec(
        "yaml",
        "tree_sitter_yaml",
        line_comment="#",
        body_style="none",
        extensions=(".yaml", ".yml"),
    ),
    LanguageSpec(
        "html", "tree_sitter_html", line_comment="", body_style="none", extensions=(".html", ".htm")
    ),
    LanguageSpec(
        "json",
        "tree_sitter_json",
        line_comment="",
        body_style="none",
        extensions=(".json", ".jsonc", ".json5"),
        aliases=("jsonc", "json5"),
    ),
    # ours, beyond the official client's twenty
    LanguageSpec(
        "php",
        "tree_sitter_php",
        type_types=("class_declaration", "interface_declaration", "trait_declaration"),
        factory="language_php",
        function_types=(
            "function_definition",
            "method_declaration",
            "anonymous_function",
            "anonymous_function_creation_expression",
        ),
        extensions=(".php", ".phtml"),
    ),
    LanguageSpec(
        "swift",
        "tree_sitter_swift",
        type_types=("class_declaration", "protocol_declaration"),
        comment_types=("comment", "multiline_comment"),
        function_types=(
            "function_declaration",
            "init_declaration",
            "deinit_declaration",
            "lambda_literal",
        ),
        header_types=("lambda_function_type", "in"),
        extensions=(".swift",),
    ),
    LanguageSpec(
        "lua",
        "tree_sitter_lua",
        line_comment="--",
        function_types=("function_declaration", "function_definition"),
        body_style="keyword_end",
        extensions=(".lua",),
    ),
    LanguageSpec(
        "sql",
        "tree_sitter_sql",
        comment_types=("comment", "marginalia"),
        body_style="sql",
        line_comment="--",
        extensions=(".sql",),
    ),
    LanguageSpec(
        "elixir",
        "tree_sitter_elixir",
        line_comment="#",
        doc_query=(
            "(unary_operator operand: (call target: (identifier) @_name"
            ' (arguments (string))) (#match? @_name "^(module|type)?doc$")) @doc'
        ),
        function_types=("anonymous_function", "call"),
        body_style="keyword_end",
        extensions=(".ex", ".exs"),
    ),
    LanguageSpec(
        "haskell",
        "tree_sitter_haskell",
        comment_types=("comment", "haddock"),
        body_style="equations",
        line_comment="--",
        extensions=(".hs", ".lhs"),
    ),
    LanguageSpec(
        "terraform",
        "tree_sitter_hcl",
        line_comment="#",
        body_style="none",
        extensions=(".tf", ".tfvars", ".hcl"),
        aliases=("hcl", "terraform-vars"),
    ),
    LanguageSpec(
        "dart",
        "tree_sitter_dart",
        type_types=("class_definition", "mixin_declaration", "extension_declaration"),
        comment_types=("comment", "documentation_comment"),
        function_types=("function_body", "function_expression_body"),
        extensions=(".dart",),
    ),
    LanguageSpec(
        "zig",
        "tree_sitter_zig",
        type_types=("struct_declaration", "union_declaration", "opaque_declaration"),
        function_types=("function_declaration",),
        extensions=(".zig",),
    ),
    LanguageSpec(
        "ocaml",
        "tree_sitter_ocaml",
        factory="language_ocaml",
        body_style="equations",
        line_comment="",
        extensions=(".ml", ".mli"),
    ),
    LanguageSpec(
        "perl",
        "tree_sitter_perl",
        line_comment="#",
        comment_types=("comment", "pod"),
        function_types=("subroutine_declaration_statement", "anonymous_subroutine_expression"),
        extensions=(".pl", ".pm", ".t"),
    ),
    LanguageSpec(
        "scss",
        "tree_sitter_scss",
        comment_types=("comment", "js_comment"),
        function_types=("function_statement", "mixin_statement"),
        extensions=(".scss",),
    ),
    LanguageSpec(
        "toml", "tree_sitter_toml", line_comment="#", body_style="none", extensions=(".toml",)
    ),
)

_BY_ID: dict[str, LanguageSpec] = {}
_BY_EXT: dict[str, LanguageSpec] = {}
for _spec in SPECS:
    _BY_ID[_spec.name] = _spec
    for _alias in _spec.aliases:
        _BY_ID[_alias] = _spec
    for _ext in _spec.extensions:
        _BY_EXT.setdefault(_ext, _spec)

#: Vue is not a grammar of its own: its `<script>` block is analysed as JS or TS.
VUE = "vue"


def resolve(language_id: str | None = None, filename: str | None = None) -> str | None:
    """Canonical language name for a languageId, else the file extension; None if unknown."""
    if language_id:
        key = language_id.strip().lower()
        if key == VUE:
            return VUE
        if key in _BY_ID:
            return _BY_ID[key].name
    if filename:
        suffix = PurePath(filename).suffix.lower()
        if suffix == ".vue":
            return VUE
        spec = _BY_EXT.get(suffix)
        if spec is not None:
            return spec.name
    return None


def supported_languages() -> list[str]:
    return sorted({s.name for s in SPECS} | {VUE})


@dataclass(frozen=True, slots=True)
class Grammar:
    spec: LanguageSpec
    language: Language
    comments: Query


def _comment_query(spec: LanguageSpec) -> str:
    parts = [f"({t}) @comment" for t in spec.comment_types]
    if spec.docstrings:
        parts += [
            # No `.` anchor: comments are named nodes, so an anchored pattern missed a
            # docstring after a shebang or a comment. `_is_docstring` checks "first".
            "(module (expression_statement (string) @docstring))",
            "(block (expression_statement (string) @docstring))",
        ]
    if spec.doc_query:
        parts.append(spec.doc_query)
    return "\n".join(parts)


@cache
def grammar(name: str) -> Grammar:
    """The loaded grammar and compiled query of a language (once per process)."""
    from tree_sitter import Language, Query

    spec = _BY_ID[name]
    try:
        module = importlib.import_module(spec.module)
        factory = getattr(module, spec.factory)
        with warnings.catch_warnings():
            # some wheels still hand out an int pointer instead of a capsule
            warnings.simplefilter("ignore", DeprecationWarning)
            language = Language(factory())
    except (ImportError, AttributeError) as exc:
        raise GrammarUnavailableError(f"grammar for {name!r} is not installed: {exc}") from exc
    return Grammar(spec, language, Query(language, _comment_query(spec)))
