"""Held-out post-processing cases for PHP."""

from _cases import Cases

case = Cases("php", "src/Shelf.php")

CASES = [
    case.fix("overlap_close", "holdout-array-filter",
        "<?php\n$low = array_filter($items, fn($i) => █);\n",
        raw="$i->qty < 5);", want="$i->qty < 5"),
    case.keep("scope", "holdout-match-block",
        "<?php\nfunction label(string $s): string {\n    return match ($s) {█\n}\n",
        raw="\n        'open' => 'Open',\n        default => 'Closed',\n    };"),
    case.fix("duplicate_below", "holdout-constructor-below",
        "<?php\nclass Shelf {\n    private array $items = [];\n    █\n\n    public function __construct() {}\n}\n",
        raw="private int $capacity = 10;\n\n    public function __construct() {}",
        want="private int $capacity = 10;"),
    case.keep("fences", "holdout-heredoc",
        "<?php\n$help = █\n",
        raw="<<<TXT\nUse `shelf list` to see the items.\nTXT;"),
    case.fix("indent", "holdout-doubled-indent",
        "<?php\nclass Shelf {\n    public function count(): int {\n        █\n    }\n}\n",
        raw="        return count($this->items);", want="return count($this->items);"),
]
