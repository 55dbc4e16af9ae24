"""The post-processing replay corpus is well-formed, big and varied enough, and up to date
with its hand-written sources (`corpus_src/postprocess/`)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from gitlab_lsp.server.suggestions import MIN_CONTENT
from intent.positions import LINE_BREAK, offset_at, utf16_units

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "postprocess"
BUILDER = ROOT / "scripts" / "build_postprocess_corpus.py"
FIELDS = {
    "id",
    "language",
    "filename",
    "category",
    "leave_alone",
    "text",
    "line",
    "character",
    "raw",
    "expected",
    "note",
}
CATEGORIES = {
    "overlap_close",
    "overlap_line",
    "balance",
    "duplicate_below",
    "repetition",
    "fences",
    "whitespace",
    "indent",
    "scope",
}


def _load(directory: Path = CORPUS) -> list[dict[str, Any]]:
    cases = []
    for path in sorted(directory.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            case = json.loads(line)
            case["_where"] = f"{path.name}:{number}"
            cases.append(case)
    return cases


CASES = _load()
#: Written after the pipeline was tuned on CASES, to see how it does on unseen suggestions.
HELD_OUT = _load(CORPUS / "holdout")


def _split(case: dict[str, Any]) -> tuple[str, str]:
    at = offset_at(case["text"], case["line"], case["character"])
    return case["text"][:at], case["text"][at:]


def test_the_corpus_is_big_and_varied_enough() -> None:
    assert len(CASES) >= 400
    languages = Counter(c["language"] for c in CASES)
    assert len(languages) >= 12, languages
    assert min(languages.values()) >= 25, languages
    assert sum(c["leave_alone"] for c in CASES) >= 120
    for category in CATEGORIES:
        fixes = [c for c in CASES if c["category"] == category and not c["leave_alone"]]
        keeps = [c for c in CASES if c["category"] == category and c["leave_alone"]]
        assert len(fixes) >= 20 and len(keeps) >= 12, (category, len(fixes), len(keeps))
    for language in languages:
        covered = {c["category"] for c in CASES if c["language"] == language}
        assert covered == CATEGORIES, (language, CATEGORIES - covered)


def test_the_held_out_set_covers_every_language() -> None:
    assert len(HELD_OUT) >= 60
    assert {c["language"] for c in HELD_OUT} == {c["language"] for c in CASES}
    assert sum(c["leave_alone"] for c in HELD_OUT) >= 20


def test_ids_are_unique_and_name_language_and_category() -> None:
    ids = Counter(c["id"] for c in CASES + HELD_OUT)
    assert [i for i, n in ids.items() if n > 1] == []
    for case in CASES + HELD_OUT:
        assert case["id"].startswith(f"{case['language']}/{case['category']}/"), case["_where"]


def _problems(case: dict[str, Any]) -> list[str]:
    """What is wrong with one case (nothing, for a good one)."""
    if set(case) - {"_where"} != FIELDS:
        return [f"fields {sorted(set(case) ^ FIELDS)}"]
    problems = []
    if case["category"] not in CATEGORIES:
        problems.append(f"unknown category {case['category']}")
    if not isinstance(case["leave_alone"], bool):
        problems.append("leave_alone is not a boolean")
    if not all(isinstance(case[k], str) for k in ("text", "raw", "expected", "filename")):
        return [*problems, "text, raw, expected and filename must be strings"]
    if not case["raw"].strip():
        problems.append("a raw answer with no text")
    # The cursor is a real position in the document, not one LSP would clamp.
    lines = LINE_BREAK.split(case["text"])
    if not 0 <= case["line"] < len(lines) or not (
        0 <= case["character"] <= utf16_units(lines[case["line"]])
    ):
        return [*problems, "the cursor is outside the document"]
    prefix, suffix = _split(case)
    raw_inserted = prefix + case["raw"] + suffix
    # A document too small for the server to ask says nothing about post-processing.
    if len(prefix.strip()) + len(suffix.strip()) < MIN_CONTENT:
        problems.append("the document is too small for a request")
    # Accepting a suggestion never rewrites what the user wrote before the cursor, nor the
    # lines after the cursor's line.
    if not case["expected"].startswith(prefix):
        problems.append("expected changes the text before the cursor")
    if not case["expected"].endswith(suffix.partition("\n")[2]):
        problems.append("expected changes the lines below the cursor")
    if case["leave_alone"] and case["expected"] != raw_inserted:
        problems.append("a leave-alone case must expect the raw answer inserted as it is")
    if not case["leave_alone"] and case["expected"] == raw_inserted:
        problems.append("a case to fix must expect something else than the raw insertion")
    return problems


def test_every_case_is_well_formed() -> None:
    bad = {c.get("id", c["_where"]): p for c in CASES + HELD_OUT if (p := _problems(c))}
    assert bad == {}


def test_the_checks_catch_broken_cases() -> None:
    good = next(c for c in CASES if not c["leave_alone"])
    assert _problems(good) == []
    assert _problems({**good, "line": len(good["text"].splitlines()) + 5}) == [
        "the cursor is outside the document"
    ]
    prefix, suffix = _split(good)
    assert _problems({**good, "expected": prefix + good["raw"] + suffix}) == [
        "a case to fix must expect something else than the raw insertion"
    ]
    assert _problems({**good, "leave_alone": True}) == [
        "a leave-alone case must expect the raw answer inserted as it is"
    ]
    assert "expected changes the text before the cursor" in _problems(
        {**good, "expected": "x" + good["expected"]}
    )


def test_the_jsonl_matches_its_sources() -> None:
    result = subprocess.run(
        [sys.executable, str(BUILDER), "--check"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
