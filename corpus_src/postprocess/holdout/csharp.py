"""Held-out post-processing cases for C#."""

from _cases import Cases

case = Cases("csharp", "Stock/Shelf.cs")

CASES = [
    case.fix("overlap_close", "holdout-linq-where",
        "var low = items.Where(█).ToList();\n",
        raw="i => i.Qty < 5).ToList();", want="i => i.Qty < 5"),
    case.keep("balance", "holdout-switch-expression",
        "public string Label(Status s) => s switch\n{\n    █",
        raw="Status.Open => \"open\",\n    _ => \"closed\",\n};"),
    case.fix("repetition", "holdout-looped-attribute",
        "public class Product\n{\n    █\n    public string Name { get; set; }\n}\n",
        raw="[Required]\n    [Required]\n    [Required]",
        want="[Required]"),
    case.keep("indent", "holdout-object-initializer",
        "public Product Sample()\n{\n    █\n}\n",
        raw="return new Product\n    {\n        Name = \"bolt\",\n        Qty = 10,\n    };"),
    case.fix("whitespace", "holdout-trailing-blank",
        "public int Count()\n{\n    █\n}\n",
        raw="return items.Count;\n\n", want="return items.Count;"),
]
