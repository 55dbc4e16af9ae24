"""Context retrieval benchmark: does the context hold what the code at the cursor uses?

    .venv/bin/python benchmarks/context.py [--positions-per-language 40] [--open 20] [--seed 7]

Cursor positions are taken from real multi-file projects found on this machine: the Python
standard library and packages of the running interpreter's site-packages, the JavaScript and
TypeScript (`.d.ts`) sources of `editors/vscode/node_modules` (after `npm ci` there), the C
headers of /usr/include (Python's, OpenSSL's) and the Go files of git's contrib. At each
position the line ending at the cursor uses a name that exactly one *other* file of the
project defines (found by a per-language regular expression, independently of the
tree-sitter code under test); that file's defining line is the text the context should hold.
Files over 32,000 bytes are not used as the current file (the 50,000-byte budget counts the
current file, so larger ones leave both strategies no room).

Both strategies see the same open documents: the current file and 19 other files of the
project (random, seeded), most recently used first, each already parsed (as the server has
them). "official" is all open tabs, whole, most recent first, capped with the current file at
50,000 bytes (the last item trimmed); "ours" is `gitlab_lsp.sdk.context.ContextBuilder`
with its defaults. Both go through the same redaction and budget (`content.prepare_context`).

Reported per language and overall: recall (share of positions where the defining line is
inside the context sent, at the request after an edit; `1st rec` at the first request after
opening), mean context bytes, absolute paths in item names, and the time to build and prepare
the context: `first` is the first request after the files were opened and the current one
focused (the server parses what it imports at focus, one file per event-loop turn, off the
request path; that warm-up is timed on its own line),
`typing` a request after an edit of the current file (other documents unchanged), p50/p99
of wall time, and `cpu p99` the same request's CPU time (the wall time of a loaded machine
includes time the process waited for a core).
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import re
import statistics
import sys
import sysconfig
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script, this directory comes first on sys.path, where benchmarks/intent.py would
# shadow the `intent` package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import intent  # noqa: E402
from gitlab_lsp.sdk.content import prepare_context  # noqa: E402
from gitlab_lsp.sdk.context import (  # noqa: E402
    ContextBuilder,
    ContextItem,
    SourceDocument,
    Workspace,
    fill,
)
from gitlab_lsp.sdk.context.budget import utf8_len  # noqa: E402
from gitlab_lsp.sdk.context.index import IndexCache  # noqa: E402
from intent.languages import resolve  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BUDGET = 50_000
MAX_CURRENT_BYTES = 32_000
MAX_FILE_BYTES = 400_000

#: Independent definers per language: a regex whose groups name what a line defines.
DEFINERS: dict[str, re.Pattern[str]] = {
    "python": re.compile(r"^\s*(?:async\s+)?def\s+(\w+)|^\s*class\s+(\w+)|^([A-Za-z_]\w*)\s*="),
    "javascript": re.compile(
        r"^\s*(?:export\s+)?(?:async\s+)?function\s*\*?\s*(\w+)|^\s*(?:export\s+)?class\s+(\w+)"
        r"|^(?:const|let|var)\s+(\w+)\s*="
    ),
    "typescript": re.compile(
        r"^\s*(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?"
        r"(?:function|class|interface|type|enum|namespace|const|let|var)\s+(\w+)"
    ),
    "c": re.compile(
        r"^#\s*define\s+(\w+)|^(?:typedef\s+)?(?:struct|union|enum)\s+(\w+)\s*\{"
        r"|^typedef\b[^;(]*?\b(\w+)\s*;|^PyAPI_FUNC\([^)]*\)\s*(\w+)\s*\("
        r"|^(?:extern\s+|static\s+)?[A-Za-z_][\w \t*]*?[\s*](\w+)\s*\([^;]*\)\s*;"
    ),
    "go": re.compile(r"^func\s+(?:\([^)]*\)\s*)?(\w+)|^type\s+(\w+)|^\t?(\w+)\s+=\s"),
}
#: Ways a file binds a name locally (a variable, a parameter, a loop variable): a name the
#: current file binds itself is not "defined in another file", whatever another file holds.
LOCAL_BINDINGS = (
    r"\b(?:const|let|var)\s+(?:\{[^}]*)?\b{n}\b",
    r"\b{n}\s*(?::=|=(?!=))",
    r"\(\s*(?:[^()]*[,\s(*&])?{n}\s*(?:[,:=)]|\s*\))[^\n]*(?:=>|\{|:\s*$)",
    r"\bfor\s+(?:\(?\s*(?:const|let|var)\s+)?{n}\b",
    r"\bas\s+{n}\b",
    r"\b(?:def|function|func)\s+\w*\s*\([^)]*\b{n}\b",
    r"\blambda\b[^:]*\b{n}\b",
    r"\b{n}\s*=>",
)
_IDENT = re.compile(r"[A-Za-z_]\w*")
_SKIP_LINE = re.compile(r"^\s*(#\s*(?:include|define|if|endif|else)|//|/\*|\*|#(?!\s*define))")


@dataclass
class Project:
    language: str  # the row of the table
    workspace: tuple[str, ...]
    files: list[str]


@dataclass
class Position:
    language: str
    project: Project
    path: str
    line: int
    offset: int
    name: str
    defining_line: str
    defining_path: str


@dataclass
class Row:
    positions: int = 0
    hits: dict[str, int] = field(default_factory=lambda: {"official": 0, "ours": 0})
    first_hits: dict[str, int] = field(default_factory=lambda: {"official": 0, "ours": 0})
    sent: dict[str, list[int]] = field(default_factory=lambda: {"official": [], "ours": []})
    first: dict[str, list[float]] = field(default_factory=lambda: {"official": [], "ours": []})
    typing: dict[str, list[float]] = field(default_factory=lambda: {"official": [], "ours": []})
    absolute: dict[str, int] = field(default_factory=lambda: {"official": 0, "ours": 0})
    typing_cpu: dict[str, list[float]] = field(default_factory=lambda: {"official": [], "ours": []})
    #: ours only: the warm-up at focus (all steps) and its longest single step, ms
    warm: list[float] = field(default_factory=list)
    warm_step: list[float] = field(default_factory=list)


# --- projects found on this machine ------------------------------------------------------


def _files(root: str, suffixes: tuple[str, ...], limit: int = 400) -> list[str]:
    found: list[str] = []
    for directory, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ("test", "tests", "__pycache__", "idlelib"))
        for name in sorted(names):
            if name.endswith(suffixes):
                path = os.path.join(directory, name)
                if os.path.getsize(path) <= MAX_FILE_BYTES:
                    found.append(path)
        if len(found) >= limit:
            break
    return found[:limit]


def projects() -> list[Project]:
    found: list[Project] = []
    stdlib = sysconfig.get_paths()["stdlib"]
    purelib = sysconfig.get_paths()["purelib"]
    for package in ("email", "asyncio", "json", "http", "importlib", "xml", "logging", "unittest"):
        path = os.path.join(stdlib, package)
        if os.path.isdir(path):
            found.append(Project("python", (stdlib,), _files(path, (".py",))))
    for package in ("httpx", "httpcore", "starlette", "_pytest", "pygls", "anyio", "jwt"):
        path = os.path.join(purelib, package)
        if os.path.isdir(path):
            found.append(Project("python", (purelib,), _files(path, (".py",))))
    modules = REPO / "editors" / "vscode" / "node_modules"
    for package in (
        "semver",
        "vscode-jsonrpc/lib",
        "vscode-languageclient/lib",
        "vscode-languageserver-protocol/lib",
        "minimatch/dist/commonjs",
    ):
        path = modules / package
        if path.is_dir():
            js = [f for f in _files(str(path), (".js",)) if not f.endswith(".min.js")]
            found.append(Project("javascript", (str(modules),), js))
            ts = _files(str(path), (".d.ts",))
            if ts:
                found.append(Project("typescript", (str(modules),), ts))
    if (modules / "undici-types").is_dir():
        found.append(
            Project(
                "typescript", (str(modules),), _files(str(modules / "undici-types"), (".d.ts",))
            )
        )
    for headers in ("/usr/include/python3.11", "/usr/include/openssl"):
        if os.path.isdir(headers):
            found.append(Project("c", ("/usr/include",), _files(headers, (".h",))))
    go = "/usr/share/doc/git/contrib/persistent-https"
    if os.path.isdir(go):
        found.append(Project("go", (go,), _files(go, (".go",))))
    return [p for p in found if len(p.files) >= 2]


# --- positions --------------------------------------------------------------------------


def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8", errors="replace")


def _definitions(project: Project) -> dict[str, list[tuple[str, str]]]:
    """name -> [(file, stripped defining line)] by the language's regex."""
    definer = DEFINERS[project.language]
    index: dict[str, list[tuple[str, str]]] = {}
    for path in project.files:
        for line in _read(path).splitlines():
            match = definer.match(line)
            if match is None:
                continue
            name = next((g for g in match.groups() if g), None)
            if name and len(name) > 2 and line.strip():
                index.setdefault(name, []).append((path, line.strip()))
    return index


