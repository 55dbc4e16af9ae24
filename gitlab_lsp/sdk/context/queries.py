"""Tree-sitter queries per language: import statements and named definitions.

Languages and grammars come from `intent.languages` (one registry for the project); this
module only adds, for the languages whose imports can be followed, what to look for in their
trees. Each query is compiled once per process.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from intent.languages import grammar

if TYPE_CHECKING:
    from tree_sitter import Query

_JS_IMPORTS = """
(import_statement source: (string) @source)
(export_statement source: (string) @source)
((call_expression function: (identifier) @fn arguments: (arguments . (string) @source))
 (#eq? @fn "require"))
"""
_TS_IMPORTS = (
    _JS_IMPORTS
    + """
(import_require_clause source: (string) @source)
"""
)
_JS_DEFINITIONS = """
(function_declaration name: (identifier) @name) @def
(generator_function_declaration name: (identifier) @name) @def
(class_declaration name: (_) @name) @def
(method_definition name: (_) @name) @def
(program (lexical_declaration (variable_declarator name: (identifier) @name)) @def)
(program (variable_declaration (variable_declarator name: (identifier) @name)) @def)
(export_statement (lexical_declaration (variable_declarator name: (identifier) @name)) @def)
"""
_TS_DEFINITIONS = (
    _JS_DEFINITIONS
    + """
(abstract_class_declaration name: (_) @name) @def
(interface_declaration name: (_) @name) @def
(type_alias_declaration name: (_) @name) @def
(enum_declaration name: (_) @name) @def
(function_signature name: (_) @name) @def
(method_signature name: (_) @name) @def
(ambient_declaration (lexical_declaration (variable_declarator name: (identifier) @name)) @def)
(ambient_declaration (variable_declaration (variable_declarator name: (identifier) @name)) @def)
"""
)
_C_DEFINITIONS = """
(function_definition declarator: (function_declarator declarator: (identifier) @name)) @def
(function_definition declarator: (pointer_declarator
  declarator: (function_declarator declarator: (identifier) @name))) @def
(declaration declarator: (function_declarator declarator: (identifier) @name)) @def
(declaration declarator: (pointer_declarator
  declarator: (function_declarator declarator: (identifier) @name))) @def
(struct_specifier name: (type_identifier) @name body: (_)) @def
(union_specifier name: (type_identifier) @name body: (_)) @def
(enum_specifier name: (type_identifier) @name body: (_)) @def
(type_definition declarator: (type_identifier) @name) @def
(type_definition declarator: (pointer_declarator declarator: (type_identifier) @name)) @def
(preproc_def name: (identifier) @name) @def
(preproc_function_def name: (identifier) @name) @def
(enumerator name: (identifier) @name) @def
"""

IMPORTS: dict[str, str] = {
    "python": "(import_statement) @statement (import_from_statement) @statement",
    "javascript": _JS_IMPORTS,
    "javascriptreact": _JS_IMPORTS,
    "typescript": _TS_IMPORTS,
    "typescriptreact": _TS_IMPORTS,
    "go": "(import_spec path: (_) @source)",
    "java": "(import_declaration) @statement (package_declaration) @package",
    "ruby": """
((call method: (identifier) @fn arguments: (argument_list . (string (string_content) @source)))
 (#match? @fn "^require(_relative)?$"))
""",
    "rust": "(use_declaration argument: (_) @use) (mod_item name: (identifier) @mod !body)",
    "c": "(preproc_include path: (_) @source)",
    "cpp": "(preproc_include path: (_) @source)",
}

DEFINITIONS: dict[str, str] = {
    "python": """
(function_definition name: (identifier) @name) @def
(class_definition name: (identifier) @name) @def
(module (expression_statement (assignment left: (identifier) @name)) @def)
""",
    "javascript": _JS_DEFINITIONS,
    "javascriptreact": _JS_DEFINITIONS,
    "typescript": _TS_DEFINITIONS,
    "typescriptreact": _TS_DEFINITIONS,
    "go": """
(function_declaration name: (identifier) @name) @def
(method_declaration name: (field_identifier) @name) @def
(type_spec name: (type_identifier) @name) @def
(const_spec name: (identifier) @name) @def
(source_file (var_declaration (var_spec name: (identifier) @name) @def))
""",
    "java": """
(class_declaration name: (identifier) @name) @def
(interface_declaration name: (identifier) @name) @def
(enum_declaration name: (identifier) @name) @def
(record_declaration name: (identifier) @name) @def
(method_declaration name: (identifier) @name) @def
(constructor_declaration name: (identifier) @name) @def
(field_declaration declarator: (variable_declarator name: (identifier) @name)) @def
""",
    "ruby": """
(method name: (_) @name) @def
(singleton_method name: (_) @name) @def
(class name: (_) @name) @def
(module name: (_) @name) @def
(assignment left: (constant) @name) @def
""",
    "rust": """
(function_item name: (identifier) @name) @def
(function_signature_item name: (identifier) @name) @def
(struct_item name: (type_identifier) @name) @def
(enum_item name: (type_identifier) @name) @def
(trait_item name: (type_identifier) @name) @def
(type_item name: (type_identifier) @name) @def
(const_item name: (identifier) @name) @def
(static_item name: (identifier) @name) @def
(macro_definition name: (identifier) @name) @def
""",
    "c": _C_DEFINITIONS,
    "cpp": _C_DEFINITIONS
    + """
(class_specifier name: (type_identifier) @name body: (_)) @def
(function_definition declarator: (function_declarator
  declarator: (qualified_identifier name: (identifier) @name))) @def
(field_declaration declarator: (function_declarator declarator: (field_identifier) @name)) @def
""",
}

#: Languages that share one another's definitions (a TypeScript file imports JavaScript).
FAMILIES: dict[str, str] = {
    "javascript": "js",
    "javascriptreact": "js",
    "typescript": "js",
    "typescriptreact": "js",
    "vue": "js",
    "c": "c",
    "cpp": "c",
}


def family(language: str | None) -> str | None:
    if language is None:
        return None
    return FAMILIES.get(language, language)


@cache
def imports_query(language: str) -> Query | None:
    source = IMPORTS.get(language)
    if source is None:
        return None
    from tree_sitter import Query

    return Query(grammar(language).language, source)


@cache
def definitions_query(language: str) -> Query | None:
    source = DEFINITIONS.get(language)
    if source is None:
        return None
    from tree_sitter import Query

    return Query(grammar(language).language, source)
