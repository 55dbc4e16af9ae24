"""The first seconds of a session: one token check, against the instance the user chose.

Clients differ in how settings arrive: with `initialize`, in the answer to the
`workspace/configuration` pull, or pushed just after a pull they answered `[null]`. The user
must hear about their token once, about their instance, and never see "ready" first.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from gitlab_lsp.server.configuration import SETTINGS_GRACE

from .session import PY_TEXT, Session, end_of, eventually, upstream_calls

pytestmark = pytest.mark.asyncio

STATE = "$/gitlab/featureStateChange"
TOKEN_CHECK = "$/gitlab/token/check"
AUTH = "authentication-required"
TOKEN_SELF = "/api/v4/personal_access_tokens/self"
DIRECT_ACCESS = "/api/v4/code_suggestions/direct_access"


def engaged(state: Any) -> list[str]:
    return [check["checkId"] for check in state[0][0]["engagedChecks"]]


def instance_calls(session: Session, path: str) -> int:
    return sum(1 for e in session.mock.control.requests("instance") if e["path"] == path)


@pytest.mark.parametrize("delay", [0.0, 0.3], ids=["during-the-pull", "after-the-pull"])
async def test_settings_pushed_after_a_null_pull_are_checked_once(
    session: Session, delay: float
) -> None:
    await session.start_without_settings()  # the pull is answered [null]
    await asyncio.sleep(delay)
    session.push()
    states = await session.wait_for(STATE)
    assert AUTH not in engaged(states[0])
    await asyncio.sleep(SETTINGS_GRACE + 0.5)
    # No warning about an instance the user never configured, and no second check.
    assert session.notifications[TOKEN_CHECK] == []
    assert session.client.messages == []
    assert instance_calls(session, TOKEN_SELF) == 1
    assert [engaged(s) for s in session.notifications[STATE]] == [[]]


async def test_no_settings_and_no_token_is_told_once(session: Session) -> None:
    await session.start_without_settings()
    checks = await session.wait_for(TOKEN_CHECK, timeout=SETTINGS_GRACE + 5)
    assert "token" in checks[0]["message"].lower()
    await asyncio.sleep(0.5)
    assert len(session.notifications[TOKEN_CHECK]) == 1
    assert len(session.client.messages) == 1
    states = session.notifications[STATE]
    assert states and all(AUTH in engaged(s) for s in states), "ready before the token check"


async def test_no_ready_state_before_a_refused_token_is_known(session: Session) -> None:
    await session.start(token="glpat-revokedrevokedrevoked")
    await session.wait_for(TOKEN_CHECK)
    states = await session.wait_for(STATE)
    assert AUTH in engaged(states[0]), "a ready state went out before the token check finished"


async def test_first_completion_does_not_wait_for_the_user_jwt(session: Session) -> None:
    await session.start()
    # The server fetches the user JWT as soon as it has its settings...
    await eventually(lambda: instance_calls(session, DIRECT_ACCESS) >= 1)
    session.open()
    session.mock.control.clear_requests()
    result = await session.inline(end_of(PY_TEXT))
    assert result is not None and result.items
    # ...so the first completion goes straight to the gateway.
    assert instance_calls(session, DIRECT_ACCESS) == 0
    assert [party for party, _path in upstream_calls(session.mock)] == ["gateway"]
