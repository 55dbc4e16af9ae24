"""The model's repertoire: function bodies for a few common tasks, per language family.

Kept as data so the model logic stays short; every snippet is real, working code in its
language, so demo output looks right when pasted.
"""

from __future__ import annotations

#: Task name -> words in a function name or instruction that select it.
TASK_KEYWORDS: dict[str, tuple[str, ...]] = {
    "add": ("add", "plus", "sum_two", "addition"),
    "reverse": ("reverse", "reversed", "backwards"),
    "sort": ("sort", "sorted", "order"),
    "max": ("max", "maximum", "largest", "biggest"),
    "sum": ("sum", "total"),
    "fibonacci": ("fib", "fibonacci"),
    "factorial": ("factorial", "fact"),
    "is_prime": ("prime", "primes"),
    "greet": ("greet", "hello", "greeting", "welcome"),
    "main": ("main",),
}

#: family -> task -> (parameters as written in the signature, body lines without indent).
SNIPPETS: dict[str, dict[str, tuple[str, list[str]]]] = {
    "python": {
        "main": ("", ['print("Hello, world!")']),
        "add": ("a, b", ["return a + b"]),
        "reverse": ("text", ["return text[::-1]"]),
        "sort": ("items", ["return sorted(items)"]),
        "max": (
            "items",
            [
                "if not items:",
                '    raise ValueError("max() of an empty sequence")',
                "largest = items[0]",
                "for item in items[1:]:",
                "    if item > largest:",
                "        largest = item",
                "return largest",
            ],
        ),
        "sum": ("items", ["total = 0", "for item in items:", "    total += item", "return total"]),
        "fibonacci": (
            "n",
            ["a, b = 0, 1", "for _ in range(n):", "    a, b = b, a + b", "return a"],
        ),
        "factorial": (
            "n",
            ["result = 1", "for i in range(2, n + 1):", "    result *= i", "return result"],
        ),
        "is_prime": (
            "n",
            [
                "if n < 2:",
                "    return False",
                "for i in range(2, int(n**0.5) + 1):",
                "    if n % i == 0:",
                "        return False",
                "return True",
            ],
        ),
        "greet": ("name", ['return f"Hello, {name}!"']),
        "generic": (
            "items",
            ["result = []", "for item in items:", "    result.append(item)", "return result"],
        ),
    },
    "javascript": {
        "main": ("", ["console.log('Hello, world!');"]),
        "add": ("a, b", ["return a + b;"]),
        "reverse": ("text", ["return text.split('').reverse().join('');"]),
        "sort": ("items", ["return [...items].sort((a, b) => a - b);"]),
        "max": ("items", ["return items.reduce((a, b) => (b > a ? b : a));"]),
        "sum": ("items", ["return items.reduce((total, item) => total + item, 0);"]),
        "fibonacci": (
            "n",
            [
                "let a = 0;",
                "let b = 1;",
                "for (let i = 0; i < n; i++) {",
                "  [a, b] = [b, a + b];",
                "}",
                "return a;",
            ],
        ),
        "factorial": (
            "n",
            [
                "let result = 1;",
                "for (let i = 2; i <= n; i++) {",
                "  result *= i;",
                "}",
                "return result;",
            ],
        ),
        "is_prime": (
            "n",
            [
                "if (n < 2) return false;",
                "for (let i = 2; i * i <= n; i++) {",
                "  if (n % i === 0) return false;",
                "}",
                "return true;",
            ],
        ),
        "greet": ("name", ["return `Hello, ${name}!`;"]),
        "generic": (
            "items",
            [
                "const result = [];",
                "for (const item of items) {",
                "  result.push(item);",
                "}",
                "return result;",
            ],
        ),
    },
    "go": {
        "main": (")", ['fmt.Println("Hello, world!")']),
        "add": ("a, b int) int", ["return a + b"]),
        "reverse": (
            "s string) string",
            [
                "runes := []rune(s)",
                "for i, j := 0, len(runes)-1; i < j; i, j = i+1, j-1 {",
                "\trunes[i], runes[j] = runes[j], runes[i]",
                "}",
                "return string(runes)",
            ],
        ),
        "sort": (
            "items []int) []int",
            ["sorted := append([]int(nil), items...)", "sort.Ints(sorted)", "return sorted"],
        ),
        "max": (
            "items []int) int",
            [
                "largest := items[0]",
                "for _, v := range items[1:] {",
                "\tif v > largest {",
                "\t\tlargest = v",
                "\t}",
                "}",
                "return largest",
            ],
        ),
        "sum": (
            "items []int) int",
            ["total := 0", "for _, v := range items {", "\ttotal += v", "}", "return total"],
        ),
        "fibonacci": (
            "n int) int",
            ["a, b := 0, 1", "for i := 0; i < n; i++ {", "\ta, b = b, a+b", "}", "return a"],
        ),
        "factorial": (
            "n int) int",
            ["result := 1", "for i := 2; i <= n; i++ {", "\tresult *= i", "}", "return result"],
        ),
        "is_prime": (
            "n int) bool",
            [
                "if n < 2 {",
                "\treturn false",
                "}",
                "for i := 2; i*i <= n; i++ {",
                "\tif n%i == 0 {",
                "\t\treturn false",
                "\t}",
                "}",
                "return true",
            ],
        ),
        "greet": ("name string) string", ['return fmt.Sprintf("Hello, %s!", name)']),
        "generic": (
            "items []string) []string",
            [
                "result := make([]string, 0, len(items))",
                "for _, item := range items {",
                "\tresult = append(result, item)",
                "}",
                "return result",
            ],
        ),
    },
    "ruby": {
        "main": ("", ['puts "Hello, world!"']),
        "add": ("a, b", ["a + b"]),
        "reverse": ("text", ["text.reverse"]),
        "sort": ("items", ["items.sort"]),
        "max": ("items", ["items.max"]),
        "sum": ("items", ["items.sum"]),
        "fibonacci": ("n", ["a, b = 0, 1", "n.times { a, b = b, a + b }", "a"]),
        "factorial": ("n", ["(1..n).reduce(1, :*)"]),
        "is_prime": (
            "n",
            ["return false if n < 2", "", "(2..Math.sqrt(n)).none? { |i| (n % i).zero? }"],
        ),
        "greet": ("name", ['"Hello, #{name}!"']),
        "generic": ("items", ["items.map { |item| item }"]),
    },
    "rust": {
        "main": (")", ['println!("Hello, world!");']),
        "add": ("a: i64, b: i64) -> i64", ["a + b"]),
        "reverse": ("text: &str) -> String", ["text.chars().rev().collect()"]),
        "sort": (
            "items: &[i64]) -> Vec<i64>",
            ["let mut sorted = items.to_vec();", "sorted.sort();", "sorted"],
        ),
        "max": ("items: &[i64]) -> Option<i64>", ["items.iter().copied().max()"]),
        "sum": ("items: &[i64]) -> i64", ["items.iter().sum()"]),
        "fibonacci": (
            "n: u32) -> u64",
            [
                "let (mut a, mut b) = (0, 1);",
                "for _ in 0..n {",
                "    (a, b) = (b, a + b);",
                "}",
                "a",
            ],
        ),
        "factorial": ("n: u64) -> u64", ["(2..=n).product()"]),
        "is_prime": (
            "n: u64) -> bool",
            [
                "if n < 2 {",
                "    return false;",
                "}",
                "(2..).take_while(|i| i * i <= n).all(|i| n % i != 0)",
            ],
        ),
        "greet": ("name: &str) -> String", ['format!("Hello, {name}!")']),
        "generic": ("items: &[String]) -> Vec<String>", ["items.iter().cloned().collect()"]),
    },
    "java": {
        "main": ("String[] args", ['System.out.println("Hello, world!");']),
        "add": ("int a, int b", ["return a + b;"]),
        "reverse": ("String text", ["return new StringBuilder(text).reverse().toString();"]),
        "sort": (
            "int[] items",
            ["int[] sorted = items.clone();", "java.util.Arrays.sort(sorted);", "return sorted;"],
        ),
        "max": (
            "int[] items",
            [
                "int largest = items[0];",
                "for (int item : items) {",
                "    largest = Math.max(largest, item);",
                "}",
                "return largest;",
            ],
        ),
        "sum": (
            "int[] items",
            [
                "int total = 0;",
                "for (int item : items) {",
                "    total += item;",
                "}",
                "return total;",
            ],
        ),
        "fibonacci": (
            "int n",
            [
                "long a = 0, b = 1;",
                "for (int i = 0; i < n; i++) {",
                "    long next = a + b;",
                "    a = b;",
                "    b = next;",
                "}",
                "return a;",
            ],
        ),
        "factorial": (
            "int n",
            [
                "long result = 1;",
                "for (int i = 2; i <= n; i++) {",
                "    result *= i;",
                "}",
                "return result;",
            ],
        ),
        "is_prime": (
            "int n",
            [
                "if (n < 2) {",
                "    return false;",
                "}",
                "for (int i = 2; i * i <= n; i++) {",
                "    if (n % i == 0) {",
                "        return false;",
                "    }",
                "}",
                "return true;",
            ],
        ),
        "greet": ("String name", ['return "Hello, " + name + "!";']),
        "generic": ("java.util.List<String> items", ["return new java.util.ArrayList<>(items);"]),
    },
}

