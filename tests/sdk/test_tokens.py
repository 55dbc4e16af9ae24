"""Token sources and validation: a clear, typed reason for every unusable token."""

from __future__ import annotations

import pytest

from gitlab_lsp.errors import (
    NoDuoSeat,
    NoKeyringBackend,
    TokenExpired,
    TokenInvalid,
    TokenMissing,
    TokenScopeMissing,
)
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import CodeSuggestions, token_source

from .helpers import COMPLETION, GENERATION, ClientFactory


async def test_a_good_token_is_described(stack: MockStack, make_client: ClientFactory) -> None:
    info = await make_client(stack).check_token()
    assert info.kind == "personal_access_token"
    assert {"api", "ai_features"} & set(info.scopes)


@pytest.mark.parametrize(
    ("token", "error"),
    [("expired", TokenExpired), ("no_scope", TokenScopeMissing)],
)
async def test_unusable_tokens_get_a_typed_reason(
    saas: MockStack, make_client: ClientFactory, token: str, error: type[Exception]
) -> None:
    cs = make_client(saas, token=saas.tokens[token])
    with pytest.raises(error) as caught:
        await cs.check_token()
    assert saas.tokens[token] not in str(caught.value)


async def test_a_token_without_the_scope_cannot_suggest(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas, token=saas.tokens["no_scope"])
    with pytest.raises(TokenScopeMissing):
        await cs.suggest(**COMPLETION)
    with pytest.raises(TokenScopeMissing):
        await cs.suggest(**GENERATION)


async def test_a_wrong_token_is_invalid_everywhere(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas, token="glpat-thisisnotarealtoken0")
    with pytest.raises(TokenInvalid):
        await cs.check_token()
    with pytest.raises(TokenInvalid):
        await cs.suggest(**COMPLETION)
    with pytest.raises(TokenInvalid):
        await cs.suggest(**GENERATION)


async def test_an_expired_token_says_so_when_suggesting(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas, token=saas.tokens["expired"])
    with pytest.raises(TokenExpired):
        await cs.suggest(**GENERATION)


async def test_a_user_without_a_seat_gets_no_duo_seat(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas, token=saas.tokens["no_seat"])
    with pytest.raises(NoDuoSeat):
        await cs.suggest(**COMPLETION)
    with pytest.raises(NoDuoSeat):
        await cs.suggest(**GENERATION)


async def test_token_comes_from_the_environment(
    saas: MockStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITLAB_TOKEN", saas.tokens["duo"])
    async with CodeSuggestions(saas.instance_url) as cs:
        assert (await cs.suggest(**COMPLETION)).route == "direct"


async def test_token_comes_from_the_keyring(
    saas: MockStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gitlab_lsp.credentials as credentials

    monkeypatch.delenv("GITLAB_TOKEN", raising=False)
    asked: list[str] = []

    def get_token(url: str) -> str | None:
        asked.append(url)
        return saas.tokens["duo"]

    monkeypatch.setattr(credentials, "get_token", get_token)
    async with CodeSuggestions(saas.instance_url + "/") as cs:
        assert (await cs.suggest(**COMPLETION)).route == "direct"
    assert asked == [saas.instance_url]


def test_missing_token_without_keyring_names_the_alternatives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gitlab_lsp.credentials as credentials

    def no_backend(url: str) -> str | None:
        raise NoKeyringBackend("no backend")

    monkeypatch.delenv("GITLAB_TOKEN", raising=False)
    monkeypatch.setattr(credentials, "get_token", no_backend)
    with pytest.raises(TokenMissing) as caught:
        token_source.resolve_sync("https://gitlab.example.com", None)
    message = str(caught.value)
    assert "GITLAB_TOKEN" in message
    assert "keyring" in message
