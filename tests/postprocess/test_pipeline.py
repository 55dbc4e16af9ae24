"""The pipeline as a whole: order, failure isolation, the process() call scripts use."""

from __future__ import annotations

from collections.abc import Iterator

import intent
from gitlab_lsp.sdk.postprocess import PIPELINE, Draft, Site, process
from gitlab_lsp.sdk.postprocess.pipeline import run
from gitlab_lsp.sdk.postprocess.whitespace import strip_trailing_whitespace

from .helpers import site


def explode(draft: Draft, site: Site) -> Draft:
    raise RuntimeError("boom")


def blank(draft: Draft, site: Site) -> Draft:
    return Draft("")


def test_the_pipeline_is_one_ordered_list() -> None:
    names = [step.__name__ for step in PIPELINE]
    assert names[0] == "strip_fences" and names[-1] == "resolve_overlap"
    assert len(set(names)) == len(names) == 8


def test_a_step_that_raises_leaves_the_previous_text() -> None:
    out = run(Draft("x = 1  "), site("█"), (explode, strip_trailing_whitespace))
    assert out.text == "x = 1"
    assert out.failed == ("explode",)
    assert out.changed_by == ("strip_trailing_whitespace",)


def test_a_step_over_its_budget_is_dropped() -> None:
    ticks: Iterator[float] = iter([0.0, 1.0])  # the step "takes" one second

    out = run(Draft("keep me"), site("█"), (blank,), clock=lambda: next(ticks), budget_s=0.01)
    assert out.text == "keep me"
    assert out.failed == ("blank",)


def test_a_step_within_budget_applies() -> None:
    ticks: Iterator[float] = iter([0.0, 0.001])
    out = run(Draft("drop me"), site("█"), (blank,), clock=lambda: next(ticks), budget_s=0.01)
    assert out.text == ""


def test_process_the_doubled_bracket_case() -> None:
    out = process("1, 2)", above="total = compute(", below=")\n", language_id="python")
    assert (out.text, out.replace_chars) == ("1, 2", 0)
    assert out.apply("total = compute(", ")\n") == "total = compute(1, 2)\n"


def test_process_uses_the_open_document_incrementally() -> None:
    above = "".join(f"def f{i}(x):\n    return x + {i}\n\n" for i in range(300)) + "v = f1("
    below = ")\nprint(v)\n"
    doc = intent.Document(above + below, language_id="python")
    doc.refresh()
    out = process("1)", above=above, below=below, language_id="python", document=doc)
    assert out.text == "1"
    assert doc.text == above + below  # the check parsed a copy; the document is unchanged


def test_process_derives_the_scope_from_intent() -> None:
    # mid-expression: only the line is wanted
    out = process("a, b)\nprint(x)", above="x = g(", below=")\n", language_id="python")
    assert out.text == "a, b"
    # after `:` at the end of a line: a block
    out = process("\n    return 1\n", above="def f():", below="\n", language_id="python")
    assert out.text == "\n    return 1"


def test_process_with_an_unknown_language_still_runs_the_text_steps() -> None:
    out = process("```\nfoo bar  \n```", above="", below="", language_id="plaintext")
    assert out.text == "foo bar"


def test_intent_errors_if_replaced() -> None:
    doc = intent.Document("x = f()\n", language_id="python")
    assert doc.errors_if_replaced(6, 6, "1") == 0
    assert doc.errors_if_replaced(6, 6, "1))") > 0
    assert doc.text == "x = f()\n"
