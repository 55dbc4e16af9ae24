"""The deterministic stand-in for the code model: same input, same output.

Completions continue the current line or block from the prefix in the file's language;
generations write a whole function that reflects the user's instruction. The repertoire
lives in `model_snippets`; this module decides what the cursor position calls for.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from gitlab_lsp.mock.languages import family_of
from gitlab_lsp.mock.model_context import csv_function, loop_body, return_expression
from gitlab_lsp.mock.model_snippets import (
    EXAMPLE_ARGS,
    JAVA_RETURN_TYPES,
    KEYWORDS,
    SNIPPETS,
    TASK_KEYWORDS,
)
from gitlab_lsp.mock.model_workspace import complete_from_context

_COMMENT = {"python": "#", "ruby": "#"}
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "for",
        "and",
        "or",
        "that",
        "which",
        "with",
        "in",
        "on",
        "from",
        "by",
        "into",
        "write",
        "create",
        "make",
        "build",
        "implement",
        "generate",
        "function",
        "method",
        "def",
        "fn",
        "func",
        "please",
        "given",
        "return",
        "returns",
        "should",
        "can",
        "will",
        "new",
        "code",
        "program",
        "my",
        "our",
        "this",
        "some",
        "it",
        "its",
        "two",
        "numbers",
        "number",
        "list",
        "is",
        "are",
        "whether",
        "check",
        "if",
        "be",
        "as",
        "all",
        "each",
        "every",
        "using",
        "then",
        "me",
        "us",
    ]
)


@dataclass(frozen=True)
class ModelRequest:
    kind: str  # "completion" | "generation"
    language: str
    prefix: str
    suffix: str
    instruction: str | None
    choices: int
    #: The contents of the request's context items (other files of the workspace).
    context: tuple[str, ...] = ()


def _words(text: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", spaced)]


def task_for(text: str) -> str:
    """The first task a word of `text` names ("reverses" and "sorting" count too)."""
    for word in _words(text):
        for task, keywords in TASK_KEYWORDS.items():
            if any(word == kw or (len(kw) >= 4 and word.startswith(kw)) for kw in keywords):
                return task
    return "generic"


def _rename_single_param(family: str, task: str, header: str, lines: list[str]) -> list[str]:
    """Use the parameter name the user already wrote, when both sides have exactly one."""
    declared = re.findall(r"\(([^()]*)\)", header)
    if not declared or family not in ("python", "javascript", "ruby"):
        return lines
    params = [
        p.strip().split(":")[0].split("=")[0].strip() for p in declared[0].split(",") if p.strip()
    ]
    params = [p for p in params if p not in ("self", "cls")]
    ours = SNIPPETS[family][task][0]
    if len(params) != 1 or "," in ours or not params[0].isidentifier() or params[0] == ours:
        return lines
    pattern = re.compile(rf"\b{re.escape(ours)}\b")
    return [pattern.sub(params[0], line) for line in lines]


def _name_for(instruction: str, family: str) -> str:
    words = [w for w in _words(instruction) if w not in _STOPWORDS][:3] or ["process", "items"]
    if task_for(instruction) == "is_prime":
        words = ["is", "prime"]
    if family in ("python", "ruby", "rust"):
        return "_".join(words)
    return words[0] + "".join(w.capitalize() for w in words[1:])


def _indent_unit(family: str) -> str:
    return {"python": "    ", "go": "\t", "rust": "    ", "java": "    "}.get(family, "  ")


def _body(family: str, task: str, indent: str) -> list[str]:
    _, lines = SNIPPETS[family][task]
    inner = indent + _indent_unit(family)
    return [inner + line if line else "" for line in lines]


def _header_rest(family: str, task: str) -> str:
    """What follows `name(` in a function header, up to and including the block opener."""
    params = SNIPPETS[family][task][0]
    if family == "python":
        return f"{params}):"
    if family == "ruby":
        return f"{params})"
    if family in ("go", "rust"):
        return f"{params} {{"
    return f"{params}) {{"


def _footer(family: str, indent: str) -> list[str]:
    if family == "python":
        return []
    return [indent + ("end" if family == "ruby" else "}")]


def _function(family: str, name: str, task: str, indent: str) -> list[str]:
    keyword = {"python": "def", "ruby": "def", "go": "func", "rust": "fn", "javascript": "function"}
    if family == "java":
        head = f"{indent}public static {JAVA_RETURN_TYPES[task]} {name}("
    else:
        head = f"{indent}{keyword[family]} {name}("
    return [
        head + _header_rest(family, task),
        *_body(family, task, indent),
        *_footer(family, indent),
    ]


def _comment_prefix(family: str) -> str:
    return _COMMENT.get(family, "//")


_HEADER_OPEN = {
    "python": re.compile(r"^\s*(?:async\s+)?def\s+(\w+)\($"),
    "javascript": re.compile(r"^\s*(?:export\s+)?(?:async\s+)?function\s+(\w+)\($"),
    "go": re.compile(r"^\s*func\s+(\w+)\($"),
    "ruby": re.compile(r"^\s*def\s+(\w+)\($"),
    "rust": re.compile(r"^\s*(?:pub\s+)?fn\s+(\w+)\($"),
    "java": re.compile(
        r"^\s*(?:(?:public|private|protected|static|final)\s+)*[\w<>\[\].]+\s+(\w+)\($"
    ),
}
_HEADER_DONE = {
    "python": re.compile(r"^\s*(?:async\s+)?def\s+(\w+)\(.*\)\s*(?:->.*)?:\s*$"),
    "ruby": re.compile(r"^\s*def\s+(\w+)(?:\(.*\))?\s*$"),
}
_BRACE_HEADER = re.compile(r"\b(\w+)\s*\([^()]*\)[^{]*\{\s*$")
_DEFINED = re.compile(r"\b(?:def|function|func|fn)\s+(\w+)\s*\(")


def _indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _header_block(family: str, line: str) -> str | None:
    """The function name when `line` is a complete header whose body is still to be written."""
    pattern = _HEADER_DONE.get(family)
    if pattern is not None:
        match = pattern.match(line)
        return match.group(1) if match else None
    match = _BRACE_HEADER.search(line)
    if match and match.group(1) not in ("if", "for", "while", "switch", "catch"):
        return match.group(1)
    return None


def _print_call(family: str, expr: str) -> str:
    return {
        "python": f"print({expr})",
        "ruby": f"puts {expr}",
        "go": f"fmt.Println({expr})",
        "rust": f'println!("{{:?}}", {expr});',
        "java": f"System.out.println({expr});",
    }.get(family, f"console.log({expr});")


def _main_call(family: str) -> str:
    """How a program written in the file starts its `main` (nothing to add where the runtime
    calls it)."""
    return {
        "python": 'if __name__ == "__main__":\n    main()',
        "javascript": "main();",
        "ruby": "main",
    }.get(family, "")


def _value_for(name: str, family: str) -> str:
    nil = {"python": "None", "ruby": "nil", "go": "nil", "rust": "None"}.get(family, "null")
    if re.search(r"(list|items|names|values|results|array)s?$", name, re.IGNORECASE):
        return "[]" if family != "go" else "[]string{}"
    if re.search(r"(count|total|size|index|num|n)$", name, re.IGNORECASE):
        return "0"
    if re.search(r"(name|text|message|title|label|path)$", name, re.IGNORECASE):
        return '""'
    return nil


@dataclass(frozen=True)
class _Cursor:
    """The cursor's line as the completion rules read it."""

    family: str
    lines: list[str]
    line: str
    indent: str
    stripped: str

    @classmethod
    def of(cls, req: ModelRequest) -> _Cursor:
        lines = req.prefix.split("\n")
        line = lines[-1]
        return cls(family_of(req.language), lines, line, _indent_of(line), line.strip())


