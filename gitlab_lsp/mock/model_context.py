"""What the model reads from the code around the cursor: the enclosing function, the fields
of the enclosing class, the loop being written; and the expressions it builds from them.

Only Python and the JavaScript family are read this closely; other languages get the
generic answers of `model`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PY_DEF = re.compile(r"^(\s*)(?:async\s+)?def\s+(\w+)\((.*)\)\s*(?:->\s*([\w\[\], .|]+))?:\s*$")
_JS_DEF = re.compile(r"^(\s*)(?:export\s+)?(?:async\s+)?function\s+(\w+)\s*\((.*)\)[^{]*\{\s*$")
_PY_FIELD = re.compile(r"^\s+(\w+)\s*:\s*([\w\[\], .|]+?)\s*(?:=.*)?$")
_PY_FOR = re.compile(r"^\s*for\s+(\w+)\s+in\s+(.+):\s*$")
_JS_FOR = re.compile(r"^\s*for\s*\(\s*(?:const|let|var)\s+(\w+)\s+of\s+(.+)\)\s*\{\s*$")
_ACCUMULATOR = re.compile(
    r"^\s*(?:let\s+|const\s+|var\s+)?(\w+)\s*=\s*(0|0\.0|\[\]|\{\}|\"\"|'')\s*;?\s*$"
)
_NUMERIC = ("int", "float", "Decimal", "number")

#: Words of a function name -> how its operands combine.
_OPERATORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("tax", "rate", "interest", "percent", "markup"), "{a} * (1 + {b})"),
    (("discount",), "{a} * (1 - {b})"),
    (("add", "plus", "total", "sum", "combined"), "{a} + {b}"),
    (("sub", "minus", "diff", "difference", "remaining"), "{a} - {b}"),
    (("ratio", "per", "average", "divide"), "{a} / {b}"),
    (("scale", "times", "multiply", "product", "area"), "{a} * {b}"),
)


@dataclass(frozen=True)
class Function:
    name: str
    params: list[str]
    returns: str | None
    indent: str


def _params(raw: str) -> list[str]:
    names = []
    for part in raw.split(","):
        name = part.split(":")[0].split("=")[0].strip().lstrip("*")
        if name and name not in ("self", "cls") and name.isidentifier():
            names.append(name)
    return names


def enclosing_function(lines: list[str], family: str) -> Function | None:
    """The innermost function header above the cursor line that the cursor is inside."""
    cursor_indent = len(lines[-1]) - len(lines[-1].lstrip())
    pattern = _PY_DEF if family == "python" else _JS_DEF
    for line in reversed(lines[:-1]):
        match = pattern.match(line)
        if match and len(match.group(1)) < max(cursor_indent, 1):
            returns = match.group(4) if family == "python" else None
            return Function(match.group(2), _params(match.group(3)), returns, match.group(1))
    return None


def class_fields(lines: list[str]) -> list[tuple[str, str]]:
    """Annotated fields of the Python class the cursor is in (dataclass style)."""
    fields: list[tuple[str, str]] = []
    for line in reversed(lines[:-1]):
        if re.match(r"^class\s+\w+", line):
            return list(reversed(fields))
        match = _PY_FIELD.match(line)
        if match and not line.lstrip().startswith(("def ", "return ")):
            fields.append((match.group(1), match.group(2)))
    return []


def _words(name: str) -> set[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()
    return set(spaced.split("_"))


def return_expression(lines: list[str], family: str) -> str | None:
    """An expression for `return ` that combines the function's inputs as its name suggests."""
    function = enclosing_function(lines, family)
    if function is None:
        return None
    operands: list[str] = []
    if family == "python":
        numeric = [f"self.{n}" for n, t in class_fields(lines) if any(k in t for k in _NUMERIC)]
        operands.extend(numeric[:1])
    operands.extend(function.params)
    if not operands:
        return None
    words = _words(function.name)
    expression = operands[0]
    if len(operands) >= 2:
        template = next((t for keys, t in _OPERATORS if words & set(keys)), "{a} + {b}")
        expression = template.format(a=operands[0], b=operands[1])
    returns = (function.returns or "").strip()
    if returns == "int" and ("*" in expression or "/" in expression):
        return f"round({expression})"
    if returns == "bool":
        return f"{expression} > 0" if family == "python" else f"{expression} > 0;"
    if returns == "str":
        return f'f"{{{expression}}}"'
    return expression if family == "python" else f"{expression};"


def loop_body(lines: list[str], family: str) -> str | None:
    """The statement inside a `for` loop just opened: feed the accumulator declared above it."""
    opener = next((line for line in reversed(lines[:-1]) if line.strip()), "")
    match = (_PY_FOR if family == "python" else _JS_FOR).match(opener)
    if match is None:
        return None
    item = match.group(1)
    for line in reversed(lines[:-1]):
        accumulator = _ACCUMULATOR.match(line)
        if accumulator is None:
            continue
        name, initial = accumulator.groups()
        end = "" if family == "python" else ";"
        if initial in ("[]",):
            return f"{name}.append({item}){end}" if family == "python" else f"{name}.push({item});"
        if initial in ("{}",):
            return (
                f"{name}[{item}] = {name}.get({item}, 0) + 1"
                if family == "python"
                else f"{name}[{item}] = ({name}[{item}] ?? 0) + 1;"
            )
        return f"{name} += {item}{end}"
    return f"print({item})" if family == "python" else f"console.log({item});"


_PER = re.compile(r"(\w+)\s+(?:per|by|for each)\s+(\w+)", re.IGNORECASE)
_CSV_FILE = re.compile(r"([\w./-]+\.csv)\b")


def csv_function(instruction: str, indent: str) -> list[str] | None:
    """A Python function for instructions about CSV files, aggregating `<value> per <key>`."""
    if "csv" not in instruction.lower():
        return None
    file_match = _CSV_FILE.search(instruction)
    path = file_match.group(1) if file_match else "data.csv"
    inner, deeper = indent + "    ", indent + "        "
    per = _PER.search(instruction)
    if per is None:
        name = "read_" + re.sub(r"\W", "_", path.rsplit("/", 1)[-1].removesuffix(".csv"))
        return [
            f'{indent}def {name}(path="{path}"):',
            f'{inner}with open(path, newline="") as handle:',
            f"{deeper}return list(csv.DictReader(handle))",
        ]
    value, key = per.group(1).lower(), per.group(2).lower()
    descending = re.search(r"largest|biggest|highest|descending|most", instruction, re.IGNORECASE)
    lines = [
        f'{indent}def total_{value}_per_{key}(path="{path}"):',
        f"{inner}totals = {{}}",
        f'{inner}with open(path, newline="") as handle:',
        f"{deeper}for row in csv.DictReader(handle):",
        f'{deeper}    totals[row["{key}"]] = totals.get(row["{key}"], 0) + float(row["{value}"])',
    ]
    if descending:
        lines.append(
            f"{inner}return dict(sorted(totals.items(), key=lambda item: item[1], reverse=True))"
        )
    else:
        lines.append(f"{inner}return totals")
    return lines
