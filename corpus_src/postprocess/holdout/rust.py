"""Held-out post-processing cases for Rust."""

from _cases import Cases

case = Cases("rust", "src/stock.rs")

CASES = [
    case.fix("overlap_close", "holdout-hashmap-entry",
        "fn add(map: &mut HashMap<String, u32>, k: &str) {\n    *map.entry(█).or_insert(0) += 1;\n}\n",
        raw="k.to_string()).or_insert(0) += 1;", want="k.to_string()"),
    case.keep("balance", "holdout-impl-block-at-eof",
        "impl Shelf {\n    █",
        raw="pub fn new() -> Self {\n        Self { items: Vec::new() }\n    }\n}"),
    case.fix("fences", "holdout-fence-and-note",
        "fn total(items: &[Item]) -> u32 {\n    █\n}\n",
        raw="```rust\nitems.iter().map(|i| i.qty).sum()\n```\nNote: this assumes qty is u32.",
        want="items.iter().map(|i| i.qty).sum()"),
    case.keep("whitespace", "holdout-raw-string-lines",
        "const HELP: &str = █\n",
        raw="r#\"\nusage: stock [--list]\n\"#;"),
    case.fix("scope", "holdout-if-condition",
        "fn check(qty: u32) {\n    if qty == █\n}\n",
        raw="0 {\n        panic!(\"empty\");\n    }\n}\n\nfn main() {}",
        want="0 {\n        panic!(\"empty\");\n    }"),
]
