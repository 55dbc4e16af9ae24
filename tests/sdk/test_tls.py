"""The CA bundle and `ignore_certificate_errors` apply to both routes (over real TLS)."""

from __future__ import annotations

import pytest

from gitlab_lsp.errors import InstanceError
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions, CodeSuggestions
from gitlab_lsp.sdk.telemetry import SuggestionFacts

from .helpers import COMPLETION, GENERATION
from .tls_front import Fronts


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


async def test_usage_telemetry_shares_the_clients_tls_settings(
    mock_gateway: MockStack, mutual_fronts: Fronts
) -> None:
    """Telemetry has its own pools but the client's TLS settings (built once, not twice): its
    events reach an instance that requires the client certificate."""
    certs = mutual_fronts.certs
    options = ClientOptions(
        ca_bundle=str(certs.ca),
        client_cert=str(certs.client_cert),
        client_key=str(certs.client_key),
        instance_version="17.6.0-ee",
    )
    async with CodeSuggestions(
        mutual_fronts.instance.url, mock_gateway.tokens["duo"], options=options
    ) as cs:
        facts = SuggestionFacts(language="python", suggestion_size=1, option_sizes=(1,))
        cs.telemetry.record("suggestion_requested", "t1")
        cs.telemetry.record("suggestion_shown", "t1", facts)
    assert any("/api/v4/usage_data/" in seen for seen in mutual_fronts.instance.seen)
