"""The curl recipes of docs/mock.md run as written against a live mock."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gitlab_lsp.mock import MockStack

DOC = Path(__file__).resolve().parents[2] / "docs" / "mock.md"


def _recipes() -> str:
    text = DOC.read_text()
    section = text.split("## curl recipes", 1)[1]
    match = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert match, "docs/mock.md lost its curl recipes"
    return match.group(1)


@pytest.mark.skipif(not (shutil.which("curl") and shutil.which("jq")), reason="needs curl and jq")
def test_curl_recipes_work_as_documented(mock_gateway: MockStack, tmp_path: Path) -> None:
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", _recipes()],
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "GL": mock_gateway.instance_url,
            "PAT": mock_gateway.tokens["duo"],
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count('"object":"text_completion"') == 2  # direct, then through the instance
    assert "event: stream_start" not in out and "def reverse_string" in out  # raw stream
    sources = [(e["source"], e["received_path"]) for e in mock_gateway.control.requests("gateway")]
    assert sources == [
        ("client", "/ai/v2/code/completions"),
        ("instance", "/ai/v2/code/completions"),
        ("instance", "/ai/v2/code/generations"),
    ]
    assert '"received_path":"/ai/v2/code/generations"' in out.replace(" ", "")
