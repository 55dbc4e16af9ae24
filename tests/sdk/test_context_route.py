"""Context through the SDK: both routes carry it, redacted, named relatively, within budget."""

from __future__ import annotations

import json

import pytest

from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk.context import ContextItem

from .helpers import COMPLETION, GENERATION, ClientFactory, direct_completions, instance_completions

PAT = "glpat-Xy9vK2mN8pQ4rT6wZ1bC"
ITEMS = [
    ContextItem("snippet", "shop/prices.py", "def apply_tax(amount, rate):\n    ...\n", "imports"),
    {"type": "file", "name": "/home/alice/shop/secrets.py", "content": f'TOKEN = "{PAT}"\n'},
]


async def test_context_goes_on_both_routes_redacted_and_relative(
    stack: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(stack)
    await cs.suggest(**COMPLETION, context=ITEMS)
    await cs.suggest(**GENERATION, context=ITEMS)
    for sent in (direct_completions(stack)[-1], instance_completions(stack)[-1]):
        context = sent["json"]["context"]
        assert [item["name"] for item in context] == ["shop/prices.py", "secrets.py"]
        assert context[0]["resolution_strategy"] == "imports"
        assert "resolution_strategy" not in context[1]
        assert context[1]["content"] == f'TOKEN = "{"*" * len(PAT)}"\n'
    received = json.dumps(stack.control.requests())
    assert PAT not in received and "/home/alice" not in received


async def test_the_budget_counts_the_file_and_trims_the_last_item(
    stack: MockStack, make_client: ClientFactory
) -> None:
    main = len(COMPLETION["content_above_cursor"]) + len(COMPLETION["content_below_cursor"])
    cs = make_client(stack, context_budget=main + 300)
    items = [
        ContextItem("snippet", "a.py", "a" * 200),
        ContextItem("snippet", "b.py", "b\n" * 100),
        ContextItem("snippet", "c.py", "c" * 50),
    ]
    await cs.suggest(**COMPLETION, context=items)
    context = direct_completions(stack)[-1]["json"]["context"]
    assert [item["name"] for item in context] == ["a.py", "b.py"]
    assert context[0]["content"] == "a" * 200
    assert context[1]["content"] == "b\n" * 50  # trimmed to the 100 bytes left, at a line


@pytest.mark.parametrize(
    "bad",
    [
        [{"type": "folder", "name": "a", "content": "x"}],
        [{"type": "file", "name": "a"}],
        [{"type": "file", "name": "", "content": "x"}],
        ["not an item"],
        "a string",
    ],
)
async def test_bad_context_is_a_clear_error_before_any_request(
    stack: MockStack, make_client: ClientFactory, bad: object
) -> None:
    cs = make_client(stack)
    stack.control.clear_requests()
    with pytest.raises(ValueError, match="context"):
        await cs.suggest(**COMPLETION, context=bad)  # type: ignore[arg-type]
    assert direct_completions(stack) == []
