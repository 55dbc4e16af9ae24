"""The availability policy as the editor sees it, over stdio against the mock: streams that
always end, pauses that stop all traffic, one popup per token problem, rate limits shown and
lifted by a settings change."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from lsprotocol import types

from .session import PY_TEXT, Session, end_of, slow_model, upstream_calls

pytestmark = pytest.mark.asyncio

GEN_URI = "file:///work/project/report.py"
GEN_TEXT = (
    "import csv\nfrom pathlib import Path\n\n"
    "# Read invoices.csv and return the total amount per customer, largest first\n"
)


def _items(result: types.InlineCompletionList | None) -> list[types.InlineCompletionItem]:
    return [] if result is None else list(result.items)


def _checks(session: Session) -> list[dict[str, Any]]:
    states = session.notifications["$/gitlab/featureStateChange"]
    return list(states[-1][0][0]["engagedChecks"]) if states else []


async def _until(condition: Any, timeout: float = 10.0) -> None:
    async def wait() -> None:
        while not condition():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(wait(), timeout)


async def test_two_stream_requests_in_one_write_both_end_with_one_done(session: Session) -> None:
    await session.start(featureFlags={"streamCodeGenerations": True})
    slow_model(session.mock, 2.0)
    session.open(uri=GEN_URI, text=GEN_TEXT)
    params = types.InlineCompletionParams(
        text_document=types.TextDocumentIdentifier(uri=GEN_URI),
        position=end_of(GEN_TEXT),
        context=types.InlineCompletionContext(
            trigger_kind=types.InlineCompletionTriggerKind.Invoked
        ),
    )
    # Both requests are written before either is answered.
    first = session.client.text_document_inline_completion_async(params)
    second = session.client.text_document_inline_completion_async(params)
    results = await asyncio.gather(first, second, return_exceptions=True)
    ids = [
        r.items[0].command.arguments[0]  # type: ignore[index, union-attr]
        for r in results
        if isinstance(r, types.InlineCompletionList) and r.items and r.items[0].command
    ]
    assert len(ids) == 2

    def done_count(stream_id: str) -> int:
        updates = session.notifications["streamingCompletionResponse"]
        return sum(1 for u in updates if u["id"] == stream_id and u["done"])

    await _until(lambda: all(done_count(i) >= 1 for i in ids))
    await _until(
        lambda: (
            session.mock.control.requests()
            and all(e.get("outcome") for e in session.mock.control.requests())
        )
    )
    assert [done_count(i) for i in ids] == [1, 1]


async def test_a_refused_token_sends_nothing_upstream_while_paused(session: Session) -> None:
    await session.start(token="glpat-revokedrevokedrevoked")
    session.open()
    await session.wait_for("$/gitlab/token/check")
    # The start-up warm-up asks direct_access once on its own: let it land first.
    await _until(
        lambda: any(
            e["path"].endswith("/direct_access") and e.get("outcome")
            for e in session.mock.control.requests()
        )
    )
    session.mock.control.clear_requests()
    for _ in range(3):
        assert not _items(await session.inline(end_of(PY_TEXT)))
    # Not a suggestion call, not a direct_access call, not a token check: nothing at all.
    assert session.mock.control.requests() == []


async def test_one_popup_per_token_problem_whatever_finds_it(session: Session) -> None:
    # The token check and a suggestion word a missing scope differently.
    await session.start(token=session.mock.tokens["no_scope"])
    session.open()
    await session.wait_for("$/gitlab/token/check")
    session.push(token=session.mock.tokens["no_scope"], logLevel="info")  # lifts the pause
    session.mock.control.clear_requests()

    async def asked_upstream() -> None:  # the settings change is handled concurrently
        while not session.mock.control.requests():
            assert not _items(await session.inline(end_of(PY_TEXT)))

    await asyncio.wait_for(asked_upstream(), 10)  # times out if the pause was not lifted
    assert len(session.client.messages) == 1, [m.message for m in session.client.messages]


async def test_a_rate_limit_is_shown_and_a_settings_change_lifts_it(session: Session) -> None:
    await session.start(
        suggestionsCache={"enabled": False}, codeCompletion={"directConnection": False}
    )
    session.mock.control.rate_limits(completions=(1, 86400.0))
    session.open()
    assert _items(await session.inline(end_of(PY_TEXT)))
    assert not _items(await session.inline(end_of(PY_TEXT)))  # 429, Retry-After: ~86400
    await _until(
        lambda: any(c["checkId"] == "code-suggestions-api-error" for c in _checks(session))
    )
    [check] = [c for c in _checks(session) if c["checkId"] == "code-suggestions-api-error"]
    assert "60 s" in check["details"]  # clamped, not a day
    session.mock.control.clear_requests()
    assert not _items(await session.inline(end_of(PY_TEXT)))
    assert upstream_calls(session.mock) == [], "requests went on despite the 429"
    session.mock.control.reset()
    session.push(suggestionsCache={"enabled": False}, codeCompletion={"directConnection": False})
    await _until(
        lambda: all(c["checkId"] != "code-suggestions-api-error" for c in _checks(session))
    )
    assert _items(await session.inline(end_of(PY_TEXT)))
