"""The SDK from a plain script (no asyncio) and from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from gitlab_lsp.cli import main
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions, SyncCodeSuggestions
from gitlab_lsp.sdk.streaming import text_chunks

from .helpers import COMPLETION, GENERATION, direct_completions, instance_completions


def test_sync_client_suggests_and_streams(mock_gateway: MockStack) -> None:
    options = ClientOptions(ide_name="script", ide_version="1")
    with SyncCodeSuggestions(
        mock_gateway.instance_url, mock_gateway.tokens["duo"], options=options
    ) as cs:
        suggestion = cs.suggest(**COMPLETION)
        chunks = list(cs.stream(**GENERATION))
        first = next(iter(cs.stream(**GENERATION)))  # abandoning a stream must not hang
        info = cs.check_token()
    assert suggestion.route == "direct" and suggestion.text
    assert len(chunks) > 1 and first == chunks[0]
    assert info.kind == "personal_access_token"


async def test_raw_text_streams_are_read_as_they_come(mock_gateway: MockStack) -> None:
    # Without X-Supports-Sse-Streaming the body is raw text (no SSE framing).
    body = {
        "current_file": {
            "file_name": "report.py",
            "content_above_cursor": GENERATION["content_above_cursor"],
            "content_below_cursor": "",
        },
        "intent": "generation",
        "stream": True,
    }
    headers = {"Authorization": f"Bearer {mock_gateway.tokens['duo']}"}
    async with (
        httpx.AsyncClient() as http,
        http.stream(
            "POST",
            f"{mock_gateway.instance_url}/api/v4/code_suggestions/completions",
            json=body,
            headers=headers,
        ) as response,
    ):
        assert "X-Streaming-Format" not in response.headers
        chunks = [chunk async for chunk in text_chunks(response, seconds=60)]
    assert len(chunks) > 1
    assert "event:" not in "".join(chunks)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "cart.py"
    path.write_text(COMPLETION["content_above_cursor"] + "\n", encoding="utf-8")
    return path


def test_cli_suggest_prints_json_with_route_and_timings(
    mock_gateway: MockStack,
    source: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GITLAB_TOKEN", mock_gateway.tokens["duo"])
    code = main(
        [
            "suggest",
            f"{source}:4:9",
            "--base-url",
            mock_gateway.instance_url,
            "--json",
            "--intent",
            "completion",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    result = json.loads(out)
    assert result["route"] == "direct"
    assert result["text"]
    assert set(result["timings"]) == {"token_wait", "intent", "connect", "first_byte", "total"}
    [sent] = direct_completions(mock_gateway)
    assert (
        sent["json"]["current_file"]["content_above_cursor"] == COMPLETION["content_above_cursor"]
    )


def test_cli_suggest_streams_a_generation(
    mock_gateway: MockStack,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "report.py"
    path.write_text(GENERATION["content_above_cursor"], encoding="utf-8")
    monkeypatch.setenv("GITLAB_TOKEN", mock_gateway.tokens["duo"])
    code = main(["suggest", f"{path}:4:1", "--base-url", mock_gateway.instance_url, "--stream"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.strip()
    [sent] = instance_completions(mock_gateway)
    assert sent["json"]["stream"] is True
    assert sent["json"]["intent"] == "generation"


def test_cli_reports_token_problems_with_exit_code_3(
    mock_gateway: MockStack,
    source: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GITLAB_TOKEN", mock_gateway.tokens["expired"])
    code = main(["suggest", f"{source}:4:9", "--base-url", mock_gateway.instance_url])
    err = capsys.readouterr().err
    assert code == 3
    assert "expired" in err
    assert mock_gateway.tokens["expired"] not in err


def test_cli_rejects_a_position_past_the_line(
    source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["suggest", f"{source}:1:99"]) == 2
    assert "past its end" in capsys.readouterr().err


def test_auth_login_validates_then_stores_and_status_reports_it(
    mock_gateway: MockStack,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import io

    import gitlab_lsp.credentials as credentials

    store: dict[str, str] = {}
    monkeypatch.setattr(credentials, "set_token", lambda url, token: store.__setitem__(url, token))
    monkeypatch.setattr(credentials, "get_token", lambda url: store.get(url))
    monkeypatch.setattr(credentials, "delete_token", lambda url: store.pop(url, None) is not None)
    monkeypatch.delenv("GITLAB_TOKEN", raising=False)
    url = mock_gateway.instance_url

    monkeypatch.setattr("sys.stdin", io.StringIO(mock_gateway.tokens["no_scope"] + "\n"))
    assert main(["auth", "login", "--base-url", url]) == 3
    assert store == {}

    monkeypatch.setattr("sys.stdin", io.StringIO(mock_gateway.tokens["duo"] + "\n"))
    assert main(["auth", "login", "--base-url", url]) == 0
    assert store == {url: mock_gateway.tokens["duo"]}

    assert main(["auth", "status", "--base-url", url, "--json"]) == 0
    out = capsys.readouterr().out
    status = json.loads(out[out.index("{") :])
    assert status["valid"] is True and status["source"] == "keyring"
    assert mock_gateway.tokens["duo"] not in out

    assert main(["auth", "logout", "--base-url", url]) == 0
    assert store == {}
