"""Held-out post-processing cases for Java."""

from _cases import Cases

case = Cases("java", "src/main/java/shop/Stock.java")

CASES = [
    case.fix("overlap_close", "holdout-optional-chain",
        "class Stock {\n    String name(Optional<Product> p) {\n        return p.map(█).orElse(\"\");\n    }\n}\n",
        raw="Product::getName).orElse(\"\");", want="Product::getName"),
    case.keep("scope", "holdout-lambda-block",
        "class Stock {\n    void watch() {\n        executor.submit(() -> {█\n    }\n}\n",
        raw="\n            refresh();\n            notifyAll();\n        });"),
    case.fix("repetition", "holdout-looped-import",
        "package shop;\n\n█\n\npublic class Stock {}\n",
        raw="import java.util.List;\nimport java.util.List;\nimport java.util.List;",
        want="import java.util.List;"),
    case.keep("fences", "holdout-string-with-backticks",
        "class Help {\n    static final String HINT = █\n}\n",
        raw="\"Use `stock --list` to see every product.\";"),
    case.fix("indent", "holdout-tabs-java",
        "class Stock {\n\tvoid clear() {\n\t\t█\n\t}\n}\n",
        raw="for (Product p : items) {\n    p.setQty(0);\n}",
        want="for (Product p : items) {\n\t\t\tp.setQty(0);\n\t\t}"),
]
