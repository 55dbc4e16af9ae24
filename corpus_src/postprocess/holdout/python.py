"""Held-out post-processing cases for Python (written after the pipeline was tuned)."""

from _cases import Cases

case = Cases("python", "inventory/stock.py")

CASES = [
    case.fix("overlap_close", "holdout-sorted-key",
        "def by_name(products):\n    return sorted(products, key=lambda p: p.name█)\n",
        raw=".lower())", want=".lower()"),
    case.keep("overlap_close", "holdout-method-call-own-parens",
        "def restock(shelf):\n    shelf.refill(█)\n",
        raw="shelf.capacity - len(shelf.items)"),
    case.fix("duplicate_below", "holdout-else-branch-below",
        "def status(qty):\n    if qty > 0:\n        █\n    else:\n        return \"out of stock\"\n",
        raw="return \"in stock\"\n    else:\n        return \"out of stock\"",
        want="return \"in stock\""),
    case.keep("scope", "holdout-with-block",
        "def read_rows(path):\n    with open(path, newline=\"\") as fh:█\n",
        raw="\n        reader = csv.DictReader(fh)\n        return list(reader)"),
    case.fix("fences", "holdout-fence-no-language",
        "def in_stock(items):\n    █\n",
        raw="```\nreturn [i for i in items if i.qty > 0]\n```",
        want="return [i for i in items if i.qty > 0]"),
]
