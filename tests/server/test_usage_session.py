"""A scripted typing session through the real server: what the mock's instance, gateway and
Snowplow collector learn (exactly), that none of it is code, and that nothing at all leaves
when telemetry is off."""

from __future__ import annotations

import json
from typing import Any

from lsprotocol import types

from .session import PY_TEXT, PY_URI, Session, end_of, eventually, plain

JS_URI = "file:///work/project/cart.js"
JS_TEXT = (
    'import { readFile } from "fs";\n\nexport function total(items) {\n  let sum = 0;\n'
    "  for (const item of items) {\n    sum += item.price;\n  }\n  return sum;\n}\n\n"
    "console.log(total("
)
SHOWN = 100
#: Accepted: 30 of 100, the last one among them, so that no suggestion is left open.
ACCEPTED = {i for i in range(SHOWN) if i % 10 in (2, 5, 9)}
#: Lines of the documents that must never appear in anything the telemetry sends.
CONTENT = ("def total_price(items):", "total += item.price", "for (const item of items)")
#: The mock limits a user to 60 completions a minute, as GitLab does: a session of 100
#: suggestions in a few seconds needs more.
UNLIMITED = {"gateway": None, "completions": None}


def _usage_requests(mock: Any) -> list[dict[str, Any]]:
    return [
        e for e in mock.control.requests() if "usage_data" in e["path"] or "snowplow" in e["path"]
    ]


async def _script(session: Session, shown: int) -> tuple[int, dict[str, int]]:
    """Ask until `shown` suggestions were shown; accept those in ACCEPTED, half by the item's
    command, half as gitlab.vim does; returns the requests made and the languages shown."""
    languages = {"python": 0, "javascript": 0}
    requests = 0
    while sum(languages.values()) < shown:
        i = sum(languages.values())
        uri, text, language = (
            (JS_URI, JS_TEXT, "javascript") if i % 4 == 0 else (PY_URI, PY_TEXT, "python")
        )
        requests += 1
        result = await session.inline(end_of(text), uri=uri)
        if result is None or not result.items:
            continue
        languages[language] += 1
        if i not in ACCEPTED:
            continue
        command = result.items[0].command
        assert command is not None and command.arguments is not None
        if i % 2:
            await session.client.workspace_execute_command_async(
                types.ExecuteCommandParams(command=command.command, arguments=command.arguments)
            )
        else:
            session.client.protocol.notify(
                "$/gitlab/telemetry",
                {
                    "category": "code_suggestions",
                    "action": "suggestion_accepted",
                    "context": {"trackingId": command.arguments[0]},
                },
            )
    return requests, languages


async def test_the_instance_and_gateway_learn_the_session_exactly(session: Session) -> None:
    mock = session.mock
    mock.control.rate_limits(**UNLIMITED)
    await session.start(
        suggestionsCache={"enabled": False},
        telemetry={"trackingUrl": mock.instance_url},
        logLevel="info",
    )
    session.open()
    session.open(JS_URI, JS_TEXT, "javascript")
    _requests, languages = await _script(session, SHOWN)
    stats = await session.client.protocol.send_request_async("gitlab-lsp/telemetryStats", None)
    counts = plain(stats)
    assert counts["counts"]["suggestion_accepted"] == len(ACCEPTED)

    def instance() -> dict[str, Any]:
        events: dict[str, Any] = mock.control.events()["instance"]
        return events

    await eventually(lambda: sum(instance()["events"].values()) >= 2 * SHOWN, timeout=30)
    learned = instance()
    assert learned["events"] == {
        "code_suggestion_shown_in_ide": SHOWN,
        "code_suggestion_accepted_in_ide": len(ACCEPTED),
        "code_suggestion_rejected_in_ide": SHOWN - len(ACCEPTED),
    }
    assert {k: v["code_suggestion_shown_in_ide"] for k, v in learned["by_language"].items()} == (
        languages
    )
    # The gateway's counters: sent with direct requests, plus what waits for the next one.
    gateway = mock.control.events()["gateway"]
    pending = counts["usage"]["gateway_pending"]
    server = counts["counts"]
    answered = sum(
        server.get(action, 0)
        for action in ("suggestion_shown", "suggestion_not_provided", "suggestion_error")
    )
    assert server["suggestion_shown"] == SHOWN
    assert gateway["requests"] + pending["requests"] == answered
    assert gateway["accepts"] + pending["accepts"] == len(ACCEPTED)
    assert gateway["errors"] + pending["errors"] == server.get("suggestion_error", 0)
    assert gateway["bodies_with_telemetry"] > 0
    await eventually(
        lambda: mock.control.events()["snowplow"]["events"].get("suggestion_shown") == SHOWN,
        timeout=30,
    )
    # Zero file content (and no file name) in anything the telemetry sent.
    sent = json.dumps([e["json"] for e in _usage_requests(mock)])
    sent += json.dumps(mock.control.events()["recent"])
    for line in (*CONTENT, "billing.py", "cart.js"):
        assert line not in sent


async def test_nothing_at_all_leaves_when_telemetry_is_off(session: Session) -> None:
    mock = session.mock
    await session.start(
        suggestionsCache={"enabled": False},
        telemetry={"enabled": False, "trackingUrl": mock.instance_url},
    )
    session.open()
    for _ in range(3):
        result = await session.inline(end_of(PY_TEXT))
        assert result is not None and result.items
        session.client.protocol.notify(
            "$/gitlab/telemetry",
            {
                "category": "code_suggestions",
                "action": "suggestion_accepted",
                "context": {"trackingId": "any"},
            },
        )
    # Nothing was even recorded (so nothing is queued to leave later), and nothing left.
    stats = plain(
        await session.client.protocol.send_request_async("gitlab-lsp/telemetryStats", None)
    )
    assert stats == {"counts": {}, "usage": None}
    assert _usage_requests(mock) == []
    bodies = [e.get("json") or {} for e in mock.control.requests("gateway")]
    assert bodies and not any("telemetry" in body for body in bodies)
    assert mock.control.events()["instance"]["events"] == {}


async def test_gitlab_vims_complete_done_events_count(session: Session) -> None:
    """gitlab.vim reads `data.trackingId` off the completion item and, from its CompleteDone
    hook, sends `$/gitlab/telemetry` with `suggestion_rejected` or `suggestion_accepted`."""
    mock = session.mock
    await session.start(suggestionsCache={"enabled": False})
    session.open()
    actions = ("suggestion_rejected", "suggestion_accepted")
    for action in actions:
        result = await session.client.text_document_completion_async(
            types.CompletionParams(
                text_document=types.TextDocumentIdentifier(uri=PY_URI),
                position=end_of(PY_TEXT),
                context=types.CompletionContext(trigger_kind=types.CompletionTriggerKind.Invoked),
            )
        )
        assert isinstance(result, types.CompletionList) and result.items
        data = plain(result.items[0].data)
        session.client.protocol.notify(
            "$/gitlab/telemetry",
            {
                "category": "code_suggestions",
                "action": action,
                "context": {"trackingId": data["trackingId"]},
            },
        )
    await session.barrier()
    counts = plain(
        await session.client.protocol.send_request_async("gitlab-lsp/telemetryStats", None)
    )["counts"]
    assert counts == {
        "suggestion_requested": 2,
        "suggestion_shown": 2,
        "suggestion_rejected": 1,
        "suggestion_accepted": 1,
    }
    await eventually(
        lambda: (
            mock.control.events()["instance"]["events"].get("code_suggestion_accepted_in_ide") == 1
        ),
        timeout=30,
    )
