"""Held-out post-processing cases for Go."""

from _cases import Cases

case = Cases("go", "stock/stock.go")

CASES = [
    case.fix("overlap_close", "holdout-append",
        "func (s *Shelf) Add(p Product) {\n\ts.items = append(█)\n}\n",
        raw="s.items, p)", want="s.items, p"),
    case.keep("balance", "holdout-defer-func-literal",
        "func (s *Shelf) Lock() {\n\ts.mu.Lock()\n\t█\n}\n",
        raw="defer func() {\n\t\ts.mu.Unlock()\n\t}()"),
    case.fix("duplicate_below", "holdout-err-check-below",
        "func load(path string) ([]byte, error) {\n\t█\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn data, nil\n}\n",
        raw="data, err := os.ReadFile(path)\n\tif err != nil {\n\t\treturn nil, err\n\t}",
        want="data, err := os.ReadFile(path)"),
    case.fix("whitespace", "holdout-trailing-tab",
        "func (s *Shelf) Len() int {\n\treturn █\n}\n",
        raw="len(s.items)\t", want="len(s.items)"),
    case.keep("repetition", "holdout-similar-fields",
        "type Product struct {\n\t█\n}\n",
        raw="ID    string\n\tName  string\n\tQty   int\n\tPrice int"),
]
