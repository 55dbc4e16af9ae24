"""Held-out post-processing cases for Lua."""

from _cases import Cases

case = Cases("lua", "lua/shelf.lua")

CASES = [
    case.fix("overlap_close", "holdout-table-insert",
        "local function add(shelf, item)\n  table.insert(█)\nend\n",
        raw="shelf.items, item)", want="shelf.items, item"),
    case.keep("scope", "holdout-function-body",
        "function Shelf:count()█\n",
        raw="\n  return #self.items\nend"),
    case.fix("duplicate_below", "holdout-return-module",
        "local M = {}\n\nfunction M.new()\n  █\nend\n\nreturn M\n",
        raw="return setmetatable({ items = {} }, { __index = M })\nend\n\nreturn M",
        want="return setmetatable({ items = {} }, { __index = M })"),
    case.keep("overlap_close", "holdout-string-concat-own-parens",
        "print(\"items: \" .. █)\n",
        raw="tostring(#shelf.items)"),
    case.fix("whitespace", "holdout-trailing-spaces-multiline",
        "local function reset(shelf)\n  █\nend\n",
        raw="shelf.items = {}  \n  shelf.count = 0   ", want="shelf.items = {}\n  shelf.count = 0"),
]
