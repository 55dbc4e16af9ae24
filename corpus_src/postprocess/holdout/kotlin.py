"""Held-out post-processing cases for Kotlin."""

from _cases import Cases

case = Cases("kotlin", "src/main/kotlin/Shelf.kt")

CASES = [
    case.fix("overlap_close", "holdout-filter-lambda",
        "val low = items.filter { █ }\n",
        raw="it.qty < 5 }", want="it.qty < 5"),
    case.keep("balance", "holdout-apply-block-at-eof",
        "val shelf = Shelf().apply {\n    █",
        raw="capacity = 10\n    label = \"A1\"\n}"),
    case.fix("scope", "holdout-elvis-operand",
        "fun name(p: Product?): String {\n    return p?.name ?: █\n}\n",
        raw="\"unknown\"\n}\n\nfun qty(p: Product?) = p?.qty ?: 0",
        want="\"unknown\""),
    case.keep("repetition", "holdout-enum-entries",
        "enum class Size {\n    █\n}\n",
        raw="SMALL,\n    MEDIUM,\n    LARGE,"),
    case.fix("fences", "holdout-fence-kt",
        "fun isEmpty(): Boolean {\n    █\n}\n",
        raw="```kt\nreturn items.isEmpty()\n```", want="return items.isEmpty()"),
]
