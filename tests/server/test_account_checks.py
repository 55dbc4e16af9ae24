"""The instance's version, the user's Duo seat and OAuth token expiry, as the editor hears them;
and `$/gitlab/validateConfiguration`."""

from __future__ import annotations

from typing import Any

import pytest

from .session import PY_TEXT, Session, end_of, upstream_calls
from .test_feature_state import STATE, engaged, state_with

pytestmark = pytest.mark.asyncio

UNSUPPORTED_VERSION = "code-suggestions-unsupported-gitlab-version"
NO_LICENSE = "code-suggestions-no-license"
TOKEN_CHECK = "$/gitlab/token/check"


async def test_an_instance_older_than_16_8_is_reported(session: Session) -> None:
    session.mock.control.gitlab_version("16.7.3-ee")
    await session.start()
    checks = await state_with(session, lambda c: UNSUPPORTED_VERSION in c)
    assert NO_LICENSE not in checks


async def test_an_instance_older_than_17_2_serves_completions_itself(session: Session) -> None:
    session.mock.control.gitlab_version("17.1.0-ee")
    await session.start()
    await state_with(session, lambda c: c == [])
    session.open()
    result = await session.inline(end_of(PY_TEXT))
    assert result is not None and result.items
    paths = [e["path"] for e in session.mock.control.requests("instance")]
    assert "/api/v4/code_suggestions/direct_access" not in paths
    assert upstream_calls(session.mock) == [("instance", "/api/v4/code_suggestions/completions")]


async def test_a_user_without_a_seat_is_told(session: Session) -> None:
    await session.start(token=session.mock.tokens["no_seat"])
    await state_with(session, lambda c: NO_LICENSE in c)


async def test_an_expiring_oauth_token_is_reported_and_its_replacement_taken(
    session: Session,
) -> None:
    await session.start()
    await state_with(session, lambda c: c == [])
    # The editor signs in with OAuth (the server is up: only the check runs in the window).
    session.mock.control.oauth_token_expires_in(3)
    session.push(token=session.mock.tokens["oauth"])
    # No request needed: the server knows when the token runs out.
    notes = await session.wait_for(TOKEN_CHECK, timeout=15)
    assert "expired" in notes[-1]["message"] and session.mock.tokens["oauth"] not in str(notes)
    await state_with(session, lambda c: "authentication-required" in c)
    sent = len(session.notifications[STATE])
    # The editor signs in again and pushes the new token: suggestions work, no restart.
    session.push(token=session.mock.tokens["duo"])
    await session.wait_for(STATE, count=sent + 1)
    assert engaged(session.notifications[STATE][-1]) == []
    session.open()
    result = await session.inline(end_of(PY_TEXT))
    assert result is not None and result.items
    assert len(session.notifications[TOKEN_CHECK]) == 1


async def validate(session: Session, params: Any) -> dict[str, Any]:
    result = await session.client.protocol.send_request_async(
        "$/gitlab/validateConfiguration", params
    )
    return {"valid": result.valid, "problems": [dict(p._asdict()) for p in result.problems]}


async def test_validate_configuration(session: Session) -> None:
    await session.start()
    mock = session.mock
    good = await validate(session, {"baseUrl": mock.instance_url, "token": mock.tokens["duo"]})
    assert good == {"valid": True, "problems": []}
    bad = await validate(session, {"settings": {"baseUrl": "ftp://x", "logLevel": "loud"}})
    assert not bad["valid"] and {p["key"] for p in bad["problems"]} == {"baseUrl", "logLevel"}
    seatless = await validate(session, {"token": mock.tokens["no_seat"]})
    assert not seatless["valid"] and "seat" in seatless["problems"][0]["message"]
    expired = await validate(session, {"gitlab": {"token": mock.tokens["expired"]}})
    assert not expired["valid"] and expired["problems"][0]["key"] == "token"
    # Nothing was applied: the server still suggests with the settings it had.
    session.open()
    result = await session.inline(end_of(PY_TEXT))
    assert result is not None and result.items
