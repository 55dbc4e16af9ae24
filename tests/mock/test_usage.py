"""The mock's usage endpoints: GitLab's validation, a Snowplow collector, the events summary."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from gitlab_lsp.mock import MockStack

from .helpers import direct_access, direct_headers, gateway_body, pat_headers

TRACK_EVENT = "/api/v4/usage_data/track_event"
TRACK_EVENTS = "/api/v4/usage_data/track_events"
TP2 = "/com.snowplowanalytics.snowplow/tp2"


def _shown(tracking_id: str = "t1", language: str = "python") -> dict[str, Any]:
    return {
        "event": "code_suggestion_shown_in_ide",
        "additional_properties": {
            "language": language,
            "suggestion_size": 2,
            "unique_tracking_id": tracking_id,
            "branch_name": "main",
        },
    }


def _post(client: httpx.Client, stack: MockStack, path: str, body: Any) -> httpx.Response:
    return client.post(
        stack.instance_url + path, json=body, headers=pat_headers(stack.tokens["duo"])
    )


def test_track_event_and_track_events_are_counted(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    assert _post(client, mock_gateway, TRACK_EVENT, _shown("a")).status_code == 200
    batch = {
        "events": [_shown("b", "go"), {**_shown("c"), "event": "code_suggestion_accepted_in_ide"}]
    }
    assert _post(client, mock_gateway, TRACK_EVENTS, batch).status_code == 200
    summary = mock_gateway.control.events()["instance"]
    assert summary["events"] == {
        "code_suggestion_shown_in_ide": 2,
        "code_suggestion_accepted_in_ide": 1,
    }
    assert summary["by_language"]["go"] == {"code_suggestion_shown_in_ide": 1}
    assert summary["requests"] == {"track_event": 1, "track_events": 1}
    # The request log shows them too, like any request.
    logged = [e for e in mock_gateway.control.requests("instance") if e["path"] == TRACK_EVENTS]
    assert logged[0]["json"] == batch
    mock_gateway.control.reset()
    assert mock_gateway.control.events()["instance"]["events"] == {}


def test_unknown_event_names_are_accepted_as_gitlab_does(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    response = _post(client, mock_gateway, TRACK_EVENT, {"event": "no_such_event"})
    assert response.status_code == 200


def test_more_than_50_events_is_refused_with_gitlabs_message(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    refused = _post(client, mock_gateway, TRACK_EVENTS, {"events": [_shown()] * 51})
    assert refused.status_code == 400
    assert refused.json() == {"message": "Maximum 50 events allowed in one request."}
    assert _post(client, mock_gateway, TRACK_EVENTS, {"events": [_shown()] * 50}).status_code == 200
    summary = mock_gateway.control.events()["instance"]
    assert summary["events"]["code_suggestion_shown_in_ide"] == 50
    assert summary["refused_requests"] == 1


@pytest.mark.parametrize(
    ("path", "body", "error"),
    [
        (TRACK_EVENT, {}, "event is missing"),
        (TRACK_EVENT, {"event": 3}, "event is invalid"),
        (TRACK_EVENT, {"event": "x", "project_id": "p"}, "project_id is invalid"),
        (
            TRACK_EVENT,
            {"event": "x", "additional_properties": []},
            "additional_properties is invalid",
        ),
        (TRACK_EVENTS, {}, "events is missing"),
        (TRACK_EVENTS, {"events": [_shown(), {"namespace_id": 1}]}, "events[1][event] is missing"),
    ],
)
def test_bad_events_get_grapes_errors(
    mock_gateway: MockStack, client: httpx.Client, path: str, body: Any, error: str
) -> None:
    response = _post(client, mock_gateway, path, body)
    assert response.status_code == 400
    assert response.json() == {"error": error}


def test_usage_events_need_a_token(mock_gateway: MockStack, client: httpx.Client) -> None:
    response = client.post(mock_gateway.instance_url + TRACK_EVENT, json=_shown())
    assert response.status_code == 401
    assert mock_gateway.control.events()["instance"]["events"] == {}


def test_snowplow_collector(mock_gateway: MockStack, client: httpx.Client) -> None:
    body = {
        "schema": "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4",
        "data": [{"e": "se", "se_ca": "code_suggestions", "se_ac": "suggestion_shown"}],
    }
    assert client.post(mock_gateway.instance_url + TP2, json=body).status_code == 200
    assert client.post(mock_gateway.instance_url + TP2, json={"data": []}).status_code == 400
    summary = mock_gateway.control.events()["snowplow"]
    assert summary == {"events": {"suggestion_shown": 1}, "requests": 1}


def test_gateway_counts_telemetry_and_validates_it(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    url = f"{details['base_url']}/v2/completions"
    item = {
        "model_engine": "e",
        "model_name": "n",
        "lang": "python",
        "requests": 3,
        "accepts": 1,
        "errors": 0,
    }
    ok = client.post(url, headers=direct_headers(details), json=gateway_body(telemetry=[item]))
    assert ok.status_code == 200
    too_many = client.post(
        url, headers=direct_headers(details), json=gateway_body(telemetry=[item] * 11)
    )
    assert too_many.status_code == 422
    assert too_many.json()["detail"][0]["type"] == "too_long"
    no_counts = client.post(
        url, headers=direct_headers(details), json=gateway_body(telemetry=[{"lang": "go"}])
    )
    assert no_counts.status_code == 422
    gateway = mock_gateway.control.events()["gateway"]
    assert (gateway["requests"], gateway["accepts"], gateway["errors"]) == (3, 1, 0)
