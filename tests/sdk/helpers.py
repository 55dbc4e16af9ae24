"""Requests the SDK tests send, and readers of the mock's request log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions, CodeSuggestions

OPTIONS = ClientOptions(ide_name="sdk-tests", ide_version="9.9")

COMPLETION: dict[str, Any] = {
    "file_name": "shop/cart.py",
    "content_above_cursor": "def total(items):\n    result = 0\n    for item in items:\n        ",
    "content_below_cursor": "\n",
    "language_id": "python",
    "intent": "completion",
}

GENERATION: dict[str, Any] = {
    "file_name": "report.py",
    "content_above_cursor": "import csv\n\n# Sum the amounts per customer in invoices.csv\n",
    "content_below_cursor": "",
    "language_id": "python",
    "intent": "generation",
    "generation_type": "comment",
    "user_instruction": "Sum the amounts per customer in invoices.csv",
}


ClientFactory = Callable[..., CodeSuggestions]


def requests_to(
    stack: MockStack, party: str, path_suffix: str, source: str | None = "client"
) -> list[dict[str, Any]]:
    """The mock's log entries of `party` whose path ends with `path_suffix`."""
    return [
        e
        for e in stack.control.requests()
        if e["party"] == party
        and e["path"].endswith(path_suffix)
        and (source is None or e.get("source") == source)
    ]


def direct_access_calls(stack: MockStack) -> list[dict[str, Any]]:
    return requests_to(stack, "instance", "/code_suggestions/direct_access")


def direct_completions(stack: MockStack) -> list[dict[str, Any]]:
    return requests_to(stack, "gateway", "/v2/completions")


def instance_completions(stack: MockStack) -> list[dict[str, Any]]:
    return requests_to(stack, "instance", "/code_suggestions/completions")
