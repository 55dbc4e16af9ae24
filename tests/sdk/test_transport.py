"""Proxy and TLS settings apply to both routes; bad settings are typed errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from gitlab_lsp.errors import ConfigurationError
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions, CodeSuggestions

from .helpers import COMPLETION, GENERATION


class RecordingProxy:
    """A minimal HTTP forward proxy (absolute-form requests) that remembers what it relayed."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._server: asyncio.Server | None = None
        self._upstream = httpx.AsyncClient(trust_env=False)

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.sockets[0].getsockname()[:2]
        return f"http://{host}:{port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)

    async def stop(self) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()
        await self._upstream.aclose()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                line = await reader.readline()
                if not line:
                    return
                method, target, _ = line.decode().split(" ", 2)
                headers: dict[str, str] = {}
                while (raw := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    name, _, value = raw.decode().partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                self.seen.append(f"{method} {target}")
                forward = {
                    k: v for k, v in headers.items() if k not in ("proxy-connection", "host")
                }
                response = await self._upstream.request(
                    method, target, headers=forward, content=body
                )
                payload = response.content
                writer.write(f"HTTP/1.1 {response.status_code} X\r\n".encode())
                for name, value in response.headers.items():
                    if name.lower() not in (
                        "content-length",
                        "transfer-encoding",
                        "connection",
                        "content-encoding",
                    ):
                        writer.write(f"{name}: {value}\r\n".encode())
                writer.write(f"content-length: {len(payload)}\r\n\r\n".encode())
                writer.write(payload)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            writer.close()


@pytest.fixture
async def proxy() -> AsyncIterator[RecordingProxy]:
    server = RecordingProxy()
    await server.start()
    yield server
    await server.stop()


async def test_both_routes_go_through_the_configured_proxy(
    mock_gateway: MockStack, proxy: RecordingProxy
) -> None:
    options = ClientOptions(proxy=proxy.url)
    async with CodeSuggestions(
        mock_gateway.instance_url, mock_gateway.tokens["duo"], options=options
    ) as cs:
        completion = await cs.suggest(**COMPLETION)
        generation = await cs.suggest(**GENERATION)
    assert completion.route == "direct" and generation.route == "instance"
    assert f"POST {mock_gateway.instance_url}/api/v4/code_suggestions/direct_access" in proxy.seen
    assert f"POST {mock_gateway.cloud_url}/ai/v2/completions" in proxy.seen
    assert f"POST {mock_gateway.instance_url}/api/v4/code_suggestions/completions" in proxy.seen


async def test_proxy_from_the_environment_is_used(
    mock_gateway: MockStack, proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    async with CodeSuggestions(mock_gateway.instance_url, mock_gateway.tokens["duo"]) as cs:
        assert (await cs.suggest(**COMPLETION)).route == "direct"
    assert f"POST {mock_gateway.cloud_url}/ai/v2/completions" in proxy.seen


def test_unreadable_ca_bundle_is_a_configuration_error(tmp_path: Path) -> None:
    bogus = tmp_path / "ca.pem"
    bogus.write_text("not a certificate", encoding="utf-8")
    for path in (str(bogus), str(tmp_path / "missing.pem")):
        with pytest.raises(ConfigurationError):
            CodeSuggestions(
                "https://gitlab.example.com", "t", options=ClientOptions(ca_bundle=path)
            )


def test_client_key_without_certificate_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError):
        CodeSuggestions(
            "https://gitlab.example.com", "t", options=ClientOptions(client_key="k.pem")
        )


def test_bad_base_url_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError):
        CodeSuggestions("gitlab.example.com", "t")


def test_ignoring_certificate_errors_is_logged_as_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="gitlab_lsp.sdk"):
        CodeSuggestions(
            "https://gitlab.example.com", "t", options=ClientOptions(ignore_certificate_errors=True)
        )
    assert any("NOT verified" in r.getMessage() for r in caplog.records)
