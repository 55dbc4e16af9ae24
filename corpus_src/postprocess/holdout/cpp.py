"""Held-out post-processing cases for C++."""

from _cases import Cases

case = Cases("cpp", "src/stock.cpp")

CASES = [
    case.fix("overlap_close", "holdout-make-unique",
        "auto shelf = std::make_unique<Shelf>(█);\n",
        raw="capacity);", want="capacity"),
    case.keep("scope", "holdout-ctor-body",
        "Shelf::Shelf(int capacity) : capacity_(capacity) {█\n",
        raw="\n    items_.reserve(capacity);\n}"),
    case.fix("balance", "holdout-lambda-closer-below",
        "std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {\n    █\n});\n",
        raw="return a.qty < b.qty;\n});", want="return a.qty < b.qty;"),
    case.keep("duplicate_below", "holdout-similar-member",
        "class Shelf {\n    int capacity_;\n    █\n    std::vector<Item> items_;\n};\n",
        raw="int reserved_ = 0;"),
    case.fix("fences", "holdout-prose-only-line",
        "int Shelf::free() const {\n    █\n}\n",
        raw="Here's the implementation:\nreturn capacity_ - static_cast<int>(items_.size());",
        want="return capacity_ - static_cast<int>(items_.size());"),
]
