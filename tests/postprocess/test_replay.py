"""The replay harness of benchmarks/postprocess.py: it applies items as an editor does, and a
sample of the corpus goes through the real server with exactly the scripted raw answers."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from gitlab_lsp.mock import MockStack

bench: Any = importlib.import_module("benchmarks.postprocess")


def _item(text: str, start: tuple[int, int] | None = None, end: tuple[int, int] | None = None):
    item: dict[str, Any] = {"insertText": text}
    if start is not None and end is not None:
        item["range"] = {
            "start": {"line": start[0], "character": start[1]},
            "end": {"line": end[0], "character": end[1]},
        }
    return item


def test_an_item_without_a_range_goes_in_at_the_cursor() -> None:
    assert bench.apply_item("f()\n", 0, 2, _item("1, 2")) == "f(1, 2)\n"


def test_an_item_replaces_its_range() -> None:
    text = "x = f()\ny = 2\n"
    assert bench.apply_item(text, 0, 6, _item("1, 2)", (0, 6), (0, 7))) == "x = f(1, 2)\ny = 2\n"
    # A range may start before the cursor (the word being typed) and span lines.
    assert bench.apply_item(text, 0, 6, _item("g(0)\nz = 3", (0, 4), (1, 5))) == "x = g(0)\nz = 3\n"


def test_ranges_count_utf16_units() -> None:
    text = 's = "😀é"; f()\n'
    # 😀 is two UTF-16 units: the cursor between the parentheses is at column 13.
    assert bench.apply_item(text, 0, 13, _item("1)", (0, 13), (0, 14))) == 's = "😀é"; f(1)\n'


def test_a_snippet_string_value_is_inserted() -> None:
    item = {"insertText": {"kind": "snippet", "value": "x"}}
    assert bench.apply_item("a = \n", 0, 4, item) == "a = x\n"


def _sample(cases: list[Any]) -> list[Any]:
    """Two cases per language whose cursor ends its line (the server asks there whatever its
    mid-line policy), and every case whose only text after the cursor is closing brackets."""
    picked: list[Any] = []
    per_language: dict[str, int] = {}
    for case in cases:
        rest_of_line = case.text[case.offset :].partition("\n")[0]
        if rest_of_line == "" and per_language.get(case.language, 0) < 2:
            per_language[case.language] = per_language.get(case.language, 0) + 1
            picked.append(case)
        elif rest_of_line == "))" and case.category == "overlap_close":
            picked.append(case)
    return picked


async def test_with_the_pipeline_off_the_raw_answer_is_what_gets_inserted(
    mock_gateway: MockStack,
) -> None:
    cases = _sample(bench.load_corpus())
    assert len({c.language for c in cases}) >= 12
    doubled = [c for c in cases if c.text[c.offset :].startswith("))")]
    assert doubled, "the sample lost the issue's doubled-bracket case"
    replayer = await bench.Replayer.start(mock_gateway, post_processing=False)
    try:
        results = [await replayer.replay(case) for case in cases]
    finally:
        await replayer.close()
    # Each case scripts both queues; its one request took one entry, from the queue of its route.
    left = mock_gateway.control.model_script_left()
    assert len(left["completions"]) + len(left["generations"]) == 1
    wrong = {
        r.case.id: r.document
        for r in results
        if not r.answered or r.document != r.case.raw_inserted
    }
    assert wrong == {}
    # The raw answer doubles the closing brackets after the cursor: what the pipeline fixes.
    first = next(r for r in results if r.case is doubled[0])
    assert first.document.count("))))") == 1 and not first.clean


@pytest.mark.parametrize("known", [True, False])
def test_the_table_reports_both_columns(known: bool) -> None:
    keep = bench.Case("k", "python", "a.py", "scope", True, "x = \n", 0, 4, "1", "x = 1\n")
    fix = bench.Case("f", "go", "a.go", "balance", False, "f(\n", 0, 2, "1)", "f(1)\n")
    off = [bench.Result(keep, "x = 1\n", True, 1.0), bench.Result(fix, "f(1))\n", True, 1.0)]
    on = [bench.Result(keep, "x = 1\n", True, 2.0), bench.Result(fix, "f(1)\n", True, 2.0)]
    table, ok = bench.render(off, on, known)
    rows = {
        line.split("|")[1].strip(): line.split("|")[3:5]
        for line in table.splitlines()[2:]
        if line.startswith("|")
    }
    off_all, on_all = (cell.strip() for cell in rows["ALL: clean insert"])
    assert (off_all, on_all) == ("50.0% (1/2)", "100.0% (2/2)")
    assert ok
    assert ("ignores codeCompletion.postProcessing" in table) is not known


def test_the_big_file_holds_the_doubled_bracket_case_mid_file() -> None:
    case = bench.big_file_case()
    assert case.text.count("\n") == bench.BIG_FILE_LINES
    before, after = case.text[: case.offset], case.text[case.offset :]
    assert before.endswith("    print(total_price(") and after.startswith("))\n")
    assert 900 <= case.line <= 1100
    assert case.expected == before + "items" + after


def test_the_added_p99_on_the_big_file_is_a_target() -> None:
    keep = bench.Case("k", "python", "a.py", "scope", True, "x = \n", 0, 4, "1", "x = 1\n")
    results = [bench.Result(keep, "x = 1\n", True, 1.0)]
    fast = ([1.0] * 100, [1.5] * 100)
    slow = ([1.0] * 100, [4.0] * 100)
    assert bench.render(results, results, True, fast)[1]
    table, ok = bench.render(results, results, True, slow)
    assert not ok and "added p99 <= 2 ms (2,000 lines): +3.00 ms" in table
