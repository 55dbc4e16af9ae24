"""The control surface shows every header clients sent (credentials included) and changes the
mock's behaviour: other machines are refused unless the mock was started to allow them."""

from __future__ import annotations

import socket

import httpx
import pytest
from starlette.applications import Starlette

from gitlab_lsp.mock import MockStack
from gitlab_lsp.mock.control import control_routes
from gitlab_lsp.mock.state import MockState

REMOTE = ("203.0.113.7", 50123)  # TEST-NET-3: never this machine


def control_client(
    client: tuple[str, int] = REMOTE, *, remote_control: bool = False
) -> httpx.AsyncClient:
    """The control surface as served to `client` (an address and port)."""
    app = Starlette(
        routes=control_routes(MockState(), {}, lambda: {}, remote_control=remote_control)
    )
    transport = httpx.ASGITransport(app=app, client=client)
    return httpx.AsyncClient(transport=transport, base_url="http://mock")


@pytest.mark.parametrize("path", ["/-/mock/requests", "/-/mock/state", "/-/mock/faults"])
async def test_another_machine_is_refused(path: str) -> None:
    async with control_client() as client:
        response = await client.get(path)
    assert response.status_code == 403
    assert "--remote-control" in response.json()["detail"]


async def test_another_machine_cannot_change_the_mock_either() -> None:
    async with control_client() as client:
        assert (await client.post("/-/mock/reset")).status_code == 403
        assert (await client.delete("/-/mock/requests")).status_code == 403


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "::ffff:127.0.0.1"])
async def test_loopback_clients_are_served(host: str) -> None:
    async with control_client((host, 50123)) as client:
        assert (await client.get("/-/mock/requests")).status_code == 200


async def test_remote_control_lets_other_machines_in() -> None:
    async with control_client(remote_control=True) as client:
        assert (await client.get("/-/mock/requests")).status_code == 200


def _own_address() -> str | None:
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
        address: str = probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("127.") else address


def test_this_machine_through_its_own_address_is_served() -> None:
    """`--host <this machine's address>`: the mock's own client calls that address."""
    address = _own_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    with MockStack(host=address) as stack:
        assert stack.control.requests() == []
        response = httpx.get(f"{stack.instance_url}/-/mock/state", trust_env=False)
        assert response.status_code == 200