def positions_in(project: Project, rng: random.Random, wanted: int) -> Iterator[Position]:
    index = _definitions(project)
    definer = DEFINERS[project.language]
    files = [f for f in project.files if os.path.getsize(f) <= MAX_CURRENT_BYTES]
    rng.shuffle(files)
    for path in files:
        if wanted <= 0:
            return
        text = _read(path)
        lines = text.splitlines(keepends=True)
        own = {n for n, defs in index.items() if any(p == path for p, _ in defs)}
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line))
        candidates = []

        def bound_here(word: str, text: str = text) -> bool:
            return any(
                re.search(pattern.replace("{n}", re.escape(word)), text, re.MULTILINE)
                for pattern in LOCAL_BINDINGS
            )

        for number, line in enumerate(lines):
            if definer.match(line) or _SKIP_LINE.match(line) or number < 5:
                continue
            for word in _IDENT.findall(line):
                defs = index.get(word)
                if not defs or word in own or len({p for p, _ in defs}) != 1:
                    continue
                if bound_here(word):
                    continue
                candidates.append((number, word, defs[0]))
                break
        rng.shuffle(candidates)
        taken_lines: list[int] = []
        for number, word, (def_path, def_line) in candidates:
            if any(abs(number - t) < 20 for t in taken_lines) or len(taken_lines) >= 2:
                continue
            taken_lines.append(number)
            end = offsets[number] + len(lines[number].rstrip("\r\n"))
            yield Position(project.language, project, path, number, end, word, def_line, def_path)
            wanted -= 1