#: Return types for Java signatures, by task.
JAVA_RETURN_TYPES: dict[str, str] = {
    "add": "int",
    "reverse": "String",
    "sort": "int[]",
    "max": "int",
    "sum": "int",
    "fibonacci": "long",
    "factorial": "long",
    "is_prime": "boolean",
    "greet": "String",
    "generic": "java.util.List<String>",
    "main": "void",
}

#: Example arguments used when the model writes a call to a function it recognises.
EXAMPLE_ARGS: dict[str, str] = {
    "add": "2, 3",
    "reverse": '"hello"',
    "sort": "[3, 1, 2]",
    "max": "[3, 1, 2]",
    "sum": "[1, 2, 3]",
    "fibonacci": "10",
    "factorial": "5",
    "is_prime": "7",
    "greet": '"world"',
    "generic": '["a", "b"]',
    "main": "",
}

#: Words completed when the cursor sits right after their first letters.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "python": (
        "print(",
        "return ",
        "import ",
        "def ",
        "class ",
        "for ",
        "while ",
        "elif ",
        "else:",
        "yield ",
        "lambda ",
    ),
    "javascript": (
        "console.log(",
        "const ",
        "return ",
        "function ",
        "let ",
        "export ",
        "import ",
        "async ",
        "await ",
    ),
    "go": ("fmt.Println(", "func ", "return ", "package ", "import ", "for ", "range ", "defer "),
    "ruby": ("puts ", "def ", "end", "return ", "require ", "class ", "module "),
    "rust": ("println!(", "fn ", "let ", "mut ", "return ", "impl ", "struct ", "match "),
    "java": ("System.out.println(", "public ", "private ", "return ", "static ", "class ", "new "),
}
