"""`gitlab-lsp suggest` and `auth login|status` reach the instance like the SDK: proxy, CA
bundle, client certificate and --insecure, over real TLS.

The CLI runs its own event loop, so each call runs in a worker thread while the TLS fronts
keep serving on the test's loop.
"""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest

from gitlab_lsp.cli import build_parser, main
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions
from gitlab_lsp.sdk.cli import connection_options

from .helpers import COMPLETION
from .tls_front import Fronts


async def _cli(*argv: str) -> int:
    return await asyncio.to_thread(main, list(argv))


@pytest.fixture
def keyring(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A dict instead of the system keyring; no GITLAB_TOKEN."""
    import gitlab_lsp.credentials as credentials

    store: dict[str, str] = {}
    monkeypatch.setattr(credentials, "set_token", lambda url, token: store.__setitem__(url, token))
    monkeypatch.setattr(credentials, "get_token", lambda url: store.get(url))
    monkeypatch.delenv("GITLAB_TOKEN", raising=False)
    return store


@pytest.mark.parametrize(
    "command", [["suggest", "a.py:1:1"], ["auth", "login"], ["auth", "status"]]
)
def test_connection_options_map_onto_client_options(command: list[str]) -> None:
    args = build_parser().parse_args(
        [
            *command,
            "--proxy",
            "http://proxy.example:3128",
            "--ca-bundle",
            "ca.pem",
            "--client-cert",
            "me.pem",
            "--client-key",
            "me.key",
            "--insecure",
        ]
    )
    options = ClientOptions(**connection_options(args))
    assert (
        options.proxy,
        options.ca_bundle,
        options.client_cert,
        options.client_key,
        options.ignore_certificate_errors,
    ) == ("http://proxy.example:3128", "ca.pem", "me.pem", "me.key", True)
    defaults = ClientOptions(**connection_options(build_parser().parse_args(command)))
    assert defaults == ClientOptions()


async def test_auth_status_trusts_the_ca_bundle_or_insecure(
    mock_gateway: MockStack,
    fronts: Fronts,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GITLAB_TOKEN", mock_gateway.tokens["duo"])
    url = fronts.instance.url
    assert await _cli("auth", "status", "--base-url", url) == 1  # unknown CA
    assert "cannot validate" in capsys.readouterr().out
    assert fronts.instance.seen == []

    assert await _cli("auth", "status", "--base-url", url, "--ca-bundle", str(fronts.ca)) == 0
    assert "usable" in capsys.readouterr().out
    assert await _cli("auth", "status", "--base-url", url, "--insecure") == 0
    assert "usable" in capsys.readouterr().out
    assert len(fronts.instance.seen) == 2


async def test_auth_login_presents_the_client_certificate(
    mock_gateway: MockStack,
    mutual_fronts: Fronts,
    keyring: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    certs, url = mutual_fronts.certs, mutual_fronts.instance.url
    token = mock_gateway.tokens["duo"]

    monkeypatch.setattr("sys.stdin", io.StringIO(token + "\n"))
    assert await _cli("auth", "login", "--base-url", url, "--ca-bundle", str(certs.ca)) == 1
    assert keyring == {}
    assert "not stored" in capsys.readouterr().err

    monkeypatch.setattr("sys.stdin", io.StringIO(token + "\n"))
    code = await _cli(
        "auth",
        "login",
        "--base-url",
        url,
        "--ca-bundle",
        str(certs.ca),
        "--client-cert",
        str(certs.client_cert),
        "--client-key",
        str(certs.client_key),
    )
    assert code == 0, capsys.readouterr().err
    assert keyring == {url: token}
    assert token not in capsys.readouterr().out


async def test_suggest_reaches_both_routes_through_tls(
    mock_gateway: MockStack,
    fronts: Fronts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "cart.py"
    source.write_text(COMPLETION["content_above_cursor"] + "\n", encoding="utf-8")
    monkeypatch.setenv("GITLAB_TOKEN", mock_gateway.tokens["duo"])
    code = await _cli(
        "suggest",
        f"{source}:4:9",
        "--base-url",
        fronts.instance.url,
        "--intent",
        "completion",
        "--json",
        "--ca-bundle",
        str(fronts.ca),
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert json.loads(out)["route"] == "direct"
    assert "POST /ai/v2/completions" in fronts.cloud.seen
    assert "POST /api/v4/code_suggestions/direct_access" in fronts.instance.seen


def test_a_key_without_a_certificate_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITLAB_TOKEN", "glpat-unused")
    key = tmp_path / "me.key"
    key.write_text("not a key", encoding="utf-8")
    code = main(["auth", "status", "--base-url", "https://127.0.0.1:9", "--client-key", str(key)])
    assert code == 1
    assert "client key was given without a client certificate" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["suggest"], ["auth"], ["auth", "login"]])
def test_help_says_where_the_token_comes_from_with_examples(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    assert "examples:" in text
    assert "gitlab-lsp auth login --base-url" in text
    if command != ["auth", "login"]:
        assert "GITLAB_TOKEN" in text and "keyring" in text
        assert 'GITLAB_TOKEN="$(cat' in text  # an example for the environment too