def _from_context(req: ModelRequest, at: _Cursor) -> str | None:
    """A call or a name the workspace defines: the context says exactly what comes next."""
    return complete_from_context(req.context, at.line) if req.context else None


def _rest_of_header(req: ModelRequest, at: _Cursor) -> str | None:
    """A function header being typed: its rest, a body and the closing line."""
    opened = _HEADER_OPEN[at.family].match(at.line)
    if not opened:
        return None
    task = task_for(opened.group(1))
    family, indent = at.family, at.indent
    return "\n".join(
        [_header_rest(family, task), *_body(family, task, indent), *_footer(family, indent)]
    )


def _body_after_header(req: ModelRequest, at: _Cursor) -> str | None:
    """A complete header at the end of the line: the body (and the closer if none follows)."""
    header_name = _header_block(at.family, at.line)
    if not header_name:
        return None
    family, indent = at.family, at.indent
    task = task_for(header_name)
    closing = [] if req.suffix.lstrip().startswith(("}", "end")) else _footer(family, indent)
    body = _rename_single_param(family, task, at.line, _body(family, task, indent))
    return "\n" + "\n".join([*body, *closing])


def _function_for_comment(req: ModelRequest, at: _Cursor) -> str | None:
    """A comment on the cursor's line: the function it describes."""
    comment = _comment_prefix(at.family)
    if not (at.stripped.startswith(comment) and len(at.stripped) > len(comment) + 2):
        return None
    instruction = at.stripped[len(comment) :].strip()
    name = _name_for(instruction, at.family)
    return "\n" + "\n".join(_function(at.family, name, task_for(instruction), at.indent))


