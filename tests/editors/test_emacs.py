"""Emacs in batch mode with Eglot against `gitlab-lsp --stdio --mock`.

The driver (emacs_driver.el) loads editors/emacs/gitlab-lsp-eglot.el as a user would, so the
recipe itself is what is tested: server registration, settings, notification handlers, and
the completion a user gets from `completion-at-point`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    DOUBLED_EXPECTED,
    DOUBLED_SOURCE,
    EDITOR_TIMEOUT_S,
    EDITORS,
    EXPECTED_COMPLETION,
    HERE,
    PY_SOURCE,
)

EMACS = shutil.which("emacs")


def emacs_has(feature: str) -> bool:
    """Whether `(require FEATURE)` works in this machine's Emacs."""
    if EMACS is None:
        return False
    proc = subprocess.run(
        [EMACS, "--batch", "--eval", f'(progn (require \'{feature}) (princ "ok"))'],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return proc.stdout.strip() == "ok"


pytestmark = [
    pytest.mark.editor,
    pytest.mark.skipif(EMACS is None, reason="Emacs is not installed (CI installs emacs-nox)"),
]


@pytest.fixture(scope="module")
def eglot_available() -> None:
    if not emacs_has("eglot"):
        pytest.skip("Eglot is not available to Emacs (CI installs elpa-eglot; Emacs 29+ has it)")


@pytest.fixture(scope="module")
def lsp_mode_available() -> None:
    if not emacs_has("lsp-mode"):
        pytest.skip("lsp-mode is not available to Emacs (CI installs elpa-lsp-mode)")


def run_emacs(
    driver: str, server: Path, workspace: Path, text: str = PY_SOURCE, back: int = 0
) -> dict[str, Any]:
    """Run a driver on a Python file holding `text`, the cursor `back` characters before
    its end."""
    assert EMACS is not None
    source = workspace / "fib.py"
    source.write_text(text, encoding="utf-8")
    out = workspace / "results.json"
    env = {
        **os.environ,
        "HOME": str(workspace / "home"),
        "GITLAB_LSP_EMACS_DIR": str(EDITORS / "emacs"),
        "GITLAB_LSP_CMD": json.dumps([str(server), "--stdio", "--mock"]),
        "GITLAB_LSP_TEST_FILE": str(source),
        "GITLAB_LSP_TEST_OUT": str(out),
        "GITLAB_LSP_TEST_BACK": str(back),
    }
    env.pop("GITLAB_TOKEN", None)
    proc = subprocess.run(
        [EMACS, "--batch", "-l", str(HERE / driver)],
        cwd=workspace,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=EDITOR_TIMEOUT_S,
        check=False,
    )
    assert out.exists(), f"Emacs wrote no results (exit {proc.returncode}): {proc.stderr[-3000:]}"
    results: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in results, f"{results}\nEmacs said:\n{proc.stderr[-3000:]}"
    return results


def test_eglot_completion(eglot_available: None, gitlab_lsp: Path, workspace: Path) -> None:
    results = run_emacs("emacs_driver.el", gitlab_lsp, workspace)
    assert results["mode"] == "python-mode"
    assert results["completion-provider"] is True
    assert results["items"] >= 1
    text = results["text"]
    assert text == EXPECTED_COMPLETION, results
    # completion-at-point inserted the item and Eglot replaced it with the item's full text.
    assert results["before"] == PY_SOURCE
    assert results["after"] == PY_SOURCE + text, results
    # $/gitlab/featureStateChange (a positional array) reached the Eglot handler.
    assert results["status"] == "GitLab"


def test_eglot_doubled_bracket_inserts_cleanly(
    eglot_available: None, gitlab_lsp: Path, workspace: Path
) -> None:
    """The cursor before an existing `))`: the model answers `"world")`, and what Eglot
    inserts leaves exactly one `)` per `(` (no `)))`)."""
    results = run_emacs("emacs_driver.el", gitlab_lsp, workspace, DOUBLED_SOURCE, back=3)
    assert results["before"] == DOUBLED_SOURCE
    assert results["after"] == DOUBLED_EXPECTED, results


def test_lsp_mode_add_on_client_completion(
    lsp_mode_available: None, gitlab_lsp: Path, workspace: Path
) -> None:
    """lsp-mode (8.0 in Debian: no inline completion yet) through gitlab-lsp-mode.el."""
    results = run_emacs("lsp_mode_driver.el", gitlab_lsp, workspace)
    assert results["servers"] == ["gitlab-lsp"]
    assert results["completion-feature"] is True
    assert results["text"] == EXPECTED_COMPLETION, results
    assert results["after"] == PY_SOURCE + EXPECTED_COMPLETION, results
    # $/gitlab/featureStateChange reached the handler: nothing stops suggestions.
    assert results["status"] == "GitLab"
