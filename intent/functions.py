"""Rule 5: is the cursor inside the body of a definition that has no statements?

Definitions are functions, methods, lambdas and closures, and (a team decision, see
docs/intent.md) type definitions whose members the user has yet to write: classes,
structs, interfaces, traits, `impl` blocks, objects and modules, and Rust `macro_rules!`
arms. A body is a byte region (after `{`, `do`, `:` or the header; before `}` or `end`);
the cursor is inside when its offset lies in that region, both ends included, so
`function f() {█}` counts. `if` blocks, object literals, enums and namespaces are never
looked at: only the node types listed in the language table are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tree_sitter import Node

from intent import textual
from intent.analysis import Analysis

_KEYWORD_FUNCS = frozenset({"function_declaration", "function_definition", "anonymous_function"})
_OPEN = frozenset({"{", "do", "->", "=>", "then"})
_CLOSE = frozenset({"}", "end"})
_PY_PLACEHOLDERS = frozenset({"pass_statement"})
_ELIXIR_DEFS = frozenset(
    {b"def", b"defp", b"defmacro", b"defmacrop", b"defmodule", b"defprotocol", b"defimpl"}
)
_BODY_LIKE = re.compile(r"body|^block|block$|compound_statement|statement_block|statement_list")
#: Named nodes inside a type body that declare nothing (C++ `public:`).
_NOT_MEMBERS = frozenset({"empty_statement", "access_specifier"})
_BODY_WRAPPERS = frozenset({"body_statement", "block_body", "block", "statement_list"})


@dataclass(frozen=True, slots=True)
class Body:
    start: int
    end: int
    statements: int


def empty_function_at(analysis: Analysis, offset: int, line: int) -> str | None:
    """What the cursor is inside of, when that is an empty function ("function item",
    "equation with an empty right-hand side"...), or None.

    The innermost function whose body holds the cursor decides: if it has statements the
    answer is None even when an outer function is empty (it cannot be).
    """
    spec = analysis.grammar.spec
    if spec.body_style == "equations":
        kind = textual.empty_equation(analysis.view, line, offset, spec.name)
        return None if kind is None else f"{kind} (nothing written under its header)"
    if spec.body_style == "sql":
        found = textual.empty_sql_routine(analysis.view, line, offset)
        return "routine (nothing between BEGIN and END)" if found else None
    if spec.body_style == "none" or not (spec.function_types or spec.type_types):
        return None
    if spec.name == "rust":
        if _rust_macro_function(analysis, offset) is not None:
            return "fn in a macro"
        arm = _rust_macro_arm(analysis, offset)
        if arm is not None:
            return "macro_rules! arm" if arm else None
    fn = _innermost_body_owner(analysis, offset, line)
    if fn is None:
        return None
    target = fn.child_by_field_name("target") if fn.type == "call" else None
    if target is not None and target.text:  # Elixir: name the macro, `defmodule`, `def`...
        return target.text.decode("utf-8", errors="replace")
    return fn.type.replace("_", " ")


def _innermost_body_owner(analysis: Analysis, offset: int, line: int) -> Node | None:
    spec = analysis.grammar.spec
    for fn in _candidates(analysis, offset, line):
        body = _body(analysis, fn)
        if body is None:
            continue
        inside = body.start <= offset <= body.end
        if not inside and spec.body_style == "python":
            inside = _python_trailing_inside(analysis, fn, body, offset, line)
        if inside:
            return fn if body.statements == 0 else None
    return None


def _candidates(analysis: Analysis, offset: int, line: int) -> list[Node]:
    types = frozenset(analysis.grammar.spec.function_types + analysis.grammar.spec.type_types)
    seen: set[int] = set()
    out: list[Node] = []
    starts = [analysis.root.descendant_for_byte_range(offset, offset)]
    if analysis.grammar.spec.body_style == "python":
        # A blank line below `def f():` may lie after the function node ends.
        above = line - 1
        while above >= 0 and analysis.view.is_blank(above):
            above -= 1
        if above >= 0:
            content = analysis.view.content_range(above)
            if content is not None:
                starts.append(analysis.root.descendant_for_byte_range(content[1] - 1, content[1]))
    for node in starts:
        while node is not None:
            if node.type in types and node.id not in seen and _is_function(analysis, node):
                seen.add(node.id)
                out.append(node)
            node = node.parent
    out.sort(key=lambda n: n.start_byte, reverse=True)
    return out


def _is_function(analysis: Analysis, node: Node) -> bool:
    if node.type == "call":  # Elixir: only `def name do ... end` and friends
        target = node.child_by_field_name("target")
        return target is not None and target.text in _ELIXIR_DEFS
    return True


def _body(analysis: Analysis, fn: Node) -> Body | None:
    style = analysis.grammar.spec.body_style
    if style == "python":
        return _python_body(analysis, fn)
    if fn.type in analysis.grammar.spec.type_types:
        return _type_body(analysis, fn)
    container = _brace_container(fn)
    if container is None:
        return None
    return _region(analysis, container)


def _brace_container(fn: Node) -> Node | None:
    """The node whose direct children are the body's opening and closing tokens."""
    body = fn.child_by_field_name("body")
    if body is not None:
        found = _search_braces(body, depth=1)
        if found is not None:
            return found
    return _search_braces(fn, depth=2)


