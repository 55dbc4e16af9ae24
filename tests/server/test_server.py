"""The language server end to end: a real subprocess over stdio against the bundled mock."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from .session import (
    PY_TEXT,
    PY_URI,
    Session,
    all_disconnected,
    end_of,
    eventually,
    gateway_down,
    inline_capabilities,
    slow_gateway,
    slow_model,
    suggestion_outcomes,
    upstream_calls,
)

pytestmark = pytest.mark.asyncio

GEN_URI = "file:///work/project/report.py"
GEN_TEXT = (
    "import csv\nfrom pathlib import Path\n\n"
    "# Read invoices.csv and return the total amount per customer, largest first\n"
)


def direct_calls(mock: Any) -> int:
    return sum(1 for party, _path in upstream_calls(mock) if party == "gateway")


def instance_calls(mock: Any) -> int:
    return sum(1 for party, _path in upstream_calls(mock) if party == "instance")


# --- capabilities ---------------------------------------------------------------------------


async def test_both_providers_are_advertised_to_every_client(session: Session) -> None:
    """As GitLab's own server: gitlab.vim completes through omnifunc even on a Neovim that
    declares inline completion."""
    result = await session.start()
    caps = result.capabilities
    assert caps.inline_completion_provider is not None
    assert caps.completion_provider is not None
    assert caps.position_encoding in (None, types.PositionEncodingKind.Utf16)
    sync = caps.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions)
    assert sync.change == types.TextDocumentSyncKind.Incremental
    assert caps.execute_command_provider is not None
    assert "gitlab.ls.codeSuggestionAccepted" in caps.execute_command_provider.commands


async def test_completion_is_advertised_to_clients_without_inline_completion(
    session: Session,
) -> None:
    from pytest_lsp import client_capabilities

    result = await session.start(capabilities=client_capabilities("neovim@v0.10.0"))
    assert result.capabilities.completion_provider is not None
    # Still offered: plugins (gitlab.vim) ask for inline completions themselves.
    assert result.capabilities.inline_completion_provider is not None


# --- suggestions ----------------------------------------------------------------------------


async def test_inline_completion_goes_direct_to_the_gateway(session: Session) -> None:
    await session.start()
    session.open()
    session.mock.control.clear_requests()
    result = await session.inline(end_of(PY_TEXT))
    assert result is not None and result.items
    item = result.items[0]
    assert isinstance(item.insert_text, str) and item.insert_text.strip()
    assert item.range == types.Range(start=end_of(PY_TEXT), end=end_of(PY_TEXT))
    assert item.command is not None and item.command.command == "gitlab.ls.codeSuggestionAccepted"
    assert direct_calls(session.mock) >= 1
    assert instance_calls(session.mock) == 0


async def test_completion_items_for_editors_without_inline_completion(session: Session) -> None:
    from pytest_lsp import client_capabilities

    await session.start(capabilities=client_capabilities("neovim@v0.10.0"))
    session.open()
    result = await session.client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=PY_URI),
            position=end_of(PY_TEXT),
            context=types.CompletionContext(trigger_kind=types.CompletionTriggerKind.Invoked),
        )
    )
    assert isinstance(result, types.CompletionList) and result.items
    item = result.items[0]
    assert item.insert_text_format == types.InsertTextFormat.PlainText
    assert item.insert_text and item.insert_text.strip()
    assert "\n" not in item.label and len(item.label) <= 62
    assert item.command is not None and item.command.arguments
    assert item.data == {"index": 0, "trackingId": item.command.arguments[0]}


async def test_generation_goes_through_the_instance_and_is_returned_whole(
    session: Session,
) -> None:
    await session.start()
    session.open(uri=GEN_URI, text=GEN_TEXT)
    session.mock.control.clear_requests()
    result = await session.inline(end_of(GEN_TEXT), uri=GEN_URI)
    assert result is not None and result.items
    text = result.items[0].insert_text
    assert isinstance(text, str) and "\n" in text.strip()
    assert instance_calls(session.mock) == 1
    assert direct_calls(session.mock) == 0


async def test_streamed_generation(session: Session) -> None:
    await session.start(featureFlags={"streamCodeGenerations": True})
    session.open(uri=GEN_URI, text=GEN_TEXT)
    result = await session.inline(end_of(GEN_TEXT), uri=GEN_URI)
    assert result is not None and len(result.items) == 1
    item = result.items[0]
    assert item.insert_text == ""
    assert item.command is not None and item.command.command == "gitlab.ls.startStreaming"
    assert item.command.arguments is not None
    stream_id = item.command.arguments[0]

    async def finished() -> list[Any]:
        while True:
            got = [
                n
                for n in session.notifications["streamingCompletionResponse"]
                if _get(n, "id") == stream_id
            ]
            if got and _get(got[-1], "done"):
                return got
            await asyncio.sleep(0.02)

    updates = await asyncio.wait_for(finished(), 15)
    texts = [_get(u, "completion") for u in updates]
    assert texts[-1].strip(), "the stream produced no text"
    assert all(b.startswith(a) for a, b in itertools.pairwise(texts))
    assert [_get(u, "done") for u in updates].count(True) == 1


async def test_cancel_streaming_stops_the_stream(session: Session) -> None:
    await session.start(featureFlags={"streamCodeGenerations": True})
    slow_model(session.mock, 5.0)
    session.open(uri=GEN_URI, text=GEN_TEXT)
    result = await session.inline(end_of(GEN_TEXT), uri=GEN_URI)
    assert result is not None and result.items[0].command is not None
    stream_id = result.items[0].command.arguments[0]  # type: ignore[index]
    await eventually(lambda: suggestion_outcomes(session.mock) == ["pending"])
    session.client.protocol.notify("cancelStreaming", {"id": stream_id})

    async def done() -> dict[str, Any]:
        while True:
            for update in session.notifications["streamingCompletionResponse"]:
                if _get(update, "id") == stream_id and _get(update, "done"):
                    return update  # type: ignore[no-any-return]
            await asyncio.sleep(0.02)

    final = await asyncio.wait_for(done(), 10)
    assert _get(final, "completion") == ""  # the model (5 s) had not answered yet
    await all_disconnected(session.mock)  # and the HTTP stream was closed, not left to run


# --- under typing -------------------------------------------------------------------------


async def test_a_superseded_request_is_cancelled(session: Session) -> None:
    await session.start()
    session.open()
    first = asyncio.ensure_future(session.inline(end_of(PY_TEXT), invoked=False))
    await asyncio.sleep(0.05)
    second = asyncio.ensure_future(session.inline(end_of(PY_TEXT), invoked=False))
    with pytest.raises(JsonRpcException) as info:
        await asyncio.wait_for(first, 5)
    assert info.value.code == -32800  # RequestCancelled
    result = await asyncio.wait_for(second, 10)
    assert result is not None and result.items


async def test_cancel_request_is_answered_at_once(session: Session) -> None:
    await session.start()
    slow_gateway(session.mock)
    session.open()
    request = asyncio.ensure_future(
        session.client.protocol.send_request_async(
            types.TEXT_DOCUMENT_INLINE_COMPLETION,
            types.InlineCompletionParams(
                text_document=types.TextDocumentIdentifier(uri=PY_URI),
                position=end_of(PY_TEXT),
                context=types.InlineCompletionContext(
                    trigger_kind=types.InlineCompletionTriggerKind.Invoked
                ),
            ),
            msg_id=4242,
        )
    )
    await eventually(lambda: suggestion_outcomes(session.mock) == ["pending"])
    session.client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id=4242))
    with pytest.raises(JsonRpcException) as info:
        await asyncio.wait_for(request, 10)
    assert info.value.code == -32800
    # Not timed: the gateway holds the call for 3 s, so an answer that waited for it would
    # find the call completed; the mock saw the client leave instead.
    assert suggestion_outcomes(session.mock) in (["pending"], ["client_disconnected"])
    await eventually(lambda: suggestion_outcomes(session.mock) == ["client_disconnected"])


async def test_typing_into_a_suggestion_is_served_from_the_cache(session: Session) -> None:
    await session.start()
    session.open()
    first = await session.inline(end_of(PY_TEXT))
    assert first is not None and first.items
    suggestion = first.items[0].insert_text
    assert isinstance(suggestion, str) and len(suggestion) > 2
    session.mock.control.clear_requests()
    typed = suggestion[:2]
    session.type_at(PY_URI, end_of(PY_TEXT), typed, version=2)
    second = await session.inline(end_of(PY_TEXT + typed), invoked=False)
    assert second is not None and second.items
    assert second.items[0].insert_text == suggestion[2:]
    assert upstream_calls(session.mock) == []


async def test_no_request_for_tiny_files_or_mid_line(session: Session) -> None:
    await session.start()
    session.open(uri="file:///work/tiny.py", text="x = ")
    # The cursor right before a word is editing that word: no request, whatever follows.
    session.open(uri="file:///work/mid.py", text=PY_TEXT + "items) + 1\n")
    session.mock.control.clear_requests()
    assert not _items(
        await session.inline(types.Position(line=0, character=4), uri="file:///work/tiny.py")
    )
    mid = end_of(PY_TEXT)
    assert not _items(await session.inline(mid, uri="file:///work/mid.py"))
    assert upstream_calls(session.mock) == []


async def test_unsupported_language_is_reported_as_feature_state(session: Session) -> None:
    await session.start()
    session.open(
        uri="file:///work/notes.txt",
        text="Dear diary, today I wrote a server\n",
        language="plaintext",
    )
    assert not _items(
        await session.inline(types.Position(line=1, character=0), uri="file:///work/notes.txt")
    )
    states = await session.wait_for("$/gitlab/featureStateChange")
    checks = [c["checkId"] for c in _engaged(states[-1])]
    assert "code-suggestions-document-unsupported-language" in checks


# --- settings -------------------------------------------------------------------------------


async def test_token_and_base_url_swap_at_run_time(session: Session, mock_gateway_sm: Any) -> None:
    await session.start()
    session.open()
    assert _items(await session.inline(end_of(PY_TEXT)))
    # A token the instance rejects: reported, and no suggestions.
    session.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"token": "glpat-revokedrevokedrevoked"})
    )
    checks = await session.wait_for("$/gitlab/token/check")
    assert checks[-1]["message"]
    assert not _items(await session.inline(end_of(PY_TEXT)))
    # Another instance (self-managed) with its own token: suggestions come from there.
    mock_gateway_sm.control.clear_requests()
    session.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings={
                "baseUrl": mock_gateway_sm.instance_url,
                "token": mock_gateway_sm.tokens["duo"],
            }
        )
    )
    await session.barrier()
    assert _items(await session.inline(end_of(PY_TEXT)))
    assert upstream_calls(mock_gateway_sm)


async def test_an_invalid_setting_is_reported_and_the_last_good_one_stays(
    session: Session,
) -> None:
    await session.start()
    session.open()
    session.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"baseUrl": "not a url", "logLevel": "loud"})
    )

    async def shown() -> None:
        while not session.client.messages:
            await asyncio.sleep(0.02)

    await asyncio.wait_for(shown(), 5)
    message = session.client.messages[-1].message
    assert "baseUrl" in message and "logLevel" in message
    assert _items(await session.inline(end_of(PY_TEXT)))


async def test_settings_pulled_with_workspace_configuration(session: Session) -> None:
    session.client.set_configuration({"codeCompletion": {"enabled": False}}, section="gitlab")
    await session.start()
    session.open()
    await asyncio.sleep(0.3)
    assert not _items(await session.inline(end_of(PY_TEXT)))


async def test_token_expiry_mid_session(session: Session) -> None:
    # JWT times are whole seconds: a 3 s lifetime leaves every token at least 2 s of life, so
    # a loaded machine cannot turn a fresh token into an expired one before it is used.
    session.mock.control.token_lifetime(3)
    await session.start(suggestionsCache={"enabled": False})
    session.open()
    assert _items(await session.inline(end_of(PY_TEXT)))
    await asyncio.sleep(3.5)  # the first user JWT has expired by now
    jwt_requests = [
        e
        for e in session.mock.control.requests("instance")
        if e["path"].endswith("/code_suggestions/direct_access")
    ]
    session.mock.control.clear_requests()
    assert _items(await session.inline(end_of(PY_TEXT)))
    assert not session.notifications["$/gitlab/token/check"]
    assert direct_calls(session.mock) == 1 and instance_calls(session.mock) == 0
    jwt_requests += [
        e
        for e in session.mock.control.requests("instance")
        if e["path"].endswith("/code_suggestions/direct_access")
    ]
    assert len(jwt_requests) >= 2, "the expired user JWT was not replaced"


# --- route health -----------------------------------------------------------------------


async def test_gateway_down_falls_back_to_the_instance(session: Session) -> None:
    await session.start(suggestionsCache={"enabled": False})
    session.open()
    assert _items(await session.inline(end_of(PY_TEXT)))  # direct works: the JWT is fetched
    gateway_down(session.mock)
    session.mock.control.clear_requests()
    assert _items(await session.inline(end_of(PY_TEXT))), "the instance should have answered"
    assert instance_calls(session.mock) == 1
    errors = await session.wait_for("$/gitlab/api/error")
    assert _get(errors[0], "route") == "direct"
    session.mock.control.clear_faults()
    assert _items(await session.inline(end_of(PY_TEXT)))
    recovered = await session.wait_for("$/gitlab/api/recovered")
    assert _get(recovered[0], "route") == "direct"


# --- telemetry ------------------------------------------------------------------------------


async def test_acceptance_telemetry(session: Session) -> None:
    await session.start()
    session.open()
    result = await session.inline(end_of(PY_TEXT))
    assert result is not None and result.items[0].command is not None
    command = result.items[0].command
    assert command.arguments is not None
    tracking_id = command.arguments[0]
    # A rejection for a suggestion this server never showed does not count.
    session.client.protocol.notify(
        "$/gitlab/telemetry",
        {
            "category": "code_suggestions",
            "action": "suggestion_rejected",
            "context": {"trackingId": "other-suggestion", "optionId": 1},
        },
    )
    await session.client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=command.command, arguments=command.arguments)
    )
    await session.barrier()
    stats = await session.client.protocol.send_request_async("gitlab-lsp/telemetryStats", None)
    counts = _get(stats, "counts")
    assert _get(counts, "suggestion_shown") == 1
    assert _get(counts, "suggestion_accepted") == 1
    assert getattr(counts, "suggestion_rejected", None) is None
    logged = "\n".join(m.message for m in session.client.log_messages)
    assert f"suggestion_accepted {tracking_id}" in logged


async def test_telemetry_disabled_items_carry_no_command(session: Session) -> None:
    await session.start(telemetry={"enabled": False})
    session.open()
    result = await session.inline(end_of(PY_TEXT))
    assert result is not None and result.items
    assert result.items[0].command is None


# --- helpers ------------------------------------------------------------------------------


def _get(params: Any, key: str) -> Any:
    return params[key] if isinstance(params, dict) else getattr(params, key)


def _items(result: types.InlineCompletionList | None) -> list[types.InlineCompletionItem]:
    return [] if result is None else list(result.items)


def _engaged(params: Any) -> list[dict[str, Any]]:
    return list(params[0][0]["engagedChecks"])


# --- more of the surface ------------------------------------------------------------------


async def test_mock_mode_needs_no_settings(mock_mode: LanguageClient) -> None:
    """`gitlab-lsp --stdio --mock`: what an editor with no account and no settings runs."""
    await mock_mode.initialize_session(
        types.InitializeParams(capabilities=inline_capabilities(), initialization_options={})
    )
    mock_mode.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=PY_URI, language_id="python", version=1, text=PY_TEXT
            )
        )
    )
    result = await mock_mode.text_document_inline_completion_async(
        types.InlineCompletionParams(
            text_document=types.TextDocumentIdentifier(uri=PY_URI),
            position=end_of(PY_TEXT),
            context=types.InlineCompletionContext(
                trigger_kind=types.InlineCompletionTriggerKind.Invoked
            ),
        )
    )
    assert isinstance(result, types.InlineCompletionList) and result.items


async def test_missing_token_is_reported(session: Session) -> None:
    await session.start(token="")
    session.open()
    checks = await session.wait_for("$/gitlab/token/check")
    assert "token" in _get(checks[0], "message").lower()
    states = await session.wait_for("$/gitlab/featureStateChange")
    assert "authentication-required" in [c["checkId"] for c in _engaged(states[-1])]
    assert not _items(await session.inline(end_of(PY_TEXT)))


async def test_disabled_language_is_reported_and_skipped(session: Session) -> None:
    await session.start(codeCompletion={"disabledSupportedLanguages": ["python"]})
    session.open()
    session.mock.control.clear_requests()
    assert not _items(await session.inline(end_of(PY_TEXT)))
    states = await session.wait_for("$/gitlab/featureStateChange")
    checks = [c["checkId"] for c in _engaged(states[-1])]
    assert "code-suggestions-document-disabled-language" in checks
    assert upstream_calls(session.mock) == []


async def test_invoked_asks_for_four_options_and_names_the_editor(session: Session) -> None:
    await session.start()
    session.open()
    session.mock.control.clear_requests()
    assert _items(await session.inline(end_of(PY_TEXT), invoked=True))
    direct = [
        e
        for e in session.mock.control.requests("gateway")
        if e.get("source") == "client" and e["path"] == "/v2/completions"
    ]
    assert direct and direct[-1]["json"]["choices_count"] == 4
    assert "pytest" in direct[-1]["headers"].get("user-agent", "")


async def test_automatic_requests_are_debounced_into_one(session: Session) -> None:
    # A debounce far longer than the 50 ms between requests, so that a loaded machine
    # stretching the client's sleeps cannot let one through: the behaviour is under test,
    # not the 250 ms default.
    await session.start(suggestionsCache={"enabled": False}, codeCompletion={"debounceMs": 1500})
    session.open()
    replies = []
    for _ in range(5):
        replies.append(asyncio.ensure_future(session.inline(end_of(PY_TEXT), invoked=False)))
        await asyncio.sleep(0.05)
    results = await asyncio.gather(*replies, return_exceptions=True)
    assert all(isinstance(r, JsonRpcException) for r in results[:-1])
    assert _items(results[-1])  # type: ignore[arg-type]
    stats = await session.client.protocol.send_request_async("gitlab-lsp/stats", None)
    assert _get(stats, "upstream") == 1
    assert _get(stats, "cancelled") == 4


async def test_instance_down_engages_the_api_error_check(session: Session) -> None:
    await session.start(
        suggestionsCache={"enabled": False}, codeCompletion={"directConnection": False}
    )
    session.open()
    session.mock.control.fault(
        "instance", "/api/v4/code_suggestions/completions", status=500, body={"message": "boom"}
    )
    assert not _items(await session.inline(end_of(PY_TEXT)))
    errors = await session.wait_for("$/gitlab/api/error")
    assert _get(errors[0], "route") == "instance"

    async def engaged() -> list[str]:
        while True:
            states = session.notifications["$/gitlab/featureStateChange"]
            checks = [c["checkId"] for c in _engaged(states[-1])] if states else []
            if "code-suggestions-api-error" in checks:
                return checks
            await asyncio.sleep(0.02)

    await asyncio.wait_for(engaged(), 5)
    session.mock.control.clear_faults()
    assert _items(await session.inline(end_of(PY_TEXT)))
    await session.wait_for("$/gitlab/api/recovered")
    states = session.notifications["$/gitlab/featureStateChange"]
    assert "code-suggestions-api-error" not in [c["checkId"] for c in _engaged(states[-1])]


async def test_a_refused_token_is_reported_once_and_not_retried_per_keystroke(
    session: Session,
) -> None:
    await session.start(token="glpat-revokedrevokedrevoked")
    session.open()
    await session.wait_for("$/gitlab/token/check")
    session.mock.control.clear_requests()
    for _ in range(3):
        assert not _items(await session.inline(end_of(PY_TEXT)))
    await session.barrier()
    assert len(session.notifications["$/gitlab/token/check"]) == 1
    assert len(session.client.messages) == 1
    assert upstream_calls(session.mock) == []


async def test_rate_limited_pauses_requests(session: Session) -> None:
    await session.start(
        suggestionsCache={"enabled": False}, codeCompletion={"directConnection": False}
    )
    session.mock.control.rate_limits(completions=(1, 60.0))
    session.open()
    assert _items(await session.inline(end_of(PY_TEXT)))
    assert not _items(await session.inline(end_of(PY_TEXT)))  # 429 from the instance
    session.mock.control.clear_requests()
    assert not _items(await session.inline(end_of(PY_TEXT)))
    assert upstream_calls(session.mock) == [], "requests went on despite the 429"


async def test_completion_items_repeat_the_word_being_typed(session: Session) -> None:
    """Clients filter by the word before the cursor: "retu" + "rn " is offered as "return "."""
    from pytest_lsp import client_capabilities

    text = PY_TEXT.rsplit("\n", 1)[0] + "\nclass Invoice:\n    def total(self):\n        retu"
    await session.start(capabilities=client_capabilities("neovim@v0.10.0"))
    session.open(text=text)
    result = await session.client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=PY_URI),
            position=end_of(text),
            context=types.CompletionContext(trigger_kind=types.CompletionTriggerKind.Invoked),
        )
    )
    assert isinstance(result, types.CompletionList) and result.items
    item = result.items[0]
    assert item.insert_text is not None
    assert item.insert_text.startswith("retu") and len(item.insert_text) > 4
    assert item.filter_text == item.insert_text
    assert item.label.startswith("retu")
    if item.text_edit is not None:  # multi-line: the edit covers the typed word
        assert isinstance(item.text_edit, types.TextEdit)
        end = end_of(text)
        assert item.text_edit.range == types.Range(
            start=types.Position(line=end.line, character=end.character - 4), end=end
        )
        assert item.text_edit.new_text == item.insert_text


async def test_a_new_request_ends_the_documents_stream(session: Session) -> None:
    await session.start(featureFlags={"streamCodeGenerations": True})
    slow_model(session.mock, 5.0)
    session.open(uri=GEN_URI, text=GEN_TEXT)
    result = await session.inline(end_of(GEN_TEXT), uri=GEN_URI)
    assert result is not None and result.items[0].command is not None
    stream_id = result.items[0].command.arguments[0]  # type: ignore[index]
    # the stream's HTTP call is under way (held by the slow model) before the user types on
    await eventually(lambda: suggestion_outcomes(session.mock) == ["pending"])
    session.mock.control.latency()  # the request that ends the stream is answered at once
    session.type_at(GEN_URI, end_of(GEN_TEXT), "d", version=2)
    await session.inline(end_of(GEN_TEXT + "d"), uri=GEN_URI, invoked=False)

    async def done() -> None:
        while not any(
            _get(u, "id") == stream_id and _get(u, "done")
            for u in session.notifications["streamingCompletionResponse"]
        ):
            await asyncio.sleep(0.02)

    await asyncio.wait_for(done(), 10)

    async def stream_outcome() -> str:
        while True:
            outcomes = suggestion_outcomes(session.mock)
            if outcomes and outcomes[0] != "pending":
                return outcomes[0]
            await asyncio.sleep(0.02)

    # The model takes 5 s: had the stream's HTTP call not been aborted, it would have
    # completed; the mock logs how each call ended.
    assert await asyncio.wait_for(stream_outcome(), 10) == "client_disconnected"


STATS = "gitlab-lsp/stats"


async def test_the_request_after_a_pause_carries_the_text_of_that_moment(session: Session) -> None:
    """An edit that arrives while an automatic request waits for typing to pause (here an
    import added at the top, with no new request) is in what goes upstream: the document is
    read again after the pause, not kept from the keystroke."""
    await session.start(suggestionsCache={"enabled": False}, codeCompletion={"debounceMs": 1500})
    session.open()
    session.mock.control.clear_requests()
    reply = asyncio.ensure_future(session.inline(end_of(PY_TEXT), invoked=False))

    async def held() -> None:  # the server holds the request (it counts it before the pause)
        while _get(await session.client.protocol.send_request_async(STATS, {}), "requests") < 1:
            pass

    await asyncio.wait_for(held(), 10)
    top = types.Position(line=0, character=0)
    session.type_at(PY_URI, top, "import math\n", version=2)
    result = await reply
    assert _items(result)
    sent = [e for e in session.mock.control.requests() if e["path"] == "/v2/completions"]
    assert len(sent) == 1
    above = sent[0]["json"]["current_file"]["content_above_cursor"]
    assert above.startswith("import math\nimport dataclasses")
