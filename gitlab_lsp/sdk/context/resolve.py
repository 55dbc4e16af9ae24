"""From an import as written to the files it names, for each language whose imports we follow.

Only paths are computed here; whether a file may be read (inside the workspace, not
excluded, not binary or huge) is the caller's decision. Paths that do not exist are dropped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

#: The most files one import (a Go package, a Java package) may contribute.
MAX_PACKAGE_FILES = 12

_JS_EXTENSIONS = (".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs")


def _is_file(path: str) -> bool:
    return os.path.isfile(path)


def _ancestors(directory: str, stop: str | None) -> Iterator[str]:
    while True:
        yield directory
        if stop is not None and os.path.normpath(directory) == os.path.normpath(stop):
            return
        parent = os.path.dirname(directory)
        if parent == directory:
            return
        directory = parent


@lru_cache(maxsize=256)
def _dir_files(directory: str, suffix: str) -> tuple[str, ...]:
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return ()
    return tuple(os.path.join(directory, n) for n in names if n.endswith(suffix))


# --- Python ------------------------------------------------------------------------------

_PY_FROM = re.compile(r"^from\s+(\.*)([\w.]*)\s+import\s+\(?(.*?)\)?$")
_PY_IMPORT = re.compile(r"^import\s+(.*)$")


def _python_module(base: str, dotted: str) -> list[str]:
    path = os.path.join(base, *dotted.split(".")) if dotted else base
    return [
        c for c in (path + ".py", path + ".pyi", os.path.join(path, "__init__.py")) if _is_file(c)
    ]


def _python(spec: str, path: str, root: str | None) -> list[str]:
    here = os.path.dirname(path)
    found: list[str] = []
    match = _PY_FROM.match(spec)
    if match:
        dots, module, names = match.groups()
        submodules = [n.split(" as ")[0].strip() for n in names.split(",")]
        if dots:
            base = here
            for _ in range(len(dots) - 1):
                base = os.path.dirname(base)
            bases = [base]
            modules = [module]
        else:
            bases = list(_ancestors(here, root))
            modules = [module]
        for base in bases:
            for mod in modules:
                hits = _python_module(base, mod)
                if hits:
                    found.extend(hits)
                    for name in submodules:
                        if name and name != "*":
                            found.extend(_python_module(base, f"{mod}.{name}" if mod else name))
                    return found
        return found
    match = _PY_IMPORT.match(spec)
    if match:
        for part in match.group(1).split(","):
            dotted = part.split(" as ")[0].strip()
            for base in _ancestors(here, root):
                hits = _python_module(base, dotted)
                if hits:
                    found.extend(hits)
                    break
    return found


# --- JavaScript / TypeScript ---------------------------------------------------------------


def _js_file(base: str) -> list[str]:
    if _is_file(base) and base.endswith(_JS_EXTENSIONS):
        return [base]
    stem = base[: -len(".js")] if base.endswith((".js", ".mjs", ".cjs")) else base
    for ext in _JS_EXTENSIONS:
        if _is_file(stem + ext):
            return [stem + ext]
    for ext in _JS_EXTENSIONS:
        candidate = os.path.join(base, "index" + ext)
        if _is_file(candidate):
            return [candidate]
    return []


def _js_package(directory: str, name: str) -> list[str]:
    import json

    package_dir = os.path.join(directory, "node_modules", name)
    manifest = os.path.join(package_dir, "package.json")
    if not _is_file(manifest):
        return []
    try:
        with open(manifest, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return []
    for key in ("types", "typings", "main"):
        entry = data.get(key) if isinstance(data, dict) else None
        if isinstance(entry, str):
            hits = _js_file(os.path.normpath(os.path.join(package_dir, entry)))
            if hits:
                return hits
    return _js_file(os.path.join(package_dir, "index"))


def _javascript(spec: str, path: str, root: str | None) -> list[str]:
    here = os.path.dirname(path)
    if spec.startswith((".", "/")):
        return _js_file(os.path.normpath(os.path.join(here, spec)))
    parts = spec.split("/")
    name = "/".join(parts[:2]) if spec.startswith("@") else parts[0]
    rest = "/".join(parts[2:] if spec.startswith("@") else parts[1:])
    for base in _ancestors(here, root):
        if rest:
            hits = _js_file(os.path.join(base, "node_modules", name, rest))
        else:
            hits = _js_package(base, name)
        if hits:
            return hits
    return []


# --- Go ------------------------------------------------------------------------------------


def _go_sources(directory: str) -> list[str]:
    files = [f for f in _dir_files(directory, ".go") if not f.endswith("_test.go")]
    return files[:MAX_PACKAGE_FILES]


@lru_cache(maxsize=64)
def _go_module(directory: str) -> tuple[str, str] | None:
    for base in _ancestors(directory, None):
        mod = os.path.join(base, "go.mod")
        if _is_file(mod):
            try:
                with open(mod, encoding="utf-8") as handle:
                    match = re.search(r"^module\s+(\S+)", handle.read(10_000), re.MULTILINE)
            except OSError:
                return None
            return (match.group(1), base) if match else None
    return None


def _go(spec: str, path: str, root: str | None) -> list[str]:
    module = _go_module(os.path.dirname(path))
    if module is None:
        return []
    name, base = module
    if spec == name or spec.startswith(name + "/"):
        return _go_sources(os.path.join(base, spec[len(name) :].lstrip("/")))
    return []


# --- Java ----------------------------------------------------------------------------------


def _java(spec: str, path: str, root: str | None, package: str | None) -> list[str]:
    match = re.match(r"^import\s+(static\s+)?([\w.]+)(\.\*)?\s*;", spec)
    if match is None:
        return []
    here = os.path.dirname(path)
    source_root = here
    if package:
        depth = package.count(".") + 1
        for _ in range(depth):
            source_root = os.path.dirname(source_root)
    parts = match.group(2).split(".")
    if match.group(3):
        return [f for f in _dir_files(os.path.join(source_root, *parts), ".java")][
            :MAX_PACKAGE_FILES
        ]
    # a.b.C or a.b.C.member (static): the longest prefix that is a file.
    for length in range(len(parts), 0, -1):
        candidate = os.path.join(source_root, *parts[:length]) + ".java"
        if _is_file(candidate):
            return [candidate]
    return []


# --- Ruby ----------------------------------------------------------------------------------


def _ruby(spec: str, path: str, root: str | None, relative: bool) -> list[str]:
    here = os.path.dirname(path)
    name = spec if spec.endswith(".rb") else spec + ".rb"
    if relative:
        candidate = os.path.normpath(os.path.join(here, name))
        return [candidate] if _is_file(candidate) else []
    for base in _ancestors(here, root):
        for candidate in (os.path.join(base, "lib", name), os.path.join(base, name)):
            if _is_file(candidate):
                return [candidate]
    return []


# --- Rust ----------------------------------------------------------------------------------


def _rust_module_dir(path: str) -> str:
    """The directory where `mod x;` of this file looks for `x.rs`."""
    here, stem = os.path.split(path)
    stem = os.path.splitext(stem)[0]
    return here if stem in ("mod", "lib", "main") else os.path.join(here, stem)


def _rust_file(base: str, parts: list[str]) -> list[str]:
    for length in range(len(parts), 0, -1):
        stem = os.path.join(base, *parts[:length])
        for candidate in (stem + ".rs", os.path.join(stem, "mod.rs")):
            if _is_file(candidate):
                return [candidate]
    return []


def _rust(spec: str, path: str, root: str | None) -> list[str]:
    if spec.startswith("mod "):
        return _rust_file(_rust_module_dir(path), [spec[4:].strip()])
    tree = spec[4:]
    head, _, _rest = tree.partition("{")
    parts = [p for p in head.split("::") if p]
    if not parts:
        return []
    if parts[0] == "crate":
        for base in _ancestors(os.path.dirname(path), root):
            if _is_file(os.path.join(base, "Cargo.toml")):
                return _rust_file(os.path.join(base, "src"), parts[1:])
        return []
    if parts[0] == "super":
        base = os.path.dirname(_rust_module_dir(path))
        return _rust_file(base, parts[1:])
    if parts[0] == "self":
        return _rust_file(_rust_module_dir(path), parts[1:])
    return []


# --- C / C++ -------------------------------------------------------------------------------


def _c(spec: str, path: str, root: str | None, roots: tuple[str, ...]) -> list[str]:
    system = spec.startswith("<")
    name = spec.strip('<>"')
    bases = ([] if system else [os.path.dirname(path)]) + list(roots)
    for base in bases:
        candidate = os.path.normpath(os.path.join(base, name))
        if _is_file(candidate):
            return [candidate]
    return []


Resolver = Callable[[str, str, "str | None"], list[str]]


def resolve_imports(
    language: str,
    specs: tuple[str, ...],
    path: str,
    *,
    root: str | None,
    roots: tuple[str, ...] = (),
    package: str | None = None,
) -> list[str]:
    """Files (absolute paths) that the imports `specs` of the file at `path` name, in order.

    `root` is the workspace folder of the file (resolution never climbs above it); `roots`
    are all workspace folders (C's include path).
    """
    found: list[str] = []
    for spec in specs:
        if language == "python":
            found.extend(_python(spec, path, root))
        elif language in ("javascript", "javascriptreact", "typescript", "typescriptreact", "vue"):
            found.extend(_javascript(spec, path, root))
        elif language == "go":
            found.extend(_go(spec, path, root))
        elif language == "java":
            found.extend(_java(spec, path, root, package))
        elif language == "ruby":
            method, _, name = spec.partition(" ")
            found.extend(_ruby(name, path, root, relative=method == "require_relative"))
        elif language == "rust":
            found.extend(_rust(spec, path, root))
        elif language in ("c", "cpp"):
            found.extend(_c(spec, path, root, roots))
    return list(dict.fromkeys(os.path.normpath(f) for f in found if f != path))


def siblings(language: str, path: str) -> list[str]:
    """Files whose names a file uses without importing them: Go and Java packages share a
    directory."""
    here = os.path.dirname(path)
    if language == "go":
        return [f for f in _go_sources(here) if f != path]
    if language == "java":
        return [f for f in _dir_files(here, ".java") if f != path][:MAX_PACKAGE_FILES]
    return []