def _return_or_loop_body(req: ModelRequest, at: _Cursor) -> str | None:
    """Python and JavaScript: what a `return` returns, or the statement a loop needs."""
    if at.family not in ("python", "javascript"):
        return None
    if at.stripped == "return" or at.line.endswith("return "):
        expression = return_expression(at.lines, at.family)
        if expression:
            return ("" if at.line.endswith(" ") else " ") + expression
    if not at.stripped:
        return loop_body(at.lines, at.family) or None
    return None


def _blank_line(req: ModelRequest, at: _Cursor) -> str | None:
    """An empty line: the body of the header above, a call of what was defined, or nothing."""
    if at.stripped:
        return None
    family = at.family
    previous = next((p for p in reversed(at.lines[:-1]) if p.strip()), "")
    name = _header_block(family, previous)
    if name:
        task = task_for(name)
        body = _rename_single_param(
            family, task, previous, _body(family, task, _indent_of(previous))
        )
        return "\n".join(body).lstrip(" \t")
    defined = _DEFINED.findall(req.prefix)
    if defined and not at.indent:
        target = defined[-1]
        if target == "main":
            return _main_call(family)
        return _print_call(family, f"{target}({EXAMPLE_ARGS[task_for(target)]})")
    if at.indent and defined:
        return _body(family, task_for(defined[-1]), "")[-1].strip()
    return ""


def _call_arguments(req: ModelRequest, at: _Cursor) -> str | None:
    """An open call: example arguments for a function the file defines, else a close."""
    if not at.stripped.endswith("("):
        return None
    callee = re.findall(r"([\w.!]+)\($", at.stripped)
    target = callee[0] if callee else ""
    if target in _DEFINED.findall(req.prefix):
        return EXAMPLE_ARGS[task_for(target)] + ")"
    if target in ("print", "console.log", "fmt.Println", "puts", "System.out.println"):
        return '"Hello, world!")'
    return ")"


def _assigned_value(req: ModelRequest, at: _Cursor) -> str | None:
    """`name =` at the end of the line: a value that suits the name."""
    assignment = re.match(r"^\s*(?:let\s+|const\s+|var\s+|mut\s+)?(\w+)\s*:?=\s*$", at.line)
    if not assignment:
        return None
    return ("" if at.line.endswith(" ") else " ") + _value_for(assignment.group(1), at.family)


