"""Telemetry events: validated, counted once, and not at all when telemetry is off."""

from __future__ import annotations

from collections import namedtuple

import pytest

from gitlab_lsp.server.telemetry import InvalidTelemetryEvent, Telemetry


def test_notifications_are_counted_and_acceptance_only_once() -> None:
    telemetry = Telemetry(lambda: True)
    event = {
        "category": "code_suggestions",
        "action": "suggestion_accepted",
        "context": {"trackingId": "t1", "optionId": 0},
    }
    telemetry.record_notification(event)
    telemetry.record("suggestion_accepted", "t1")  # the item's command, for the same suggestion
    assert telemetry.counts["suggestion_accepted"] == 1


def test_named_tuple_params_from_pygls_are_read() -> None:
    context = namedtuple("Object", ["trackingId"])("t2")
    event = namedtuple("Object", ["category", "action", "context"])(
        "code_suggestions", "suggestion_shown", context
    )
    telemetry = Telemetry(lambda: True)
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
    with pytest.raises(InvalidTelemetryEvent):
        Telemetry(lambda: True).record_notification(event)


def test_nothing_is_recorded_when_disabled() -> None:
    telemetry = Telemetry(lambda: False)
    telemetry.record("suggestion_shown", "t1")
    assert not telemetry.counts
