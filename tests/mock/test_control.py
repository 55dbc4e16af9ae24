"""The control surface: typed client, request log, validation of control requests, reset."""

from __future__ import annotations

import httpx
import pytest

from gitlab_lsp.mock import ControlError, MockStack

from .helpers import direct_access, direct_headers, gateway_body


def test_request_log_records_each_party_newest_last(
    mock_gateway: MockStack, client: httpx.Client
) -> None:
    details = direct_access(client, mock_gateway)
    client.post(
        f"{details['base_url']}/v2/completions",
        headers=direct_headers(details),
        json=gateway_body(),
    )
    everything = mock_gateway.control.requests()
    assert [e["party"] for e in everything][:2] == ["instance", "gateway"]
    assert everything[-1]["party"] == "model"
    gateway = mock_gateway.control.requests("gateway")
    entry = gateway[-1]
    assert entry["method"] == "POST" and entry["path"] == "/v2/completions"
    assert entry["received_path"] == "/ai/v2/completions"
    assert entry["headers"]["authorization"] == f"Bearer {details['token']}"
    assert entry["json"] == gateway_body()
    assert entry["status"] == 200 and entry["source"] == "client"
    assert all(e["party"] == "gateway" for e in gateway)
    mock_gateway.control.clear_requests()
    assert mock_gateway.control.requests() == []


def test_control_requests_are_not_logged(mock_gateway: MockStack) -> None:
    mock_gateway.control.state()
    mock_gateway.control.faults()
    assert mock_gateway.control.requests() == []


def test_non_json_bodies_are_logged_as_text(mock_gateway: MockStack, client: httpx.Client) -> None:
    client.post(
        f"{mock_gateway.instance_url}/api/v4/code_suggestions/completions", content=b"hello"
    )
    entry = mock_gateway.control.requests("instance")[-1]
    assert entry["json"] is None and entry["body"] == "hello"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"party": "nobody", "path": "/x", "status": 500},
        {"party": "gateway", "path": "x", "status": 500},
        {"party": "gateway", "path": "/x"},
        {"party": "gateway", "path": "/x", "status": 99},
        {"party": "gateway", "path": "/x", "status": 500, "times": 0},
        {"party": "gateway", "path": "/x", "delay": -1},
    ],
)
def test_bad_faults_are_refused(mock_gateway: MockStack, kwargs: dict[str, object]) -> None:
    with pytest.raises(ControlError) as caught:
        mock_gateway.control.fault(**kwargs)  # type: ignore[arg-type]
    assert caught.value.status == 422 and caught.value.detail


def test_bad_control_bodies_are_422(mock_gateway: MockStack, client: httpx.Client) -> None:
    base = f"{mock_gateway.instance_url}/-/mock"
    assert client.put(f"{base}/latency", content=b"{").status_code == 422
    assert client.put(f"{base}/latency", json={"warp": 1}).status_code == 422
    assert client.put(f"{base}/latency", json={"model": -1}).status_code == 422
    assert client.put(f"{base}/token_lifetime", json={"seconds": 0}).status_code == 422
    assert client.put(f"{base}/direct_connections", json={"enabled": "no"}).status_code == 422
    assert client.put(f"{base}/rate_limits", json={"everything": [1, 1]}).status_code == 422
    assert client.put(f"{base}/rate_limits", json={"gateway": [0, 1]}).status_code == 422
    assert client.post(f"{base}/rotate_keys", json={"party": "model"}).status_code == 422
    assert (
        client.post(
            f"{base}/faults", json={"party": "gateway", "path": "/x", "status": 500, "bogus": 1}
        ).status_code
        == 422
    )
    assert client.get(f"{base}/requests", params={"party": "nobody"}).status_code == 422


def test_reset_restores_every_default(mock_gateway: MockStack) -> None:
    control = mock_gateway.control
    defaults = control.state()
    control.fault("gateway", "/v2/completions", status=500)
    control.latency(model=0.1)
    control.token_lifetime(5)
    control.direct_connections(False)
    control.rate_limits(direct_access=None, gateway=(1, 1))
    changed = control.state()
    assert changed != defaults
    control.reset()
    after = control.state()
    assert {k: v for k, v in after.items() if k != "info"} == {
        k: v for k, v in defaults.items() if k != "info"
    }
    assert after["rate_limits"] == {
        "direct_access": [10, 300.0],
        "completions": [60, 60.0],
        "gateway": [60, 60.0],
    }


def test_info_matches_the_stack(mock_gateway: MockStack) -> None:
    info = mock_gateway.control.state()["info"]
    assert info == mock_gateway.info
    assert set(info["tokens"]) >= {"duo", "no_seat", "expired", "no_scope"}
    assert info["cloud_url"] == mock_gateway.cloud_url and info["realm"] == "saas"


def test_stack_lifecycle_without_with() -> None:
    stack = MockStack(realm="self-managed").start()
    try:
        assert stack.realm == "self-managed"
        assert (
            httpx.get(f"{stack.cloud_url}/ai/monitoring/healthz", trust_env=False).status_code
            == 200
        )
    finally:
        stack.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{stack.cloud_url}/ai/monitoring/healthz", trust_env=False)
    stack.start()  # a stopped stack starts again, on new ports
    try:
        assert (
            httpx.get(f"{stack.cloud_url}/ai/monitoring/healthz", trust_env=False).status_code
            == 200
        )
    finally:
        stack.stop()


def test_bad_realm_is_refused() -> None:
    with pytest.raises(ValueError):
        MockStack(realm="moon")


async def test_usable_from_async_tests(mock_gateway: MockStack) -> None:
    async with httpx.AsyncClient(trust_env=False) as client:
        response = await client.post(
            f"{mock_gateway.instance_url}/api/v4/code_suggestions/direct_access",
            headers={"Authorization": f"Bearer {mock_gateway.tokens['duo']}"},
        )
    assert response.status_code == 201
    assert mock_gateway.control.requests("instance")[-1]["status"] == 201


def test_stopping_releases_requests_held_by_a_timeout_fault() -> None:
    import threading
    import time

    stack = MockStack().start()
    stack.control.fault("instance", "/api/v4/version", timeout=True)
    answers: list[int] = []

    def held() -> None:
        url = f"{stack.instance_url}/api/v4/version"
        answers.append(
            httpx.get(
                url, headers={"PRIVATE-TOKEN": stack.tokens["duo"]}, timeout=30, trust_env=False
            ).status_code
        )

    thread = threading.Thread(target=held)
    thread.start()
    while not stack.control.requests("instance"):
        time.sleep(0.01)
    stack.stop()
    thread.join(10)
    assert answers == [504]


def test_request_log_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from gitlab_lsp.mock import state

    monkeypatch.setattr(state, "REQUEST_LOG_LIMIT", 3)
    monkeypatch.setattr(state, "REQUEST_LOG_BODY_BYTES", 100)
    log = state.RequestLog()
    for index in range(5):
        log.append({"party": "gateway", "n": index}, 10)
    assert [e["n"] for e in log.entries()] == [2, 3, 4]
    log.append({"party": "gateway", "n": 5}, 95)
    assert [e["n"] for e in log.entries()] == [5]
