"""Telemetry events from editors: validated, counted once, and not at all when telemetry is off."""

from __future__ import annotations

from collections import namedtuple

import pytest

from gitlab_lsp.sdk.options import ClientOptions
from gitlab_lsp.sdk.telemetry import SuggestionFacts, UsageTelemetry
from gitlab_lsp.server.telemetry import InvalidTelemetryEvent, Telemetry, local_path


async def _token() -> str:
    return "unused"


def _usage(enabled: bool = True) -> UsageTelemetry:
    options = ClientOptions(telemetry_enabled=enabled)
    return UsageTelemetry("http://127.0.0.1:9", options, _token)


def _shown(usage: UsageTelemetry, tracking_id: str) -> None:
    assert usage.record("suggestion_shown", tracking_id, SuggestionFacts(language="python"))


def test_notifications_are_counted_and_acceptance_only_once() -> None:
    usage = _usage()
    telemetry = Telemetry(lambda: True, lambda: usage)
    _shown(usage, "t1")
    event = {
        "category": "code_suggestions",
        "action": "suggestion_accepted",
        "context": {"trackingId": "t1", "optionId": 0},
    }
    telemetry.record_notification(event)
    telemetry.record("suggestion_accepted", "t1")  # the item's command, for the same suggestion
    assert telemetry.counts["suggestion_accepted"] == 1


def test_gitlab_vim_rejection_of_a_shown_suggestion_counts() -> None:
    """gitlab.vim's CompleteDone hook: `{category, action, context: {trackingId}}`."""
    usage = _usage()
    telemetry = Telemetry(lambda: True, lambda: usage)
    _shown(usage, "t1")
    for tracking_id in ("t1", "never-shown"):
        telemetry.record_notification(
            {
                "category": "code_suggestions",
                "action": "suggestion_rejected",
                "context": {"trackingId": tracking_id},
            }
        )
    assert telemetry.counts["suggestion_rejected"] == 1


def test_named_tuple_params_from_pygls_are_read() -> None:
    context = namedtuple("Object", ["trackingId"])("t2")
    event = namedtuple("Object", ["category", "action", "context"])(
        "code_suggestions", "suggestion_shown", context
    )
    usage = _usage()
    telemetry = Telemetry(lambda: True, lambda: usage)
    telemetry.record_notification(event)
    assert telemetry.counts["suggestion_shown"] == 1


@pytest.mark.parametrize(
    "event",
    [
        {"category": "other", "action": "suggestion_shown", "context": {"trackingId": "t"}},
        {"category": "code_suggestions", "action": "explode", "context": {"trackingId": "t"}},
        {"category": "code_suggestions", "action": "suggestion_shown", "context": {}},
        "not an object",
    ],
)
def test_bad_events_are_rejected(event: object) -> None:
    usage = _usage()
    with pytest.raises(InvalidTelemetryEvent):
        Telemetry(lambda: True, lambda: usage).record_notification(event)


def test_nothing_is_recorded_when_disabled() -> None:
    usage = _usage()
    telemetry = Telemetry(lambda: False, lambda: usage)
    telemetry.record("suggestion_shown", "t1")
    assert not telemetry.counts
    assert usage.counters.totals() == {"requests": 0, "accepts": 0, "errors": 0}


def test_local_path_only_for_file_uris() -> None:
    assert local_path("file:///work/a%20b/x.py") == "/work/a b/x.py"
    assert local_path("untitled:Untitled-1") is None
