"""OAuth tokens, the instance's version and the user's Duo seat, against the mock."""

from __future__ import annotations

import pytest

from gitlab_lsp.errors import TokenExpired
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk.instance_checks import InstanceStatus, parse_version

from .helpers import COMPLETION, ClientFactory

DIRECT_ACCESS = "/api/v4/code_suggestions/direct_access"


def calls(stack: MockStack, path: str) -> int:
    return sum(1 for e in stack.control.requests("instance") if e["path"] == path)


async def test_an_oauth_token_is_checked_with_token_info(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas, token=saas.tokens["oauth"])
    info = await cs.check_token()
    assert info.kind == "oauth"
    assert "api" in info.scopes
    assert info.expires_in is not None and 7000 < info.expires_in <= 7200
    assert calls(saas, "/oauth/token/info") == 1
    assert calls(saas, "/api/v4/personal_access_tokens/self") == 0
    assert (await cs.suggest(**COMPLETION)).text


async def test_an_expired_oauth_token_says_so(saas: MockStack, make_client: ClientFactory) -> None:
    saas.control.oauth_token_expires_in(0)
    cs = make_client(saas, token=saas.tokens["oauth"])
    with pytest.raises(TokenExpired, match="expired"):
        await cs.check_token()


async def test_a_pat_is_not_asked_about_as_an_oauth_token(
    saas: MockStack, make_client: ClientFactory
) -> None:
    info = await make_client(saas).check_token()
    assert info.kind == "personal_access_token"
    assert calls(saas, "/oauth/token/info") == 0


async def test_the_seat_and_version_are_read_once(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas)
    status = await cs.instance_status()
    assert status == InstanceStatus("17.6.0-ee", True)
    await cs.instance_status()
    assert calls(saas, "/api/v4/version") == 1
    assert calls(saas, "/api/graphql") == 1
    seatless = await make_client(saas, token=saas.tokens["no_seat"]).instance_status()
    assert seatless.duo_seat is False


async def test_an_instance_older_than_17_2_is_never_asked_for_direct_access(
    saas: MockStack, make_client: ClientFactory
) -> None:
    saas.control.gitlab_version("17.1.0-ee")
    cs = make_client(saas)
    await cs.warm_up()
    suggestion = await cs.suggest(**COMPLETION)
    assert suggestion.route == "instance"
    assert calls(saas, DIRECT_ACCESS) == 0
    status = await cs.instance_status()
    assert not status.direct_access_available and status.code_suggestions_supported


def test_versions_are_read_as_gitlab_writes_them() -> None:
    assert parse_version("17.6.0-ee") == (17, 6, 0)
    assert parse_version("16.8.0-pre") == (16, 8, 0)
    assert parse_version("17.2") == (17, 2, 0)
    assert parse_version("garbage") is None and parse_version(None) is None
    assert not InstanceStatus("16.7.2", None).code_suggestions_supported
    assert InstanceStatus(None, None).direct_access_available  # unknown: try
