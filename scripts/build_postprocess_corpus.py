"""Build `tests/data/postprocess/*.jsonl` from the hand-written cases in
`corpus_src/postprocess/*.py`.

Each case is written as a document with the cursor marked by `█`, the model's raw answer and
what a careful human wants between the text before and after the cursor once the suggestion
is accepted (see `corpus_src/postprocess/_cases.py`). This script finds the marker, computes
the LSP position (0-based line, UTF-16 column), writes the expected document (prefix + want +
suffix) and checks every field. One JSONL file per source module; the sources in `corpus_src/postprocess/holdout/` go to
`tests/data/postprocess/holdout/`, a held-out set. Run it after editing a source:

    .venv/bin/python scripts/build_postprocess_corpus.py          # rebuild all
    .venv/bin/python scripts/build_postprocess_corpus.py --check  # fail if a file is stale

A line of the output:
    {"id", "language", "filename", "category", "leave_alone", "text" (the document before),
     "line", "character" (the cursor), "raw" (the model's answer), "expected" (the document
     after accepting), "note"}
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

from intent.positions import end_position

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "corpus_src" / "postprocess"
OUT = ROOT / "tests" / "data" / "postprocess"
CURSOR = "█"
#: Cases written after the pipeline was tuned on the corpus, kept apart to measure how it
#: does on suggestions it was not fitted to (`benchmarks/postprocess.py --corpus .../holdout`).
HOLDOUT = "holdout"
#: The pipeline's steps, as the categories of the corpus.
CATEGORIES = (
    "overlap_close",  # closing brackets, quotes, `;`, `,` after the cursor
    "overlap_line",  # the rest of the line after the cursor
    "balance",  # scopes the suffix already closes, text past the enclosing block
    "duplicate_below",  # lines that repeat the document below the cursor
    "repetition",  # the same line or block over and over
    "fences",  # markdown fences and prose around the code
    "whitespace",  # trailing whitespace and blank lines
    "indent",  # indentation of multi-line suggestions, tabs vs spaces
    "scope",  # a line wanted, a block offered (and the other way round)
)
KEYS = {"id", "language", "filename", "category", "leave_alone", "text", "raw", "want", "note"}


class CaseError(ValueError):
    """A case in a source file is malformed; the message names the case."""


def build_case(case: Any) -> dict[str, Any]:
    if not isinstance(case, dict) or set(case) != KEYS:
        raise CaseError(f"not a case from _cases.Cases: {case!r:.80}")
    cid = case["id"]
    marked = case["text"]
    if marked.count(CURSOR) != 1:
        raise CaseError(f"{cid}: the text must hold exactly one {CURSOR}")
    if case["category"] not in CATEGORIES:
        raise CaseError(f"{cid}: category must be one of {', '.join(CATEGORIES)}")
    raw, want = case["raw"], case["want"]
    if CURSOR in raw or CURSOR in want:
        raise CaseError(f"{cid}: the cursor marker belongs in the text only")
    if not raw.strip():
        raise CaseError(f"{cid}: a raw answer with no text is not a suggestion")
    if case["leave_alone"] != (raw == want):
        raise CaseError(f"{cid}: a fix case must change the answer, a keep case must not")
    offset = marked.index(CURSOR)
    text = marked.replace(CURSOR, "")
    line, character = end_position(text[:offset])
    return {
        "id": cid,
        "language": case["language"],
        "filename": case["filename"],
        "category": case["category"],
        "leave_alone": case["leave_alone"],
        "text": text,
        "line": line,
        "character": character,
        "raw": raw,
        "expected": text[:offset] + want + text[offset:],
        "note": case["note"],
    }


def load_source(path: Path) -> list[Any]:
    sys.path.append(str(SRC))  # last, so that a source named like a stdlib module is harmless
    try:
        spec = importlib.util.spec_from_file_location(f"pp_corpus_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(SRC))
    cases = getattr(module, "CASES", None)
    if not isinstance(cases, list):
        raise CaseError(f"{path.name}: no CASES list")
    return cases


def render(path: Path) -> str:
    built = [build_case(c) for c in load_source(path)]
    for case in built:
        if case["language"] != path.stem:
            raise CaseError(f"{case['id']}: written in {path.name}, labelled {case['language']}")
    return "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in built)


def _build(src: Path, out: Path, check: bool, seen: set[str]) -> tuple[int, list[str]]:
    """Build (or check) every source in `src` into `out`: the number of cases, stale files."""
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    stale: list[str] = []
    for path in sorted(src.glob("[!_]*.py")):
        content = render(path)
        for line in content.splitlines():
            cid = json.loads(line)["id"]
            if cid in seen:
                raise CaseError(f"duplicate id {cid}")
            seen.add(cid)
            total += 1
        target = out / f"{path.stem}.jsonl"
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != content:
                stale.append(str(target.relative_to(OUT)))
        else:
            target.write_text(content, encoding="utf-8")
    return total, stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a JSONL file is stale")
    args = parser.parse_args(argv)
    seen: set[str] = set()
    try:
        total, stale = _build(SRC, OUT, args.check, seen)
        held, stale_held = _build(SRC / HOLDOUT, OUT / HOLDOUT, args.check, seen)
    except CaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if stale or stale_held:
        print(f"stale: {', '.join(stale + stale_held)} (run scripts/build_postprocess_corpus.py)")
        return 1
    print(f"{total} cases, and {held} held out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
