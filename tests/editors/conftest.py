"""Shared helpers for the editor tests: where the server and the editor configurations are."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
EDITORS = REPO / "editors"
HERE = Path(__file__).resolve().parent

#: Every editor run is bounded by this; a hung editor fails the test instead of CI.
EDITOR_TIMEOUT_S = 180

#: The Python file the editors open: long enough (5 code lines) not to count as a small file,
#: with the cursor inside a call, so the server asks for a completion.
PY_SOURCE = (
    "import sys\n"
    "\n"
    "\n"
    "def greet(name):\n"
    '    return f"Hello, {name}!"\n'
    "\n"
    "\n"
    'if __name__ == "__main__":\n'
    "    print(greet("
)
PY_CURSOR = (8, len("    print(greet("))

#: What the bundled mock model answers there (deterministic).
EXPECTED_COMPLETION = '"world")'

#: The doubled-bracket case: the same call with its two `)` already typed after the cursor.
#: The mock answers `"world")` there too; inserted raw, the line would end in `)))`.
DOUBLED_SOURCE = PY_SOURCE + "))\n"
DOUBLED_EXPECTED = PY_SOURCE + '"world"))\n'

#: A comment that asks for code (a generation), added below PY_SOURCE, and what the mock
#: generates for it, streamed when the client enables streaming.
GENERATION_COMMENT = "# write a function that reverses a string"
EXPECTED_GENERATION = ("def reverses_string(text):", "return text[::-1]")


def server_executable() -> Path:
    """The `gitlab-lsp` of the interpreter running the tests (the project's venv in CI)."""
    return Path(sys.executable).parent / "gitlab-lsp"


@pytest.fixture
def gitlab_lsp() -> Path:
    exe = server_executable()
    if not exe.exists():
        pytest.skip(f"{exe} is missing: install the project with `pip install -e .`")
    return exe


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A project directory with a `.git` marker, as editors look for one to find the root."""
    (tmp_path / ".git").mkdir()
    return tmp_path


#: CI sets this so that a real editor that failed to install fails the run instead of being
#: skipped: "CI has them" must stay true, not silently become "CI skipped them".
REQUIRE_EDITORS = os.environ.get("GITLAB_LSP_REQUIRE_EDITORS") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_EDITORS and report.skipped and HERE in Path(str(item.fspath)).parents:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"editor test skipped but GITLAB_LSP_REQUIRE_EDITORS=1: {reason}"
