"""Completion scope: where a completion calls for the rest of a line or for a block.

`block` after a line ending in `:`, `{`, `do`, `=>` (also `{|}`: only closers follow), and on
a line that holds only indentation (a new line in a block); `line` mid-expression or with
code after the cursor. Every file has enough code and no empty function, so each position
is a completion.
"""

from _helpers import Cases

py = Cases("python")
js = Cases("javascript")
ts = Cases("typescript")
go = Cases("go")
rb = Cases("ruby")
rs = Cases("rust")
java = Cases("java")
c = Cases("c")
cs = Cases("csharp")
php = Cases("php")
kt = Cases("kotlin")
ex = Cases("elixir")
lua = Cases("lua")
scala = Cases("scala")
swift = Cases("swift")

PY = "import os\nimport sys\n\nLIMIT = 10\n\n\ndef load(path):\n    data = open(path).read()\n"
JS = "const fs = require('fs');\nconst path = require('path');\nconst LIMIT = 10;\n\nfunction load(p) {\n  const data = fs.readFileSync(p);\n"
TS = "import { readFileSync } from 'fs';\n\nconst LIMIT = 10;\n\nexport function load(p: string): string {\n  const data = readFileSync(p, 'utf8');\n"
GO = 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc load(p string) string {\n\tdata, _ := os.ReadFile(p)\n'
RB = "require 'json'\n\nLIMIT = 10\n\ndef load(path)\n  data = File.read(path)\n"
RS = "use std::fs;\n\nconst LIMIT: usize = 10;\n\nfn load(p: &str) -> String {\n    let data = fs::read_to_string(p).unwrap();\n"
JAVA = "package app;\n\nimport java.util.List;\n\npublic class Loader {\n    private int limit = 10;\n\n    public int load(List<String> items) {\n        int total = 0;\n"
C = '#include <stdio.h>\n#include <stdlib.h>\n\n#define LIMIT 10\n\nint load(const char *p) {\n    FILE *f = fopen(p, "r");\n'
CS = "using System;\nusing System.IO;\n\npublic class Loader\n{\n    private int limit = 10;\n\n    public int Load(string p)\n    {\n        var data = File.ReadAllText(p);\n"
PHP = "<?php\n\nnamespace App;\n\nuse Foo\\Bar;\n\nfunction load($p) {\n    $data = file_get_contents($p);\n"
KT = "package app\n\nimport java.io.File\n\nconst val LIMIT = 10\n\nfun load(p: String): String {\n    val data = File(p).readText()\n"
EX = "defmodule App.Loader do\n  @limit 10\n  alias App.Repo\n\n  def load(path) do\n    data = File.read!(path)\n"
LUA = "local json = require('json')\nlocal LIMIT = 10\nlocal M = {}\n\nfunction M.load(p)\n  local f = io.open(p)\n"
SCALA = "package app\n\nimport scala.io.Source\n\nobject Loader {\n  val limit = 10\n\n  def load(p: String): String = {\n    val data = Source.fromFile(p).mkString\n"
SWIFT = "import Foundation\n\nlet limit = 10\n\nfunc load(_ p: String) -> String {\n    let data = try! String(contentsOfFile: p)\n"

CASES = [
    # --- python
    py.completion(
        "scope/after-if-colon", "a.py", PY + "    if data:█\n    return data\n", scope="block"
    ),
    py.completion(
        "scope/after-for-colon",
        "a.py",
        PY + "    for line in data.splitlines():█\n    return data\n",
        scope="block",
    ),
    py.completion(
        "scope/new-line-in-block", "a.py", PY + "    █\n    return data\n", scope="block"
    ),
    py.completion(
        "scope/mid-call", "a.py", PY + "    parts = data.split(█)\n    return parts\n", scope="line"
    ),
    py.completion(
        "scope/after-assign", "a.py", PY + "    size = █\n    return data\n", scope="line"
    ),
    py.completion("scope/after-return", "a.py", PY + "    return len(█\n", scope="line"),
    py.completion(
        "scope/code-after-cursor", "a.py", PY + "    x = █ + 1\n    return x\n", scope="line"
    ),
    py.completion(
        "scope/dict-after-colon-mid", "a.py", PY + "    d = {'a': █}\n    return d\n", scope="line"
    ),
    py.completion(
        "scope/after-else",
        "a.py",
        PY + "    if data:\n        data = data.strip()\n    else:█\n    return data\n",
        scope="block",
    ),
    py.completion(
        "scope/lambda-in-call",
        "a.py",
        PY + "    rows = sorted(data, key=lambda r:█)\n    return rows\n",
        scope="line",
    ),
    py.completion(
        "scope/word-end", "a.py", PY + "    data = data.stri█\n    return data\n", scope="line"
    ),
    # --- javascript
    js.completion(
        "scope/after-brace",
        "a.js",
        JS + "  if (data.length > LIMIT) {█\n  }\n  return data;\n}\n",
        scope="block",
    ),
    js.completion(
        "scope/between-braces",
        "a.js",
        JS + "  if (data.length > LIMIT) {█}\n  return data;\n}\n",
        scope="block",
    ),
    js.completion(
        "scope/after-arrow", "a.js", JS + "  const f = (x) =>█\n  return data;\n}\n", scope="block"
    ),
    js.completion("scope/new-line", "a.js", JS + "  █\n  return data;\n}\n", scope="block"),
    js.completion(
        "scope/mid-call",
        "a.js",
        JS + "  const s = data.toString(█);\n  return s;\n}\n",
        scope="line",
    ),
    js.completion(
        "scope/after-equals", "a.js", JS + "  const n = █\n  return data;\n}\n", scope="line"
    ),
    js.completion(
        "scope/code-after", "a.js", JS + "  const n = █ * 2;\n  return n;\n}\n", scope="line"
    ),
    # --- typescript
    ts.completion(
        "scope/after-brace",
        "a.ts",
        TS + "  for (const line of data.split('\\n')) {█\n  }\n  return data;\n}\n",
        scope="block",
    ),
    ts.completion(
        "scope/after-arrow",
        "a.ts",
        TS + "  const lines = data.split('\\n').map((l) =>█\n  return data;\n}\n",
        scope="block",
    ),
    ts.completion(
        "scope/mid-expression",
        "a.ts",
        TS + "  const n: number = data.length + █\n  return data;\n}\n",
        scope="line",
    ),
    ts.completion("scope/new-line", "a.ts", TS + "  █\n  return data;\n}\n", scope="block"),
    # --- go
    go.completion(
        "scope/after-brace",
        "a.go",
        GO + "\tif len(data) > 0 {█\n\t}\n\treturn string(data)\n}\n",
        scope="block",
    ),
    go.completion("scope/new-line", "a.go", GO + "\t█\n\treturn string(data)\n}\n", scope="block"),
    go.completion(
        "scope/mid-call", "a.go", GO + "\tfmt.Println(█)\n\treturn string(data)\n}\n", scope="line"
    ),
    go.completion(
        "scope/after-short-assign",
        "a.go",
        GO + "\tn := █\n\treturn string(data)\n}\n",
        scope="line",
    ),
    go.completion(
        "scope/code-after",
        "a.go",
        GO + "\tn := len(█) + 1\n\treturn fmt.Sprint(n)\n}\n",
        scope="line",
    ),
    # --- ruby
    rb.completion(
        "scope/after-do",
        "a.rb",
        RB + "  data.each_line do |line|█\n    puts line\n  end\n  data\nend\n",
        scope="block",
    ),
    rb.completion(
        "scope/after-do-bare",
        "a.rb",
        RB + "  3.times do█\n    puts data\n  end\n  data\nend\n",
        scope="block",
    ),
    rb.completion("scope/new-line", "a.rb", RB + "  █\n  data\nend\n", scope="block"),
    rb.completion("scope/mid-call", "a.rb", RB + "  JSON.parse(█)\nend\n", scope="line"),
    rb.completion("scope/after-assign", "a.rb", RB + "  size = █\n  data\nend\n", scope="line"),
    # --- rust
    rs.completion(
        "scope/after-brace",
        "a.rs",
        RS + "    if data.len() > LIMIT {█\n    }\n    data\n}\n",
        scope="block",
    ),
    rs.completion(
        "scope/match-arm-arrow",
        "a.rs",
        RS
        + "    let n = match data.len() {\n        0 =>█\n        _ => 1,\n    };\n    data\n}\n",
        scope="block",
    ),
    rs.completion(
        "scope/mid-call", "a.rs", RS + "    let n = data.trim(█);\n    data\n}\n", scope="line"
    ),
    rs.completion("scope/after-let", "a.rs", RS + "    let n = █\n    data\n}\n", scope="line"),
    # --- java
    java.completion(
        "scope/after-brace",
        "Loader.java",
        JAVA + "        for (String item : items) {█\n        }\n        return total;\n    }\n}\n",
        scope="block",
    ),
    java.completion(
        "scope/new-line",
        "Loader.java",
        JAVA + "        █\n        return total;\n    }\n}\n",
        scope="block",
    ),
    java.completion(
        "scope/mid-call",
        "Loader.java",
        JAVA + "        total += items.get(█);\n        return total;\n    }\n}\n",
        scope="line",
    ),
    java.completion(
        "scope/lambda-arrow",
        "Loader.java",
        JAVA + "        items.forEach(item ->█\n        return total;\n    }\n}\n",
        scope="block",
    ),
    java.completion(
        "scope/code-after",
        "Loader.java",
        JAVA + "        total = █ + limit;\n        return total;\n    }\n}\n",
        scope="line",
    ),
    # --- c
    c.completion(
        "scope/after-brace",
        "a.c",
        C + "    if (f == NULL) {█\n    }\n    return 0;\n}\n",
        scope="block",
    ),
    c.completion("scope/new-line", "a.c", C + "    █\n    return 0;\n}\n", scope="block"),
    c.completion("scope/mid-call", "a.c", C + "    fclose(█);\n    return 0;\n}\n", scope="line"),
    c.completion(
        "scope/between-braces", "a.c", C + "    while (1) {█}\n    return 0;\n}\n", scope="block"
    ),
    # --- csharp
    cs.completion(
        "scope/new-line",
        "Loader.cs",
        CS + "        █\n        return data.Length;\n    }\n}\n",
        scope="block",
    ),
    cs.completion(
        "scope/expression-body-arrow",
        "Loader.cs",
        CS + "        Func<int, int> f = x =>█\n        return data.Length;\n    }\n}\n",
        scope="block",
    ),
    cs.completion(
        "scope/mid-call",
        "Loader.cs",
        CS + "        Console.WriteLine(█);\n        return data.Length;\n    }\n}\n",
        scope="line",
    ),
    # --- php
    php.completion(
        "scope/after-brace",
        "a.php",
        PHP + "    if ($data) {█\n    }\n    return $data;\n}\n",
        scope="block",
    ),
    php.completion(
        "scope/mid-call", "a.php", PHP + "    $n = strlen(█);\n    return $data;\n}\n", scope="line"
    ),
    php.completion(
        "scope/after-assign", "a.php", PHP + "    $n = █\n    return $data;\n}\n", scope="line"
    ),
    # --- kotlin
    kt.completion(
        "scope/after-brace",
        "a.kt",
        KT + "    if (data.isEmpty()) {█\n    }\n    return data\n}\n",
        scope="block",
    ),
    kt.completion(
        "scope/lambda-arrow",
        "a.kt",
        KT
        + "    val xs = data.lines().map { line ->█\n        line.trim()\n    }\n    return data\n}\n",
        scope="block",
    ),
    kt.completion(
        "scope/mid-call", "a.kt", KT + "    println(█)\n    return data\n}\n", scope="line"
    ),
    # --- elixir
    ex.completion(
        "scope/after-do",
        "a.ex",
        EX + '    if data != "" do█\n    end\n    data\n  end\nend\n',
        scope="block",
    ),
    ex.completion(
        "scope/fn-arrow",
        "a.ex",
        EX + "    Enum.map(String.split(data), fn x ->█\n    data\n  end\nend\n",
        scope="block",
    ),
    ex.completion(
        "scope/mid-pipe", "a.ex", EX + "    data |> String.split(█)\n  end\nend\n", scope="line"
    ),
    # --- lua
    lua.completion(
        "scope/after-then",
        "a.lua",
        LUA + "  if f == nil then█\n  end\n  return f\nend\n",
        scope="block",
    ),
    lua.completion(
        "scope/after-do",
        "a.lua",
        LUA + "  for i = 1, LIMIT do█\n  end\n  return f\nend\n",
        scope="block",
    ),
    lua.completion("scope/mid-call", "a.lua", LUA + "  print(█)\n  return f\nend\n", scope="line"),
    # --- scala
    scala.completion(
        "scope/after-brace",
        "a.scala",
        SCALA + "    if (data.isEmpty) {█\n    }\n    data\n  }\n}\n",
        scope="block",
    ),
    scala.completion(
        "scope/case-arrow",
        "a.scala",
        SCALA + "    data.length match {\n      case 0 =>█\n      case _ => data\n    }\n  }\n}\n",
        scope="block",
    ),
    scala.completion(
        "scope/mid-call", "a.scala", SCALA + "    println(█)\n    data\n  }\n}\n", scope="line"
    ),
    # --- swift
    swift.completion(
        "scope/after-brace",
        "a.swift",
        SWIFT + "    if data.isEmpty {█\n    }\n    return data\n}\n",
        scope="block",
    ),
    swift.completion(
        "scope/mid-call", "a.swift", SWIFT + "    print(█)\n    return data\n}\n", scope="line"
    ),
    swift.completion(
        "scope/new-line", "a.swift", SWIFT + "    █\n    return data\n}\n", scope="block"
    ),
]
