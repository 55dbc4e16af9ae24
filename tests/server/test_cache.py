"""The suggestion cache serves the rest of a shown suggestion as the user types into it."""

from __future__ import annotations

import pytest

from gitlab_lsp.server.cache import SuggestionCache

ABOVE = "def add(a, b):\n    return "
BELOW = "\n\nprint(add(1, 2))\n"


def test_typing_into_a_suggestion_serves_the_rest() -> None:
    cache = SuggestionCache()
    cache.put("file:///a.py", ABOVE, BELOW, ["a + b", "b + a"], "t1")
    hit = cache.get("file:///a.py", ABOVE + "a +", BELOW)
    assert hit is not None
    assert hit.choices == (" b",)
    assert hit.tracking_id == "t1"


def test_untouched_position_serves_the_whole_suggestion() -> None:
    cache = SuggestionCache()
    cache.put("file:///a.py", ABOVE, BELOW, ["a + b"], "t1")
    hit = cache.get("file:///a.py", ABOVE, BELOW)
    assert hit is not None and hit.choices == ("a + b",)


@pytest.mark.parametrize(
    ("uri", "above", "below"),
    [
        ("file:///b.py", ABOVE + "a", BELOW),  # another document
        ("file:///a.py", ABOVE + "x", BELOW),  # typed something else
        ("file:///a.py", ABOVE.replace("add", "sum") + "a", BELOW),  # earlier text changed
        ("file:///a.py", ABOVE + "a", ")" + BELOW),  # rest of the line changed
        ("file:///a.py", ABOVE + "a + b", BELOW),  # suggestion fully typed: nothing left
        ("file:///a.py", ABOVE[:-1], BELOW),  # deleted back before the suggestion
    ],
)
def test_misses(uri: str, above: str, below: str) -> None:
    cache = SuggestionCache()
    cache.put("file:///a.py", ABOVE, BELOW, ["a + b"], "t1")
    assert cache.get(uri, above, below) is None


def test_entries_expire_after_the_ttl() -> None:
    now = [1000.0]
    cache = SuggestionCache(ttl=60.0, clock=lambda: now[0])
    cache.put("file:///a.py", ABOVE, BELOW, ["a + b"], "t1")
    now[0] += 60.0
    assert cache.get("file:///a.py", ABOVE + "a", BELOW) is not None
    now[0] += 0.01
    assert cache.get("file:///a.py", ABOVE + "a", BELOW) is None


def test_oldest_entries_go_beyond_max_size() -> None:
    cache = SuggestionCache(max_size=2)
    for i in range(3):
        cache.put(f"file:///{i}.py", ABOVE, BELOW, [f"x{i}"], f"t{i}")
    assert cache.get("file:///0.py", ABOVE, BELOW) is None
    assert cache.get("file:///2.py", ABOVE, BELOW) is not None


def test_forget_and_clear() -> None:
    cache = SuggestionCache()
    cache.put("file:///a.py", ABOVE, BELOW, ["a + b"], "t1")
    cache.forget("file:///a.py")
    assert cache.get("file:///a.py", ABOVE, BELOW) is None
    cache.put("file:///a.py", ABOVE, BELOW, ["a + b"], "t1")
    cache.clear()
    assert cache.get("file:///a.py", ABOVE, BELOW) is None


def test_empty_choices_are_not_cached() -> None:
    cache = SuggestionCache()
    cache.put("file:///a.py", ABOVE, BELOW, ["", ""], "t1")
    assert cache.get("file:///a.py", ABOVE, BELOW) is None
