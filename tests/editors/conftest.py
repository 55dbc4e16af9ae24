"""Shared helpers for the editor tests: where the server and the editor configurations are."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EDITORS = REPO / "editors"
HERE = Path(__file__).resolve().parent

#: Every editor run is bounded by this; a hung editor fails the test instead of CI.
EDITOR_TIMEOUT_S = 90

#: The Python file the editors open, and where the cursor goes (end of the last line).
PY_SOURCE = "def fibonacci(n):\n    "
PY_CURSOR = (1, 4)

#: What the bundled mock model answers for `PY_SOURCE` at `PY_CURSOR` (a completion).
EXPECTED_COMPLETION = "a, b = 0, 1"


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