# --- the two strategies ---------------------------------------------------------------


class Documents:
    """Open documents as the server holds them: one parsed intent.Document per file."""

    def __init__(self) -> None:
        self._docs: dict[str, tuple[str, object]] = {}

    def source(self, path: str, version: int = 1) -> SourceDocument:
        entry = self._docs.get(path)
        if entry is None:
            text = _read(path)
            language = resolve(None, path)
            doc = intent.Document(text, language_id=language, filename=path)
            entry = self._docs[path] = (text, doc)
        text, doc = entry
        tree = doc.syntax_tree()  # type: ignore[attr-defined]
        return SourceDocument(path, text, resolve(None, path), (path, version), tree)


def official(
    current: SourceDocument, open_docs: list[SourceDocument], ws: Workspace
) -> list[ContextItem]:
    items = [
        ContextItem("file", ws.relative_name(d.path), d.text, "open_tabs")
        for d in open_docs
        if d.path != current.path
    ]
    return fill(items, BUDGET - utf8_len(current.text))


def _timed_send(
    build: object, current: SourceDocument, offset: int
) -> tuple[list[str], list[str], float, float]:
    """Build the context and clear it to leave (redaction and budget), as the SDK does; the
    current file's own redaction is not counted: it happens with or without context."""
    started, cpu = time.perf_counter(), time.thread_time()
    items = build()  # type: ignore[operator]
    available = BUDGET - utf8_len(current.text)
    sent = prepare_context(items, redact_secrets=True, available=available)
    elapsed = (time.perf_counter() - started) * 1000
    return (
        [i.content for i in sent],
        [i.name for i in sent],
        elapsed,
        (time.thread_time() - cpu) * 1000,
    )


