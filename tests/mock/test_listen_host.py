"""`--host 0.0.0.0` / `::`: URLs a client can connect to, and a banner that says so."""

from __future__ import annotations

import socket

import httpx
import pytest

from gitlab_lsp.mock import MockStack
from gitlab_lsp.mock.serve import banner
from gitlab_lsp.mock.stack import connectable_host

from .helpers import INSTANCE_COMPLETIONS, direct_access, instance_body, pat_headers


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("0.0.0.0", "127.0.0.1"),
        ("", "127.0.0.1"),
        ("::", "::1"),
        ("127.0.0.2", "127.0.0.2"),
        ("::1", "::1"),
        ("localhost", "localhost"),
    ],
)
def test_connectable_host(host: str, expected: str) -> None:
    assert connectable_host(host) == expected


def test_a_stack_on_all_interfaces_names_the_loopback_address(client: httpx.Client) -> None:
    with MockStack(host="0.0.0.0") as stack:
        urls = (stack.instance_url, stack.cloud_url, stack.customersdot_url, stack.model_url)
        assert all(url.startswith("http://127.0.0.1:") for url in urls)
        assert stack.info["listen_host"] == "0.0.0.0"
        # The parties call each other through these URLs too: both routes work.
        assert direct_access(client, stack)["base_url"] == f"{stack.cloud_url}/ai"
        response = client.post(
            f"{stack.instance_url}{INSTANCE_COMPLETIONS}",
            headers=pat_headers(stack.tokens["duo"]),
            json=instance_body(),
        )
        assert response.status_code == 200, response.text
        text = banner(stack.info)
    assert "0.0.0.0:" not in text
    assert "Listening on all interfaces (0.0.0.0)" in text
    assert socket.gethostname() in text


def test_the_banner_of_a_loopback_stack_does_not_mention_other_machines(
    mock_gateway: MockStack,
) -> None:
    text = banner(mock_gateway.info)
    assert "all interfaces" not in text and mock_gateway.instance_url in text
