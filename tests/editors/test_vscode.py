"""The VS Code extension: its package.json settings, and its client code against the server.

VS Code cannot be downloaded here, so the extension's protocol code (settings, launch,
status, streaming: everything in src/ but the `vscode` glue) runs under Node's test runner
against `gitlab-lsp --stdio --mock` with vscode-jsonrpc (editors/vscode/test/stdio.test.ts).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import EDITORS
from .server_settings import known_setting_paths

VSCODE = EDITORS / "vscode"
NODE = shutil.which("node")
NPX = shutil.which("npx")
NODE_TEST = VSCODE / "out" / "test" / "stdio.test.js"
PREFIX = "gitlab-lsp."
#: Settings of the extension itself (how to start the server, LSP tracing), never sent.
EXTENSION_ONLY = {"server.path", "server.mock", "trace.server"}


def _package() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
    return data


def test_contributed_settings_mirror_the_server() -> None:
    properties = _package()["contributes"]["configuration"]["properties"]
    keys = {key.removeprefix(PREFIX) for key in properties}
    assert all(key.startswith(PREFIX) for key in properties)
    server_keys = keys - EXTENSION_ONLY
    # Every server setting but the token, which lives in VS Code's secret storage instead.
    assert server_keys == known_setting_paths() - {"token"}


def test_settings_list_in_source_matches_package_json() -> None:
    """src/settings.ts sends exactly the keys package.json declares (minus extension-only)."""
    source = (VSCODE / "src" / "settings.ts").read_text(encoding="utf-8")
    block = source.split("SERVER_SETTING_KEYS: readonly string[] = [", 1)[1].split("];", 1)[0]
    sent = {line.strip().strip("',") for line in block.splitlines() if line.strip()}
    properties = _package()["contributes"]["configuration"]["properties"]
    assert sent == {key.removeprefix(PREFIX) for key in properties} - EXTENSION_ONLY


def _stale(output: Path) -> bool:
    if not output.exists():
        return True
    newest = max(p.stat().st_mtime for d in ("src", "test") for p in (VSCODE / d).glob("*.ts"))
    return newest > output.stat().st_mtime


@pytest.mark.editor
def test_client_code_against_the_server_over_stdio(gitlab_lsp: Path, tmp_path: Path) -> None:
    if NODE is None or NPX is None:
        pytest.skip("Node.js is not installed")
    if not (VSCODE / "node_modules" / "vscode-jsonrpc").is_dir():
        pytest.skip("editors/vscode/node_modules is missing: run `npm ci` there")
    if _stale(NODE_TEST):
        subprocess.run([NPX, "tsc", "-p", "."], cwd=VSCODE, check=True, timeout=300)
    env = {**os.environ, "GITLAB_LSP_SERVER": str(gitlab_lsp), "HOME": str(tmp_path)}
    env.pop("GITLAB_TOKEN", None)
    proc = subprocess.run(
        [NODE, "--test", str(NODE_TEST)],
        cwd=VSCODE,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "# fail 0" in proc.stdout
