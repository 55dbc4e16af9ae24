"""Reading the outer members of a message too deep for `json.loads`."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gitlab_lsp.server.shallow_json import NotAnObject, top_level_scalars

scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
)


@given(st.dictionaries(st.text(max_size=6), values, max_size=6))
def test_agrees_with_json_on_ordinary_objects(obj: dict[str, object]) -> None:
    expected = {k: v for k, v in obj.items() if not isinstance(v, list | dict)}
    assert top_level_scalars(json.dumps(obj)) == expected
    assert top_level_scalars(json.dumps(obj, indent=2)) == expected


def test_brackets_inside_strings_do_not_count() -> None:
    text = '{"params": ["]]]", {"x": "{{"}], "id": 7, "method": "m"}'
    assert top_level_scalars(text) == {"id": 7, "method": "m"}


@pytest.mark.parametrize("text", ["[1]", '{"id": 1, "p": [[[', '{"id": 1, "p": "abc', "{id: 1}"])
def test_broken_input_is_refused(text: str) -> None:
    with pytest.raises(NotAnObject):
        top_level_scalars(text)