def _rest_of_keyword(req: ModelRequest, at: _Cursor) -> str | None:
    """A word that starts a keyword of the language: the rest of the keyword."""
    last_word = re.findall(r"([\w.]+)$", at.line)
    if last_word:
        for keyword in KEYWORDS[at.family]:
            if keyword.startswith(last_word[0]) and len(keyword) > len(last_word[0]):
                return keyword[len(last_word[0]) :]
    return None


#: The completion rules, in order: the first that knows what comes next answers ("" is an
#: answer too: nothing to add), None passes to the next.
_COMPLETION_RULES = (
    _from_context,
    _rest_of_header,
    _body_after_header,
    _function_for_comment,
    _return_or_loop_body,
    _blank_line,
    _call_arguments,
    _assigned_value,
    _rest_of_keyword,
)


def _complete_once(req: ModelRequest) -> str:
    at = _Cursor.of(req)
    for rule in _COMPLETION_RULES:
        text = rule(req, at)
        if text is not None:
            return text
    return ""


def _instruction_from_prefix(prefix: str, family: str) -> str | None:
    comment = _comment_prefix(family)
    for line in reversed(prefix.split("\n")):
        stripped = line.strip()
        if stripped.startswith(comment):
            text = stripped[len(comment) :].strip()
            if text:
                return text
        elif stripped:
            return None
    return None


def _generate_once(req: ModelRequest) -> str:
    family = family_of(req.language)
    lines = req.prefix.split("\n")
    previous = next((p for p in reversed(lines) if p.strip()), "")
    instruction = req.instruction or _instruction_from_prefix(req.prefix, family)
    header_name = _header_block(family, previous)
    if header_name:  # an empty function: write its body
        task = task_for(instruction or header_name)
        body = _rename_single_param(
            family, task, previous, _body(family, task, _indent_of(previous))
        )
        lead = "" if lines[-1].strip() == "" and lines[-1] == "" else "\n"
        return lead + "\n".join(body) + "\n"
    text = instruction or "process items"
    task = task_for(text)
    indent = _indent_of(lines[-1])
    composed = csv_function(text, indent) if family == "python" else None
    if composed:
        lead = "" if lines[-1].strip() == "" else "\n"
        return lead + "\n".join(composed) + "\n"
    comment = (
        f"{indent}{_comment_prefix(family)} {text.rstrip('.')}." if not req.instruction else None
    )
    code = _function(family, _name_for(text, family), task, indent)
    lead = "" if lines[-1].strip() == "" else "\n"
    out = [c for c in [comment] if c and not _instruction_from_prefix(req.prefix, family)] + code
    return lead + "\n".join(out) + "\n"


def _variants(text: str, count: int, seed: str) -> list[str]:
    """`count` distinct, stable alternatives: the full answer, then shorter cuts of it."""
    if count <= 1 or not text:
        return [text] if text else []
    lines = text.split("\n")
    out = [text]
    cut = len(lines) - 1
    while len(out) < count and cut >= 1:
        candidate = "\n".join(lines[:cut]).rstrip()
        if candidate and candidate not in out:
            out.append(candidate)
        cut -= 1
    digest = hashlib.sha256(seed.encode()).digest()
    head, rest = out[:1], out[1:]
    if rest and digest[0] % 2:
        rest.reverse()
    return head + rest


def run(req: ModelRequest) -> list[str]:
    """The model's answers, best first; an empty list means it has nothing to suggest."""
    text = _generate_once(req) if req.kind == "generation" else _complete_once(req)
    return _variants(text, max(1, req.choices), req.prefix + "\x00" + req.suffix)


def stream_chunks(text: str) -> list[str]:
    """Split an answer into the pieces a stream sends: per line, and never fewer than three
    pieces for text long enough to split, so clients really see a stream."""
    if not text:
        return []
    pieces = text.splitlines(keepends=True)
    if len(pieces) >= 3:
        return pieces
    if len(text) < 3:
        return [text]
    third = max(1, len(text) // 3)
    return [text[:third], text[third : 2 * third], text[2 * third :]]
