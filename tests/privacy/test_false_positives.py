"""The rules stay quiet on ordinary code (measured; `benchmarks/redaction.py` prints the table).

Measured on CPython 3.11's standard library without its test suites (653 files, 11 MB) and on
this project's sources: one match, an example password passed as `passwd=` in a docstring of
`urllib/request.py`, which is a secret by form and which we accept to mask. The bound leaves room for two more such examples across 3.11 patch releases; beyond
that a rule has started to flag ordinary code and must be tightened.
"""

from __future__ import annotations

from pathlib import Path

from gitlab_lsp.privacy.measure import project_files, scan, stdlib_files

MAX_MATCHES = 3
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_ordinary_code_is_almost_never_flagged() -> None:
    files = stdlib_files() + project_files(PROJECT_ROOT)
    assert len(files) > 300, "the corpus went missing: the bound would mean nothing"
    result = scan(files)
    assert len(result.matches) <= MAX_MATCHES, "\n".join(result.describe_matches())
