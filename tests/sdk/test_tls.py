"""The CA bundle and `ignore_certificate_errors` apply to both routes (over real TLS)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from gitlab_lsp.errors import InstanceError
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions, CodeSuggestions

from .helpers import COMPLETION, GENERATION
from .tls_front import Certificates, TlsFront, make_certificates


class Fronts:
    def __init__(self, instance: TlsFront, cloud: TlsFront, certs: Certificates) -> None:
        self.instance, self.cloud, self.certs = instance, cloud, certs
        self.ca = certs.ca


async def _fronts(stack: MockStack, directory: Path, mutual: bool) -> Fronts:
    certs = make_certificates(directory)
    cloud = TlsFront(stack.cloud_url, certs, require_client_cert=mutual)
    instance = TlsFront(stack.instance_url, certs, require_client_cert=mutual)
    instance.rewrite_base_url = f"{cloud.url}/ai"
    await cloud.start()
    await instance.start()
    return Fronts(instance, cloud, certs)


@pytest.fixture
async def fronts(mock_gateway: MockStack, tmp_path: Path) -> AsyncIterator[Fronts]:
    pair = await _fronts(mock_gateway, tmp_path, mutual=False)
    yield pair
    await pair.instance.stop()
    await pair.cloud.stop()


@pytest.fixture
async def mutual_fronts(mock_gateway: MockStack, tmp_path: Path) -> AsyncIterator[Fronts]:
    pair = await _fronts(mock_gateway, tmp_path, mutual=True)
    yield pair
    await pair.instance.stop()
    await pair.cloud.stop()


async def test_ca_bundle_is_trusted_on_both_routes(mock_gateway: MockStack, fronts: Fronts) -> None:
    options = ClientOptions(ca_bundle=str(fronts.ca))
    async with CodeSuggestions(
        fronts.instance.url, mock_gateway.tokens["duo"], options=options
    ) as cs:
        completion = await cs.suggest(**COMPLETION)
        generation = await cs.suggest(**GENERATION)
    assert (completion.route, generation.route) == ("direct", "instance")
    assert "POST /ai/v2/completions" in fronts.cloud.seen
    assert "POST /api/v4/code_suggestions/completions" in fronts.instance.seen


async def test_unknown_ca_is_refused(mock_gateway: MockStack, fronts: Fronts) -> None:
    async with CodeSuggestions(fronts.instance.url, mock_gateway.tokens["duo"]) as cs:
        with pytest.raises(InstanceError):
            await cs.suggest(**GENERATION)
        with pytest.raises(InstanceError):
            await cs.suggest(**COMPLETION)
    assert fronts.instance.seen == [] and fronts.cloud.seen == []


async def test_ignore_certificate_errors_reaches_both_routes(
    mock_gateway: MockStack, fronts: Fronts
) -> None:
    options = ClientOptions(ignore_certificate_errors=True)
    async with CodeSuggestions(
        fronts.instance.url, mock_gateway.tokens["duo"], options=options
    ) as cs:
        assert (await cs.suggest(**COMPLETION)).route == "direct"
        assert (await cs.suggest(**GENERATION)).route == "instance"
    assert "POST /ai/v2/completions" in fronts.cloud.seen


async def test_client_certificate_is_presented_on_both_routes(
    mock_gateway: MockStack, mutual_fronts: Fronts
) -> None:
    certs = mutual_fronts.certs
    options = ClientOptions(
        ca_bundle=str(certs.ca),
        client_cert=str(certs.client_cert),
        client_key=str(certs.client_key),
    )
    async with CodeSuggestions(
        mutual_fronts.instance.url, mock_gateway.tokens["duo"], options=options
    ) as cs:
        assert (await cs.suggest(**COMPLETION)).route == "direct"
        assert (await cs.suggest(**GENERATION)).route == "instance"
    assert "POST /ai/v2/completions" in mutual_fronts.cloud.seen

    without = ClientOptions(ca_bundle=str(certs.ca))
    async with CodeSuggestions(
        mutual_fronts.instance.url, mock_gateway.tokens["duo"], options=without
    ) as cs:
        with pytest.raises(InstanceError):
            await cs.suggest(**GENERATION)
