"""docs/privacy.md lists every rule family the code has, and no other."""

from __future__ import annotations

import re
from pathlib import Path

from gitlab_lsp.privacy import RULE_IDS

DOC = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"


def test_the_rules_table_matches_the_rules() -> None:
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", DOC.read_text(encoding="utf-8"), re.M))
    assert listed == set(RULE_IDS)
    assert len(RULE_IDS) >= 30