def _search_braces(node: Node, depth: int) -> Node | None:
    types = [c.type for c in node.children]
    if any(t in _CLOSE for t in types) and (
        any(t in _OPEN for t in types) or node.type in ("method", "singleton_method")
    ):
        return node
    if node.type in _KEYWORD_FUNCS and "end" in types:
        return node  # Lua `function f() ... end`, Elixir `fn x -> ... end`
    if depth == 0:
        return None
    for child in reversed(node.named_children):
        if not _BODY_LIKE.search(child.type):
            continue
        found = _search_braces(child, depth - 1)
        if found is not None:
            return found
    return None


def _region(analysis: Analysis, container: Node) -> Body | None:
    spec = analysis.grammar.spec
    kids = container.children
    close_index = max((i for i, k in enumerate(kids) if k.type in _CLOSE), default=None)
    if close_index is None:
        return None
    close = kids[close_index]
    start: int | None = None
    first_body = 0
    for i, kid in enumerate(kids[:close_index]):
        field = container.field_name_for_child(i)
        if (
            kid.type in _OPEN
            or kid.type in spec.header_types
            or field in ("name", "parameters", "target", "arguments")
            or (kid.is_named and "param" in kid.type)
            or kid.type in ("|", "in", "def", "function", "fn", "sub")
            or kid.type in ("class_method_parameter_list", "simple_name", "type_literal")
        ):
            start = kid.end_byte
            first_body = i + 1
    if start is None:
        return None
    statements = 0
    comment_types = spec.comment_types
    for kid in kids[first_body:close_index]:
        if not kid.is_named or kid.type in comment_types or kid.type in spec.header_types:
            continue
        if kid.type in _BODY_WRAPPERS or kid.type == "stab_clause":
            statements += _count_statements(kid, comment_types)
        elif kid.type == "empty_statement":
            continue
        else:
            statements += 1
    return Body(start, close.start_byte, statements)


def _count_statements(node: Node, comment_types: tuple[str, ...]) -> int:
    count = 0
    for kid in node.named_children:
        if kid.type in comment_types or kid.type == "empty_statement":
            continue
        if kid.type in _BODY_WRAPPERS:
            count += _count_statements(kid, comment_types)
        elif kid.type in ("arguments", "parameters"):
            continue
        elif kid.type == "body":  # Elixir stab_clause body
            count += _count_statements(kid, comment_types)
        else:
            count += 1
    return count


def _python_body(analysis: Analysis, fn: Node) -> Body | None:
    colon = next((c for c in fn.children if c.type == ":"), None)
    if colon is None:
        return None
    body = fn.child_by_field_name("body")
    statements = 0
    if body is not None:
        for index, stmt in enumerate(body.named_children):
            if stmt.type == "comment" or stmt.type in _PY_PLACEHOLDERS:
                continue
            if stmt.type == "expression_statement" and stmt.named_child_count == 1:
                only = stmt.named_children[0]
                if only.type == "ellipsis" or (only.type == "string" and index == 0):
                    continue
            statements += 1
    return Body(colon.end_byte, fn.end_byte, statements)


def _python_trailing_inside(
    analysis: Analysis, fn: Node, body: Body, offset: int, line: int
) -> bool:
    """A blank cursor line below a function's last line is in its body when indented
    deeper than the `def`, or when the function has no body at all yet."""
    view = analysis.view
    if offset < body.start or not view.is_blank(line):
        return False
    last_line = view.line_of(max(fn.end_byte - 1, fn.start_byte))
    if any(not view.is_blank(i) for i in range(last_line + 1, line)):
        return False
    fn_body = fn.child_by_field_name("body")
    missing = fn_body is None or fn_body.named_child_count == 0
    if missing:
        return True
    return view.column(offset) > view.column(fn.start_byte)


