"""Trees are kept for the documents in use only; a released document answers the same."""

from __future__ import annotations

from intent.document import Document
from intent.tree_budget import TREE_BYTES_PER_BYTE, TreeBudget

SOURCE = (
    "import os\n\n\ndef load(path):\n    # read the file and return its lines\n\n\n"
    "def save(path, lines):\n    with open(path, 'w') as f:\n        f.write(''.join(lines))\n"
)
POSITIONS = [(4, 41), (5, 0), (3, 16), (9, 34), (8, 4)]


def doc(text: str = SOURCE) -> Document:
    return Document(text, language_id="python", filename="a.py")


def test_a_released_document_keeps_its_text_and_answers() -> None:
    released, kept = doc(), doc()
    before = [released.detect(*p) for p in POSITIONS]
    released.release()
    assert not released.holds_tree
    assert released.text == SOURCE
    assert [released.detect(*p) for p in POSITIONS] == before
    assert released.holds_tree  # parsed again on demand
    # Edits made while released are not lost.
    released.release()
    kept.detect(0, 0)
    for d in (released, kept):
        d.apply_change("    pass\n", start=(5, 0), end=(5, 0))
    assert released.text == kept.text
    assert [released.detect(*p) for p in POSITIONS] == [kept.detect(*p) for p in POSITIONS]


def test_the_least_recently_used_tree_goes_first() -> None:
    a, b, c = doc(), doc(), doc()
    budget = TreeBudget(2 * len(SOURCE.encode()) * TREE_BYTES_PER_BYTE)
    budget.use("a", a)
    budget.use("b", b)
    budget.use("a", a)  # a is used again: b is now the oldest
    budget.use("c", c)
    assert (a.holds_tree, b.holds_tree, c.holds_tree) == (True, False, True)
    assert budget.held_bytes() <= budget.budget_bytes
    assert budget.releases == 1
    budget.forget("a")
    budget.use("b", b)  # tracked again; c and b fit
    assert c.holds_tree and budget.releases == 1


def test_the_document_in_use_keeps_its_tree_whatever_its_size() -> None:
    small, big = doc(), doc(SOURCE * 50)
    budget = TreeBudget(len(SOURCE.encode()) * TREE_BYTES_PER_BYTE * 2)
    budget.use("small", small)
    budget.use("big", big)
    assert big.holds_tree and not small.holds_tree


def test_a_document_not_in_use_does_not_keep_its_decoded_text() -> None:
    """Reading every open document (the context of a request does) must not leave a decoded
    copy of each: only the documents in use (parsed) keep theirs."""
    text = SOURCE * 20 + "# café\n"
    resting = Document(text, language_id="python", filename="a.py", parse=False)
    first, second = resting.text, resting.text
    assert first == second == text
    assert first is not second  # decoded each time, kept by nobody
    resting.refresh()  # in use now
    assert resting.text is resting.text
    resting.release()
    again = resting.text
    assert again == text and again is not resting.text
    assert not resting.holds_tree  # reading the text does not parse


def test_a_nul_near_the_start_is_found_without_decoding() -> None:
    assert Document("a = 1\x00\n", language_id="python", parse=False).has_nul_near_start()
    late = Document("a = 1\n" * 2_000 + "\x00", language_id="python", parse=False)
    assert not late.has_nul_near_start()
    assert not doc().has_nul_near_start()


def test_the_owner_of_other_caches_hears_which_document_left_use() -> None:
    a, b, c = doc(), doc(), doc()
    left: list[str] = []
    budget = TreeBudget(2 * len(SOURCE.encode()) * TREE_BYTES_PER_BYTE, on_release=left.append)
    for key, d in (("a", a), ("b", b), ("c", c)):
        budget.use(key, d)
    assert left == ["a"]
    assert "a" not in budget and "b" in budget and "c" in budget
