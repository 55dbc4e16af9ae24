"""docs/privacy.md lists every rule family the code has, and no other."""

from __future__ import annotations

import re
from pathlib import Path

from gitlab_lsp.privacy import RULE_IDS

DOC = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"


def test_the_rules_table_matches_the_rules() -> None:
    doc = DOC.read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", doc, re.M))
    assert listed == set(RULE_IDS)
    assert f"{len(RULE_IDS)} families" in doc
    assert len(RULE_IDS) >= 30