def run(per_language: int, open_count: int, seed: int) -> dict[str, Row]:
    rng = random.Random(seed)
    found = projects()
    by_language: dict[str, list[Project]] = {}
    for project in found:
        by_language.setdefault(project.language, []).append(project)
    rows: dict[str, Row] = {}
    docs = Documents()
    cache = IndexCache(512)
    builders: dict[tuple[str, ...], ContextBuilder] = {}
    for language, group in by_language.items():
        share = max(1, per_language // len(group) + 1)
        picked: list[Position] = []
        for project in group:
            picked.extend(positions_in(project, rng, share))
        rng.shuffle(picked)
        for position in picked[:per_language]:
            project = position.project
            others = [f for f in project.files if f != position.path]
            rng.shuffle(others)
            mru_paths = [position.path, *others[: open_count - 1]]
            open_docs = [docs.source(p) for p in mru_paths]
            current = open_docs[0]
            ws = Workspace.of(project.workspace)
            builder = builders.get(project.workspace)
            if builder is None:
                builder = builders[project.workspace] = ContextBuilder(ws, cache=cache)
                # as the language server runs it: no request parses files from disk
                builder.parses_per_build = 0
            row = rows.setdefault(language, Row())
            row.positions += 1
            typed = docs.source(position.path, version=2)
            after_edit = [typed, *open_docs[1:]]
            strategies = {
                "official": (
                    functools.partial(official, current, open_docs, ws),
                    functools.partial(official, typed, after_edit, ws),
                ),
                "ours": (
                    functools.partial(builder.build, current, position.offset, open_docs),
                    functools.partial(builder.build, typed, position.offset, after_edit),
                ),
            }
            # The server warms the imports when the file is opened or focused, off the
            # request path (one file per event-loop turn): timed here, not in `first`.
            steps: list[float] = []
            more = True
            while more:
                started = time.perf_counter()
                more = builder.warm(current, open_docs)
                steps.append((time.perf_counter() - started) * 1000)
            row.warm.append(sum(steps))
            row.warm_step.append(max(steps))
            for name, (first, after_typing) in strategies.items():
                first_contents, _, first_ms, _ = _timed_send(first, current, position.offset)
                contents, names, typing_ms, typing_cpu = _timed_send(
                    after_typing, typed, position.offset
                )
                if any(position.defining_line in c for c in first_contents):
                    row.first_hits[name] += 1
                row.typing_cpu[name].append(typing_cpu)
                row.first[name].append(first_ms)
                row.typing[name].append(typing_ms)
                row.sent[name].append(sum(utf8_len(c) for c in contents))
                row.absolute[name] += sum(1 for n in names if os.path.isabs(n))
                if any(position.defining_line in c for c in contents):
                    row.hits[name] += 1
    return rows


def _p(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def table(rows: dict[str, Row]) -> str:
    total = Row()
    for row in rows.values():
        total.positions += row.positions
        for name in ("official", "ours"):
            total.hits[name] += row.hits[name]
            total.first_hits[name] += row.first_hits[name]
            total.sent[name] += row.sent[name]
            total.first[name] += row.first[name]
            total.typing[name] += row.typing[name]
            total.absolute[name] += row.absolute[name]
            total.typing_cpu[name] += row.typing_cpu[name]
        total.warm += row.warm
        total.warm_step += row.warm_step
    header = (
        f"{'language':<11}{'pos':>5}{'strategy':>10}{'recall':>8}{'1st rec':>8}{'bytes':>8}"
        f"{'first p50':>11}{'first p99':>11}{'typing p50':>12}{'typing p99':>12}{'cpu p99':>10}{'abs':>5}"
    )
    lines = [header, "-" * len(header)]
    for label, row in [*sorted(rows.items()), ("all", total)]:
        for name in ("official", "ours"):
            recall = row.hits[name] / row.positions if row.positions else 0.0
            first_recall = row.first_hits[name] / row.positions if row.positions else 0.0
            lines.append(
                f"{label if name == 'official' else '':<11}"
                f"{row.positions if name == 'official' else '':>5}{name:>10}"
                f"{recall:>8.1%}{first_recall:>8.1%}{statistics.fmean(row.sent[name] or [0]):>8.0f}"
                f"{_p(row.first[name], 0.5):>9.2f}ms{_p(row.first[name], 0.99):>9.2f}ms"
                f"{_p(row.typing[name], 0.5):>10.2f}ms{_p(row.typing[name], 0.99):>10.2f}ms"
                f"{_p(row.typing_cpu[name], 0.99):>8.2f}ms{row.absolute[name]:>5}"
            )
    o, u = total.hits["official"], total.hits["ours"]
    ratio = u / o if o else float("inf")
    bytes_ratio = statistics.fmean(total.sent["ours"] or [0]) / max(
        1.0, statistics.fmean(total.sent["official"] or [0])
    )
    lines.append("")
    lines.append(
        f"recall ours/official = {ratio:.2f}x; bytes ours/official = {bytes_ratio:.2f}x; "
        f"typing p99 ours = {_p(total.typing['ours'], 0.99):.2f} ms wall, "
        f"{_p(total.typing_cpu['ours'], 0.99):.2f} ms CPU"
    )
    lines.append(
        f"ours, off the request path: warm-up at focus p50 {_p(total.warm, 0.5):.2f} ms, "
        f"p99 {_p(total.warm, 0.99):.2f} ms; longest single step (one file parsed) p99 "
        f"{_p(total.warm_step, 0.99):.2f} ms"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--positions-per-language", type=int, default=40)
    parser.add_argument("--open", type=int, default=20, help="open documents (with the current)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rows = run(args.positions_per_language, args.open, args.seed)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
