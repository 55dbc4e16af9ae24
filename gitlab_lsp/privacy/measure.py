"""Measuring the rules on code known to hold no secrets: false positives and speed.

A match in ordinary code is a false positive that costs the user a worse suggestion (the
model sees `****` where code was), so the figure is tracked by a test and printed by
`benchmarks/redaction.py`. Both read the same corpus, defined here: the Python standard
library without its test suites (real-world code, with docstrings and examples, that ships
no credentials) and this project's own sources.
"""

from __future__ import annotations

import sysconfig
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from gitlab_lsp.privacy.redaction import SecretMatch, find_secrets

#: Standard-library directories left out: test suites hold deliberate fake keys and URLs.
_NOT_ORDINARY = frozenset({"test", "tests", "idlelib", "turtledemo", "site-packages"})

#: The project's source directories (its tests are left out for the same reason).
PROJECT_SOURCES = ("gitlab_lsp", "intent", "scripts", "benchmarks")


def stdlib_files() -> list[Path]:
    """The running interpreter's standard-library modules, test suites excluded, sorted."""
    root = Path(sysconfig.get_paths()["stdlib"])
    return [
        path
        for path in sorted(root.rglob("*.py"))
        if not _NOT_ORDINARY.intersection(path.relative_to(root).parts)
    ]


def project_files(root: Path) -> list[Path]:
    """This project's Python sources under `root`, sorted."""
    return [path for name in PROJECT_SOURCES for path in sorted((root / name).rglob("*.py"))]


@dataclass
class Scan:
    """What `find_secrets` reported over a set of files, and how long it took per file."""

    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    matches: list[tuple[Path, SecretMatch]] = field(default_factory=list)

    @property
    def flagged_files(self) -> int:
        return len({path for path, _ in self.matches})

    def by_rule(self) -> Counter[str]:
        return Counter(match.rule_id for _, match in self.matches)

    def describe_matches(self) -> list[str]:
        """`path:offset rule-id` lines: where to look, without repeating the text found."""
        return [f"{path}:{m.start} {m.rule_id}" for path, m in self.matches]


def scan(paths: list[Path]) -> Scan:
    result = Scan()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        started = time.perf_counter()
        found = find_secrets(text)
        result.seconds += time.perf_counter() - started
        result.files += 1
        result.bytes += len(text.encode("utf-8"))
        result.matches.extend((path, m) for m in found)
    return result
