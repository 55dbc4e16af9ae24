"""Build `intent/corpus/*.jsonl` from the readable case sources in `corpus_src/*.py`.

Cases are written by hand as Python data with the cursor marked by `█` inside `text`, because
counting lines and UTF-16 columns by hand is where labelled corpora go wrong. This script
finds the marker, computes the LSP position (0-based line, UTF-16 column), checks every
field and writes one JSONL file per source module. Sources write their cases with the shared
builders in `corpus_src/_helpers.py` (files starting with `_` are not sources). Run it after
editing a source:

    .venv/bin/python scripts/build_corpus.py          # rebuild all
    .venv/bin/python scripts/build_corpus.py --check  # fail if a JSONL file is out of date
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from intent.positions import end_position

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "corpus_src"
OUT = ROOT / "intent" / "corpus"
CURSOR = "█"
INTENTS = {"completion", "generation"}
GENERATION_TYPES = {"comment", "empty_function", "small_file", None}
ALLOWED_KEYS = {
    "id",
    "language",
    "filename",
    "text",
    "intent",
    "generation_type",
    "user_instruction",
    "note",
}


class CaseError(ValueError):
    """A case in a source file is malformed; the message names the case."""


def build_case(raw: dict[str, Any]) -> dict[str, Any]:
    cid = raw.get("id", "<no id>")
    unknown = set(raw) - ALLOWED_KEYS
    if unknown:
        raise CaseError(f"{cid}: unknown keys {sorted(unknown)}")
    for key in ("id", "language", "filename", "text", "intent"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise CaseError(f"{cid}: '{key}' must be a non-empty string")
    text: str = raw["text"]
    if text.count(CURSOR) != 1:
        raise CaseError(f"{cid}: text must contain exactly one cursor marker {CURSOR!r}")
    intent = raw["intent"]
    gtype = raw.get("generation_type")
    instruction = raw.get("user_instruction")
    if intent not in INTENTS:
        raise CaseError(f"{cid}: intent must be one of {sorted(INTENTS)}")
    if gtype not in GENERATION_TYPES:
        raise CaseError(f"{cid}: bad generation_type {gtype!r}")
    if intent == "completion" and (gtype is not None or instruction is not None):
        raise CaseError(f"{cid}: a completion has no generation_type or user_instruction")
    if intent == "generation" and gtype is None:
        raise CaseError(f"{cid}: a generation needs a generation_type")
    if gtype == "comment" and not instruction:
        raise CaseError(f"{cid}: a comment generation needs its user_instruction")
    if gtype in ("empty_function", "small_file") and instruction is not None:
        raise CaseError(f"{cid}: only comment generations carry a user_instruction")
    before, after = text.split(CURSOR)
    line, character = end_position(before)
    case = {
        "id": cid,
        "language": raw["language"],
        "filename": raw["filename"],
        "text": before + after,
        "line": line,
        "character": character,
        "intent": intent,
        "generation_type": gtype,
        "user_instruction": instruction,
    }
    if raw.get("note"):
        case["note"] = raw["note"]
    return case


@contextmanager
def _importable(folder: Path) -> Iterator[None]:
    """Let the sources `from _helpers import ...` without making corpus_src a package.

    The folder goes last on the path: sources are named after languages, and `json.py` or
    `html.py` placed first would shadow the standard library for anything imported meanwhile.
    """
    entry = str(folder)
    sys.path.append(entry)
    try:
        yield
    finally:
        sys.path.remove(entry)


def load_source(path: Path) -> list[dict[str, Any]]:
    spec = importlib.util.spec_from_file_location(f"corpus_src_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    with _importable(path.parent):
        spec.loader.exec_module(module)
    cases = getattr(module, "CASES", None)
    if not isinstance(cases, list):
        raise CaseError(f"{path.name}: must define CASES = [...]")
    return [build_case(c) for c in cases]


def render(cases: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a JSONL file is stale")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    seen: dict[str, str] = {}
    stale: list[str] = []
    total = 0
    for path in sorted(SRC.glob("*.py")):
        if path.name.startswith("_"):
            continue
        try:
            cases = load_source(path)
        except CaseError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        for c in cases:
            if c["id"] in seen:
                print(
                    f"error: duplicate id {c['id']} in {path.name} and {seen[c['id']]}",
                    file=sys.stderr,
                )
                return 1
            seen[c["id"]] = path.name
        target = OUT / f"{path.stem}.jsonl"
        content = render(cases)
        total += len(cases)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != content:
                stale.append(target.name)
        else:
            target.write_text(content, encoding="utf-8")
    if stale:
        print(f"error: stale corpus files (run scripts/build_corpus.py): {stale}", file=sys.stderr)
        return 1
    sources = len(list(SRC.glob("[!_]*.py")))
    print(f"{total} cases ({len(seen)} unique ids) from {sources} sources")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
