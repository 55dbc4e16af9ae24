"""`ClientOptions(post_processing=True)`: scripts get suggestions fitted to the cursor."""

from __future__ import annotations

from typing import Any

from gitlab_lsp.mock import MockStack

from .helpers import ClientFactory

#: The mock answers a call of a function defined above with its arguments and `)`; the
#: cursor sits before an existing `))`.
DOUBLED: dict[str, Any] = {
    "file_name": "shop/cart.py",
    "content_above_cursor": (
        "import sys\n\n\ndef greet(name):\n    return f'Hello, {name}!'\n\n\n"
        "if __name__ == '__main__':\n    print(greet("
    ),
    "content_below_cursor": "))\n",
    "language_id": "python",
    "intent": "completion",
}


def balanced(suggestion: Any, index: int = 0) -> str:
    above, below = DOUBLED["content_above_cursor"], DOUBLED["content_below_cursor"]
    replace = suggestion.replace[index] if suggestion.replace else 0
    line = (above + suggestion.choices[index] + below[replace:]).split("\n")[-2]
    return line


async def test_raw_by_default(stack: MockStack, make_client: ClientFactory) -> None:
    suggestion = await make_client(stack).suggest(**DOUBLED)
    assert suggestion.text.endswith(")") and suggestion.replace == []
    line = balanced(suggestion)
    assert line.count(")") == line.count("(") + 1  # the raw answer doubles the `)`


async def test_fitted_with_the_option(stack: MockStack, make_client: ClientFactory) -> None:
    suggestion = await make_client(stack, post_processing=True).suggest(**DOUBLED)
    assert suggestion.text and len(suggestion.replace) == len(suggestion.choices)
    line = balanced(suggestion)
    assert line.count(")") == line.count("("), line
