"""Context indexes of files not used lately drop their trees and still give the same snippets."""

from __future__ import annotations

from tree_sitter import Parser

from gitlab_lsp.sdk.context.index import FileIndex, IndexCache, build_index
from intent.languages import grammar

SOURCE = b'''# Totals for the invoices page.
def total(items, tax=0.2):
    """The sum of the prices, with tax."""
    return sum(i.price for i in items) * (1 + tax)


class Invoice:
    def add(self, item):
        self.items.append(item)
'''


def index() -> FileIndex:
    return build_index("python", Parser(grammar("python").language).parse(SOURCE), SOURCE)


def test_a_compacted_index_gives_the_same_snippets() -> None:
    full, compacted = index(), index()
    compacted.compact()
    assert compacted._tree is None
    assert compacted.definitions == full.definitions
    for name in ("total", "Invoice"):
        (definition,) = full.definitions[name]
        assert compacted.snippet(definition) == full.snippet(definition)
        assert "def total(items, tax=0.2):" in full.snippet(full.definitions["total"][0])


def test_only_the_newest_indexes_keep_their_trees() -> None:
    cache = IndexCache(tree_budget_bytes=len(SOURCE) * 30 * 2)  # two trees' worth
    indexes = [index() for _ in range(4)]
    for n, item in enumerate(indexes):
        cache.put(f"f{n}.py", 1, item)
    assert [i._tree is not None for i in indexes] == [False, False, True, True]
    # The newest is never compacted, however large.
    small = IndexCache(tree_budget_bytes=1)
    small.put("a.py", 1, indexes[3])
    assert indexes[3]._tree is not None


def test_a_compacted_index_parses_once_for_all_its_snippets(monkeypatch: object) -> None:
    """A request quoting several definitions of a file whose tree was dropped parses that
    file once, not once per snippet."""
    import gitlab_lsp.sdk.context.index as index_module

    compacted = index()
    compacted.compact()
    parses = []
    real = index_module._parse_again

    def counting(item: FileIndex) -> object:
        parses.append(item)
        return real(item)

    monkeypatch.setattr(index_module, "_parse_again", counting)  # type: ignore[attr-defined]
    for name in ("total", "Invoice", "add"):
        for definition in compacted.definitions[name]:
            assert compacted.snippet(definition)
    assert len(parses) == 1
    assert compacted.snippets_ready


def test_an_open_document_keeps_one_index_whatever_its_versions() -> None:
    """Each version of an open document gets its own key; typing must not leave one index
    (with a copy of the file) per keystroke waiting for the LRU."""
    cache = IndexCache()
    versions = [index() for _ in range(5)]
    for version, item in enumerate(versions):
        cache.put("/w/a.py", ("open", (7, version)), item)
    cache.put("/w/b.py", ("open", (8, 1)), other := index())
    cache.put("/w/a.py", ("disk", 1, len(SOURCE)), on_disk := index())
    assert [cache.get("/w/a.py", ("open", (7, v))) for v in range(5)] == [None] * 4 + [versions[4]]
    assert cache.get("/w/b.py", ("open", (8, 1))) is other
    assert cache.get("/w/a.py", ("disk", 1, len(SOURCE))) is on_disk
    assert len(cache._entries) == 3


def test_an_index_with_every_snippet_cut_drops_its_bytes() -> None:
    full, compacted = index(), index()
    compacted.compact()
    compacted.fill_snippets()
    assert compacted.data == b""  # nothing left to cut from it
    kept = index()
    kept.fill_snippets()
    assert kept.data == SOURCE  # it holds its tree: a caller may still cut from it
    for name in ("total", "Invoice"):
        (definition,) = full.definitions[name]
        assert compacted.snippet(definition) == full.snippet(definition)
    kept.compact()
    assert kept.data == b"" and kept.snippet(full.definitions["total"][0]) == full.snippet(
        full.definitions["total"][0]
    )