def _rust_macro_function(analysis: Analysis, offset: int) -> Node | None:
    """Inside `macro_rules!` the grammar only sees token trees; `fn name(...) {}` there is
    still a function to the reader. Returns the empty `{}` token tree holding the cursor
    when it follows `fn`, a name and a parenthesised token tree."""
    node: Node | None = analysis.root.descendant_for_byte_range(offset, offset)
    while node is not None and node.type != "token_tree":
        node = node.parent
    if node is None or node.child_count < 2 or node.children[0].type != "{":
        return None
    if not node.start_byte < offset <= node.end_byte - 1 or node.named_child_count:
        return None
    sibling = node.prev_sibling
    seen_params = False
    for _ in range(8):  # `fn name(args) -> Type {`: a handful of tokens back
        if sibling is None or sibling.type in (";", "=>"):
            return None
        if sibling.type == "token_tree" and sibling.child_count and sibling.children[0].type == "(":
            seen_params = True
        elif sibling.type == "token_tree":
            return None
        elif sibling.type == "fn":
            return node if seen_params else None
        sibling = sibling.prev_sibling
    return None


# -- type definitions ---------------------------------------------------------------------
def _type_body(analysis: Analysis, node: Node) -> Body | None:
    """The member region of a class, struct, interface, trait, impl, object or module.

    Braced bodies run between the braces; Ruby `class X ... end` runs from the end of its
    header (name, superclass) to `end`. Enums never count, wherever the grammar files them
    (Kotlin `enum class`, Swift `enum` share the class node).
    """
    if _is_enum(node):
        return None
    container = _braced(node)
    if container is not None:
        return _braced_region(analysis, container)
    kids = node.children
    close = next((k for k in reversed(kids) if k.type == "end"), None)
    if close is None:
        return None
    comment_types = analysis.grammar.spec.comment_types
    start: int | None = None
    statements = 0
    for kid in kids:
        if kid is close:
            break
        if kid.type in _BODY_WRAPPERS:
            statements += _count_statements(kid, comment_types)
        elif kid.type not in comment_types:
            start = kid.end_byte
    return None if start is None else Body(start, close.start_byte, statements)


def _is_enum(node: Node) -> bool:
    for kid in node.children:
        if kid.type == "enum" or "enum" in kid.type:
            return True
        if kid.type == "modifiers" and any(m.text == b"enum" for m in _leaves(kid)):
            return True
    return False


def _leaves(node: Node) -> list[Node]:
    if not node.children:
        return [node]
    return [leaf for kid in node.children for leaf in _leaves(kid)]


def _braced(node: Node) -> Node | None:
    """The node (the definition itself or one of its children) whose own children are the
    body's `{` and `}`."""
    body = node.child_by_field_name("body")
    for candidate in (body, node, *reversed(node.named_children)):
        if candidate is None:
            continue
        types = {k.type for k in candidate.children}
        if "{" in types and "}" in types:
            return candidate
    return None


def _braced_region(analysis: Analysis, container: Node) -> Body | None:
    kids = container.children
    opening = next((k for k in kids if k.type == "{"), None)
    closing = next((k for k in reversed(kids) if k.type == "}"), None)
    if opening is None or closing is None or closing.start_byte < opening.end_byte:
        return None
    comment_types = analysis.grammar.spec.comment_types
    statements = sum(
        1
        for k in kids
        if k.is_named
        and opening.end_byte <= k.start_byte < closing.start_byte
        and k.end_byte > k.start_byte  # zero-width nodes are the parser's error recovery
        and k.type not in comment_types
        and k.type not in _NOT_MEMBERS
    )
    return Body(opening.end_byte, closing.start_byte, statements)


def _rust_macro_arm(analysis: Analysis, offset: int) -> bool | None:
    """Inside the body of a `macro_rules!` arm (`() => {█};`): True when the arm is empty,
    False when it has tokens, None when the cursor is not directly in an arm's body. An
    arm is the body of a definition, like a function's."""
    node: Node | None = analysis.root.descendant_for_byte_range(offset, offset)
    while node is not None and node.type != "token_tree":
        node = node.parent
    if node is None or node.parent is None or node.parent.type != "macro_rule":
        return None
    if node.child_count < 2 or not node.start_byte < offset < node.end_byte:
        return None
    return node.child_count == 2
