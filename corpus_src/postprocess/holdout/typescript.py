"""Held-out post-processing cases for TypeScript."""

from _cases import Cases

case = Cases("typescript", "src/stock.ts")

CASES = [
    case.fix("overlap_close", "holdout-record-type",
        "const levels: Record<string, number> = {█};\n",
        raw="};", want="",
        note="the answer is nothing but the closers after the cursor"),
    case.keep("overlap_close", "holdout-arrow-returns-object",
        "const toRow = (p: Product) => (█);\n",
        raw="{ id: p.id, qty: p.qty }"),
    case.fix("balance", "holdout-switch-closer-below",
        "function label(s: Status): string {\n  switch (s) {\n    █\n  }\n}\n",
        raw="case Status.Open:\n      return 'open';\n    default:\n      return 'closed';\n  }",
        want="case Status.Open:\n      return 'open';\n    default:\n      return 'closed';"),
    case.keep("duplicate_below", "holdout-similar-field",
        "interface Product {\n  id: string;\n  █\n  qty: number;\n}\n",
        raw="name: string;"),
    case.fix("scope", "holdout-generic-argument",
        "const cache = new Map<string, █>();\n",
        raw="Product>();\nconst other = new Map();", want="Product"),
]
