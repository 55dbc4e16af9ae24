"""Held-out post-processing cases for JavaScript."""

from _cases import Cases

case = Cases("javascript", "src/stock.js")

CASES = [
    case.fix("overlap_close", "holdout-promise-all",
        "async function loadAll(ids) {\n  return Promise.all(█);\n}\n",
        raw="ids.map((id) => load(id)));", want="ids.map((id) => load(id))"),
    case.keep("balance", "holdout-callback-closes-itself",
        "app.get('/stock', (req, res) => {\n  █",
        raw="res.json(stock.list());\n});"),
    case.fix("repetition", "holdout-looped-export",
        "function restock(item, qty) {\n  item.qty += qty;\n}\n\n█\n",
        raw="export { restock };\nexport { restock };\nexport { restock };",
        want="export { restock };"),
    case.keep("whitespace", "holdout-jsdoc-lines",
        "█\nfunction restock(item, qty) {\n  item.qty += qty;\n}\n",
        raw="/**\n * Adds qty units to the item.\n * @param {Item} item\n * @param {number} qty\n */"),
    case.fix("indent", "holdout-doubled-indent-in-method",
        "class Shelf {\n  clear() {\n    █\n  }\n}\n",
        raw="    this.items.length = 0;", want="this.items.length = 0;"),
]
