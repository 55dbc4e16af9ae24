"""The accuracy gates, so that `pytest` fails when intent detection regresses.

- the project corpus (intent/corpus/*.jsonl): at least 99%;
- the official client's suite: at least 97%, and the cases where our rules and the suite
  disagree are exactly the ones listed (with the reason) in docs/intent.md, so a regression
  and a stale line of documentation both fail.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intent.evaluate import evaluate, load_cases

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "intent" / "corpus").glob("*.jsonl"))
OFFICIAL = ROOT.parent / "shared" / "datasets" / "gitlab_lsp_intent_cases.jsonl"
DOCS = ROOT / "docs" / "intent.md"
CORPUS_MIN = 0.99
OFFICIAL_MIN = 0.97


def documented_disagreements() -> set[str]:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("<!-- disagreements:begin -->")[1].split("<!-- disagreements:end -->")[0]
    return set(re.findall(r"^\|\s*`([^`]+)`", section, flags=re.MULTILINE))


@pytest.mark.skipif(not CORPUS, reason="the corpus has not been built")
def test_project_corpus_accuracy() -> None:
    cases = [c for path in CORPUS for c in load_cases(path)]
    report = evaluate(cases)
    failures = [f"{o.case.id}: expected {o.case.label}, got {o.label}" for o in report.failures]
    assert report.accuracy >= CORPUS_MIN, "\n".join(failures)


@pytest.mark.skipif(not OFFICIAL.exists(), reason="../shared is not checked out")
def test_official_suite_disagreements_are_exactly_the_documented_ones() -> None:
    report = evaluate(load_cases(OFFICIAL))
    failing = {o.case.id for o in report.failures}
    documented = documented_disagreements()
    assert failing - documented == set(), "undocumented disagreements (regressions?)"
    assert documented - failing == set(), "documented disagreements that now agree"
    assert report.accuracy >= OFFICIAL_MIN
