"""`gitlab-lsp mock-gateway`: the first line, the banner, and a clean Ctrl-C."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "gitlab_lsp", "mock-gateway", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def json_process() -> Iterator[subprocess.Popen[str]]:
    process = _start("--json", "--realm", "self-managed")
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_json_first_line_then_ctrl_c(json_process: subprocess.Popen[str]) -> None:
    assert json_process.stdout is not None
    info = json.loads(json_process.stdout.readline())
    assert info["realm"] == "self-managed"
    assert {"instance_url", "cloud_url", "customersdot_url", "tokens"} <= set(info)
    assert {"duo", "no_seat", "expired", "no_scope"} <= set(info["tokens"])
    response = httpx.post(
        f"{info['instance_url']}/api/v4/code_suggestions/direct_access",
        headers={"Authorization": f"Bearer {info['tokens']['duo']}"},
        trust_env=False,
    )
    assert response.status_code == 201 and response.json()["base_url"] == f"{info['cloud_url']}/ai"
    json_process.send_signal(signal.SIGINT)
    assert json_process.wait(timeout=10) == 0
    assert json_process.stderr is not None
    assert "Traceback" not in json_process.stderr.read()


def test_banner_has_the_facts_and_a_settings_block() -> None:
    process = _start()
    try:
        assert process.stdout is not None
        lines: list[str] = []
        while not lines or "direct_access" not in lines[-1]:
            line = process.stdout.readline()
            assert line, "the banner ended early"
            lines.append(line)
        text = "".join(lines)
        assert "instance (Rails)" in text and "Cloud Connector" in text and "CustomersDot" in text
        assert '"baseUrl": "http://127.0.0.1:' in text and '"token": "glpat-' in text
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_taken_port_is_a_clear_error() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "gitlab_lsp", "mock-gateway", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
