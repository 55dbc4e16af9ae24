"""The request `suggest()` and `stream()` share: checked once, before any network work."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from gitlab_lsp.sdk import CodeSuggestions, SyncCodeSuggestions
from gitlab_lsp.sdk.request import Request

BASE: dict[str, Any] = {"file_name": "a.py", "content_above_cursor": "x = "}


def test_defaults_are_filled_in() -> None:
    request = Request.of(BASE)
    assert (request.below, request.choices, request.intent) == ("", 1, None)


@pytest.mark.parametrize(
    ("fields", "error", "words"),
    [
        ({**BASE, "cursor": 3}, TypeError, "cursor"),
        ({"file_name": "a.py"}, TypeError, "content_above_cursor"),
        ({**BASE, "file_name": ""}, ValueError, "file_name"),
        ({**BASE, "content_below_cursor": None}, ValueError, "content_below_cursor"),
        ({**BASE, "choices": 11}, ValueError, "choices"),
        ({**BASE, "choices": 0}, ValueError, "choices"),
    ],
)
def test_bad_requests_are_refused_with_the_argument_named(
    fields: dict[str, Any], error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=words):
        Request.of(fields)


async def test_suggest_and_stream_refuse_bad_requests_before_sending() -> None:
    # An unreachable instance: a request that got past the checks would fail differently.
    async with CodeSuggestions("http://127.0.0.1:9", "glpat-unused") as cs:
        with pytest.raises(TypeError, match="cursor"):
            await cs.suggest(**{**BASE, "cursor": 3})
        with pytest.raises(ValueError, match="choices"):
            cs.stream(**{**BASE, "choices": 99})


def test_the_sync_client_takes_the_same_constructor_arguments() -> None:
    # The two signatures are written out so each class documents itself; this keeps them equal.
    assert inspect.signature(SyncCodeSuggestions.__init__) == inspect.signature(
        CodeSuggestions.__init__
    )
