"""The context builder on small real projects: imports resolved with tree-sitter in each
language, definitions preferred over whole files, and what must never be read or sent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gitlab_lsp.sdk.context import (
    ContextBuilder,
    ContextOptions,
    EditRegion,
    SourceDocument,
    Workspace,
)

LONG_BODY = "".join(f"    x{i} = {i}\n" for i in range(60))

#: language, files (relative path -> text), current file, expected text, body text not sent.
PROJECTS = [
    (
        "python",
        {
            "pkg/__init__.py": "",
            "pkg/util.py": f'def slugify(title: str, sep: str = "-") -> str:\n    """Make a slug."""\n{LONG_BODY}    return title\n',
            "app/main.py": "from pkg.util import slugify\n\n\ndef page(t):\n    return slugify(|",
        },
        "app/main.py",
        'def slugify(title: str, sep: str = "-") -> str:\n    """Make a slug."""',
        "x59 = 59",
    ),
    (
        "typescript",
        {
            "src/shapes.ts": "export function area(width: number, height: number): number {\n"
            + "  const a = 1;\n" * 60
            + "  return width * height;\n}\n",
            "src/main.ts": "import { area } from './shapes';\n\nconst total = area(|",
        },
        "src/main.ts",
        "export function area(width: number, height: number): number",
        "return width * height",
    ),
    (
        "javascript",
        {
            "lib/compare.js": "const compare = (a, b, loose) => a - b\nmodule.exports = compare\n",
            "lib/sort.js": "const compare = require('./compare')\nconst sort = (list) => list.sort((a, b) => compare(|",
        },
        "lib/sort.js",
        "const compare = (a, b, loose) => a - b",
        None,
    ),
    (
        "go",
        {
            "go.mod": "module example.com/shop\n\ngo 1.21\n",
            "money/money.go": "package money\n\n// Add sums two amounts.\nfunc Add(a, b int) int {\n"
            + "\t_ = 1\n" * 60
            + "\treturn a + b\n}\n",
            "main.go": 'package main\n\nimport "example.com/shop/money"\n\nfunc main() {\n\tmoney.Add(|',
        },
        "main.go",
        "// Add sums two amounts.\nfunc Add(a, b int) int",
        "return a + b",
    ),
    (
        "java",
        {
            "src/com/shop/Price.java": "package com.shop;\n\npublic class Price {\n    public static int withTax(int amount) {\n"
            + "        int x = 1;\n" * 60
            + "        return amount;\n    }\n}\n",
            "src/com/app/Main.java": "package com.app;\n\nimport com.shop.Price;\n\nclass Main {\n    int f() { return Price.withTax(|",
        },
        "src/com/app/Main.java",
        "public static int withTax(int amount)",
        "return amount;",
    ),
    (
        "ruby",
        {
            "lib/greeter.rb": "class Greeter\n  def greet(name, punctuation)\n"
            + "    x = 1\n" * 60
            + "    name\n  end\nend\n",
            "app.rb": "require_relative 'lib/greeter'\n\nGreeter.new.greet(|",
        },
        "app.rb",
        "def greet(name, punctuation)",
        "    name\n  end",
    ),
    (
        "rust",
        {
            "Cargo.toml": '[package]\nname = "shop"\n',
            "src/tax.rs": "/// Adds the tax.\npub fn with_tax(amount: u64, rate: u64) -> u64 {\n"
            + "    let x = 1;\n" * 60
            + "    amount * rate\n}\n",
            "src/main.rs": "mod tax;\nuse crate::tax::with_tax;\n\nfn main() {\n    with_tax(|",
        },
        "src/main.rs",
        "/// Adds the tax.\npub fn with_tax(amount: u64, rate: u64) -> u64",
        "amount * rate",
    ),
    (
        "c",
        {
            "include/buffer.h": "typedef struct { int size; } Buffer;\nint buffer_grow(Buffer *b, int n);\n",
            "src/main.c": '#include "../include/buffer.h"\n\nint main(void) {\n    Buffer b;\n    buffer_grow(|',
        },
        "src/main.c",
        "int buffer_grow(Buffer *b, int n);",
        None,
    ),
]


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("|", ""))


def _current(
    root: Path, files: dict[str, str], name: str, language: str
) -> tuple[SourceDocument, int]:
    text = files[name]
    offset = text.index("|")
    return SourceDocument(str(root / name), text.replace("|", ""), language), offset


@pytest.mark.parametrize(("language", "files", "current", "expected", "body"), PROJECTS)
def test_imports_bring_the_definitions_the_cursor_uses(
    tmp_path: Path,
    language: str,
    files: dict[str, str],
    current: str,
    expected: str,
    body: str | None,
) -> None:
    _write(tmp_path, files)
    doc, offset = _current(tmp_path, files, current, language)
    items = ContextBuilder(Workspace.of([str(tmp_path)])).build(doc, offset)
    imported = [i for i in items if i.resolution_strategy == "imports"]
    assert imported, items
    assert any(expected in i.content for i in imported), [i.content for i in imported]
    if body is not None:
        assert not any(body in i.content for i in imported)
    assert all(not os.path.isabs(i.name) for i in items)


def _python_project(root: Path) -> tuple[SourceDocument, int]:
    files = PROJECTS[0][1]
    _write(root, files)
    return _current(root, files, "app/main.py", "python")


def test_open_documents_most_recent_first_same_family_first(tmp_path: Path) -> None:
    current, offset = _python_project(tmp_path)
    docs = [
        current,
        SourceDocument(str(tmp_path / "notes.md"), "# notes\n", "markdown"),
        SourceDocument(str(tmp_path / "web.ts"), "export const a = 1;\n", "typescript"),
        SourceDocument(str(tmp_path / "new.py"), "NEW = 1\n", "python"),
        SourceDocument(str(tmp_path / "old.py"), "OLD = 1\n", "python"),
    ]
    items = ContextBuilder(Workspace.of([str(tmp_path)])).build(current, offset, docs)
    tabs = [i.name for i in items if i.type == "file"]
    assert tabs == ["new.py", "old.py", "web.ts"]  # markdown is not a supported language


def test_recent_edits_of_other_documents(tmp_path: Path) -> None:
    current, offset = _python_project(tmp_path)
    other = SourceDocument(
        str(tmp_path / "cart.py"), "".join(f"line_{i} = {i}\n" for i in range(40)), "python"
    )
    options = ContextOptions(open_tabs=False, imports=False)
    items = ContextBuilder(Workspace.of([str(tmp_path)]), options).build(
        current, offset, [current, other], [EditRegion(other, 20, 20), EditRegion(current, 1, 1)]
    )
    assert [(i.name, i.resolution_strategy) for i in items] == [("cart.py", "recent_edits")]
    assert "line_20 = 20" in items[0].content and "line_0 = 0" not in items[0].content


def test_every_source_off_sends_nothing(tmp_path: Path) -> None:
    current, offset = _python_project(tmp_path)
    options = ContextOptions(open_tabs=False, imports=False, recent_edits=False)
    other = SourceDocument(str(tmp_path / "x.py"), "X = 1\n", "python")
    items = ContextBuilder(Workspace.of([str(tmp_path)]), options).build(
        current, offset, [current, other], [EditRegion(other, 0, 0)]
    )
    assert items == []


def test_excluded_ignored_binary_huge_and_outside_files_are_never_sent(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    files = {
        "pkg/__init__.py": "",
        "pkg/kept.py": "def kept_fn(a):\n    return a\n",
        "pkg/secret_conf.py": "def secret_fn(a):\n    return a\n",
        "build/__init__.py": "",
        "build/gen.py": "def gen_fn(a):\n    return a\n",
        "main.py": "from pkg import kept, secret_conf\nfrom build import gen\n\n"
        "kept.kept_fn(secret_conf.secret_fn(gen.gen_fn(|",
    }
    _write(root, files)
    (root / ".gitignore").write_text("build/\n!pkg/\n")
    (tmp_path / "outside.py").write_text("def outside_fn():\n    pass\n")
    current, offset = _current(root, files, "main.py", "python")
    docs = [
        current,
        SourceDocument(str(tmp_path / "outside.py"), "def outside_fn():\n    pass\n", "python"),
        SourceDocument(str(root / "blob.py"), "a\x00b" * 10, "python"),
        SourceDocument(str(root / "huge.py"), "x = 1\n" * 100_000, "python"),
        SourceDocument(str(root / "pkg" / "secret_conf.py"), "S = 1\n", "python"),
    ]
    options = ContextOptions(exclusions=("**/secret_*.py",), budget=10_000_000)
    items = ContextBuilder(Workspace.of([str(root)]), options).build(current, offset, docs)
    names = {i.name for i in items}
    text = "".join(i.content for i in items)
    assert "pkg/kept.py" in names and "def kept_fn(a)" in text
    assert "secret_fn" not in text and "pkg/secret_conf.py" not in names
    assert "gen_fn" not in text
    assert "outside_fn" not in text and "blob.py" not in names and "huge.py" not in names


def test_disabled_language_is_never_sent(tmp_path: Path) -> None:
    current, offset = _python_project(tmp_path)
    web = SourceDocument(str(tmp_path / "web.ts"), "export const a = 1;\n", "typescript")
    builder = ContextBuilder(
        Workspace.of([str(tmp_path)]),
        language_allowed=lambda language_id, path: not path.endswith(".ts"),
    )
    assert "web.ts" not in {i.name for i in builder.build(current, offset, [current, web])}


def test_names_are_relative_to_the_innermost_workspace_folder() -> None:
    ws = Workspace.of(["/home/u/mono", "/home/u/mono/packages/api", "/srv/other"])
    assert ws.relative_name("/home/u/mono/packages/api/src/a.py") == "src/a.py"
    assert ws.relative_name("/home/u/mono/tools/b.py") == "tools/b.py"
    assert ws.relative_name("/srv/other/c.go") == "c.go"
    assert ws.relative_name("/tmp/scratch/d.rs") == "d.rs"
    assert Workspace().relative_name("/home/u/e.py") == "e.py"
    assert ws.relative_name("/home/u/monorepo/f.py") == "f.py"  # a prefix is not a parent


def test_the_budget_counts_the_current_file(tmp_path: Path) -> None:
    current, offset = _python_project(tmp_path)
    other = SourceDocument(str(tmp_path / "big.py"), "y = 2\n" * 1_000, "python")
    budget = len(current.text.encode()) + 1_000
    items = ContextBuilder(Workspace.of([str(tmp_path)]), ContextOptions(budget=budget)).build(
        current, offset, [current, other]
    )
    assert sum(len(i.content.encode()) for i in items) <= 1_000
    assert items[-1].name == "big.py"  # trimmed to what was left


def test_a_build_that_may_not_parse_leaves_imports_to_warm(tmp_path: Path) -> None:
    """The language server lets no request parse files from disk: the build says it left
    some (`deferred`), and `warm`, one file per call, makes the next build complete."""
    doc, offset = _python_project(tmp_path)
    builder = ContextBuilder(Workspace.of([str(tmp_path)]))
    builder.parses_per_build = 0
    first = builder.build(doc, offset)
    assert builder.deferred
    assert not [i for i in first if i.resolution_strategy == "imports"]
    steps = 0
    while builder.warm(doc):
        steps += 1
        assert steps < 50
    later = builder.build(doc, offset)
    assert not builder.deferred
    unbounded = ContextBuilder(Workspace.of([str(tmp_path)])).build(doc, offset)
    assert later == unbounded
    assert [i for i in later if i.resolution_strategy == "imports"]


def test_a_build_reads_only_the_open_documents_it_may_send(tmp_path: Path) -> None:
    """The language server hands every open document to each request; decoding them all
    costs milliseconds per request with many big files open. Text is read for what may be
    sent: never for a file outside the workspace or too big, and open tabs only until they
    fill the budget (an index, built once per version, reads its document once)."""
    current, offset = _python_project(tmp_path)
    reads: list[str] = []
    texts = {f"tab{i}.py": f"value_{i} = {i}\n" * 300 for i in range(6)}  # 3,600 bytes each
    texts["huge.py"] = "h = 1\n"

    def documents(lazy: bool) -> list[SourceDocument]:
        def read(name: str) -> str:
            reads.append(name)
            return texts[name]

        docs = [current]
        for name in texts:
            text: object = (lambda n=name: read(n)) if lazy else texts[name]
            # What the server knows of its buffers without decoding them.
            size = 10_000_000 if name == "huge.py" else len(texts[name])
            path = str(tmp_path / name)
            docs.append(
                SourceDocument(path, text, "python", (name, 1), size=size, binary=False)  # type: ignore[arg-type]
            )
        outside = str(tmp_path.parent / "outside.py")
        docs.append(SourceDocument(outside, lambda: read("outside.py"), "python", 1))
        return docs

    options = ContextOptions(budget=len(current.text.encode()) + 8_000)
    builder = ContextBuilder(Workspace.of([str(tmp_path)]), options)
    first = builder.build(current, offset, documents(lazy=True))
    assert "outside.py" not in reads and "huge.py" not in reads
    reads.clear()
    again = builder.build(current, offset, documents(lazy=True))
    assert reads == ["tab0.py", "tab1.py", "tab2.py"]  # the third fills the 8,000 bytes
    eager = ContextBuilder(Workspace.of([str(tmp_path)]), options)
    assert first == again == eager.build(current, offset, documents(lazy=False))
    assert [i.name for i in again if i.type == "file"] == ["tab0.py", "tab1.py", "tab2.py"]
